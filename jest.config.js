// ESM jest: run through `npm test` (node --experimental-vm-modules). TypeScript is compiled by
// @swc/jest with decorator metadata, which Nest's dependency injection and GraphQL types need.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@jcv/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{src,apps,libs,test}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // An e2e file starts the API on PGlite in its hooks: on a 2-core machine busy with other work
  // that has taken over a minute, so the limit leaves room for it (it only stops hung tests).
  testTimeout: 180000,
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
};
