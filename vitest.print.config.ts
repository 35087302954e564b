// Every example product and every file of a training pack printed to PDF by headless
// Chromium (test/report/print-pdf.test.ts, print-pack.test.ts):
// `npm run test:print`.
import { defineConfig } from 'vitest/config';
import base, { PRINT_TESTS } from './vitest.config.js';

export default defineConfig({ test: { ...base.test, include: [PRINT_TESTS], exclude: [] } });
