/** docker-compose.yml against the Compose specification and the loopback cluster; the cluster itself. */
module.exports = {
  displayName: 'cluster',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  testTimeout: 300_000,
};
