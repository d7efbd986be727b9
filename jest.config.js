/** Jest runs three projects: node (core, contracts, host, cloud functions, scripts, build config, the app's plain modules and hooks), e2e (the H5 app in Chromium) and weapp (the mini-program's build in WeChat's runtime). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2020',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

/** The app's import aliases (tsconfig `paths`, Taro's `alias`). */
const moduleNameMapper = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@contracts$': '<rootDir>/contracts',
  '^@contracts/(.*)$': '<rootDir>/contracts/$1',
};

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper,
      testMatch: [
        '<rootDir>/{core,contracts,host,cloudfunctions,scripts,config,src}/**/*.test.ts',
        '<rootDir>/tests/{integration,store}/**/*.test.ts',
      ],
      setupFiles: ['<rootDir>/tests/setup/node-env.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper,
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
    },
    {
      // The weapp build's own runtime: pages in a vm with WeChat's globals, WXML/WXSS through wcc/wcsc.
      displayName: 'weapp',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper,
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/weapp/global-setup.ts',
    },
  ],
};
