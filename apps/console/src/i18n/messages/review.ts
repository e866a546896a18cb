/** Strings of the review pages. Keys are the same in both languages (a test checks it). */
export const review = {
  'zh-CN': {},
  en: {},
};
