/**
 * The pure parts of the editor's "Can this policy …?" input flow (the extension shows the
 * pickers): the action list (the policy's own actions first), the resource the input starts
 * with, and `key=value` context entries. Shared by the client and its tests.
 */

export interface SimulateOptionsResult {
  actions: { action: string; accessLevel: string; inPolicy: boolean }[];
  resources: string[];
  conditionKeys: { key: string; values: string[] }[];
}

export interface ActionPick {
  label: string;
  description?: string;
  /** a separator line between the policy's actions and the rest of the catalog */
  separator?: boolean;
}

/** Picker items: a titled group of the policy's actions, then the rest of the catalog. */
export function actionPicks(options: SimulateOptionsResult, inPolicyTitle: string, allTitle: string): ActionPick[] {
  const own = options.actions.filter((a) => a.inPolicy);
  const rest = options.actions.filter((a) => !a.inPolicy);
  const item = (a: SimulateOptionsResult['actions'][number]): ActionPick => ({ label: a.action, description: a.accessLevel });
  return [
    ...(own.length ? [{ label: inPolicyTitle, separator: true }, ...own.map(item)] : []),
    ...(rest.length ? [{ label: allTitle, separator: true }, ...rest.map(item)] : []),
  ];
}

/** The resource the input starts with: the policy's first written resource that is not just `*`. */
export function initialResource(resources: readonly string[]): string {
  return resources.find((r) => r.trim() && r.trim() !== '*') ?? '*';
}

/** `key=value` -> its parts (the value may contain `=`); undefined without a key or `=`. */
export function parseContextEntry(text: string): { key: string; value: string } | undefined {
  const eq = text.indexOf('=');
  const key = eq > 0 ? text.slice(0, eq).trim() : '';
  return key ? { key, value: text.slice(eq + 1) } : undefined;
}

/** The entries so far, for the picker's title: `aws:SourceIp=10.1.2.3, aws:TagKeys=a`. */
export function contextSummary(entries: readonly string[]): string {
  return entries.join(', ');
}

/** Whether the text looks like an action (`service:Action`, wildcards not allowed in a request). */
export function isActionName(text: string): boolean {
  return /^[a-zA-Z0-9-]+:[a-zA-Z0-9]+$/.test(text.trim());
}
