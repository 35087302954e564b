import { defineConfig } from 'vitest/config';

export const INSTALL_TESTS = 'test/package/{install,pack}.test.ts';
export const PRINT_TESTS = 'test/report/print-*.test.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The git-URL install and the pre-commit hook each install every devDependency and build
    // (minutes of npm and tsc), and the packed tarball is installed globally and every command
    // run from it (a minute of npm and process start-ups); they run on their own:
    // `npm run test:install` (.ci/run runs both).
    // Printing every example product and a training pack of each scenario with headless
    // Chromium takes a minute or two more:
    // `npm run test:print` (.ci/run runs it too).
    exclude: ['**/node_modules/**', INSTALL_TESTS, PRINT_TESTS],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    isolate: false,
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // GitHub's workflow parser imports its JSON schema without an import attribute, which
    // Node refuses; transformed by vitest, the import works (test/ci/schemas.test.ts).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
