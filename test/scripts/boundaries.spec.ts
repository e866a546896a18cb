import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ESLint } from 'eslint';

// The project's ESLint configuration, as `npm run lint` runs it, on files that are not in the
// tree: each import below must be refused (or allowed) by jcv/boundaries.
const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function boundaryProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'jcv/boundaries').map((m) => m.message);
}

describe('jcv/boundaries', () => {
  it.each([
    [
      'a test reaching into a lib by a relative path',
      'test/bench/data.ts',
      `import { withCheckChar } from '../../libs/tenants/src/credit-code/credit-code.js';`,
      `import '@jcv/tenants' (its index.ts), not a file inside libs/tenants`,
    ],
    [
      'a test reaching into a lib through the alias',
      'test/e2e/reports.e2e-spec.ts',
      `import { addMonths } from '@jcv/reporting/src/periods.js';`,
      `import '@jcv/reporting' (its index.ts), not '@jcv/reporting/src/periods.js'`,
    ],
    [
      'a lib reaching into another lib',
      'libs/milestones/src/progress/x.ts',
      `import { addMonths } from '../../../reporting/src/periods.js';`,
      `import '@jcv/reporting' (its index.ts), not a file inside libs/reporting`,
    ],
    [
      'a lib re-exporting another lib by a relative path',
      'libs/milestones/src/index.ts',
      `export * from '../../tenants/src/credit-code.js';`,
      `import '@jcv/tenants' (its index.ts), not a file inside libs/tenants`,
    ],
    [
      'a lib loading another lib on demand',
      'libs/milestones/src/x.ts',
      `export const load = () => import('../../space/src/units.service.js');`,
      `import '@jcv/space' (its index.ts), not a file inside libs/space`,
    ],
    [
      'a lib importing the API app',
      'libs/tenants/src/x.ts',
      `import { AppModule } from '../../../src/app.module.js';`,
      'a lib must not import from the API app (src/)',
    ],
    [
      'a lib importing the worker',
      'libs/milestones/src/x.ts',
      `import { WorkerModule } from '../../../apps/worker/src/worker.module.js';`,
      'a lib must not import from app worker',
    ],
    [
      'a lib importing a test helper outside its specs',
      'libs/reporting/src/x.ts',
      `import { zip } from '../../../test/support/zip-writer.js';`,
      'a lib must not import from test/',
    ],
    [
      'the API importing the worker',
      'src/app.module.ts',
      `import { InProcessJobs } from '../apps/worker/src/in-process-jobs.js';`,
      'the API app (src/) must not import files of app worker',
    ],
    [
      'the worker importing the API',
      'apps/worker/src/main.ts',
      `import { createLogger } from '../../../src/logging/logger.js';`,
      'app worker must not import files of the API app (src/)',
    ],
    [
      'the API importing a test helper',
      'src/app.factory.ts',
      `import { startTestApp } from '../test/support/test-app.js';`,
      'the API app (src/) must not import from test/',
    ],
  ])('refuses %s', async (_case, file, code, message) => {
    expect(await boundaryProblems(file, code)).toEqual([message]);
  });

  it.each([
    [
      'a test importing a lib by its name',
      'test/e2e/x.e2e-spec.ts',
      `import { Role } from '@jcv/shared';`,
    ],
    [
      'a lib importing its own files',
      'libs/reporting/src/x.ts',
      `import { addMonths } from './periods.js';`,
    ],
    [
      'a test starting an app',
      'test/e2e/x.e2e-spec.ts',
      `import { createWorker } from '../../apps/worker/src/worker.js';`,
    ],
    [
      "a lib's spec importing a test helper",
      'libs/reporting/src/spreadsheets/x.spec.ts',
      `import { zip } from '../../../../test/support/zip-writer.js';`,
    ],
    [
      'an app importing its own files',
      'apps/worker/src/main.ts',
      `import { runWorker } from './worker.js';`,
    ],
    [
      'the API reading the seed data',
      'src/seed/x.ts',
      `import { parkSeed } from '../../seeds/index.js';`,
    ],
  ])('allows %s', async (_case, file, code) => {
    expect(await boundaryProblems(file, code)).toEqual([]);
  });
});
