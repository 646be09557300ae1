// Unit tests live beside the code (src/**/*.spec.ts), end-to-end tests in test/ (*.e2e-spec.ts).
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json', 'ts', 'tsx'],
  testRegex: '(src/.*\\.spec|test/.*\\.e2e-spec)\\.ts$',
  transform: {
    '^.+\\.tsx?$': 'ts-jest',
  },
  setupFiles: ['<rootDir>/test/support/fresh-database-env.ts'],
  testTimeout: 30000,
};
