// One Jest config for the whole workspace. Projects split the suite into tiers so that
// `npm test` can run them in order and `.ci/run` can re-run the integration tier alone.
const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: { '^@claimtrace/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  // hyparquet-writer (the Parquet export) and hyparquet are ES modules: SWC makes them CommonJS
  transformIgnorePatterns: ['/node_modules/(?!(hyparquet|hyparquet-writer)/)'],
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/integration-setup.ts'],
    },
    {
      // checks against material outside the repository (the public contract, the annotated corpus
      // beside it); not part
      // of `npm test`, `.ci/run` runs them when that material is there
      ...common,
      displayName: 'external',
      testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.external-spec.ts'],
    },
    {
      // the web dashboard in a real Chromium, served by the real API on the integration tier's
      // database (skipped without /usr/bin/chromium)
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/integration-setup.ts'],
    },
  ],
};
