// 统一社会信用代码 (GB 32100-2015): the one rule the API validates with and the web console runs
// as the user types. No imports, so a browser bundle can take it as it is.
export * from './credit-code.js';
