/**
 * The access features in VS Code: "Can This Policy …?" (an input flow: action from the catalog,
 * resource pre-filled from the policy, optional context entries offering the policy's condition
 * keys, optional principal) and the "vs HEAD" access diff view. The server decides and writes the
 * localized Markdown; it is shown read-only (a virtual document in the Markdown preview).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../server/src/shared/protocol';
import {
  actionPicks,
  contextSummary,
  initialResource,
  isActionName,
  parseContextEntry,
  type SimulateOptionsResult,
} from '../../server/src/shared/simulateInput';

export const ACCESS_VIEW_SCHEME = 'iam-policy-access';

/** Read-only Markdown documents of the access views, by URI. */
class AccessViewProvider implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function showMarkdown(provider: AccessViewProvider, name: string, markdown: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.from({ scheme: ACCESS_VIEW_SCHEME, path: `/${name}.md` });
  provider.set(uri, markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
  return uri;
}

/** A picker that also accepts what was typed (an action or resource not in the list). */
function pickOrType(
  items: readonly (vscode.QuickPickItem & { value?: string })[],
  options: { title: string; placeholder: string; value?: string; preferTyped?: (typed: string) => boolean },
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { value?: string }>();
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.items = items;
    pick.matchOnDescription = true;
    if (options.value !== undefined) {
      pick.value = options.value;
    }
    let done = false;
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      const typed = pick.value.trim();
      done = true;
      // the active item, unless the text typed is meant as it is (a resource ARN the list does not hold)
      const item = chosen?.value ?? chosen?.label;
      resolve(!typed ? item : options.preferTyped?.(typed) && item?.toLowerCase() !== typed.toLowerCase() ? typed : (item ?? typed));
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) {
        resolve(undefined);
      }
      pick.dispose();
    });
    pick.show();
  });
}

async function askContext(options: SimulateOptionsResult, name: string): Promise<string[] | undefined> {
  const entries: string[] = [];
  for (;;) {
    const run = { label: `$(play) ${vscode.l10n.t('Decide the request')}`, value: '\u0000run' };
    const keys = options.conditionKeys.map((k) => ({
      label: k.key,
      description: k.values.length ? vscode.l10n.t('in the policy: {0}', k.values.join(', ')) : undefined,
      value: `\u0000key:${k.key}`,
    }));
    const picked = await pickOrType([run, ...keys], {
      title: entries.length
        ? vscode.l10n.t('Can {0} …? (3/4) Context: {1}', name, contextSummary(entries))
        : vscode.l10n.t('Can {0} …? (3/4) Context keys (optional): pick a condition key, type key=value, or decide', name),
      placeholder: vscode.l10n.t('key=value (repeat a key for a multivalued key)'),
      preferTyped: (typed) => typed.includes('='),
    });
    if (picked === undefined) {
      return undefined;
    }
    if (picked === run.value) {
      return entries;
    }
    if (picked.startsWith('\u0000key:')) {
      const key = picked.slice('\u0000key:'.length);
      const known = options.conditionKeys.find((k) => k.key === key)?.values ?? [];
      const value = await vscode.window.showInputBox({
        title: vscode.l10n.t('Value of {0}', key),
        value: known[0] ?? '',
        prompt: known.length ? vscode.l10n.t('The policy compares it with: {0}', known.join(', ')) : undefined,
      });
      if (value !== undefined) {
        entries.push(`${key}=${value}`);
      }
      continue;
    }
    if (parseContextEntry(picked)) {
      entries.push(picked);
    } else {
      void vscode.window.showWarningMessage(vscode.l10n.t('A context entry needs the form key=value, not "{0}".', picked));
    }
  }
}

interface SimulateResult {
  decision?: string;
  markdown?: string;
  error?: string;
}

export function registerAccessViews(context: vscode.ExtensionContext): void {
  const provider = new AccessViewProvider();
  context.subscriptions.push(provider, vscode.workspace.registerTextDocumentContentProvider(ACCESS_VIEW_SCHEME, provider));

  context.subscriptions.push(
    vscode.commands.registerCommand('iamPolicy.canThisPolicy', async (target?: vscode.Uri) => {
      const uri = target ?? vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open an IAM policy first.'));
        return undefined;
      }
      const options = (await vscode.commands.executeCommand(Commands.simulateOptions, uri.toString())) as
        (SimulateOptionsResult & { error?: string }) | undefined;
      if (!options || options.error) {
        void vscode.window.showErrorMessage(options?.error ?? vscode.l10n.t('Open an IAM policy first.'));
        return undefined;
      }
      const name = path.posix.basename(uri.path);
      const action = await pickOrType(
        actionPicks(options, vscode.l10n.t('Actions in this policy'), vscode.l10n.t('All actions')).map((p) =>
          p.separator ? { label: p.label, kind: vscode.QuickPickItemKind.Separator } : { label: p.label, description: p.description },
        ),
        { title: vscode.l10n.t('Can {0} …? (1/4) Action', name), placeholder: vscode.l10n.t('service:Action, e.g. s3:GetObject') },
      );
      if (!action) {
        return undefined;
      }
      if (!isActionName(action)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is not an action name (service:Action, no wildcards).', action));
        return undefined;
      }
      const resources = options.resources.filter((r) => r.trim());
      const resource = await pickOrType(
        resources.map((r) => ({ label: r })),
        {
          title: vscode.l10n.t('Can {0} …? (2/4) Resource ARN', name),
          placeholder: vscode.l10n.t('the resource ARN, or * for actions without a resource'),
          value: initialResource(resources).trim(),
          preferTyped: () => true,
        },
      );
      if (resource === undefined) {
        return undefined;
      }
      const entries = await askContext(options, name);
      if (entries === undefined) {
        return undefined;
      }
      const principal = await vscode.window.showInputBox({
        title: vscode.l10n.t('Can {0} …? (4/4) Principal (optional)', name),
        prompt: vscode.l10n.t("Who makes the request; empty: a user in the resource's account"),
        placeHolder: 'arn:aws:iam::123456789012:role/app',
      });
      if (principal === undefined) {
        return undefined;
      }
      const result = (await vscode.commands.executeCommand(Commands.simulate, {
        uri: uri.toString(),
        action,
        resource,
        ...(principal.trim() ? { principal: principal.trim() } : {}),
        context: entries,
        markdown: true,
      })) as SimulateResult | undefined;
      if (!result || result.error || !result.markdown) {
        void vscode.window.showErrorMessage(result?.error ?? vscode.l10n.t('The request could not be decided.'));
        return result;
      }
      await showMarkdown(provider, `${name} ${action}`, result.markdown);
      return result;
    }),
    vscode.commands.registerCommand('iamPolicy.showAccessDiff', async (target?: string | vscode.Uri) => {
      const uri = typeof target === 'string' ? vscode.Uri.parse(target) : (target ?? vscode.window.activeTextEditor?.document.uri);
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open an IAM policy first.'));
        return undefined;
      }
      const result = (await vscode.commands.executeCommand(Commands.accessDiff, uri.toString())) as
        { markdown?: string; title?: string; error?: string } | undefined;
      if (!result || result.error || !result.markdown) {
        void vscode.window.showInformationMessage(result?.error ?? vscode.l10n.t('No earlier version to compare with.'));
        return result;
      }
      await showMarkdown(provider, `${path.posix.basename(uri.path)} access diff`, result.markdown);
      return result;
    }),
  );
}
