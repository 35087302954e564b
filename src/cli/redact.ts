// `reunify redact <case|dir> --out DIR`: an anonymised copy for teaching, with a
// report of what was replaced and what to read. Never writes into the source, and
// writes nothing when the check finds something known left in the copy.
import type { Command } from 'commander';
import { setExitCode } from '../app/shared.js';
import { runRedact, type RedactFlags } from '../app/redact.js';

export function registerRedact(program: Command): void {
  program
    .command('redact')
    .description('an anonymised copy of a case or caseload for teaching: names, ids, identifiers, places and dates replaced, with a report')
    .argument('<case|dir>', 'a case file or a caseload folder')
    .requiredOption('--out <dir>', 'a new or empty folder for the copy, outside the source')
    .option('--seed <n>', 'seed for the pseudonyms and the date offset (default: a random one)')
    .option(
      '--as-of <date>',
      "the date the originals are checked as of (YYYY-MM-DD; default: the config's as_of, else today); the copy records it moved back with the dates",
    )
    .option('--names <file>', 'a names file (YAML map of refs to real names, as for report --names): every word of those names is replaced too')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one (its redact.places and redact.schools are replaced too)')
    .addHelpText(
      'after',
      `
Replaced everywhere (front matter, x- field keys and values, body), in any letter
case, with or without accents and apostrophes, possessive or plural, with a
grammatical ending (Kowalczyka), either side of a hyphen or dash: every word of
every name the tool knows (refs, team, by, name fields, x- fields about a person
such as x-name-at-birth, x-goes-by or a list in x-siblings, --names),
written together, next to digits, split by a dash or spelled out, a known initial
standing alone, the initials of a known full name, names after a title, case ids
and their numbers (case no. 0006),
redact.places and redact.schools, and by their shape NHS numbers, UK phone numbers
(O for 0 too), National Insurance numbers, hospital numbers (MRN 1234567), street
addresses, postcodes and email addresses. Every date that names a day, in any
written form, moves back by one offset as a whole (each day of a range or list); a
year written alone or in words never moves, and is listed for review. Look-alike
letters (Cyrillic а in a Latin name, full-width letters) and invisible characters
are read as plain letters first. Before writing, the whole copy is checked word by
word: if anything known is left, an original date included, it is named and
nothing is written (exit 1). Words the tool cannot be sure of are
listed in redaction-report.md. Read every file of the copy before sharing it: free
text can hold details no pattern recognises (docs/training.md).

Examples:
  $ reunify redact examples/caseload --out teaching-copy
  $ reunify redact cases/RF-0006.md --out case-study --seed 42
  $ reunify check teaching-copy`,
    )
    .action(async (source: string, flags: RedactFlags) => {
      setExitCode(await runRedact(source, flags));
    });
}
