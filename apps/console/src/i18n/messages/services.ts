/** Strings of the services pages. Keys are the same in both languages (a test checks it). */
export const services = {
  'zh-CN': {},
  en: {},
};
