/** @type {import('jest').Config} */
// Browser suites: run after the unit and contract suites (npm run test:e2e), one at a time.
const base = require('./jest.config');

module.exports = {
  testEnvironment: 'node',
  transform: base.transform,
  moduleNameMapper: base.moduleNameMapper,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
