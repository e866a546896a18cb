/** See sync-dir.mjs. */
export function syncInto(staging: string, target: string, keep?: (name: string) => boolean): void;
