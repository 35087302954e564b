import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
