// The install paths run for real (test/package/install.test.ts: from a git URL and the
// pre-commit hook, the GitLab example against GitLab's CI schema; pack.test.ts: the packed tarball installed globally and every command
// run from it): `npm run test:install`.
import { defineConfig } from 'vitest/config';
import base, { INSTALL_TESTS } from './vitest.config.js';

export default defineConfig({ test: { ...base.test, include: [INSTALL_TESTS], exclude: [] } });
