/** Strings of the policies pages. Keys are the same in both languages (a test checks it). */
export const policies = {
  'zh-CN': {},
  en: {},
};
