/**
 * Opt-in inlay hints (setting iamPolicy.inlayHints.accessLevel): each action's access level after
 * it (`"s3:PutObject"  Write`), and for a wildcard the levels it expands to, for reviewing access
 * levels at a glance. Only hints inside the requested range are computed.
 */
import { accessLevelName, t } from '../../i18n';
import { InlayHint, InlayHintKind, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AccessLevel, IamCatalog } from '../../catalog/catalog';
import type { PolicyFile } from '../../policy/policyFile';

const LEVEL_ORDER: AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

function levelsOf(catalog: IamCatalog, name: string): string | undefined {
  const action = catalog.action(name);
  if (action) {
    return accessLevelName(action.level);
  }
  if (!/[*?]/.test(name)) {
    return undefined;
  }
  const matches = catalog.matchActions(name);
  if (matches.length === 0) {
    return undefined;
  }
  const levels = new Set(matches.map((a) => a.level));
  return LEVEL_ORDER.filter((l) => levels.has(l))
    .map((l) => accessLevelName(l))
    .join(t('cli.listSeparator'));
}

export function getInlayHints(catalog: IamCatalog, file: PolicyFile, document: TextDocument, range: Range): InlayHint[] {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const out: InlayHint[] = [];
  for (const { policy } of file.policies) {
    for (const statement of policy.statements) {
      if (statement.node.offset > to || statement.node.offset + statement.node.length < from) {
        continue;
      }
      for (const list of [statement.action, statement.notAction]) {
        for (const value of list?.values ?? []) {
          const end = value.node.offset + value.node.length;
          if (end < from || end > to || value.dynamic) {
            continue;
          }
          const levels = levelsOf(catalog, value.value.trim());
          if (!levels) {
            continue;
          }
          const hint = InlayHint.create(document.positionAt(end), levels, InlayHintKind.Type);
          hint.paddingLeft = true;
          out.push(hint);
        }
      }
    }
  }
  return out;
}
