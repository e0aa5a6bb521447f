/** Browser tests: the built CMS and site, driven in Debian's Chromium through playwright-core. */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  testTimeout: 120_000,
  // Each file starts its own CMS and site; sites of one build share its disk
  // cache, which site.ts clears at start, so files must not overlap.
  maxWorkers: 1,
};
