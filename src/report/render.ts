// Renders a view model through Handlebars templates. Templates come from the
// shipped `templates/` folder, overridden file by file by a user's folder; partials
// and helpers are shared. Strict mode: a template asking for a key the view model
// does not have is an error naming the template and the key. Case data is only
// ever passed as context, never compiled, so `{{…}}` in a case field stays text.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Level } from '../core/model/ids.js';
import { escapeMarkdown, escapeViewForMarkdown } from '../core/escape/markdown.js';
import { cssString } from '../core/escape/css.js';
import { genogramMermaid, genogramSvg, type Genogram } from './genogram.js';
import { inlineMarkdownHtml } from './markdownHtml.js';
import { ageText, idWords, longDate } from './words.js';

export type OutputFormat = 'md' | 'html';

export class TemplateError extends Error {}

export interface TemplateOptions {
  /** Shipped templates (the package's `templates/`). */
  shippedDir: string;
  /** A user's folder whose files replace shipped ones of the same name. */
  overrideDir?: string;
  /** Labels for the four levels (config `labels.levels`). */
  levelLabels: Record<Level, string>;
}

interface TemplateFile {
  name: string;
  path: string;
  source: string;
}

/** `<name>.<format>.hbs` files of a folder (and of its `partials/`), by name. */
function templateFiles(dir: string, format: OutputFormat, sub = ''): Map<string, TemplateFile> {
  const out = new Map<string, TemplateFile>();
  const folder = join(dir, sub);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return out;
  const suffix = `.${format}.hbs`;
  for (const entry of readdirSync(folder).sort()) {
    if (!entry.endsWith(suffix)) continue;
    const path = join(folder, entry);
    if (!statSync(path).isFile()) continue;
    out.set(entry.slice(0, -suffix.length), { name: entry.slice(0, -suffix.length), path, source: readFileSync(path, 'utf8') });
  }
  return out;
}

function merged(options: TemplateOptions, format: OutputFormat, sub: string): Map<string, TemplateFile> {
  const files = templateFiles(options.shippedDir, format, sub);
  if (options.overrideDir) for (const [name, file] of templateFiles(options.overrideDir, format, sub)) files.set(name, file);
  return files;
}

/** Handlebars' messages, reworded to name the template file and the missing key. */
function templateError(err: unknown, file: TemplateFile): TemplateError {
  if (err instanceof TemplateError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const missing = /^"([^"]+)" not defined in .*? - (\d+):(\d+)$/s.exec(message);
  if (missing) return new TemplateError(`${file.path}: the view model has no key "${missing[1]}" (line ${missing[2]}, column ${Number(missing[3]) + 1})`);
  return new TemplateError(`${file.path}: ${message.split('\n')[0]}`);
}

const HELPER_NAMES = [
  'date',
  'level',
  'outcome',
  'words',
  'age',
  'rag',
  'md',
  'inline',
  'eq',
  'join',
  'genogram-svg',
  'genogram-mermaid',
  'css-string',
] as const;

function registerHelpers(env: typeof Handlebars, format: OutputFormat, labels: Record<Level, string>): void {
  // helper output that is built from configuration or ids is escaped for Markdown too
  const out = (s: string) => (format === 'md' ? escapeMarkdown(s) : s);
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  env.registerHelper('date', (v: unknown) => longDate(str(v)));
  env.registerHelper('level', (v: unknown) => {
    const id = str(v);
    return Object.hasOwn(labels, id) ? out(labels[id as Level]) : idWords(id);
  });
  env.registerHelper('outcome', (v: unknown) => idWords(str(v)));
  env.registerHelper('words', (v: unknown) => idWords(str(v)));
  env.registerHelper('rag', (v: unknown) => idWords(str(v)));
  env.registerHelper('age', (dob: unknown, on: unknown) => ageText(str(dob), str(on)));
  env.registerHelper('md', (v: unknown) => escapeMarkdown(str(v)));
  // body text: inline Markdown rendered to HTML (raw HTML shown as text); in Markdown, the text as the view holds it
  env.registerHelper('inline', (v: unknown) => (format === 'html' ? new env.SafeString(inlineMarkdownHtml(str(v))) : str(v)));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(str).join(typeof sep === 'string' ? sep : ', ') : ''));
  // a quoted CSS string with every character that is not a letter, digit or space as a CSS escape
  env.registerHelper('css-string', (v: unknown) => new env.SafeString(cssString(str(v))));
  env.registerHelper('genogram-svg', (g: Genogram, title: unknown) => new env.SafeString(genogramSvg(g, str(title))));
  env.registerHelper('genogram-mermaid', (g: Genogram) => genogramMermaid(g));
}

/**
 * Render report `name` (e.g. `assessment`) in a format. The view is escaped for
 * Markdown here; HTML is escaped by Handlebars as it renders.
 */
export function renderReport(name: string, format: OutputFormat, view: object, options: TemplateOptions): string {
  const env = Handlebars.create();
  registerHelpers(env, format, options.levelLabels);
  const compileOptions = {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(HELPER_NAMES.map((h) => [h, true])),
    noEscape: format === 'md',
    preventIndent: true,
  };
  const compile = (file: TemplateFile) => {
    let compiled: HandlebarsTemplateDelegate;
    try {
      compiled = env.compile(file.source, compileOptions);
    } catch (err) {
      throw templateError(err, file);
    }
    return (context: unknown, runtime?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, runtime);
      } catch (err) {
        throw templateError(err, file);
      }
    };
  };
  for (const partial of merged(options, format, 'partials').values()) {
    env.registerPartial(partial.name, compile(partial) as unknown as Handlebars.Template);
  }
  const template = merged(options, format, '').get(name);
  if (!template)
    throw new TemplateError(`no template "${name}.${format}.hbs" in ${options.overrideDir ? `${options.overrideDir} or ` : ''}${options.shippedDir}`);
  const context = format === 'md' ? escapeViewForMarkdown(view) : view;
  const rendered = compile(template)(context);
  return format === 'md' ? tidyMarkdown(rendered) : rendered;
}

/** At most one blank line in a row, and one newline at the end. */
function tidyMarkdown(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\n*$/, '\n');
}
