/**
 * The "vs HEAD" access diff in the editor: a lens on each changed policy of a document saying what
 * access it gains and loses against the committed version (git, only in a trusted workspace), or
 * against the saved file when the file is not in git; `iamPolicy.accessDiff` returns the diff and
 * its localized Markdown view. Results are cached per document by the two texts.
 */
import { fileURLToPath } from 'node:url';
import { MessageType, type CodeLens } from 'vscode-languageserver';
import { diffLensTitle, diffPolicies, renderDiffMarkdown, type FileDiff } from '../../features/access/accessDiff';
import { loadedPolicies } from '../../features/access/simulate';
import { t } from '../../i18n';
import { analyzeFile } from '../../policy/policyFile';
import { explicitPolicyType } from '../../policy/policyType';
import { matchesAnyGlob, matchesGlob } from '../../util/glob';
import { Commands } from '../../shared/protocol';
import { formatError } from '../runSafe';
import type { FeatureRegistration, ServerState } from '../state';
import { displayName } from './access';

/** client-side: shows the diff view (the lens's command when the client has it) */
export const SHOW_ACCESS_DIFF_COMMAND = 'iamPolicy.showAccessDiff';

interface Compared {
  base: 'head' | 'saved';
  baseLabel: string;
  diffs: FileDiff[];
  /** per policy place: its start offset in the current text and whether its text changed */
  places: Map<string, { offset: number; changed: boolean }>;
}

/**
 * Larger documents get no diff lens: the comparison samples every action class against every
 * resource and context (a few hundred milliseconds for a small policy with wildcards), and lenses
 * are asked for after each edit. `iam-policy-lint diff` compares files of any size.
 */
export const MAX_DIFF_TEXT = 64 * 1024;

const caches = new WeakMap<ServerState, Map<string, { key: string; value: Compared | undefined }>>();

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The base text: HEAD in a trusted workspace when the file is committed, else the saved file. */
async function baseOf(state: ServerState, file: string): Promise<{ base: 'head' | 'saved'; text: string } | undefined> {
  if (state.trusted && state.runtime.gitHeadText) {
    const head = await state.runtime.gitHeadText(file);
    if (head !== undefined) {
      return { base: 'head', text: head };
    }
  }
  const saved = state.runtime.readTextFile?.(file);
  return saved === undefined ? undefined : { base: 'saved', text: saved };
}

export async function compareWithBase(state: ServerState, uri: string): Promise<Compared | undefined> {
  const file = pathOf(uri);
  const found = await state.fileFor(uri);
  if (!file || !found?.file.isPolicy) {
    return undefined;
  }
  const base = await baseOf(state, file);
  const current = found.document.getText();
  if (!base || base.text === current || current.length > MAX_DIFF_TEXT || base.text.length > MAX_DIFF_TEXT) {
    return undefined;
  }
  const key = `${base.base}\u0000${base.text}\u0000${current}`;
  let byUri = caches.get(state);
  if (!byUri) {
    byUri = new Map();
    caches.set(state, byUri);
    state.documents.onDidClose((e) => byUri?.delete(e.document.uri));
  }
  const cached = byUri.get(uri);
  if (cached?.key === key) {
    return cached.value;
  }
  const display = displayName(uri);
  // the base is read as the current text is (same language, globs and policy type)
  const beforeFile = analyzeFile(base.text, {
    languageId: found.file.languageId,
    matchesPolicyGlob: matchesAnyGlob(uri, found.settings.files),
    explicitType: explicitPolicyType(found.settings, (g) => matchesGlob(uri, g)),
    ...(state.runtime.embedded ? { embedded: state.runtime.embedded } : {}),
  });
  const before = loadedPolicies(beforeFile, base.text, display);
  const after = loadedPolicies(found.file, current, display);
  // a single policy compares with a single policy, wherever it sits
  if (before.length === 1 && after.length === 1) {
    before[0] = { ...before[0], location: after[0].location };
  }
  const beforeText = new Map(
    before.map((p) => [p.location, p.document.root ? base.text.substr(p.document.root.offset, p.document.root.length) : '']),
  );
  const places = new Map<string, { offset: number; changed: boolean }>();
  for (const p of after) {
    const offset = p.document.root?.offset ?? 0;
    const text = p.document.root ? current.substr(offset, p.document.root.length) : '';
    places.set(p.location, { offset, changed: beforeText.get(p.location) !== text });
  }
  const value: Compared = {
    base: base.base,
    baseLabel: t(base.base === 'head' ? 'access.diff.base.head' : 'access.diff.base.saved'),
    diffs: diffPolicies(display, before, after, state.catalog()),
    places,
  };
  byUri.set(uri, { key, value });
  return value;
}

