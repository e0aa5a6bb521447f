/** CMS API (SQLite + PostgreSQL) and browser suites; the site's unit tests run from web/ (scripts/test.mjs). */
module.exports = {
  projects: ['<rootDir>/cms', '<rootDir>/tests/e2e'],
  // A global option: Jest ignores testTimeout inside project configs. Tests drive real servers.
  testTimeout: 120_000,
};
