// Writes the case and stage schemas built from src/core/model/ids.ts into schemas/.
// Run with `npm run schemas` (builds first). config.schema.json is written elsewhere.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportedSchemas } from '../dist/core/model/schemas.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
for (const [file, schema] of Object.entries(exportedSchemas())) {
  writeFileSync(dir + file, JSON.stringify(schema, null, 2) + '\n');
  console.log(`schemas/${file}`);
}
