// Rewrites docs/commands/ from the command definitions (run after `npm run build`).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { COMMAND_DOCS_DIR, commandDocFiles } from '../dist/cli/commandDocs.js';
import { buildProgram } from '../dist/cli/index.js';

const files = commandDocFiles(buildProgram());
mkdirSync(COMMAND_DOCS_DIR, { recursive: true });
for (const name of readdirSync(COMMAND_DOCS_DIR)) {
  if (!files.has(`${COMMAND_DOCS_DIR}/${name}`)) rmSync(`${COMMAND_DOCS_DIR}/${name}`);
}
for (const [path, text] of files) writeFileSync(path, text);
console.log(`wrote ${files.size - 1} command pages and ${COMMAND_DOCS_DIR}/README.md`);
