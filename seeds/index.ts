import { readFileSync } from 'node:fs';

// The data files sit next to this module, in the source tree and in the build alike.
function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as T;
}

export interface ParkSeedFile {
  code: string;
  name: string;
  zones: { code: string; name: string; kind: 'STARTUP' | 'EXPANSION' }[];
}

export interface TargetSeedFile {
  year: number;
  zone: string | null;
  metric: string;
  target: string;
  source: string;
}

/** The park 晋创谷·吕梁 and its two zones. */
export const parkSeed = () => readJson<ParkSeedFile>('park.json');

/** The 14 targets of 吕政办发〔2025〕10号 for 2025–2027. */
export const targetSeeds = () => readJson<TargetSeedFile[]>('targets.json');
