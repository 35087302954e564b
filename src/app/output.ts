// Writing `--out` files through the one guarded writer (src/io/outputFile.ts):
// paths from the command line are read from the command's working folder, and a
// refusal is a message and exit 1.
import { EXIT, fromCwd, writeErr } from './shared.js';
import { outputRefusalAt } from '../io/outputFile.js';

export interface OutputFile {
  name: string;
  text: string;
}

/** Every file into the folder `dir`, or none: 0, or 1 with the reason on stderr. */
export async function writeOutputFiles(
  dir: string,
  files: readonly OutputFile[],
  options: { force?: boolean; sources?: readonly string[] } = {},
): Promise<number> {
  const { writeIntoFolder, OutputRefusedError } = await import('../io/outputFile.js');
  try {
    writeIntoFolder(fromCwd(dir), files, { ...options, sources: options.sources?.map(fromCwd) }, dir);
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof OutputRefusedError)) throw err;
    writeErr(`reunify: ${err.message}\n`);
    return err.caseFile ? EXIT.usage : EXIT.problems;
  }
}

/** One file at `file`: 0, or 1 with the reason on stderr. */
export async function writeOutput(file: string, text: string, options: { force?: boolean; sources?: readonly string[] } = {}): Promise<number> {
  const { writeOutputFile, OutputRefusedError } = await import('../io/outputFile.js');
  try {
    writeOutputFile(fromCwd(file), text, { ...options, sources: options.sources?.map(fromCwd) }, file);
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof OutputRefusedError)) throw err;
    writeErr(`reunify: ${err.message}\n`);
    return err.caseFile ? EXIT.usage : EXIT.problems;
  }
}

/** Why `file` could not be written now (it is a case file, exists without --force, …), or undefined. */
export function outputRefusal(file: string, options: { force?: boolean; sources?: readonly string[] } = {}): string | undefined {
  return outputRefusalAt(fromCwd(file), { ...options, sources: options.sources?.map(fromCwd) }, file);
}
