/**
 * Access tests in the editor: runs the "accessTests" of `.iampolicy.json` on the open text of the
 * configuration and of the policies (the saved file when a policy is not open), puts a diagnostic
 * on each failing expectation of the configuration and a lens on each policy the tests cover, and
 * refreshes both when either file changes. Results are cached per configuration and input texts.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageType, type CodeLens, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AccessTestError, parseAccessTests, runAccessTest, type AccessTestSpec, type TestOutcome } from '../../features/access/accessTests';
import {
  accessTestDiagnostics,
  accessTestLens,
  accessTestSummary,
  SHOW_ACCESS_TESTS_COMMAND,
  type ConfigTestRun,
} from '../../features/access/accessTestsView';
import { languageOfPath } from '../../features/access/files';
import { loadedPolicies, type LoadedPolicy } from '../../features/access/simulate';
import { isProjectConfigUri } from '../../features/diagnostics/configFile';
import { t } from '../../i18n';
import { analyzeFile } from '../../policy/policyFile';
import { explicitPolicyType } from '../../policy/policyType';
import { mergeProjectConfig, sanitizeSettings } from '../../shared/settings';
import { matchesAnyGlob, matchesGlob } from '../../util/glob';
import { formatError } from '../runSafe';
import type { FeatureRegistration, ServerState } from '../state';

const REFRESH_DEBOUNCE_MS = 300;

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) {
    return undefined;
  }
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function openDocument(state: ServerState, file: string): TextDocument | undefined {
  return state.documents.all().find((d) => pathOf(d.uri) === file);
}

/** The open text of a file, else its saved text. */
function textOf(state: ServerState, file: string): { text: string; languageId: string } | undefined {
  const open = openDocument(state, file);
  if (open) {
    return { text: open.getText(), languageId: open.languageId };
  }
  const text = state.runtime.readTextFile?.(file);
  const languageId = languageOfPath(file);
  return text === undefined || !languageId ? undefined : { text, languageId };
}

function hash(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
    }
    h = Math.imul(h ^ 0xff, 0x01000193);
  }
  return `${parts.reduce((n, p) => n + p.length, 0)}:${(h >>> 0).toString(16)}`;
}

interface Cached {
  key: string;
  run: ConfigTestRun;
}
const caches = new WeakMap<ServerState, Map<string, Cached>>();

/** A policy file's text (the open buffer, else the saved file), read before anything runs: the run is cached by the texts. */
function readInput(
  state: ServerState,
  file: string,
  display: string,
  texts: string[],
): { text: string; languageId: string } | { error: string } {
  const found = textOf(state, file);
  if (!found) {
    return { error: t('access.tests.cannotRead', { file: display }) };
  }
  texts.push(file, found.text);
  return found;
}

async function policiesOf(
  state: ServerState,
  file: string,
  display: string,
  input: { text: string; languageId: string },
): Promise<{ policies: LoadedPolicy[] } | { error: string }> {
  await state.runtime.embeddedReady?.(input.languageId);
  const uri = pathToFileURL(file).href;
  const settings = mergeProjectConfig(state.runtime.projectConfig?.(uri), sanitizeSettings({}));
  const analyzed = analyzeFile(input.text, {
    languageId: input.languageId,
    matchesPolicyGlob: matchesAnyGlob(uri, settings.files),
    explicitType: explicitPolicyType(settings, (g) => matchesGlob(uri, g)),
    ...(state.runtime.embedded ? { embedded: state.runtime.embedded } : {}),
  });
  const policies = loadedPolicies(analyzed, input.text, display);
  return policies.length ? { policies } : { error: t('access.tests.noPolicyIn', { file: display }) };
}

/** Runs a configuration's access tests (undefined when it has none or cannot be read). */
export async function runConfigTests(state: ServerState, configPath: string): Promise<ConfigTestRun | undefined> {
  const config = textOf(state, configPath);
  if (!config) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(config.text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return undefined; // the configuration's own diagnostics say why
  }
  const raw = value && typeof value === 'object' ? (value as Record<string, unknown>).accessTests : undefined;
  if (raw === undefined) {
    return undefined;
  }
  let specs: AccessTestSpec[];
  try {
    specs = parseAccessTests(raw, path.basename(configPath));
  } catch (err) {
    if (err instanceof AccessTestError) {
      return { specs: [], results: [], invalid: err.message };
    }
    throw err;
  }
  const base = path.dirname(configPath);
  // read every input first: the run is cached by their texts
  const texts: string[] = [config.text];
  const inputsOf = specs.map((spec) =>
    [
      [spec.policy, undefined, ['policy']] as const,
      ...(spec.scp ?? []).map((f, i) => [f, 'scp', ['scp', i]] as const),
      ...(spec.rcp ?? []).map((f, i) => [f, 'rcp', ['rcp', i]] as const),
      ...(spec.boundary ? [[spec.boundary, 'boundary', ['boundary']] as const] : []),
      ...(spec.sessionPolicy ? [[spec.sessionPolicy, 'session', ['sessionPolicy']] as const] : []),
    ].map(([f, type, where]) => ({ f, type, where, input: readInput(state, path.resolve(base, f), f, texts) })),
  );
  const key = hash(texts);
  let byConfig = caches.get(state);
  if (!byConfig) {
    byConfig = new Map();
    caches.set(state, byConfig);
  }
  const cached = byConfig.get(configPath);
  if (cached?.key === key) {
    return cached.run;
  }
  type Loaded = { policies: LoadedPolicy[] } | { error: string; errorPath: (string | number)[] };
  const loaded: Loaded[] = [];
  for (const [i, spec] of specs.entries()) {
    let policies: LoadedPolicy[] = [];
    let failed: Loaded | undefined;
    for (const { f, type, where, input } of inputsOf[i]) {
      const got = 'error' in input ? input : await policiesOf(state, path.resolve(base, f), f, input);
      if ('error' in got) {
        failed = { error: got.error, errorPath: [...where] };
        break;
      }
      if (!type) {
        policies = got.policies;
        if (spec.select) {
          policies = policies.filter((p) => p.location.includes(spec.select as string));
          if (policies.length === 0) {
            failed = { error: t('access.tests.noSelected', { file: spec.policy, select: spec.select }), errorPath: ['select'] };
            break;
          }
        }
      } else {
        policies = [...policies, ...got.policies.map((p) => ({ ...p, type }))];
      }
    }
    loaded.push(failed ?? { policies });
  }
  const catalog = state.catalog();
  const run: ConfigTestRun = {
    specs,
    results: specs.map((spec, i) => {
      const l = loaded[i];
      if ('error' in l) {
        return { outcomes: [], error: l.error, errorPath: l.errorPath };
      }
      return { outcomes: runAccessTest(spec, l.policies, spec.name ?? `accessTests[${i}]`, catalog) };
    }),
  };
  byConfig.set(configPath, { key, run });
  return run;
}

