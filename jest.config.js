/** CMS API (SQLite + PostgreSQL) and browser suites; the site's unit tests run from web/ (scripts/test.mjs). */
module.exports = {
  projects: ['<rootDir>/cms', '<rootDir>/tests/e2e'],
  // NOTE: Jest applies testTimeout from the top-level config only; the projects' own 120 s are
  // ignored when they run together (npm test), which left every test there at the 5 s default.
  testTimeout: 120_000,
};
