// Removes build output before a build, so deleted sources leave no stale files behind.
import { rmSync } from 'node:fs';
for (const dir of process.argv.slice(2)) rmSync(dir, { recursive: true, force: true });
