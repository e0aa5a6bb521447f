/** CMS API (SQLite + PostgreSQL), browser, cluster and bench suites; the site's unit tests run from web/ (scripts/test.mjs). */
module.exports = {
  projects: ['<rootDir>/cms', '<rootDir>/tests/e2e', '<rootDir>/tests/cluster', '<rootDir>/tests/bench'],
};
