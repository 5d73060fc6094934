// Lint: typescript-eslint, plus the architecture's layering rules (see ARCHITECTURE.md).
import tseslint from 'typescript-eslint';

const pureLayers = ['server/src/syntax/**', 'server/src/policy/**', 'server/src/catalog/**', 'server/src/analysis/**', 'server/src/rules/**', 'server/src/features/**', 'server/src/embedded/**'];

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e-cache/**', 'test/e2e/workspace/**', '**/*.d.ts'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'suite', 'describe', 'it', 'before', 'after'] }] },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-throw-literal': 'error',
    },
  },
  {
    // CommonJS drivers and suites that run in code-server's extension host (test/e2e)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', describe: 'readonly', it: 'readonly', before: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // stdout is the protocol stream: a stray console.log corrupts it
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**', 'server/src/**/*.test.ts', 'server/src/testing/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The server must run without VS Code.' }] }],
    },
  },
  {
    // layers 1-3 are pure: no protocol, no editor, no network, no files
    files: pureLayers,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'fs', 'node:fs', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net', 'child_process', 'node:child_process'].map(
            (name) => ({ name, message: 'Pure layers (syntax, policy, catalog, analysis, rules, features) do no IO and know no protocol.' }),
          ),
          patterns: [{ group: ['@aws-sdk/*'], message: 'Only server/src/accessAnalyzer talks to AWS.' }],
        },
      ],
    },
  },
);
