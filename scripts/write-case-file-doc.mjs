// Rewrites the stage-gates section of docs/case-file.md from STAGE_GATES (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { withStageGates } from '../dist/core/model/gateDocs.js';

const path = 'docs/case-file.md';
writeFileSync(path, withStageGates(readFileSync(path, 'utf8')));
console.log(`wrote the stage gates in ${path}`);
