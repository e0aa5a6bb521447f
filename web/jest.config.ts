/** @jest-config-loader esbuild-register */
// Jest loads a TypeScript config through a register hook; esbuild-register
// comes with Jest itself, so no ts-node is needed on Node 20.
import path from 'node:path';
import type { Config } from 'jest';
import nextJest from 'next/jest.js';

// next/jest reads next.config.ts and tsconfig paths (`@/…`), compiles with
// SWC and stubs `server-only`, so tests import the site's modules as they are.
const createJestConfig = nextJest({ dir: __dirname });

/** The directory of a package as the site itself resolves it. */
const sitePackage = (name: string) => path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));

const config: Config = {
  displayName: 'web',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.ts?(x)'],
  // The standalone build (.next/standalone) holds a copy of package.json: not a module to map.
  modulePathIgnorePatterns: ['<rootDir>/.next/'],
  clearMocks: true,
  restoreMocks: true,
  // NOTE: the CMS workspace pins React 18, which npm hoists to the repo root,
  // so packages resolved from there (@testing-library/react) would load
  // react-dom 18 next to the site's React 19. Pin every React import to the
  // site's own copy; drop this once both workspaces use the same React major.
  moduleNameMapper: {
    '^react$': sitePackage('react'),
    '^react/(.*)$': `${sitePackage('react')}/$1`,
    '^react-dom$': sitePackage('react-dom'),
    '^react-dom/(.*)$': `${sitePackage('react-dom')}/$1`,
  },
};

export default createJestConfig(config);
