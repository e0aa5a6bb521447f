/** CMS API (SQLite + PostgreSQL), browser, cluster and bench suites; the site's unit tests run from web/ (scripts/test.mjs). */
module.exports = {
  projects: ['<rootDir>/cms', '<rootDir>/tests/e2e', '<rootDir>/tests/cluster', '<rootDir>/tests/bench'],
  // A global option: Jest ignores testTimeout inside project configs. Tests drive real servers.
  testTimeout: 120_000,
  // One test file at a time: each starts its own servers, and the browser
  // tests' sites share the build's disk cache, which tests/e2e/site.ts clears
  // at start. (Jest's default on the 2-core machines is 1 worker anyway.)
  maxWorkers: 1,
};
