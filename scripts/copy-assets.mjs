// tsc compiles TypeScript only; the seed data files travel into the build beside their loader.
import { cpSync, readdirSync } from 'node:fs';
for (const f of readdirSync('seeds')) {
  if (f.endsWith('.json') || f.endsWith('.csv')) cpSync(`seeds/${f}`, `dist/seeds/${f}`);
}
