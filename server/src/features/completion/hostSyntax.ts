/**
 * How a completed key is written in the file's own language. A policy key is inserted as
 * `"Key": value` in JSON, `Key: value` in YAML, `"Key" = value` in a Terraform `jsonencode`
 * object, and as a bare quoted value where an `aws_iam_policy_document` block names the key as an
 * argument's value (`test = "StringEquals"`, `variable = "aws:PrincipalAccount"`), and as a
 * string literal with the literal's own quote in code (a CDK conditions object).
 */
import type { Token } from '../../policy/locate';
import type { PolicyDocument } from '../../policy/model';

export type HostSyntax = 'json' | 'yaml' | 'hcl' | 'hcl-argument' | 'code';

/** The syntax around a key token. */
export function hostSyntaxAt(policy: PolicyDocument | undefined, text: string, token: Token): HostSyntax {
  const kind = policy?.container.kind;
  const root = policy?.root;
  if (kind === 'cdk') {
    return 'code';
  }
  if (policy?.container.stringEncoding === 'escaped') {
    // JSON inside a quoted string: JSON syntax (completion escapes it for the host string)
    return 'json';
  }
  if (kind === 'terraform') {
    const lineStart = text.lastIndexOf('\n', token.offset - 1) + 1;
    if (/\b(test|variable|type)\s*=\s*$/.test(text.slice(lineStart, token.offset))) {
      return 'hcl-argument';
    }
    // .tf.json: JSON text
    return policy?.tree.text.trimStart().startsWith('{') ? 'json' : 'hcl';
  }
  if (kind === 'cloudformation' && root && text[root.offset] !== '{') {
    return 'yaml';
  }
  return 'json';
}

/** What follows the key already: `:` (JSON, YAML) or `=` (HCL) means only the key is replaced. */
function separatorFollows(text: string, token: Token, separator: string): boolean {
  for (let i = token.offset + token.length; i < text.length; i++) {
    const ch = text[i];
    if (ch === separator) {
      return true;
    }
    if (ch !== ' ' && ch !== '\t' && ch !== '\r' && ch !== '\n') {
      return false;
    }
  }
  return false;
}

/** A key as a YAML plain scalar, or single-quoted when it cannot be one (`inner` is snippet text). */
function yamlKey(inner: string): string {
  return /^[A-Za-z0-9_$][^#'"]*$/.test(inner) && !/: |:$/.test(inner) ? inner : `'${inner.replace(/'/g, "''")}'`;
}

/** The JSON value snippet on one line (a YAML flow collection or an HCL value). */
function oneLine(valueSnippet: string): string {
  return valueSnippet.replace(/\n\t*/g, (_m, offset: number, all: string) =>
    /[[{]$/.test(all.slice(0, offset)) || /^\n\t*[\]}]/.test(all.slice(offset)) ? '' : ' ',
  );
}

/**
 * The text that replaces a key token. `quotedKey` is the key as a JSON string snippet (with its
 * quotes), `valueSnippet` the JSON value snippet to add after it when the key has no value yet.
 */
export function keyInsertText(syntax: HostSyntax, text: string, token: Token, quotedKey: string, valueSnippet: string): string {
  switch (syntax) {
    case 'code': {
      // a key in code: a JavaScript object or Python dict key, or addCondition's operator argument;
      // the reader only sees keys that have their value already, so only the literal is replaced
      const q = text[token.offset] === "'" ? "'" : '"';
      return q + quotedKey.slice(1, -1).split(q).join(`\\${q}`) + q;
    }
    case 'hcl-argument':
      return quotedKey;
    case 'hcl':
      return separatorFollows(text, token, '=') ? quotedKey : `${quotedKey} = ${oneLine(valueSnippet).replace(/": /g, '" = ')}`;
    case 'yaml': {
      const bare = yamlKey(quotedKey.slice(1, -1));
      if (separatorFollows(text, token, ':')) {
        return bare;
      }
      // an object value becomes a nested block mapping (indented relative to the key's line)
      const object = /^\{\n\t(.*)\n\}$/s.exec(valueSnippet);
      if (object) {
        return `${bare}:\n  ${object[1].replace(/"([^"]*)":/g, '$1:').replace(/\n\t/g, '\n  ')}`;
      }
      return `${bare}: ${oneLine(valueSnippet)}`;
    }
    default:
      return separatorFollows(text, token, ':') ? quotedKey : `${quotedKey}: ${valueSnippet}`;
  }
}
