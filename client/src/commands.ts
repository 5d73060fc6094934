/**
 * The palette commands under "IAM Policy". Remote checks go through the server (which holds
 * the trust rule and the credentials chain); the billed custom checks confirm their cost every time.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { confirmationFor } from '../../server/src/shared/costConfirmation';
import { Commands, type StatusParams } from '../../server/src/shared/protocol';
import type { PolicyStatusBar } from './statusBar';
import type { PolicySummaryPanel } from './summaryPanel';

interface CheckResult {
  result?: string;
  message?: string;
  reasons?: { description: string; statementIndex?: number; statementId?: string }[];
  error?: string;
}

const POLICY_TYPES = () => [
  { label: 'auto', description: vscode.l10n.t('Infer from the document') },
  { label: 'identity', description: vscode.l10n.t('Identity-based policy (user, group, role)') },
  { label: 'resource', description: vscode.l10n.t('Resource-based policy (bucket, queue, key, ...)') },
  { label: 'trust', description: vscode.l10n.t('Role trust policy') },
  { label: 'scp', description: vscode.l10n.t('Service control policy') },
  { label: 'rcp', description: vscode.l10n.t('Resource control policy') },
];

const PUBLIC_ACCESS_TYPES = [
  'AWS::S3::Bucket',
  'AWS::S3::AccessPoint',
  'AWS::S3Express::DirectoryBucket',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::Stream',
  'AWS::EFS::FileSystem',
  'AWS::OpenSearchService::Domain',
  'AWS::Kinesis::Stream',
  'AWS::Kinesis::StreamConsumer',
  'AWS::KMS::Key',
  'AWS::Lambda::Function',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::SecretsManager::Secret',
  'AWS::IAM::AssumeRolePolicyDocument',
  'AWS::S3::Glacier',
  'AWS::S3Tables::TableBucket',
  'AWS::ApiGateway::RestApi',
  'AWS::CodeArtifact::Domain',
  'AWS::Backup::BackupVault',
  'AWS::CloudTrail::Dashboard',
  'AWS::CloudTrail::EventDataStore',
];

const CONFIRMED_KEY = 'iamPolicy.billedChecksConfirmed';

function activePolicyUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an IAM policy first.'));
    return undefined;
  }
  return editor.document.uri;
}

/** A key for iamPolicy.policyTypes / iamPolicy.ignore that matches exactly this file. */
function fileGlob(uri: vscode.Uri): { glob: string; target: vscode.ConfigurationTarget; folder?: vscode.WorkspaceFolder } {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) {
    return { glob: `**/${path.posix.relative(folder.uri.path, uri.path)}`, target: vscode.ConfigurationTarget.WorkspaceFolder, folder };
  }
  return { glob: `**/${path.posix.basename(uri.path)}`, target: vscode.ConfigurationTarget.Global };
}

/** Sends a command to the server (what the language client's own registration would do). */
export type ExecuteOnServer = (command: string, args: unknown[]) => Promise<unknown>;

/**
 * The commands the server implements (workspace/executeCommand). The language client registers
 * them in VS Code itself; its middleware sends them here first, so that invoked from the
 * palette (without arguments) they ask what they need and confirm the cost of billed checks.
 */
