#!/usr/bin/env node
// `reunify --version` answers before the command line parser is even loaded.
import { existsSync } from 'node:fs';

// Run from a checkout before `npm run build`, the compiled program is missing: say so in one
// line (exit 2, as for any setup problem) rather than with Node's module-not-found trace.
const built = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('reunify is not built: run `npm run build` in the folder reunify was installed from (it needs its devDependencies)\n');
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { PACKAGE_VERSION } = await import('../dist/version.js');
  process.stdout.write(PACKAGE_VERSION + '\n');
} else {
  const { main } = await import('../dist/cli/index.js');
  process.exitCode = await main(process.argv);
}
