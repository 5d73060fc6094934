/**
 * Links from each action and condition key to its page of the AWS Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_<service>.html, the page
 * name from the catalog) and, for global keys, to the IAM global condition keys page.
 */
import { t } from '../../i18n';
import type { DocumentLink, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../catalog/catalog';
import type { PolicyFile } from '../../policy/policyFile';
import type { JsonNode } from '../../syntax/parseJson';

/** Links beyond this many are not computed (a generated policy of thousands of actions). */
const MAX_LINKS = 5000;

/** The range inside the quotes of a string node. */
function innerRange(document: TextDocument, node: JsonNode): Range {
  const quoted = node.length >= 2 && '"\''.includes(document.getText().charAt(node.offset));
  const start = node.offset + (quoted ? 1 : 0);
  const end = node.offset + node.length - (quoted ? 1 : 0);
  return { start: document.positionAt(start), end: document.positionAt(Math.max(start, end)) };
}

export function getDocumentLinks(catalog: IamCatalog, file: PolicyFile, document: TextDocument): DocumentLink[] {
  const out: DocumentLink[] = [];
  const text = document.getText();
  for (const { policy } of file.policies) {
    // in code (CDK) a value CDK writes itself sits on an identifier (`assumedBy`): a link there would take the click from the language
    const written = (node: JsonNode) => policy.container.kind !== 'cdk' || '"\'`'.includes(text.charAt(node.offset));
    for (const statement of policy.statements) {
      for (const list of [statement.action, statement.notAction]) {
        for (const value of list?.values ?? []) {
          if (out.length >= MAX_LINKS || value.dynamic || !written(value.node)) {
            continue;
          }
          const name = value.value.trim();
          const action = catalog.action(name);
          if (action) {
            out.push({
              range: innerRange(document, value.node),
              target: catalog.actionDocUrl(action),
              tooltip: t('links.action', { action: action.fullName, service: action.service.name }),
            });
            continue;
          }
          // a wildcard of one known service: the service's page
          const service = /^([a-z0-9-]+):/i.exec(name) ? catalog.service(name.slice(0, name.indexOf(':')).toLowerCase()) : undefined;
          if (service && /[*?]/.test(name)) {
            out.push({
              range: innerRange(document, value.node),
              target: service.docUrl,
              tooltip: t('links.service', { service: service.name }),
            });
          }
        }
      }
      for (const clause of statement.condition?.clauses ?? []) {
        for (const entry of clause.entries) {
          if (out.length >= MAX_LINKS) {
            break;
          }
          const info = catalog.conditionKey(entry.key);
          const keyNode = entry.element.keyNode;
          if (info && written(keyNode) && (policy.container.kind !== 'cdk' || text.startsWith(entry.key, keyNode.offset + 1))) {
            out.push({
              range: innerRange(document, entry.element.keyNode),
              target: catalog.conditionKeyDocUrl(info),
              tooltip: t('links.conditionKey', { key: info.key }),
            });
          }
        }
      }
    }
  }
  return out;
}
