import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importPlugin from 'eslint-plugin-import';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports go one way: src → contracts (types only; the zod-free contracts/labels/* at run time); host, cloudfunctions → core → contracts. */
const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});
const layer = (group, message, allowTypeImports = false) => ({ group, message, allowTypeImports });
const CORE_FEATURES = ['identity', 'roster', 'points', 'activities', 'lectures'];
const CORE_TESTS = ['core/**/__tests__/**', 'core/**/*.test.ts'];
const QUERIES_ONLY_IN_QUERIES_TS = [
  "CallExpression[callee.property.name=/^(query|count)$/][callee.object.property.name='store']",
  "CallExpression[callee.property.name=/^(query|count)$/][callee.object.name='store']",
  'ImportSpecifier[imported.name=/^(queryAll|committeePages)$/]',
].map((selector) => ({ selector, message: 'Query the store in the feature’s queries.ts, not here.' }));
const throughIndexes = (feature) =>
  CORE_FEATURES.filter((other) => other !== feature).map((other) => ({
    // …/<feature>/sheets is the second face: its Excel, kept out of the index so that importers carry no exceljs.
    selector: `ImportDeclaration[source.value=/^(\\.\\.\\/)+${other}\\/(?!sheets$)./]`,
    message: `Import ${other} through its index ('…/${other}', or its Excel: '…/${other}/sheets'), not its files.`,
  }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', '.data/**', '.swc/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // A cycle between modules makes load order matter and hides which one is the lower layer.
    files: ['core/**/*.ts', 'contracts/**/*.ts', 'src/**/*.{ts,tsx}', 'host/**/*.ts'],
    plugins: { import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      'react/prop-types': 'off',
      ...restrict([
        {
          // Any contract module but the zod-free contracts/labels/*.
          regex: '^(@contracts|(.*/)?contracts)(/(?!labels/).*)?$',
          message:
            'The app may import the contracts for their types only (at run time: only @contracts/labels/*, which is zod-free).',
          allowTypeImports: true,
        },
        layer(
          ['**/core/**', '**/host/**', '**/cloudfunctions/**'],
          'The app talks to the backend only through src/services.',
        ),
        layer(
          ['wx-server-sdk', 'better-sqlite3', 'zod', 'exceljs', 'fastify'],
          'Server-side packages do not belong in the app.',
        ),
      ]),
    },
  },
  {
    // A feature's model is pure TypeScript the node tests load as is: no Taro, no React, nothing that reaches them.
    files: ['src/**/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tarojs/*', 'react', 'react-dom', '@nutui/*'],
              message: 'A model is pure: Taro and React belong in hooks, services and components.',
            },
            {
              group: [
                '@/hooks/*',
                '@/services/*',
                '@/components/*',
                '@/features/*/hooks/*',
                '@/features/*/services/*',
                '@/features/*/components/*',
                '@/utils/events',
                '@/utils/feedback',
                '@/utils/routes',
              ],
              message:
                'A model imports only models and pure utils: hooks, services, components and these utils reach Taro.',
            },
            {
              regex: '^@/features/[a-z-]+$',
              message:
                "A model imports another feature's model index ('@/features/<feature>/model'), not its whole index.",
            },
          ],
        },
      ],
    },
  },
  // A feature of the app uses another only through that feature's index (or, from pure code, its model's index).
  ...CORE_FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...CORE_FEATURES.filter((other) => other !== feature).map((other) => ({
          selector: `ImportDeclaration[source.value=/^@\\/features\\/${other}\\/(?!model$)/]`,
          message: `Import ${other} through '@/features/${other}' (or '@/features/${other}/model'), not its files.`,
        })),
      ],
    },
  })),
  {
    files: ['contracts/**/*.ts'],
    rules: restrict([
      layer(
        ['**/core/**', '**/host/**', '**/cloudfunctions/**', '**/src/**', '@tarojs/*'],
        'Contracts depend on nothing but zod.',
      ),
    ]),
  },
  {
    // The zod-free contract modules, which the app imports at run time: they import nothing at all.
    files: ['contracts/labels/**/*.ts'],
    rules: restrict([
      layer(['*'], 'contracts/labels/* import nothing (no zod, no schema module): the app bundles them.'),
    ]),
  },
  {
    files: ['core/**/*.ts'],
    rules: restrict([
      layer(['**/host/**', '**/cloudfunctions/**', '**/src/**'], 'The domain does not know who hosts it.'),
      layer(['@tarojs/*', 'fastify', '@fastify/*'], 'The domain imports neither Taro nor the host.'),
      layer(['wx-server-sdk'], 'Only cloudfunctions/ may import wx-server-sdk at runtime.', true),
    ]),
  },
  // In core, a read that is not by id is a named query of its feature (queries.ts), where
  // queries.plan.test.ts proves an index serves it; and a feature uses another only through that
  // feature's index.ts, its public face.
  {
    files: ['core/**/*.ts'],
    ignores: [...CORE_TESTS, 'core/**/queries.ts', 'core/shared/paging.ts', 'core/store/**'],
    rules: { 'no-restricted-syntax': ['error', ...QUERIES_ONLY_IN_QUERIES_TS] },
  },
  ...CORE_FEATURES.flatMap((feature) => [
    {
      files: [`core/${feature}/**/*.ts`],
      ignores: [...CORE_TESTS, 'core/**/queries.ts'],
      rules: { 'no-restricted-syntax': ['error', ...QUERIES_ONLY_IN_QUERIES_TS, ...throughIndexes(feature)] },
    },
    {
      files: [`core/${feature}/**/queries.ts`],
      rules: { 'no-restricted-syntax': ['error', ...throughIndexes(feature)] },
    },
  ]),
  {
    files: ['host/**/*.ts'],
    rules: restrict([
      layer(
        ['**/cloudfunctions/**', '**/src/**', 'wx-server-sdk', '@tarojs/*'],
        'The local host serves core over HTTP.',
      ),
    ]),
  },
  {
    files: ['cloudfunctions/**/*.ts'],
    rules: restrict([
      layer(
        ['**/host/**', '**/src/**', '@tarojs/*', 'better-sqlite3'],
        'A cloud function bundles core and wx-server-sdk only.',
      ),
    ]),
  },
  {
    files: ['scripts/**/*.{ts,mjs}'],
    rules: restrict([
      layer(['**/tests/**'], 'Scripts and benches build on core/, host/ and scripts/, never on the tests.'),
    ]),
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
