/**
 * Completion of AWS managed policies where infrastructure code attaches them (a managed-policy
 * reference under the cursor): in an ARN the path and name after `:iam::aws:policy/`, otherwise the
 * bare name (SAM `Policies`). Items are filtered by what is typed (the list is incomplete, so the
 * editor asks again as the name grows).
 */
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../catalog/catalog';
import type { PolicyFile } from '../../policy/policyFile';
import { t } from '../../i18n';

const ARN_HEAD = ':iam::aws:policy/';
const MAX_ITEMS = 200;

export function getManagedPolicyCompletions(
  file: PolicyFile,
  catalog: IamCatalog,
  document: TextDocument,
  offset: number,
): CompletionList | null {
  const ref = file.managedPolicies?.find((r) => offset >= r.offset && offset <= r.offset + r.length);
  if (!ref) {
    return null;
  }
  const raw = file.text.slice(ref.offset, ref.offset + ref.length);
  let start: number;
  let arn: boolean;
  if (raw.startsWith('arn:')) {
    const head = raw.indexOf(ARN_HEAD);
    if (head < 0) {
      return null;
    }
    start = ref.offset + head + ARN_HEAD.length;
    arn = true;
  } else if (/^[\w+=,.@-]*$/.test(raw)) {
    start = ref.offset;
    arn = false;
  } else {
    return null;
  }
  const managed = offset >= start ? catalog.managedPolicies() : undefined;
  if (!managed) {
    return null;
  }
  const typed = file.text.slice(start, offset).toLowerCase();
  const range = { start: document.positionAt(start), end: document.positionAt(ref.offset + raw.trimEnd().length) };
  const items: CompletionItem[] = [];
  let complete = true;
  for (const name of managed.names()) {
    const info = managed.get(name)!;
    const text = arn ? `${info.path.slice(1)}${name}` : name;
    if (typed && !text.toLowerCase().includes(typed)) {
      continue;
    }
    if (items.length === MAX_ITEMS) {
      complete = false;
      break;
    }
    items.push({
      label: name,
      kind: CompletionItemKind.Value,
      detail: t('completion.managedPolicy.detail', { path: info.path, version: info.versionId }),
      textEdit: { range, newText: text },
      filterText: text,
      sortText: `${text.toLowerCase().startsWith(typed) ? 0 : 1}${name.toLowerCase()}`,
    });
  }
  return { isIncomplete: !complete || typed.length === 0, items };
}
