// Lint: typescript-eslint, plus the architecture's layering rules (see ARCHITECTURE.md).
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * The pure layers of server/src and the folders each may import (everything else under server/src
 * is above it or beside it). Imports are matched on their path: a relative import that names a
 * folder it may not use is rejected, whatever `../` leads there, and so are type-only imports.
 * Not listed (and free): lsp/, cli/, node/, accessAnalyzer/, main.ts (the host), testing/ and tests.
 */
export const LAYERS = {
  util: [],
  syntax: [],
  i18n: [],
  catalog: ['i18n'],
  policy: ['syntax'],
  shared: ['policy', 'syntax', 'i18n'],
  analysis: ['syntax', 'policy', 'catalog', 'i18n'],
  embedded: ['syntax', 'policy'],
  edits: ['syntax', 'policy', 'catalog', 'i18n'],
  rules: ['syntax', 'policy', 'catalog', 'analysis', 'edits', 'util', 'i18n'],
  features: ['syntax', 'policy', 'catalog', 'analysis', 'edits', 'rules', 'embedded', 'shared', 'util', 'i18n'],
};
/**
 * Data a layer may read from a folder it may not import: i18n/ gathers each rule's Japanese
 * messages (rules/<id>/messages.ja.ts, plain data that imports only i18n/types) into its catalog.
 */
const DATA_EXCEPTIONS = { i18n: 'rules/[a-z0-9-]+/messages\\.ja$' };
const SERVER_FOLDERS = [...Object.keys(LAYERS), 'lsp', 'cli', 'node', 'accessAnalyzer', 'testing'];
/** features/ may use the protocol's data types (as vscode-json-languageservice does); lower layers know no protocol */
const PROTOCOL_TYPES = ['vscode-languageserver-types', 'vscode-languageserver-textdocument', 'vscode-languageserver-protocol'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

function layerConfigs() {
  const hostModules = builtinModules.filter((m) => !m.startsWith('_'));
  return Object.entries(LAYERS).map(([layer, may]) => {
    const denied = SERVER_FOLDERS.filter((f) => f !== layer && !may.includes(f));
    const protocol = layer === 'features' ? [] : PROTOCOL_TYPES;
    return {
      files: [`server/src/${layer}/**/*.ts`],
      ignores: ['**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [
              { name: 'vscode', message: 'The server must run without VS Code.' },
              ...['vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver/browser'].map((name) => ({
                name,
                message: `${layer}/ knows no protocol connection: only lsp/ does.`,
              })),
              ...protocol.map((name) => ({ name, message: `${layer}/ knows no protocol: LSP types start in features/.` })),
            ],
            patterns: [
              {
                regex: `(^|/)${DATA_EXCEPTIONS[layer] ? `(?!${DATA_EXCEPTIONS[layer]})` : ''}(${denied.map(escape).join('|')})(/|$)`,
                message: `${layer}/ may import only ${may.length ? may.map((m) => `${m}/`).join(', ') : 'nothing of server/src'} (ARCHITECTURE.md, "Layers").`,
              },
              {
                regex: `^(node:.*|(${hostModules.map(escape).join('|')})(/.*)?)$`,
                message: `${layer}/ is pure: host access (files, network, processes) lives in node/, lsp/ and cli/.`,
              },
              { regex: '^@aws-sdk/', message: 'Only server/src/accessAnalyzer talks to AWS.' },
            ],
          },
        ],
        'no-restricted-syntax': [
          'error',
          { selector: 'ImportExpression', message: `${layer}/ is pure: no dynamic import() (it loads code or files at run time).` },
        ],
      },
    };
  });
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.cache/**',
      '.e2e-cache/**',
      'test/e2e/workspace/**',
      'test/fixtures/**',
      '**/*.d.ts',
    ],
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
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'suite', 'describe', 'it', 'before', 'after'] }],
        },
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
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        Buffer: 'readonly',
        describe: 'readonly',
        it: 'readonly',
        before: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
      },
    },
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
  // the layers, enforced by path (see ARCHITECTURE.md, "Layers"): one config per folder
  ...layerConfigs(),
);
