// `reunify report <case> --type …` and `reunify report --caseload [dir]`: the
// written products (docs/framework.md §6) from Handlebars templates, as Markdown or as
// one print-ready HTML file. Handlebars is loaded only when a report is made.
import { Command, Option } from 'commander';
import { setExitCode } from '../app/shared.js';
import { DECISION_POINTS } from '../app/options.js';
import { REPORT_TYPES as TYPES, runReportCommand, type ReportFlags } from '../app/report.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write up a case as a written assessment, decision record, parental agreement, transition plan or post-return review; or the caseload for a practice lead',
    )
    .argument('[case]', 'the case file to write up')
    .addOption(new Option('-t, --type <type>', 'which written product').choices([...TYPES]))
    .addOption(new Option('--point <point>', 'decision point of a decision record (default: the latest)').choices([...DECISION_POINTS]))
    .option('--caseload [dir]', 'the caseload summary for a folder (default: the current folder)')
    .option('--shared', 'with --caseload: for sharing beyond the team (small counts hidden, no case listed)')
    .addOption(new Option('--to <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('-o, --out <file|dir>', 'write to this file, or into this folder under a generated name (default: stdout)')
    .option('--force', 'replace a file already at --out (never a case file)')
    .option('--as-of <date>', 'date of the report (YYYY-MM-DD; default: the config\'s as_of, else today); later records are left out of "latest"')
    .option('--templates <dir>', 'templates that replace shipped ones of the same file name; the rest stay')
    .option('--names <file>', 'YAML map of refs to real names, merged at render time only (never stored)')
    .option('--draft', 'render a signed-off product afresh from the file as it stands, instead of its frozen copy')
    .option('--for <person>', 'a family copy for this person id (or "child"): only what that reader may see, in plain words')
    .option('-q, --quiet', 'print nothing on success when writing to --out')
    .option('--config <file>', 'use this reunify.config.yaml instead of searching for one')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Examples:
  $ reunify report cases/RF-0001.md --type decision --point rc1_d2 --as-of 2026-11-01
  $ reunify report cases/RF-0006.md --type agreement --to html --for mum --names names.yaml --out letters/
  $ reunify report --caseload examples/caseload --to html --out caseload.html`,
    )
    .action(async (target: string | undefined, flags: ReportFlags) => {
      setExitCode(await runReportCommand(target, flags));
    });
}
