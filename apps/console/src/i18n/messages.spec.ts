import { describe, expect, it } from '@jest/globals';
import { NAMESPACES } from './index';

/** Every key path of a message tree, with the kind of its value. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function emptyStrings(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? emptyStrings(v, `${prefix}${k}.`)
      : typeof v === 'string' && v.trim() === ''
        ? [`${prefix}${k}`]
        : [],
  );
}

describe.each(Object.entries(NAMESPACES))('the %s strings', (_ns, bundle) => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(bundle.en).sort()).toEqual(keys(bundle['zh-CN']).sort());
  });

  it('have no empty string in either language', () => {
    expect(emptyStrings(bundle['zh-CN'])).toEqual([]);
    expect(emptyStrings(bundle.en)).toEqual([]);
  });
});
