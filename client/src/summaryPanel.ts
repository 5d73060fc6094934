/**
 * "Show Policy Summary": a table like the IAM console's policy summary (service, access level,
 * resources, request conditions) that follows the document as it changes. No script runs in
 * it; the Content-Security-Policy allows only its own nonce'd stylesheet. Colours come from
 * the theme's CSS variables.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PolicySummaryRequestMethod, type PolicySummaryResult } from '../../server/src/shared/protocol';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

export function renderSummaryHtml(summary: PolicySummaryResult, cspSource: string): string {
  const n = nonce();
  const rows = summary.rows
    .map(
      (r) => `<tr class="${r.effect.toLowerCase()}">
  <td><span class="svc">${escapeHtml(r.serviceName)}</span> <code>${escapeHtml(r.service)}</code></td>
  <td>${escapeHtml(r.effect === 'Allow' ? vscode.l10n.t('Allow') : r.effect === 'Deny' ? vscode.l10n.t('Deny') : r.effect)}</td>
  <td>${escapeHtml(r.accessLevel)}</td>
  <td>${escapeHtml(r.resources)}</td>
  <td>${escapeHtml(r.conditions || vscode.l10n.t('None'))}</td>
  <td>${escapeHtml(r.statements.join(', '))}</td>
</tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; img-src ${cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(summary.title)}</title>
<style nonce="${n}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px; }
h1 { font-size: 1.2em; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.3)); vertical-align: top; }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
tr.deny td:nth-child(2) { color: var(--vscode-errorForeground); }
code { font-family: var(--vscode-editor-font-family); color: var(--vscode-textPreformat-foreground); }
.note { color: var(--vscode-descriptionForeground); margin-top: 12px; }
</style>
</head>
<body>
<h1>${escapeHtml(summary.title)}</h1>
${
  summary.rows.length === 0
    ? `<p>${escapeHtml(vscode.l10n.t('This policy grants or denies no known action.'))}</p>`
    : `<table>
<thead><tr><th>${escapeHtml(vscode.l10n.t('Service'))}</th><th>${escapeHtml(vscode.l10n.t('Effect'))}</th><th>${escapeHtml(vscode.l10n.t('Access level'))}</th><th>${escapeHtml(vscode.l10n.t('Resource'))}</th><th>${escapeHtml(vscode.l10n.t('Request condition'))}</th><th>${escapeHtml(vscode.l10n.t('Statements'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
<p class="note">${escapeHtml(summary.dataDate ? vscode.l10n.t('Access levels from the IAM catalog (data of {0}).', summary.dataDate) : vscode.l10n.t('Access levels from the IAM catalog.'))}</p>
</body>
</html>`;
}

export class PolicySummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document.uri.toString() === this.uri?.toString()) {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => void this.refresh(), 300);
        }
      }),
    );
  }

  async show(uri: vscode.Uri): Promise<void> {
    this.uri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'iamPolicy.summary',
        'Policy Summary',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const client = this.client();
    if (!this.panel || !this.uri || !client) {
      return;
    }
    const summary = await client.sendRequest<PolicySummaryResult>(PolicySummaryRequestMethod, { uri: this.uri.toString() });
    if (!this.panel) {
      return;
    }
    this.panel.title = vscode.l10n.t('Summary: {0}', this.uri.path.split('/').pop() ?? '');
    this.panel.webview.html = summary.isPolicy
      ? renderSummaryHtml(summary, this.panel.webview.cspSource)
      : renderSummaryHtml({ ...summary, title: vscode.l10n.t('Not an IAM policy'), rows: [] }, this.panel.webview.cspSource);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
