/** Strings of the firm pages. Keys are the same in both languages (a test checks it). */
export const firm = {
  'zh-CN': {},
  en: {},
};
