/** CMS API tests: a real Strapi (built) on a temporary SQLite file and PostgreSQL cluster. */
module.exports = {
  displayName: 'cms',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  // Applies when this config is used alone (-c); the root config sets it for the full run.
  testTimeout: 120_000,
};
