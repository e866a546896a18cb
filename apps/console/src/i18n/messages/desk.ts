/** Strings of the desk pages. Keys are the same in both languages (a test checks it). */
export const desk = {
  'zh-CN': {},
  en: {},
};
