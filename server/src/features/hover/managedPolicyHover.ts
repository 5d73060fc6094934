/**
 * Hover on a managed policy attached by ARN or name: what the AWS managed policy grants (the same
 * access-level summary as a policy's), its ARN, latest version and a link to its page of the AWS
 * Managed Policy Reference.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../catalog/catalog';
import { managedPolicyDocsUrl } from '../../catalog/managedPolicies';
import { policyAccess } from '../../analysis/accessSummary';
import { managedPolicyDocument, resolveReference } from '../../analysis/managedPolicies';
import type { PolicyFile } from '../../policy/policyFile';
import { t } from '../../i18n';
import { code, link } from '../markdown';
import { renderPolicySummary } from './hover';

/** The hover of the managed-policy reference under the offset; null when there is none or it names no known policy. */
export function getManagedPolicyHover(
  file: PolicyFile,
  catalog: IamCatalog,
  document: TextDocument,
  offset: number,
  now?: Date,
): Hover | null {
  const reference = file.managedPolicies?.find((r) => offset >= r.offset && offset <= r.offset + r.length);
  const managed = reference && catalog.managedPolicies();
  const resolved = reference && managed && resolveReference(reference, managed, file.text);
  if (!resolved?.policy || !managed) {
    return null;
  }
  const info = resolved.policy;
  const lines = [
    t('hover.managedPolicy.title', { name: info.name }),
    '',
    `${code(info.arn)} · ${t('hover.managedPolicy.version', { version: info.versionId, date: info.updated })} · ${link(t('hover.managedPolicy.docs'), managedPolicyDocsUrl(info.name))}`,
  ];
  const policy = managedPolicyDocument(managed, info.name);
  if (policy) {
    lines.push('', t('hover.managedPolicy.grants'), '', renderPolicySummary(policy, policyAccess(policy, catalog, now)));
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: { start: document.positionAt(resolved.offset), end: document.positionAt(resolved.offset + resolved.length) },
  };
}
