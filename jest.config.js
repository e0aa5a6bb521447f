/** Every suite: CMS API (SQLite + PostgreSQL), site units, browser end-to-end. */
module.exports = {
  projects: ['<rootDir>/cms', '<rootDir>/web', '<rootDir>/tests/e2e'],
};
