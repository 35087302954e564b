// The install paths run for real (test/package/install.test.ts): `npm run test:install`.
import { defineConfig } from 'vitest/config';
import base, { INSTALL_TESTS } from './vitest.config.js';

export default defineConfig({ test: { ...base.test, include: [INSTALL_TESTS], exclude: [] } });
