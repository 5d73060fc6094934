/** Policy variables (`${aws:username}`) in strings: where they are and whether they are well formed. */
import type { PolicyString, Statement } from '../policy/model';

export interface VariableUse {
  text: string;
  /** inside `${...}`, before any default value */
  name: string;
  /** offset inside the string value */
  index: number;
  problem?: 'unclosed' | 'empty' | 'space';
}

const SPECIAL = new Set(['*', '?', '$']);

export function variablesIn(value: string): VariableUse[] {
  const out: VariableUse[] = [];
  let i = value.indexOf('${');
  while (i >= 0) {
    const end = value.indexOf('}', i + 2);
    if (end < 0) {
      out.push({ text: value.slice(i), name: value.slice(i + 2), index: i, problem: 'unclosed' });
      break;
    }
    const inner = value.slice(i + 2, end);
    // `${aws:PrincipalTag/team, 'default'}`: a default value after a comma
    const name = inner.split(',')[0];
    const use: VariableUse = { text: value.slice(i, end + 1), name: name.trim(), index: i };
    if (name.trim() === '') {
      use.problem = 'empty';
    } else if (/\s/.test(name.trim()) || name !== name.trim()) {
      use.problem = 'space';
    }
    if (!SPECIAL.has(use.name) || use.problem) {
      out.push(use);
    }
    i = value.indexOf('${', end + 1);
  }
  return out;
}

/** Strings of a statement where IAM substitutes variables: Resource/NotResource and condition values. */
export function variableStrings(statement: Statement): PolicyString[] {
  const out: PolicyString[] = [];
  for (const list of [statement.resource, statement.notResource]) {
    out.push(...(list?.values ?? []));
  }
  for (const clause of statement.condition?.clauses ?? []) {
    for (const entry of clause.entries) {
      out.push(...entry.values.filter((v) => v.jsonType === 'string'));
    }
  }
  return out.filter((s) => !s.dynamic);
}
