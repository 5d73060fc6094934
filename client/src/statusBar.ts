/**
 * The status bar item of the active policy: its type (click to change it) and the Access
 * Analyzer state (off, checking, n findings, no credentials, error with the reason).
 */
import * as vscode from 'vscode';
import type { AccessAnalyzerState, StatusParams } from '../../server/src/shared/protocol';

const TYPE_LABEL = (): Record<string, string> => ({
  identity: vscode.l10n.t('Identity'),
  resource: vscode.l10n.t('Resource'),
  trust: vscode.l10n.t('Trust'),
  scp: 'SCP',
  rcp: 'RCP',
});

/** Where the policy type came from, as the tooltip says it. */
const SOURCE_LABEL = (): Record<string, string> => ({
  inferred: vscode.l10n.t('inferred'),
  setting: vscode.l10n.t('setting'),
  glob: vscode.l10n.t('glob'),
  comment: vscode.l10n.t('comment'),
  container: vscode.l10n.t('container'),
});

/** The Access Analyzer states, as the tooltip names them. */
const STATE_LABEL = (): Record<string, string> => ({
  off: vscode.l10n.t('off'),
  untrusted: vscode.l10n.t('off (untrusted workspace)'),
  idle: vscode.l10n.t('not run yet'),
  checking: vscode.l10n.t('checking'),
  ok: vscode.l10n.t('no findings'),
  findings: vscode.l10n.t('findings'),
  noCredentials: vscode.l10n.t('no AWS credentials'),
  expiredCredentials: vscode.l10n.t('AWS credentials expired'),
  accessDenied: vscode.l10n.t('access denied'),
  throttled: vscode.l10n.t('throttled'),
  error: vscode.l10n.t('error'),
  tooLarge: vscode.l10n.t('too large'),
});

const AA_TEXT: Record<AccessAnalyzerState, (s: StatusParams['accessAnalyzer']) => string> = {
  off: () => '',
  untrusted: () => `$(workspace-untrusted) ${vscode.l10n.t('Access Analyzer off')}`,
  idle: () => '$(circle-large-outline) Access Analyzer',
  checking: () => '$(sync~spin) Access Analyzer',
  ok: () => '$(pass) Access Analyzer',
  findings: (s) => `$(warning) Access Analyzer: ${s.findings ?? 0}`,
  noCredentials: () => `$(key) ${vscode.l10n.t('no AWS credentials')}`,
  expiredCredentials: () => `$(key) ${vscode.l10n.t('AWS credentials expired')}`,
  accessDenied: () => `$(error) ${vscode.l10n.t('Access Analyzer: denied')}`,
  throttled: () => `$(watch) ${vscode.l10n.t('Access Analyzer: throttled')}`,
  error: () => '$(error) Access Analyzer',
  tooLarge: () => `$(error) ${vscode.l10n.t('too large for Access Analyzer')}`,
};

export class PolicyStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('iamPolicy.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'IAM Policy';
    this.item.command = 'iamPolicy.statusMenu';
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
    this.disposables.push(vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())));
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    if (vscode.window.activeTextEditor?.document.uri.toString() === status.uri) {
      this.render();
    }
  }

  current(): StatusParams | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    return uri ? this.byUri.get(uri) : undefined;
  }

  private render(): void {
    const status = this.current();
    void vscode.commands.executeCommand('setContext', 'iamPolicy.isPolicy', !!status?.isPolicy);
    if (!status?.isPolicy) {
      this.item.hide();
      return;
    }
    const type = status.policyType ? TYPE_LABEL()[status.policyType] : vscode.l10n.t('Policy');
    const aa = AA_TEXT[status.accessAnalyzer.state]?.(status.accessAnalyzer) ?? '';
    this.item.text = `$(shield) IAM ${type}${aa ? `  ${aa}` : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(
      `${vscode.l10n.t('**IAM policy** · {0} policy ({1}) — click to change', type, SOURCE_LABEL()[status.policyTypeSource ?? 'inferred'] ?? status.policyTypeSource ?? '')}\n\n`,
    );
    tooltip.appendMarkdown(
      `Access Analyzer: ${STATE_LABEL()[status.accessAnalyzer.state] ?? status.accessAnalyzer.state}${status.accessAnalyzer.message ? ` — ${status.accessAnalyzer.message}` : ''}`,
    );
    this.item.tooltip = tooltip;
    const bad = ['noCredentials', 'expiredCredentials', 'accessDenied', 'error', 'tooLarge'].includes(status.accessAnalyzer.state);
    this.item.backgroundColor = bad ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t(
        'IAM {0} policy; Access Analyzer {1}',
        type,
        STATE_LABEL()[status.accessAnalyzer.state] ?? status.accessAnalyzer.state,
      ),
    };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