/** The outcomes of the tests whose policy is this file, and their specs. */
async function testsOfPolicy(
  state: ServerState,
  uri: string,
): Promise<{ outcomes: TestOutcome[]; errors: string[]; specOf: Map<TestOutcome, AccessTestSpec> } | undefined> {
  const file = pathOf(uri);
  const configPath = state.runtime.projectConfigFile?.(uri);
  if (!file || !configPath) {
    return undefined;
  }
  const run = await runConfigTests(state, configPath);
  if (!run || run.invalid !== undefined) {
    return undefined;
  }
  const outcomes: TestOutcome[] = [];
  const errors: string[] = [];
  const specOf = new Map<TestOutcome, AccessTestSpec>();
  run.specs.forEach((spec, i) => {
    if (path.resolve(path.dirname(configPath), spec.policy) !== file) {
      return;
    }
    const result = run.results[i];
    if (result.error !== undefined) {
      errors.push(result.error);
    }
    for (const o of result.outcomes) {
      outcomes.push(o);
      specOf.set(o, spec);
    }
  });
  return outcomes.length || errors.length ? { outcomes, errors, specOf } : undefined;
}

/** Diagnostics of a `.iampolicy.json` document's access tests. */
export async function accessTestConfigDiagnostics(state: ServerState, document: TextDocument): Promise<Diagnostic[]> {
  const file = pathOf(document.uri);
  if (!file) {
    return [];
  }
  try {
    const run = await runConfigTests(state, file);
    return run ? accessTestDiagnostics(document, run) : [];
  } catch (err) {
    state.logger.error(formatError(t('log.accessTestsFailed'), err));
    return [];
  }
}

export const registerAccessTests: FeatureRegistration = (state) => {
  state.codeLensContributors.push(async (uri): Promise<CodeLens[]> => {
    const found = await state.fileFor(uri);
    if (!found?.file.isPolicy || !found.settings.codeLens.enable) {
      return [];
    }
    const tests = await testsOfPolicy(state, uri);
    if (!tests) {
      return [];
    }
    const first = found.file.policies[0]?.policy.root?.offset ?? 0;
    const start = found.document.positionAt(first);
    return [accessTestLens(uri, { start, end: start }, tests.outcomes, tests.errors)];
  });
  state.commands.set(SHOW_ACCESS_TESTS_COMMAND, async (params) => {
    const uri = params.arguments?.[0];
    const tests = typeof uri === 'string' ? await testsOfPolicy(state, uri) : undefined;
    if (!tests) {
      return { passed: 0, failed: 0, message: '' };
    }
    const message = accessTestSummary(tests.outcomes, (o) => tests.specOf.get(o) as AccessTestSpec, tests.errors);
    const failed = tests.outcomes.filter((o) => !o.passed).length;
    void state.connection.sendNotification('window/showMessage', {
      type: failed || tests.errors.length ? MessageType.Warning : MessageType.Info,
      message,
    });
    return { passed: tests.outcomes.length - failed, failed, message };
  });

  // either file changed: the configuration's diagnostics and the policies' lenses follow
  let timer: NodeJS.Timeout | undefined;
  const refresh = (changedUri: string) => {
    if (!isProjectConfigUri(changedUri) && !caches.get(state)?.size) {
      return; // no access tests seen yet
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (state.clientCapabilities.workspace?.codeLens?.refreshSupport) {
        void state.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      }
      for (const d of state.documents.all()) {
        if (isProjectConfigUri(d.uri) && d.uri !== changedUri) {
          state.refreshDiagnostics(d.uri);
        }
      }
    }, REFRESH_DEBOUNCE_MS);
  };
  state.documents.onDidChangeContent((e) => refresh(e.document.uri));
  state.documents.onDidSave((e) => refresh(e.document.uri));
  state.disposables.push(() => clearTimeout(timer));
};
