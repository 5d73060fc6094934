/**
 * Access tests in the editor: a diagnostic on each failing expectation of `.iampolicy.json` (named
 * by the statement that decides) or on a test that cannot run, and the code lens on a policy
 * ("4 access tests pass" / "1 of 4 access tests fails").
 */
import { DiagnosticSeverity, type CodeLens, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../../i18n';
import { parseJson } from '../../syntax/parseJson';
import { nodeAtPath } from '../../syntax/jsonPath';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/diagnostics';
import { expectationNode, failureMessage, type AccessTestSpec, type TestOutcome } from './accessTests';

/** server-side: shows the access tests of a policy (`[uri]`), for the lens */
export const SHOW_ACCESS_TESTS_COMMAND = 'iamPolicy.showAccessTests';
export const ACCESS_TEST_DIAGNOSTIC_CODE = 'access-test';

/** The outcome of one configuration's access tests. */
export interface ConfigTestRun {
  specs: AccessTestSpec[];
  /** per spec (same order): its outcomes, or why it cannot run (localized) */
  results: { outcomes: TestOutcome[]; error?: string; errorPath?: (string | number)[] }[];
  /** the "accessTests" value itself is invalid (in the display language, with its path) */
  invalid?: string;
}

export function accessTestDiagnostics(document: TextDocument, run: ConfigTestRun): Diagnostic[] {
  const root = parseJson(document.getText()).root;
  const range = (node: { offset: number; length: number } | undefined): Range => {
    const n = node ?? { offset: 0, length: 0 };
    return { start: document.positionAt(n.offset), end: document.positionAt(n.offset + Math.max(n.length, 1)) };
  };
  const diagnostic = (r: Range, message: string): Diagnostic => ({
    range: r,
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: ACCESS_TEST_DIAGNOSTIC_CODE,
    message,
  });
  if (run.invalid !== undefined) {
    return [
      diagnostic(range(nodeAtPath(root, ['accessTests'])), t('access.tests.invalid', { where: 'accessTests', message: run.invalid })),
    ];
  }
  const out: Diagnostic[] = [];
  run.results.forEach((result, i) => {
    const spec = run.specs[i];
    const name = spec.name ?? `accessTests[${i}]`;
    if (result.error !== undefined) {
      const node = nodeAtPath(root, ['accessTests', i, ...(result.errorPath ?? [])]) ?? expectationNode(root, i);
      out.push(diagnostic(range(node), t('access.tests.invalid', { where: `"${name}"`, message: result.error })));
      return;
    }
    for (const o of result.outcomes) {
      if (!o.passed) {
        out.push(diagnostic(range(expectationNode(root, i, o.kind, o.index)), failureMessage(o, spec)));
      }
    }
  });
  return out;
}

/** The lens on a policy that access tests cover: how many of its expectations pass. */
export function accessTestLens(uri: string, range: Range, outcomes: readonly TestOutcome[], errors: readonly string[]): CodeLens {
  const failed = outcomes.filter((o) => !o.passed).length;
  const title = errors.length
    ? t('access.tests.lensError', { message: errors[0] })
    : failed
      ? t('access.tests.lensFail', { failed, count: outcomes.length })
      : t('access.tests.lensPass', { count: outcomes.length });
  return { range, command: { title, command: SHOW_ACCESS_TESTS_COMMAND, arguments: [uri] } };
}

/** The text the lens's command shows: the summary line and each failure. */
export function accessTestSummary(
  outcomes: readonly TestOutcome[],
  specOf: (o: TestOutcome) => AccessTestSpec,
  errors: readonly string[],
): string {
  const failed = outcomes.filter((o) => !o.passed);
  const head = errors.length
    ? t('access.tests.lensError', { message: errors[0] })
    : failed.length
      ? t('access.tests.lensFail', { failed: failed.length, count: outcomes.length })
      : t('access.tests.lensPass', { count: outcomes.length });
  return [head, ...failed.map((o) => failureMessage(o, specOf(o)))].join('\n');
}
