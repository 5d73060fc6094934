/**
 * Policies read from other files of the workspace where infrastructure code uses them (Terraform
 * `file("${path.module}/policy.json")`, `templatefile("trust.json.tpl", {...})`): the file is read
 * through the host's `readRelative` (this layer stays pure), analysed with the policy type its
 * argument implies, and each finding is reported at the call, prefixed with `path:line:` and with
 * `relatedInformation` at the exact place in the file. In a template, `${…}` and `%{…}` are values
 * Terraform computes: never errors.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IamCatalog } from '../../catalog/catalog';
import { t, type MessageId } from '../../i18n';
import { parsePolicy } from '../../policy/parsePolicy';
import type { PolicyFile, PolicyFileReference } from '../../policy/policyFile';
import { parseJson, type JsonNode } from '../../syntax/parseJson';
import { CHECK_FAILED_CODE, checkFailedDiagnostic, DIAGNOSTIC_SOURCE, getDiagnostics, type DiagnosticOptions } from './diagnostics';

/** Why the host did not read a referenced file. */
export type ReadRelativeError = 'outside' | 'missing' | 'notFile' | 'tooLarge' | 'unreadable';

/**
 * Reads `path` relative to the directory of the document `fromUri`: the file's URI and text, or why
 * not (outside the workspace, missing, not a regular file, over the size cap).
 */
export type ReadRelative = (fromUri: string, path: string) => { uri: string; text: string } | { error: ReadRelativeError };

/** The path as the user reads it: `./a/../policies/x.json` -> `policies/x.json` (`..` kept at the start). */
export function normalizeRelativePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') {
      out.pop();
    } else {
      out.push(part);
    }
  }
  return (path.startsWith('/') ? '/' : '') + out.join('/');
}

/**
 * A Terraform template as JSON of the same length and lines: `%{…}` directives are blanked, `${…}`
 * outside a string becomes a placeholder string; the offsets of those placeholders are returned.
 */
export function templateAsJson(text: string): { text: string; placeholders: Set<number> } {
  const chars = [...text.split('')];
  const placeholders = new Set<number>();
  let inString = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      // `$${` and `%%{`: a literal `${` / `%{` (an escaped policy variable)
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      const end = closingBrace(text, i + 2);
      if (c === '%') {
        for (let j = i; j < end; j++) {
          if (chars[j] !== '\n' && chars[j] !== '\r') {
            chars[j] = ' ';
          }
        }
      } else if (!inString) {
        placeholders.add(i);
        for (let j = i; j < end; j++) {
          if (chars[j] !== '\n' && chars[j] !== '\r') {
            chars[j] = j === i || j === end - 1 ? '"' : '_';
          }
        }
      }
      i = end;
      continue;
    }
    if (c === '\\' && inString) {
      i += 2;
      continue;
    }
    if (c === '"') {
      inString = !inString;
    }
    i++;
  }
  return { text: chars.join(''), placeholders };
}

/** The offset just past the `}` closing an interpolation opened before `from` (strings inside skipped). */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  let quote = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') {
        i++;
      } else if (c === '"') {
        quote = false;
      }
    } else if (c === '"') {
      quote = true;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i + 1;
    }
  }
  return text.length;
}

/** The referenced file as a policy document, with the argument's type and holder. */
export function analyzeReferencedPolicy(reference: PolicyFileReference, text: string): PolicyFile {
  const prepared = reference.template ? templateAsJson(text) : { text, placeholders: new Set<number>() };
  const tree = parseJson(prepared.text);
  const dynamic = new Set<JsonNode>();
  if (reference.template && tree.root) {
    const stack: JsonNode[] = [tree.root];
    while (stack.length > 0) {
      const n = stack.pop()!;
      n.children?.forEach((c) => stack.push(c));
      if (n.type !== 'string') {
        continue;
      }
      if (prepared.placeholders.has(n.offset)) {
        dynamic.add(n);
      } else if (typeof n.value === 'string' && /(^|[^$%])[$%]\{/.test(n.value)) {
        dynamic.add(n);
      } else if (typeof n.value === 'string' && /\$\$\{|%%\{/.test(n.value)) {
        // `$${aws:username}` renders as the policy variable `${aws:username}`
        (n as { value: unknown }).value = n.value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
      }
    }
  }
  const policy = parsePolicy(tree, {
    ...(reference.type ? { policyType: { type: reference.type, source: 'container' as const } } : {}),
    container: reference.container,
    dynamicValue: (node) => (dynamic.has(node) ? 'Terraform template interpolation' : undefined),
  });
  return {
    languageId: 'json',
    text: prepared.text,
    tree,
    isPolicy: true,
    policies: [{ policy, basePath: [], offset: 0, length: prepared.text.length }],
  };
}

const READ_ERRORS: Record<ReadRelativeError, MessageId> = {
  outside: 'diag.fileOutside',
  missing: 'diag.fileMissing',
  notFile: 'diag.fileNotFile',
  tooLarge: 'diag.fileTooLarge',
  unreadable: 'diag.fileUnreadable',
};

/** The diagnostics of every policy file the document references, placed on the calls. */
export function fileReferenceDiagnostics(
  file: PolicyFile,
  catalog: IamCatalog,
  document: TextDocument,
  readRelative: ReadRelative,
  options: DiagnosticOptions = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (options.ignored?.has('*')) {
    return out;
  }
  for (const reference of file.fileReferences ?? []) {
    const range = { start: document.positionAt(reference.offset), end: document.positionAt(reference.offset + reference.length) };
    const shown = normalizeRelativePath(reference.path);
    const read = readRelative(document.uri, reference.path);
    if ('error' in read) {
      out.push({
        range,
        severity: DiagnosticSeverity.Error,
        message: t('diag.checkFailed', { reason: t(READ_ERRORS[read.error], { path: shown }) }),
        source: DIAGNOSTIC_SOURCE,
        code: CHECK_FAILED_CODE,
      });
      continue;
    }
    let found: Diagnostic[];
    try {
      const referenced = analyzeReferencedPolicy(reference, read.text);
      const templateDocument = TextDocument.create(read.uri, 'json', 1, referenced.text);
      const { maxHintsPerRule: _cap, cache: _cache, ...rest } = options;
      found = getDiagnostics(referenced, catalog, templateDocument, rest);
    } catch (err) {
      // fail closed: the call gets a visible error, the rest of the document its findings
      out.push({ ...checkFailedDiagnostic(document, err, reference.offset), range });
      continue;
    }
    for (const d of found) {
      const { data: _data, ...plain } = d;
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      out.push({
        ...plain,
        range,
        message: `${shown}:${d.range.start.line + 1}: ${message}`,
        relatedInformation: [{ location: { uri: read.uri, range: d.range }, message }],
      });
    }
  }
  return out;
}
