/** Strings of the space pages. Keys are the same in both languages (a test checks it). */
export const space = {
  'zh-CN': {},
  en: {},
};
