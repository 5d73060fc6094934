/** ARN parsing, and matching of policy resources (with wildcards and policy variables) against ARN templates. */

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** everything after the fifth colon */
  resource: string;
}

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'] as const;

export const REGION_PATTERN = /^(af|ap|ca|eu|il|me|mx|sa|us|cn)(-gov|-iso|-isob|-isoe|-isof)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\d$/;

/** Splits an ARN into its six fields; undefined when it does not have them. */
export function parseArn(text: string): ParsedArn | undefined {
  if (!text.startsWith('arn:')) {
    return undefined;
  }
  // policy variables may contain ':' (`${aws:username}`): split outside of them
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '$') {
      current += ch;
      continue;
    }
    if (ch === '{' && current.endsWith('$')) {
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
    }
    if (ch === ':' && depth === 0 && parts.length < 5) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  if (parts.length < 6) {
    return undefined;
  }
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts[5] };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The resource part of a template as a regex: a variable in the middle accepts anything but the
 * character that follows it (`${BucketName}/` stops at '/', `log-group:${Name}:` at ':'); the last
 * variable accepts anything.
 */
function templateResourceRegExp(templateResource: string, lastVariableExcludes: string): RegExp {
  const parts = templateResource.split(/(\$\{[^}]+\})/);
  let source = '';
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      source += escape(parts[i]);
      continue;
    }
    const next = parts[i + 1] ?? '';
    if (next !== '') {
      source += `[^${escape(next[0])}]+`;
    } else {
      source += lastVariableExcludes ? `[^${escape(lastVariableExcludes)}]+` : '.+';
    }
  }
  return new RegExp(`^${source}$`, 'i');
}

/** A policy resource pattern as a regex: `*` any run, `?` one character, `${var}` any non-empty text. */
function policyPatternRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '$' && pattern[i + 1] === '{') {
      const end = pattern.indexOf('}', i);
      if (end > 0) {
        source += '.+';
        i = end;
        continue;
      }
    }
    source += ch === '*' ? '.*' : ch === '?' ? '.' : escape(ch);
  }
  return new RegExp(`^${source}$`, 'i');
}

function wildcardSegmentMatches(policySegment: string, literal: string): boolean {
  return policyPatternRegExp(policySegment).test(literal);
}

/**
 * Whether a policy resource can name a resource of the template's type. Either the policy's
 * wildcards filled with plain text fit the template, or the template's variables filled with
 * plain text fit the policy pattern (for patterns such as `arn:aws:s3:::*`, which IAM matches
 * against buckets and objects alike).
 *
 * `lastVariableExcludes`: separators the template's last variable cannot contain, because a more
 * specific type continues after them (a bucket name has no '/', since `bucket/key` is an object).
 */
export function resourceMatchesTemplate(resource: string, template: string, lastVariableExcludes = ''): boolean {
  if (resource === '*') {
    return true;
  }
  const p = parseArn(resource);
  const t = parseArn(template);
  if (!p || !t) {
    return false;
  }
  if (!wildcardSegmentMatches(p.service, t.service)) {
    return false;
  }
  const concretePolicy = p.resource.replace(/\$\{[^}]*\}/g, 'x').replace(/[*?]/g, 'x');
  if (templateResourceRegExp(t.resource, lastVariableExcludes).test(concretePolicy)) {
    return true;
  }
  if (/[*?]|\$\{/.test(p.resource)) {
    const concreteTemplate = t.resource.replace(/\$\{[^}]+\}/g, 'x');
    return policyPatternRegExp(p.resource).test(concreteTemplate);
  }
  return false;
}

/**
 * True when the pattern accepts every ARN of the template: it matches two quite different
 * instances of it (regions, accounts, names with separators). The partition is taken from the
 * pattern, since one partition is "everything" for nearly every account.
 */
export function resourceCoversTemplate(resource: string, template: string): boolean {
  const p = parseArn(resource);
  if (!p || !parseArn(template)) {
    return false;
  }
  const regex = policyPatternRegExp(resource);
  const partition = p.partition.includes('*') ? 'aws' : p.partition;
  const fill = (region: string, account: string, name: string) =>
    template.replace(/\$\{([^}]+)\}/g, (_m, v: string) => (v === 'Partition' ? partition : v === 'Region' ? region : v === 'Account' ? account : name));
  return regex.test(fill('us-east-1', '111111111111', 'abc')) && regex.test(fill('eu-west-3', '999988887777', 'x-1/y:z'));
}

/** Turns a template into a snippet: `arn:${1:aws}:s3:::${2:BucketName}/${3:ObjectName}`. */
export function arnTemplateToSnippet(template: string, defaults: { partition?: string; region?: string; account?: string } = {}): string {
  let index = 0;
  return template.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
    index++;
    const value =
      name === 'Partition' ? (defaults.partition ?? 'aws') : name === 'Region' ? (defaults.region ?? name) : name === 'Account' ? (defaults.account ?? name) : name;
    return `\${${index}:${value.replace(/[$}\\]/g, '\\$&')}}`;
  });
}
