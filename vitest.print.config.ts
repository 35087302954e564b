// Every example product printed to PDF by headless Chromium (test/report/print-pdf.test.ts):
// `npm run test:print`.
import { defineConfig } from 'vitest/config';
import base, { PRINT_TESTS } from './vitest.config.js';

export default defineConfig({ test: { ...base.test, include: [PRINT_TESTS], exclude: [] } });
