/** `npm run bench -- --quick` end to end: every figure of the bench is produced (no timing assertions). */
module.exports = {
  displayName: 'bench',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  testTimeout: 1_500_000,
};
