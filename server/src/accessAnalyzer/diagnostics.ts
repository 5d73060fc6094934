/** Access Analyzer findings as LSP diagnostics, next to (never instead of) the local ones. */
import { localizedRecord } from '../i18n';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EmbeddedPolicy } from '../policy/policyFile';
import { clampSpan, locationToDocumentSpan } from './locations';
import type { AaFinding } from './model';

export const ACCESS_ANALYZER_SOURCE = 'IAM Access Analyzer';

const SEVERITY: Record<string, DiagnosticSeverity> = {
  ERROR: DiagnosticSeverity.Error,
  SECURITY_WARNING: DiagnosticSeverity.Warning,
  WARNING: DiagnosticSeverity.Warning,
  SUGGESTION: DiagnosticSeverity.Information,
};

const LABEL: Record<string, string> = localizedRecord({
  ERROR: 'Error',
  SECURITY_WARNING: 'Security warning',
  WARNING: 'Warning',
  SUGGESTION: 'Suggestion',
});

export function findingsToDiagnostics(
  findings: AaFinding[],
  document: TextDocument,
  embedded: EmbeddedPolicy,
  sentText: string,
  textOffset: number | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const finding of findings) {
    // one diagnostic per location (a finding without locations goes on the policy's first character)
    const locations = Array.isArray(finding.locations) && finding.locations.length > 0 ? finding.locations : [undefined];
    for (const location of locations) {
      // positions always inside the document, whatever the answer said ("character" never null)
      const span = clampSpan(locationToDocumentSpan(location, embedded, sentText, textOffset), document.getText().length);
      const diagnostic: Diagnostic = {
        range: { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) },
        severity: SEVERITY[finding.findingType] ?? DiagnosticSeverity.Warning,
        source: ACCESS_ANALYZER_SOURCE,
        code: finding.issueCode,
        message: `${finding.findingDetails}${LABEL[finding.findingType] ? ` (${LABEL[finding.findingType]})` : ''}`,
        data: { accessAnalyzer: true, findingType: finding.findingType },
      };
      if (/^https:\/\//.test(finding.learnMoreLink)) {
        diagnostic.codeDescription = { href: finding.learnMoreLink };
      }
      out.push(diagnostic);
    }
  }
  return out;
}