export function serverCommandMiddleware(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): (command: string, args: unknown[], next: ExecuteOnServer) => Promise<unknown> {
  const handlers = new Map<string, (next: ExecuteOnServer) => Promise<unknown>>();
  let execute: <T>(command: string, args: unknown) => Promise<T | undefined> = () => Promise.resolve(undefined);
  const register = (id: string, fn: () => Promise<unknown>) => {
    handlers.set(id, async (next) => {
      execute = async <T>(command: string, args: unknown) => (await next(command, [args])) as T;
      return fn();
    });
  };

  // billed checks ask every time (a "don't ask again" remembered by an older version is ignored)
  const confirmBilled = async (name: string): Promise<boolean> => {
    const decision = confirmationFor(name, context.globalState.get<boolean>(CONFIRMED_KEY) === true);
    if (!decision.ask) {
      return true;
    }
    const run = vscode.l10n.t('Run');
    const remember = vscode.l10n.t("Run, don't ask again");
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} is a billed IAM Access Analyzer custom policy check: each call is charged to your AWS account, and the policy text is sent to AWS.',
        name,
      ),
      { modal: true },
      ...(decision.offerDontAskAgain ? [run, remember] : [run]),
    );
    if (decision.offerDontAskAgain && choice === remember) {
      await context.globalState.update(CONFIRMED_KEY, true);
    }
    return choice !== undefined;
  };

  const showCheck = (name: string, result: CheckResult | undefined) => {
    if (!result) {
      return;
    }
    if (result.error) {
      output.warn(`${name}: ${result.error}`);
      void vscode.window.showErrorMessage(`${name}: ${result.error}`);
      return;
    }
    const reasons = (result.reasons ?? []).map(
      (r) =>
        `• ${r.description}${r.statementId ? ` (Sid ${r.statementId})` : r.statementIndex !== undefined ? vscode.l10n.t(' (statement {0})', r.statementIndex + 1) : ''}`,
    );
    // the check's name, its result (PASS/FAIL) and AWS's message and reasons stay as AWS sent them
    output.info([vscode.l10n.t('{0}: result {1}. {2}', name, result.result ?? '', result.message ?? '').trimEnd(), ...reasons].join('\n'));
    const text = `${name}: ${result.result === 'PASS' ? 'PASS' : 'FAIL'}. ${result.message ?? ''}${reasons.length ? `\n${reasons.join('\n')}` : ''}`;
    if (result.result === 'PASS') {
      void vscode.window.showInformationMessage(text);
    } else {
      void vscode.window.showWarningMessage(text, { modal: reasons.length > 0 });
    }
  };

  register('iamPolicy.accessAnalyzer.validate', async () => {
    const uri = activePolicyUri();
    if (!uri) {
      return;
    }
    await vscode.window.activeTextEditor?.document.save();
    const status = await execute<StatusParams['accessAnalyzer']>(Commands.validateWithAccessAnalyzer, uri.toString());
    if (status?.state === 'off') {
      const turnOn = vscode.l10n.t('Turn on');
      const openSettings = vscode.l10n.t('Open settings');
      const choice = await vscode.window.showInformationMessage(
        status.message ?? vscode.l10n.t('Access Analyzer is off.'),
        turnOn,
        openSettings,
      );
      if (choice === turnOn) {
        await vscode.workspace.getConfiguration('iamPolicy').update('accessAnalyzer.enable', true, vscode.ConfigurationTarget.Global);
        await execute(Commands.validateWithAccessAnalyzer, uri.toString());
      } else if (choice === openSettings) {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'iamPolicy.accessAnalyzer');
      }
    } else if (status && !['ok', 'findings', 'checking'].includes(status.state)) {
      const retry = vscode.l10n.t('Retry');
      const openSettings = vscode.l10n.t('Open settings');
      const choice = await vscode.window.showWarningMessage(`Access Analyzer: ${status.message ?? status.state}`, retry, openSettings);
      if (choice === retry) {
        await vscode.commands.executeCommand('iamPolicy.accessAnalyzer.validate');
      } else if (choice === openSettings) {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'iamPolicy.accessAnalyzer');
      }
    }
  });

  register('iamPolicy.accessAnalyzer.checkNoNewAccess', async () => {
    const uri = activePolicyUri();
    if (!uri) {
      return;
    }
    const source = await vscode.window.showQuickPick(
      [vscode.l10n.t('Compare with the file at git HEAD'), vscode.l10n.t('Compare with another file…')],
      { title: vscode.l10n.t('Check No New Access: compared with which policy?') },
    );
    let existing: string | undefined;
    if (source === vscode.l10n.t('Compare with the file at git HEAD')) {
      existing = await gitHeadVersion(uri);
      if (existing === undefined) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('This file has no committed version at git HEAD (or the Git extension is unavailable).'),
        );
        return;
      }
    } else if (source) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('IAM policies')]: ['json', 'jsonc'] },
      });
      if (!picked?.[0]) {
        return;
      }
      existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked[0]));
    }
    if (existing === undefined || !(await confirmBilled('CheckNoNewAccess'))) {
      return;
    }
    showCheck(
      'CheckNoNewAccess',
      await execute<CheckResult>(Commands.checkNoNewAccess, { uri: uri.toString(), existingPolicyDocument: existing }),
    );
  });

  register('iamPolicy.accessAnalyzer.checkAccessNotGranted', async () => {
    const uri = activePolicyUri();
    if (!uri) {
      return;
    }
    const defaults = vscode.workspace.getConfiguration('iamPolicy', uri).get<string[]>('accessAnalyzer.accessNotGranted', []);
    const input = await vscode.window.showInputBox({
      title: vscode.l10n.t('Check Access Not Granted'),
      prompt: vscode.l10n.t('Actions the policy must not grant (comma-separated)'),
      value: defaults.join(', '),
    });
    if (input === undefined || !(await confirmBilled('CheckAccessNotGranted'))) {
      return;
    }
    const actions = input
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    showCheck('CheckAccessNotGranted', await execute<CheckResult>(Commands.checkAccessNotGranted, { uri: uri.toString(), actions }));
  });

  register('iamPolicy.accessAnalyzer.checkNoPublicAccess', async () => {
    const uri = activePolicyUri();
    if (!uri) {
      return;
    }
    const resourceType = await vscode.window.showQuickPick(PUBLIC_ACCESS_TYPES, {
      title: vscode.l10n.t('Check No Public Access: the resource this policy is attached to'),
    });
    if (!resourceType || !(await confirmBilled('CheckNoPublicAccess'))) {
      return;
    }
    showCheck('CheckNoPublicAccess', await execute<CheckResult>(Commands.checkNoPublicAccess, { uri: uri.toString(), resourceType }));
  });

  const billed = new Map<string, string>([
    [Commands.checkNoNewAccess, 'CheckNoNewAccess'],
    [Commands.checkAccessNotGranted, 'CheckAccessNotGranted'],
    [Commands.checkNoPublicAccess, 'CheckNoPublicAccess'],
  ]);
  return async (command, args, next) => {
    const handler = handlers.get(command);
    if (handler && args.length === 0) {
      return handler(next);
    }
    // called with arguments (from code, a keybinding, another extension): a billed check still
    // asks first, so nothing can spend the user's money without the user saying so
    const name = billed.get(command);
    if (name && !(await confirmBilled(name))) {
      return { error: vscode.l10n.t('{0} was not run: the cost was not confirmed.', name) };
    }
    return next(command, args);
  };
}

