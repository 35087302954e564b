#!/usr/bin/env node
// `reunify --version` answers before the command line parser is even loaded.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { PACKAGE_VERSION } = await import('../dist/version.js');
  process.stdout.write(PACKAGE_VERSION + '\n');
} else {
  const { main } = await import('../dist/cli/index.js');
  process.exitCode = await main(process.argv);
}
