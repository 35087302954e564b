// The import-boundary rule of eslint.config.js, run through ESLint itself: an import
// that breaks the layering fails in every form it can take, the imports the layering
// allows pass, and there are no exceptions.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Type information is not needed for an import rule, and building the program would take seconds.
const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..'), overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }] });

/** The layering messages ESLint gives for `code` as if it were the file at `filePath`. */
async function layering(code: string, filePath: string): Promise<string[]> {
  const [{ messages }] = (await eslint.lintText(code, { filePath })) as [ESLint.LintResult];
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${m.line}: ${m.message}`);
}

/** The layering the rule must enforce, written out here so that a change to the config cannot quietly weaken it. */
const layers: [string, string[]][] = [
  ['core', ['app', 'cli', 'io', 'report']],
  ['io', ['app', 'cli', 'report']],
  ['report', ['app', 'cli', 'io']],
  ['cli', ['core', 'io', 'report']],
  ['app', ['cli']],
];

describe('the layering rule', () => {
  it.each(layers)('src/%s fails on an import from each layer it may not use, at any depth', async (layer, forbidden) => {
    for (const target of forbidden) {
      expect(await layering(`import { a } from '../${target}/a.js';\nexport const b = a;\n`, `src/${layer}/probe.ts`)).toEqual([
        `1: src/${layer} may not import from src/${forbidden.join(', src/')} (see the layering in eslint.config.js).`,
      ]);
      expect(await layering(`import { a } from '../../${target}/deeper/a.js';\nexport const b = a;\n`, `src/${layer}/sub/probe.ts`)).toHaveLength(1);
    }
  });

  it('catches export … from, import(), import type and a type import expression too', async () => {
    const code = [
      "export { a } from '../report/a.js';",
      "export * from '../report/b.js';",
      "export async function load() { return import('../report/c.js'); }",
      "import type { D } from '../report/d.js';",
      "export type E = import('../report/e.js').E | D;",
    ].join('\n');
    expect((await layering(code, 'src/io/probe.ts')).map((m) => m.split(':')[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('passes the imports the layering allows', async () => {
    const allowed: [string, string][] = [
      ['src/core/sub/probe.ts', "import { a } from '../dates.js';\nimport { b } from './c.js';\nexport const d = [a, b];"],
      ['src/io/probe.ts', "import { a } from '../core/a.js';\nimport { b } from './b.js';\nexport const c = [a, b];"],
      ['src/report/probe.ts', "import { a } from '../core/a.js';\nexport const b = a;"],
      [
        'src/app/probe.ts',
        "import { a } from '../core/a.js';\nimport { b } from '../io/b.js';\nimport { c } from '../report/c.js';\nexport const d = [a, b, c];",
      ],
      ['src/cli/probe.ts', "import { a } from '../app/a.js';\nimport { b } from './b.js';\nimport { c } from '../version.js';\nexport const d = [a, b, c];"],
    ];
    for (const [filePath, code] of allowed) expect(await layering(code, filePath), filePath).toEqual([]);
  });
});
