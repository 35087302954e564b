// A case file's text parsed with positions: split into front matter and body, screened,
// parsed fast or carefully, and every JSON-pointer path mapped back to the line and
// column an editor shows. Pure: src/io/loadCase.ts reads the bytes and calls it.
import type { Document } from 'yaml';
import type { Problem } from '../model/problem.js';
import { nodeRecorder, type FastLocator } from './fastLocate.js';
import { duplicateKeysAt, fastRead } from './fastYaml.js';
import { readPlainYaml } from './plainYaml.js';
import { FrontMatterError, lineStarts, positionAt, splitCase, type SplitCase } from './frontMatter.js';
import { LIMITS, decodeCaseBytes, fileProblem, fileTooLarge, tooManyNodesAt } from './screen.js';
import { duplicateKeyMessage, locateRange, parseYamlText, yamlProblemList, type PairsByName } from './strictYaml.js';

export interface LoadedCase {
  filePath: string;
  /** File name without `.md`: a case's id must equal it. */
  stem: string;
  split?: SplitCase;
  doc?: Document.Parsed;
  /** The front matter as plain data, when it parsed without errors. */
  data?: unknown;
  /** Problems found while reading and parsing, already positioned. */
  problems: Problem[];
  /** Size and modification time of what was read, for conflict detection and caching. */
  stat?: { size: number; mtimeMs: number };
  /** The raw bytes read (kept so a writer can refuse when the file has changed since). */
  bytes?: Buffer;
  /** Line and column for a JSON pointer into the front matter. */
  locate(pointer: string): { line: number; column: number } | undefined;
  /**
   * Which parser read the front matter: the fast path (the plain reader of plainYaml.ts for
   * the layouts it knows, else js-yaml for text the screens in fastYaml.ts vouch for, where
   * both parsers read the same data; js-yaml also reports keys written twice when nothing
   * else is wrong), or the careful `yaml` one.
   */
  parser?: 'fast' | 'careful';
}

/** A case not yet read: no problems, no data, nothing to locate. */
export function unreadCase(filePath: string, stem: string): LoadedCase {
  return { filePath, stem, problems: [], locate: () => undefined };
}

/** Screen the bytes read for `loaded` (size, emptiness, encoding), then parse them. */
export function parseCaseBytes(loaded: LoadedCase, bytes: Buffer, fast = false): LoadedCase {
  loaded.bytes = bytes;
  if (bytes.length > LIMITS.maxFileBytes) {
    loaded.problems.push(fileTooLarge());
    return loaded;
  }
  if (bytes.length === 0) {
    loaded.problems.push(fileProblem('file-empty', 'file is empty: a case file needs YAML front matter'));
    return loaded;
  }
  const decoded = decodeCaseBytes(bytes);
  if ('problem' in decoded) {
    loaded.problems.push(decoded.problem);
    return loaded;
  }
  return parseCaseText(loaded, decoded.text, fast);
}

