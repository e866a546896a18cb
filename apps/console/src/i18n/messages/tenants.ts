/** Strings of the tenants pages. Keys are the same in both languages (a test checks it). */
export const tenants = {
  'zh-CN': {},
  en: {},
};
