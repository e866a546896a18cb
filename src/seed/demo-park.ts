import type { DynamicModule, Type } from '@nestjs/common';
import { ConfigError } from '@jcv/config';

/** What seeds/demo hands the API: its module and the accounts a newcomer signs in with. */
export interface DemoPark {
  /** Loads the demo park into a database that had no users, after the product's seed. */
  module: Type;
  /** One account per role; the bootstrap ADMIN is the product's and is not among them. */
  accounts: readonly { role: string; email: string; password: string }[];
}

// A specifier TypeScript does not follow: a literal import() would pull seeds/demo into every
// build, the production one included, which leaves the demo out.
const DEMO_ENTRY = '../../seeds/demo/index.js';

let loading: Promise<DemoPark> | undefined;

/**
 * The demo park of a development build, loaded only when SEED_DEMO is on (never in production,
 * where the configuration refuses it). A build without the demo stops with a message naming
 * SEED_DEMO rather than a missing module.
 */
export function loadDemoPark(): Promise<DemoPark> {
  loading ??= import(DEMO_ENTRY).then(
    (entry: { demoPark: DemoPark }) => entry.demoPark,
    (err: NodeJS.ErrnoException) => {
      loading = undefined;
      if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('seeds/demo'))
        throw new ConfigError([
          'SEED_DEMO is on, but this build holds no demo park (seeds/demo): set SEED_DEMO=false',
        ]);
      throw err;
    },
  );
  return loading;
}

/**
 * The demo's module for AppModule's imports. Nest awaits a module given as a promise; it gets the
 * class itself, not a `{ module }` wrapper, which Nest would count as a second module beside the
 * class a test imports.
 */
export function demoParkModule(): Promise<DynamicModule> {
  const module = loadDemoPark().then((demo) => demo.module);
  // Nest awaits it later, while scanning: a failure is its to report, not an unhandled rejection.
  module.catch(() => {});
  return module as Promise<unknown> as Promise<DynamicModule>;
}