export function registerCommands(context: vscode.ExtensionContext, statusBar: PolicyStatusBar, summary: PolicySummaryPanel): void {
  const register = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register('iamPolicy.setPolicyType', async (target?: vscode.Uri) => {
    const uri = target ?? activePolicyUri();
    if (!uri) {
      return;
    }
    const current = statusBar.current()?.policyType;
    const picked = await vscode.window.showQuickPick(
      POLICY_TYPES().map((t) => ({ ...t, picked: t.label === current })),
      {
        title: current
          ? vscode.l10n.t('Policy type of {0} (now: {1})', path.posix.basename(uri.path), current)
          : vscode.l10n.t('Policy type of {0}', path.posix.basename(uri.path)),
      },
    );
    if (!picked) {
      return;
    }
    const { glob, target: scope, folder } = fileGlob(uri);
    const config = vscode.workspace.getConfiguration('iamPolicy', folder?.uri ?? uri);
    const map = { ...(config.get<Record<string, string>>('policyTypes') ?? {}) };
    if (picked.label === 'auto') {
      delete map[glob];
    } else {
      map[glob] = picked.label;
    }
    await config.update('policyTypes', map, scope);
  });

  register('iamPolicy.showSummary', async (target?: string | vscode.Uri) => {
    const uri = typeof target === 'string' ? vscode.Uri.parse(target) : (target ?? activePolicyUri());
    if (uri) {
      await summary.show(uri);
    }
  });

  register('iamPolicy.openRuleDocumentation', async (ruleId?: string, href?: string) => {
    if (!ruleId) {
      const docs = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(context.extensionUri, 'dist', 'rules'));
      ruleId = await vscode.window.showQuickPick(
        docs
          .map(([name]) => name)
          .filter((name) => !/\.[a-z]{2}\.md$/.test(name))
          .map((name) => name.replace(/\.md$/, ''))
          .sort(),
        { title: vscode.l10n.t('Open the documentation of a rule') },
      );
      if (!ruleId) {
        return;
      }
    }
    const localized = vscode.Uri.joinPath(context.extensionUri, 'dist', 'rules', `${ruleId}.${vscode.env.language.split('-')[0]}.md`);
    const hasLocalized =
      !vscode.env.language.startsWith('en') &&
      (await vscode.workspace.fs.stat(localized).then(
        () => true,
        () => false,
      ));
    const uri = href
      ? vscode.Uri.parse(href)
      : hasLocalized
        ? localized
        : vscode.Uri.joinPath(context.extensionUri, 'dist', 'rules', `${ruleId}.md`);
    if (uri.scheme === 'file') {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } else {
      await vscode.env.openExternal(uri);
    }
  });

  register('iamPolicy.disableRuleForFile', async (uriText: string, ruleId: string) => {
    const uri = vscode.Uri.parse(uriText);
    const { glob, target, folder } = fileGlob(uri);
    const config = vscode.workspace.getConfiguration('iamPolicy', folder?.uri ?? uri);
    const ignore = { ...(config.get<Record<string, string[]>>('ignore') ?? {}) };
    ignore[glob] = [...new Set([...(ignore[glob] ?? []), ruleId])];
    await config.update('ignore', ignore, target);
  });

  register('iamPolicy.statusMenu', async () => {
    const status = statusBar.current();
    const items = [
      { label: `$(symbol-class) ${vscode.l10n.t('Change the policy type')}`, command: 'iamPolicy.setPolicyType' },
      { label: `$(cloud-upload) ${vscode.l10n.t('Validate with IAM Access Analyzer')}`, command: 'iamPolicy.accessAnalyzer.validate' },
      { label: `$(table) ${vscode.l10n.t('Show the policy summary')}`, command: 'iamPolicy.showSummary' },
      {
        label: `$(gear) ${vscode.l10n.t('Open the Access Analyzer settings')}`,
        command: 'workbench.action.openSettings',
        args: ['iamPolicy.accessAnalyzer'],
      },
      { label: `$(output) ${vscode.l10n.t('Show the language server output')}`, command: 'iamPolicy.showOutput' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: status?.accessAnalyzer.message ?? 'IAM Policy' });
    if (picked) {
      await vscode.commands.executeCommand(picked.command, ...(picked.args ?? []));
    }
  });
}

interface GitApi {
  repositories: { rootUri: vscode.Uri; show(ref: string, path: string): Promise<string> }[];
}

/** The file's content at HEAD, from VS Code's Git extension. */
async function gitHeadVersion(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    const api = (extension?.isActive ? extension.exports : await extension?.activate())?.getAPI(1);
    const repository = api?.repositories.find((r) => uri.fsPath.startsWith(r.rootUri.fsPath));
    return repository ? await repository.show('HEAD', uri.fsPath) : undefined;
  } catch {
    return undefined;
  }
}
