/**
 * The layering lint catches what it claims: planted violations (an upward import, host access, a
 * dynamic import) in each pure layer are linted with the project's eslint.config.mjs and each must be
 * reported by the layering rules; allowed imports must pass.
 */
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { before, suite, test } from 'node:test';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '..', '..', '..');
const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

let eslint: ESLint;

/** The layering rules' messages for `code` placed at `file` (relative to the repository). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${file} did not parse`);
  return result.messages.filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

const PLANTED: { name: string; file: string; code: string; message: RegExp }[] = [
  {
    name: 'rules -> features',
    file: 'server/src/rules/some-rule/rule.ts',
    code: "import { getDiagnostics } from '../../features/diagnostics/diagnostics';\nvoid getDiagnostics;",
    message: /rules\/ may import only/,
  },
  {
    name: 'rules -> lsp (type only)',
    file: 'server/src/rules/helpers.ts',
    code: "import type { ServerState } from '../lsp/server';\nexport type X = ServerState;",
    message: /rules\/ may import only/,
  },
  {
    name: 'rules -> testing',
    file: 'server/src/rules/engine.ts',
    code: "import { testCatalog } from '../testing/fixtures';\nvoid testCatalog;",
    message: /rules\/ may import only/,
  },
  {
    name: 'syntax -> features',
    file: 'server/src/syntax/parseJson.ts',
    code: "export { getCodeActions } from '../features/codeActions/codeActions';",
    message: /syntax\/ may import only nothing/,
  },
  {
    name: 'policy -> rules',
    file: 'server/src/policy/model.ts',
    code: "import { ALL_RULES } from '../rules/index';\nvoid ALL_RULES;",
    message: /policy\/ may import only syntax\//,
  },
  {
    name: 'features -> node (files by a side route)',
    file: 'server/src/features/hover/hover.ts',
    code: "import { readPolicyFile } from '../../node/files';\nvoid readPolicyFile;",
    message: /features\/ may import only/,
  },
  {
    name: 'features -> lsp',
    file: 'server/src/features/completion/completion.ts',
    code: "import { startServer } from '../../lsp/server';\nvoid startServer;",
    message: /features\/ may import only/,
  },
  {
    name: 'node:fs/promises',
    file: 'server/src/catalog/catalog.ts',
    code: "import { readFile } from 'node:fs/promises';\nvoid readFile;",
    message: /host access/,
  },
  {
    name: 'fs without the node: prefix',
    file: 'server/src/analysis/facts.ts',
    code: "import * as fs from 'fs';\nvoid fs;",
    message: /host access/,
  },
  {
    name: 'child_process in features',
    file: 'server/src/features/summary/policySummary.ts',
    code: "import { execSync } from 'node:child_process';\nvoid execSync;",
    message: /host access/,
  },
  {
    name: 'dynamic import()',
    file: 'server/src/embedded/terraform.ts',
    code: "export async function load(): Promise<unknown> {\n  return import('web-tree-sitter');\n}",
    message: /dynamic import/,
  },
  {
    name: 'the protocol connection in features',
    file: 'server/src/features/hover/hover.ts',
    code: "import { createConnection } from 'vscode-languageserver/node';\nvoid createConnection;",
    message: /only lsp\//,
  },
  {
    name: 'protocol types in rules',
    file: 'server/src/rules/ruleApi.ts',
    code: "import type { Diagnostic } from 'vscode-languageserver-types';\nexport type D = Diagnostic;",
    message: /knows no protocol/,
  },
  {
    name: 'the AWS SDK in rules',
    file: 'server/src/rules/security.ts',
    code: "import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';\nvoid AccessAnalyzerClient;",
    message: /host access|talks to AWS|may import only/,
  },
  {
    name: "i18n -> rules (other than a rule's messages.ja.ts)",
    file: 'server/src/i18n/index.ts',
    code: "import { ALL_RULES } from '../rules/index';\nvoid ALL_RULES;",
    message: /i18n\/ may import only nothing/,
  },
  {
    name: 'i18n -> features',
    file: 'server/src/i18n/index.ts',
    code: "import { getHover } from '../features/hover/hover';\nvoid getHover;",
    message: /i18n\/ may import only nothing/,
  },
  {
    name: 'syntax -> i18n',
    file: 'server/src/syntax/parseJson.ts',
    code: "import { t } from '../i18n';\nvoid t;",
    message: /syntax\/ may import only nothing/,
  },
  {
    name: 'vscode in edits',
    file: 'server/src/edits/textEdits.ts',
    code: "import * as vscode from 'vscode';\nvoid vscode;",
    message: /without VS Code/,
  },
];

const ALLOWED: { name: string; file: string; code: string }[] = [
  {
    name: 'rules -> analysis, edits, policy',
    file: 'server/src/rules/some-rule/fix.ts',
    code: "import { expandStatementActions } from '../../analysis/expandActions';\nimport { removeEntry } from '../../edits/textEdits';\nimport type { Statement } from '../../policy/model';\nexport const x: [unknown, unknown, Statement | undefined] = [expandStatementActions, removeEntry, undefined];",
  },
  {
    name: 'features -> rules and LSP types',
    file: 'server/src/features/hover/hover.ts',
    code: "import type { Hover } from 'vscode-languageserver-types';\nimport { ALL_RULES } from '../../rules/index';\nexport const x: [Hover | undefined, unknown] = [undefined, ALL_RULES];",
  },
  {
    name: 'rules -> i18n (a fix title)',
    file: 'server/src/rules/some-rule/fix.ts',
    code: "import { t } from '../../i18n';\nexport const title = t('fix.bom');",
  },
  {
    name: "i18n -> a rule's Japanese messages",
    file: 'server/src/i18n/ruleMessages.ja.ts',
    code: "import bom from '../rules/bom/messages.ja';\nexport const x = bom;",
  },
  {
    name: 'lsp -> anything',
    file: 'server/src/lsp/server.ts',
    code: "import { readFile } from 'node:fs/promises';\nimport { getCodeActions } from '../features/codeActions/codeActions';\nexport const x = [readFile, getCodeActions];",
  },
];

suite('layers are enforced by path (eslint.config.mjs)', () => {
  before(() => {
    // only the layering rules: the planted files are not on disk, so type-aware rules cannot run
    eslint = new ESLint({
      cwd: root,
      overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
      ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId),
    });
  });

  for (const p of PLANTED) {
    test(`caught: ${p.name}`, async () => {
      const errors = await layerErrors(p.file, p.code);
      assert.ok(
        errors.some((m) => p.message.test(m)),
        `${p.name} in ${p.file} was not reported (got: ${errors.join(' | ') || 'nothing'})`,
      );
    });
  }

  for (const a of ALLOWED) {
    test(`allowed: ${a.name}`, async () => {
      assert.deepEqual(await layerErrors(a.file, a.code), []);
    });
  }
});
