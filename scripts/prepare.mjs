// npm's `prepare` step: builds dist/ when reunify is installed from a git URL or a checkout
// (npm installs the devDependencies first in both cases). Without them the TypeScript
// compiler is missing; say that in words instead of a `tsc: not found` from the shell.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('typescript/package.json');
} catch {
  process.stderr.write(
    'reunify: cannot build: the devDependencies (TypeScript) are not installed.\n' +
      'Install from a checkout with `npm ci` (without --omit=dev) and then `npm run build`, or install a tarball made with `npm pack`.\n',
  );
  process.exit(1);
}
const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
