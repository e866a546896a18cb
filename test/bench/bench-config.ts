/** The data sets of docs/PERFORMANCE.md. */
export interface Scale {
  name: 'S' | 'M' | 'L';
  parks: number;
  zonesPerPark: 2;
  tenants: number;
  months: number;
}

export const SCALES: Record<string, Scale> = {
  S: { name: 'S', parks: 1, zonesPerPark: 2, tenants: 300, months: 36 },
  M: { name: 'M', parks: 10, zonesPerPark: 2, tenants: 3000, months: 48 },
  L: { name: 'L', parks: 50, zonesPerPark: 2, tenants: 20000, months: 60 },
};

/** The last month of generated reports; fixed so that a seed always gives the same data. */
export const LAST_MONTH = '2026-10';

export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
export const BENCH_ADMIN = 'bench-admin@jcv.example';
export const BENCH_FIRM_ADMIN = 'bench-firm@jcv.example';

export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=');
      if (v !== undefined) out[k] = v;
      else if (argv[i + 1] && !argv[i + 1].startsWith('--')) out[k] = argv[++i];
      else out[k] = 'true';
    }
  }
  return out;
}

export function scaleOf(args: Record<string, string>): Scale {
  const scale = SCALES[(args.scale ?? 'S').toUpperCase()];
  if (!scale) throw new Error(`--scale must be S, M or L`);
  return scale;
}

/** Each scale lives in a schema of its own, so a benchmark never touches real data. */
export const schemaOf = (scale: Scale) =>
  process.env.DATABASE_SCHEMA ?? `bench_${scale.name.toLowerCase()}`;

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'Set DATABASE_URL to a PostgreSQL server, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test',
    );
  }
  return url;
}

/** mulberry32: a small, fast, seeded generator; the same seed gives the same data set. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uuid from the generator, so ids are reproducible too. */
export function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
