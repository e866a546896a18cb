import { describe, expect, it } from '@jest/globals';
import { appendPage, consolePath, isPlainClick } from './notification-links';

describe('consolePath', () => {
  it('follows a path of the console, with its query', () => {
    expect(consolePath('/reports/new?period=2026-03')).toBe('/reports/new?period=2026-03');
    expect(consolePath('/bills/7f0c')).toBe('/bills/7f0c');
  });

  it('follows nothing else', () => {
    expect(consolePath(null)).toBeNull();
    expect(consolePath('')).toBeNull();
    expect(consolePath('https://example.com/x')).toBeNull();
    expect(consolePath('//example.com/x')).toBeNull();
    expect(consolePath('/\\example.com')).toBeNull();
    expect(consolePath('javascript:alert(1)')).toBeNull();
  });
});

describe('isPlainClick', () => {
  const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };

  it('is the main button alone', () => {
    expect(isPlainClick(click)).toBe(true);
  });

  it('is not a click that opens another tab or window', () => {
    expect(isPlainClick({ ...click, ctrlKey: true })).toBe(false);
    expect(isPlainClick({ ...click, metaKey: true })).toBe(false);
    expect(isPlainClick({ ...click, shiftKey: true })).toBe(false);
    expect(isPlainClick({ ...click, button: 1 })).toBe(false);
  });
});

describe('appendPage', () => {
  const edge = (id: string) => ({ cursor: id, node: { id } });

  it('adds the next page after the shown ones, once each, with the newest counts', () => {
    const shown = {
      edges: [edge('a'), edge('b')],
      pageInfo: { endCursor: 'b', hasNextPage: true },
      totalCount: 4,
      unreadCount: 3,
    };
    const next = {
      edges: [edge('b'), edge('c'), edge('d')],
      pageInfo: { endCursor: 'd', hasNextPage: false },
      totalCount: 4,
      unreadCount: 2,
    };
    expect(appendPage(shown, next)).toEqual({
      edges: [edge('a'), edge('b'), edge('c'), edge('d')],
      pageInfo: { endCursor: 'd', hasNextPage: false },
      totalCount: 4,
      unreadCount: 2,
    });
  });
});
