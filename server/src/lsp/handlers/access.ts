/**
 * The access features over the protocol: `iamPolicy.simulate` ("Can this policy …?", the CLI's
 * `simulate` for any editor) and `iamPolicy.simulateOptions` (what its input flow offers).
 */
import { simulate, simulationRequest, parseContextEntries, loadedPolicies } from '../../features/access/simulate';
import { renderSimulationMarkdown } from '../../features/access/simulateView';
import { simulateOptions } from '../../features/access/simulateOptions';
import { t } from '../../i18n';
import { Commands } from '../../shared/protocol';
import { formatError } from '../runSafe';
import type { FeatureRegistration, ServerState } from '../state';

/** The last path segment of a URI, for messages ("policy.json"). */
export function displayName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

interface SimulateArgs {
  uri?: unknown;
  action?: unknown;
  resource?: unknown;
  principal?: unknown;
  context?: unknown;
  markdown?: unknown;
}

const isString = (x: unknown): x is string => typeof x === 'string';

/** The context argument: `{ key: value | [values] }` or `["key=value", ...]`. */
function contextOf(raw: unknown): { context: Record<string, string | string[]> } | { bad: string } {
  if (raw === undefined || raw === null) {
    return { context: {} };
  }
  if (Array.isArray(raw)) {
    return parseContextEntries(raw.map(String));
  }
  if (typeof raw === 'object') {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      out[k] = Array.isArray(v) ? v.map(String) : String(v);
    }
    return { context: out };
  }
  return { bad: String(raw) };
}

async function runSimulate(state: ServerState, arg: SimulateArgs | undefined): Promise<unknown> {
  if (!arg || !isString(arg.uri) || !isString(arg.action) || !arg.action.trim()) {
    return { error: t('access.sim.needsArgs', { command: Commands.simulate }) };
  }
  const found = await state.fileFor(arg.uri);
  if (!found?.file.isPolicy) {
    return { error: t('access.sim.notPolicy', { uri: arg.uri }) };
  }
  const context = contextOf(arg.context);
  if ('bad' in context) {
    return { error: t('access.sim.badContext', { entry: context.bad }) };
  }
  const display = displayName(arg.uri);
  const policies = loadedPolicies(found.file, found.document.getText(), display);
  const request = simulationRequest({
    action: arg.action,
    resource: isString(arg.resource) ? arg.resource : undefined,
    principal: isString(arg.principal) ? arg.principal : undefined,
    context: context.context,
  });
  const out = simulate(policies, request);
  return arg.markdown === true ? { ...out, markdown: renderSimulationMarkdown(out, display) } : out;
}

export const registerAccess: FeatureRegistration = (state) => {
  state.commands.set(Commands.simulate, async (params) => {
    try {
      return await runSimulate(state, params.arguments?.[0] as SimulateArgs | undefined);
    } catch (err) {
      state.logger.error(formatError(t('log.simulateFailed'), err));
      return { error: String(err instanceof Error ? err.message : err) };
    }
  });
  state.commands.set(Commands.simulateOptions, async (params) => {
    const uri = params.arguments?.[0];
    const found = isString(uri) ? await state.fileFor(uri) : undefined;
    if (!found?.file.isPolicy) {
      return { error: t('access.sim.notPolicy', { uri: String(uri) }) };
    }
    return simulateOptions(found.file, state.catalog());
  });
};
