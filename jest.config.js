/** CMS API (SQLite + PostgreSQL) and browser suites; the site's unit tests run from web/ (scripts/test.mjs). */
module.exports = {
  projects: ['<rootDir>/cms', '<rootDir>/tests/e2e'],
  // A global option: the projects' own testTimeout is ignored when they run from here.
  testTimeout: 120_000,
};
