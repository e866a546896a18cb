const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuids; anything else names no record (rather than failing in PostgreSQL). */
export const isUuid = (id: string) => UUID_RE.test(id);
