/** CMS API tests: a real Strapi (built) on a temporary SQLite file and PostgreSQL cluster. */
module.exports = {
  displayName: 'cms',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  testTimeout: 120_000,
};
