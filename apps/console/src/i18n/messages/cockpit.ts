/** Strings of the cockpit pages. Keys are the same in both languages (a test checks it). */
export const cockpit = {
  'zh-CN': {},
  en: {},
};
