/** Browser tests: the built CMS and site, driven in Debian's Chromium through playwright-core. */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  // The site's dictionaries (faults.test.ts reads them) format with intl-messageformat, which ships
  // ES modules only: compile it and its @formatjs parts like the tests themselves.
  transformIgnorePatterns: ['/node_modules/(?!(intl-messageformat|@formatjs)/)'],
  // Applies when this config is used alone (-c); the root config sets it for the full run.
  testTimeout: 120_000,
  // Files must not overlap (sites share the build's disk cache, which site.ts
  // clears at start): the root jest.config.js runs one file at a time; run
  // this config alone with --runInBand (-i).
};
