// ESLint for src, test, scripts, bench and bin, type-aware for TypeScript, with the
// import-boundary rule that keeps the layers one-way: cli parses arguments and calls
// app; app runs a command over core, io and report; core is pure; io and report never reach up.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

/** The Node.js globals the plain JavaScript files use. */
const NODE_GLOBALS = { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' };

/** What each folder under src/ may never import from (src/app may import core, io and report). */
const FORBIDDEN_LAYERS = {
  core: ['app', 'cli', 'io', 'report'],
  io: ['app', 'cli', 'report'],
  report: ['app', 'cli', 'io'],
  cli: ['core', 'io', 'report'], // cli parses arguments and calls src/app; version.ts is its own too
  app: ['cli'], // app is called by cli, never the other way
};

/**
 * One no-restricted-syntax entry per kind of module reference (import, export … from,
 * import(), import('…').Type) for a relative path that climbs into one of `layers`.
 * The path is matched as written: `../io/x.js` from src/cli, `../../io/x.js` from
 * src/cli/format. Esquery regexes cannot hold a slash, hence \x2F.
 */
function forbidImports(layer, layers) {
  if (layers.length === 0) return ['off'];
  const source = `/^(\\.\\.\\x2F)+(${layers.join('|')})\\x2F/`;
  const message = `src/${layer} may not import from src/${layers.join(', src/')} (see the layering in eslint.config.js).`;
  return [
    'error',
    { selector: `:matches(ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration, ImportExpression) > Literal.source[value=${source}]`, message },
    { selector: `TSImportType Literal[value=${source}]`, message },
  ];
}

const layering = [
  ...Object.entries(FORBIDDEN_LAYERS).map(([layer, layers]) => ({
    name: `layering/${layer}`,
    files: [`src/${layer}/**/*.ts`],
    rules: { 'no-restricted-syntax': forbidImports(layer, layers) },
  })),
];

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'examples/', 'schemas/', 'templates/', 'test/fixtures/', 'bench/.caseload*/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Type-aware rules that catch real bugs (lost promises, wrong throws) and cost
      // little once the program is built; the stylistic type-aware rules are left out.
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/restrict-plus-operands': 'error',
      // A leading underscore marks a value left out on purpose (`const { a: _a, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // These tests prove that no control character reaches the terminal, so their patterns name control characters on purpose.
    files: ['test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  ...layering,
);
