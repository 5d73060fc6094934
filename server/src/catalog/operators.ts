/** IAM condition operators: the table, and parsing of qualified forms like `ForAnyValue:StringLikeIfExists`. */
import { localizeDoc } from '../i18n';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export interface OperatorInfo {
  name: string;
  family: OperatorFamily;
  /** true for the Not... forms, which match when the key is absent */
  negated: boolean;
  /** accepts `*` and `?` wildcards in values */
  wildcards: boolean;
  description: string;
}

const table: OperatorInfo[] = [
  op('StringEquals', 'String', false, false, 'Exact, case-sensitive string match.'),
  op('StringNotEquals', 'String', true, false, 'Negated exact, case-sensitive match. Also true when the key is absent.'),
  op('StringEqualsIgnoreCase', 'String', false, false, 'Exact match, ignoring case.'),
  op('StringNotEqualsIgnoreCase', 'String', true, false, 'Negated match ignoring case. Also true when the key is absent.'),
  op('StringLike', 'String', false, true, 'Case-sensitive match with `*` (any run of characters) and `?` (one character) wildcards.'),
  op('StringNotLike', 'String', true, true, 'Negated case-sensitive wildcard match. Also true when the key is absent.'),
  op('NumericEquals', 'Numeric', false, false, 'Number equal to the value.'),
  op('NumericNotEquals', 'Numeric', true, false, 'Number not equal to the value. Also true when the key is absent.'),
  op('NumericLessThan', 'Numeric', false, false, 'Number less than the value.'),
  op('NumericLessThanEquals', 'Numeric', false, false, 'Number less than or equal to the value.'),
  op('NumericGreaterThan', 'Numeric', false, false, 'Number greater than the value.'),
  op('NumericGreaterThanEquals', 'Numeric', false, false, 'Number greater than or equal to the value.'),
  op('DateEquals', 'Date', false, false, 'Date equal to the value (ISO 8601 or epoch seconds).'),
  op('DateNotEquals', 'Date', true, false, 'Date not equal to the value. Also true when the key is absent.'),
  op('DateLessThan', 'Date', false, false, 'Date before the value.'),
  op('DateLessThanEquals', 'Date', false, false, 'Date at or before the value.'),
  op('DateGreaterThan', 'Date', false, false, 'Date after the value.'),
  op('DateGreaterThanEquals', 'Date', false, false, 'Date at or after the value.'),
  op('Bool', 'Bool', false, false, 'Boolean match: `"true"` or `"false"`. Does not match when the key is absent.'),
  op('BinaryEquals', 'Binary', false, false, 'Byte-for-byte match of a base-64 encoded binary value.'),
  op('IpAddress', 'IpAddress', false, false, 'IP address inside one of the CIDR ranges (IPv4 or IPv6).'),
  op('NotIpAddress', 'IpAddress', true, false, 'IP address outside all of the CIDR ranges. Also true when the key is absent.'),
  op('ArnEquals', 'Arn', false, true, 'ARN match, segment by segment; `*` and `?` wildcards allowed in each segment.'),
  op('ArnLike', 'Arn', false, true, 'ARN match, segment by segment, with `*` and `?` wildcards.'),
  op('ArnNotEquals', 'Arn', true, true, 'Negated ARN match. Also true when the key is absent.'),
  op('ArnNotLike', 'Arn', true, true, 'Negated ARN wildcard match. Also true when the key is absent.'),
  op('Null', 'Null', false, false, '`"true"`: the key is absent from the request; `"false"`: the key is present (whatever its value).'),
];

function op(name: string, family: OperatorFamily, negated: boolean, wildcards: boolean, description: string): OperatorInfo {
  return {
    name,
    family,
    negated,
    wildcards,
    get description() {
      return localizeDoc(description);
    },
  };
}

export const CONDITION_OPERATORS: readonly OperatorInfo[] = table;
const byLowerName = new Map(table.map((o) => [o.name.toLowerCase(), o]));

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface ParsedOperator {
  text: string;
  qualifier?: SetQualifier;
  ifExists: boolean;
  /** the base operator, when known */
  info?: OperatorInfo;
  /** the base name as written (without qualifier or IfExists) */
  baseName: string;
  /** known only when the case differs from the canonical spelling */
  caseMismatch: boolean;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its parts; unknown operators have no `info`. */
export function parseOperator(text: string): ParsedOperator {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon);
    if (q === 'ForAllValues' || q === 'ForAnyValue') {
      qualifier = q;
    }
    rest = rest.slice(colon + 1);
    if (!qualifier) {
      return { text, ifExists: false, baseName: rest, caseMismatch: false };
    }
  }
  let ifExists = false;
  if (/IfExists$/i.test(rest) && rest.length > 'IfExists'.length) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const info = byLowerName.get(rest.toLowerCase());
  const caseMismatch = !!info && info.name !== rest;
  const parsed: ParsedOperator = { text, ifExists, baseName: rest, caseMismatch };
  if (qualifier) {
    parsed.qualifier = qualifier;
  }
  if (info) {
    parsed.info = info;
  }
  return parsed;
}

/** Canonical spelling of a parsed operator. */
export function formatOperator(p: { qualifier?: SetQualifier; info?: OperatorInfo; baseName: string; ifExists: boolean }): string {
  return `${p.qualifier ? `${p.qualifier}:` : ''}${p.info?.name ?? p.baseName}${p.ifExists ? 'IfExists' : ''}`;
}

/** Every valid operator spelling, for completion. */
export function allOperatorSpellings(): string[] {
  const out: string[] = [];
  for (const o of table) {
    out.push(o.name);
    if (o.family !== 'Null') {
      out.push(`${o.name}IfExists`);
    }
  }
  for (const q of ['ForAnyValue', 'ForAllValues']) {
    for (const o of table) {
      if (o.family !== 'Null') {
        out.push(`${q}:${o.name}`, `${q}:${o.name}IfExists`);
      }
    }
  }
  return out;
}

/** Key types an operator family is made for. String operators also work on ARN keys (ARN operators are preferred). */
export function familyAcceptsType(family: OperatorFamily, baseType: string): 'yes' | 'usable' | 'no' {
  switch (family) {
    case 'Null':
      return 'yes';
    case 'String':
      return baseType === 'String' ? 'yes' : baseType === 'ARN' ? 'usable' : 'no';
    case 'Arn':
      return baseType === 'ARN' ? 'yes' : 'no';
    case 'Numeric':
      return baseType === 'Numeric' ? 'yes' : 'no';
    case 'Date':
      return baseType === 'Date' ? 'yes' : 'no';
    case 'Bool':
      return baseType === 'Bool' ? 'yes' : 'no';
    case 'IpAddress':
      return baseType === 'IPAddress' ? 'yes' : 'no';
    case 'Binary':
      return baseType === 'Binary' || baseType === 'String' ? 'yes' : 'no';
  }
}

/** The operator family that fits a key type, for suggestions. */
export function familyForType(baseType: string): OperatorFamily {
  switch (baseType) {
    case 'ARN':
      return 'Arn';
    case 'Numeric':
      return 'Numeric';
    case 'Date':
      return 'Date';
    case 'Bool':
      return 'Bool';
    case 'IPAddress':
      return 'IpAddress';
    default:
      return 'String';
  }
}