/** Parse an already-decoded case text into `loaded` (exported for in-memory use by the writer and tests). */
export function parseCaseText(loaded: LoadedCase, decoded: string, fast = false): LoadedCase {
  let split: SplitCase;
  const bomless = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  let starts: number[] | undefined;
  const getStarts = () => (starts ??= lineStarts(bomless));
  const at = (offset: number) => positionAt(getStarts(), offset);
  try {
    split = splitCase(decoded);
  } catch (err) {
    if (err instanceof FrontMatterError) {
      const { line, column } = at(err.offset);
      loaded.problems.push(fileProblem(err.ruleId, err.message, line, column));
      return loaded;
    }
    throw err;
  }
  loaded.split = split;
  if (split.frontMatter.length > LIMITS.maxFrontMatterBytes) {
    loaded.problems.push(fileProblem('file-too-large', `front matter is larger than the ${LIMITS.maxFrontMatterBytes / 1024} KiB limit`));
    return loaded;
  }
  const crowded = tooManyNodesAt(split.frontMatter);
  if (crowded !== undefined) {
    const { line, column } = at(split.frontMatterStart + crowded);
    loaded.problems.push(
      fileProblem(
        'yaml-too-many-nodes',
        `front matter holds more than ${LIMITS.maxNodes.toLocaleString('en-GB')} values (list items, keys, flow items); it is not read further`,
        line,
        column,
      ),
    );
    return loaded;
  }
  const careful = () => parseYamlText(split.frontMatter, split.frontMatterStart, at, 'front matter');
  // where the careful reading places a path, read only when first asked
  let carefulDoc: Document.Parsed | null | undefined;
  // check only reads the document, so the pairs of its maps can be indexed once (a writer changes
  // the document it was given, and places paths in it as it now is)
  const pairs: PairsByName | undefined = fast ? new WeakMap() : undefined;
  const carefulOffset = (pointer: string): number => {
    carefulDoc ??= careful().doc ?? null;
    return (carefulDoc ? locateRange(carefulDoc, pointer, false, pairs)?.[0] : undefined) ?? 0;
  };
  // Most front matters are written the plain way, and the plain reader (plainYaml.ts) reads
  // them, data and positions together, as the careful reading would.
  const plain = fast ? readPlainYaml(split.frontMatter) : undefined;
  if (plain && 'data' in plain) {
    loaded.data = plain.data;
    loaded.parser = 'fast';
    loaded.locate = (pointer: string) => at(split.frontMatterStart + plain.locate(pointer));
    return loaded;
  }
  // Otherwise the fast reading stands whenever the screens (fastYaml.ts) let js-yaml read the text: the
  // two parsers then give the same data, so a problem found in it is the problem the careful
  // reading would give, and its position comes from the same reading (fastLocate.ts). Broken
  // YAML (but for keys written twice, below), and anything the screens send aside, is read
  // carefully from the start.
  const recorder = fast && !plain ? nodeRecorder() : undefined;
  const reading = recorder ? fastRead(split.frontMatter, recorder.listener) : undefined;
  if (reading && 'data' in reading && recorder) {
    loaded.data = reading.data;
    loaded.parser = 'fast';
    let locator: FastLocator | null | undefined;
    loaded.locate = (pointer: string) => {
      // js-yaml's own reading places the path; the careful parser only what the fast locator cannot
      locator ??= recorder.locator(split.frontMatter) ?? null;
      return at(split.frontMatterStart + (locator?.(pointer) ?? carefulOffset(pointer)));
    };
    return loaded;
  }
  // A key written twice is the slip people make most: where it is the only thing wrong, the
  // plain reader (which read everything else) or js-yaml (reading the text again, letting each
  // repeat stand) says where each repeat is, and the careful reading is not needed to report them.
  const repeats =
    plain?.repeatedKeys ?? (reading && 'refused' in reading && reading.refused === 'duplicate-key' ? duplicateKeysAt(split.frontMatter) : undefined);
  if (repeats) {
    const { add, listed } = yamlProblemList(split.frontMatterStart, at, 'front matter');
    for (const offset of repeats) add(offset, 'yaml-duplicate-key', duplicateKeyMessage('front matter'));
    loaded.problems.push(...listed());
    loaded.parser = 'fast';
    // nothing here needs a position yet (each repeat has its own); a caller that asks is answered as the careful reading would
    loaded.locate = (pointer: string) => at(split.frontMatterStart + carefulOffset(pointer));
    return loaded;
  }
  loaded.parser = 'careful';
  const parsed = careful();
  if (parsed.doc) {
    loaded.doc = carefulDoc = parsed.doc;
    loaded.locate = (pointer: string) => at(split.frontMatterStart + carefulOffset(pointer));
  }
  loaded.problems.push(...parsed.problems);
  if (parsed.problems.length === 0) loaded.data = parsed.data;
  return loaded;
}
