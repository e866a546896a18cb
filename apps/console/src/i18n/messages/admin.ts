/** Strings of the admin pages. Keys are the same in both languages (a test checks it). */
export const admin = {
  'zh-CN': {},
  en: {},
};
