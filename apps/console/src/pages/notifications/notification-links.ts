/**
 * What the bell and the notifications page compute, without React: where a notification leads,
 * and whether a click on its link is an ordinary one (the console then marks it read before
 * opening the matter) or one that opens another tab.
 */

/**
 * The console path of a notification's matter, or null when it has none the console can open.
 * Only a path of this console is followed (`/reports/new?period=2026-03`): never another site,
 * nor a protocol-relative `//host` address.
 */
export function consolePath(link: string | null | undefined): string | null {
  if (!link) return null;
  const path = link.trim();
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  return path;
}

/** A click the page handles itself: the main button, no key that asks for a new tab or window. */
export function isPlainClick(e: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

interface Page<E> {
  edges: E[];
}

/** A page fetched with `after`, added to the ones shown; the counts are the newest answer's. */
export function appendPage<E extends { node: { id: string } }, P extends Page<E>>(
  shown: P,
  next: P,
): P {
  const seen = new Set(shown.edges.map((e) => e.node.id));
  return { ...next, edges: [...shown.edges, ...next.edges.filter((e) => !seen.has(e.node.id))] };
}