export const registerAccessDiff: FeatureRegistration = (state) => {
  state.codeLensContributors.push(async (uri): Promise<CodeLens[]> => {
    const found = await state.fileFor(uri);
    if (!found?.file.isPolicy || !found.settings.codeLens.enable) {
      return [];
    }
    let compared: Compared | undefined;
    try {
      compared = await compareWithBase(state, uri);
    } catch (err) {
      state.logger.error(formatError(t('log.accessDiffFailed'), err));
      return [];
    }
    if (!compared) {
      return [];
    }
    const client = state.clientCommands.has(SHOW_ACCESS_DIFF_COMMAND);
    const lenses: CodeLens[] = [];
    for (const d of compared.diffs) {
      const place = compared.places.get(d.policy);
      // a policy whose text did not change gets no lens; a removed one is shown at the top
      if (place && !place.changed) {
        continue;
      }
      const start = found.document.positionAt(place?.offset ?? 0);
      lenses.push({
        range: { start, end: start },
        command: {
          title: diffLensTitle(d.diff, compared.baseLabel),
          command: client ? SHOW_ACCESS_DIFF_COMMAND : Commands.accessDiff,
          arguments: client ? [uri] : [uri, { show: true }],
        },
      });
    }
    return lenses;
  });

  state.commands.set(Commands.accessDiff, async (params) => {
    const [uri, options] = params.arguments ?? [];
    if (typeof uri !== 'string') {
      return { error: t('access.diff.needsArgs', { command: Commands.accessDiff }) };
    }
    const compared = await compareWithBase(state, uri);
    const display = displayName(uri);
    if (!compared) {
      const found = await state.fileFor(uri);
      if (!found?.file.isPolicy) {
        return { error: t('access.sim.notPolicy', { uri }) };
      }
      const base = await baseOf(state, pathOf(uri) ?? '');
      if (!base) {
        return { error: t('access.diff.unavailable', { why: t(state.trusted ? 'access.diff.why.noBase' : 'access.diff.why.untrusted') }) };
      }
      // the text equals its base: no change in access
      const baseLabel = t(base.base === 'head' ? 'access.diff.base.head' : 'access.diff.base.saved');
      return {
        base: base.base,
        title: t('access.diff.title', { file: display, base: baseLabel }),
        markdown: renderDiffMarkdown(display, baseLabel, []),
        diffs: [],
      };
    }
    const markdown = renderDiffMarkdown(display, compared.baseLabel, compared.diffs);
    if (options && typeof options === 'object' && (options as { show?: unknown }).show === true) {
      void state.connection.sendNotification('window/showMessage', { type: MessageType.Info, message: markdown });
    }
    return {
      base: compared.base,
      title: t('access.diff.title', { file: display, base: compared.baseLabel }),
      markdown,
      diffs: compared.diffs.map((d) => ({
        policy: d.policy,
        status: d.status,
        added: d.diff.added,
        removed: d.diff.removed,
        newResources: d.diff.newResources,
        newPrincipals: d.diff.newPrincipals,
      })),
    };
  });

  // a save changes the base of files not in git; a commit changes HEAD (lenses are asked again on the next edit)
  state.documents.onDidSave(() => {
    if (state.clientCapabilities.workspace?.codeLens?.refreshSupport) {
      void state.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }
  });
};
