/** Browser tests: the built CMS and site, driven in Debian's Chromium through playwright-core. */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  // Applies when this config is used alone (-c); the root config sets it for the full run.
  testTimeout: 120_000,
};
