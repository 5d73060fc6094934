/**
 * Checks the project configuration (`.iampolicy.json`) and the editor's rule settings for what
 * sanitizeSettings would silently drop: an unknown rule id, a misspelled severity or policy type,
 * an unknown key. Each problem names its JSON path, so the CLI can print it and the editor can
 * place a diagnostic on the config file. Rule ids come from the caller (the registry).
 */
import { t } from '../i18n';

export interface ConfigProblem {
  /** JSON path of the offending key or value, e.g. ['rules', 'resource-str'] */
  path: (string | number)[];
  /** whether the key itself is wrong (else its value) */
  onKey: boolean;
  message: string;
}

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];
const POLICY_TYPES = ['identity', 'resource', 'trust', 'scp', 'rcp'];
const TOP_KEYS = [
  '$schema',
  'files',
  'policyType',
  'policyTypes',
  'rules',
  'ignore',
  'accessAnalyzer',
  'validate',
  'codeLens',
  'accessTests',
];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** " (did you mean "x"?)" for the nearest candidate within a small edit distance. */
function suggestion(value: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(value.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 4)) ? t('config.didYouMean', { value: best }) : '';
}

const quote = (v: unknown) => JSON.stringify(v);

/** Problems of a rules object ({ id: severity }) at `base`. */
export function checkRuleSeverities(rules: unknown, ruleIds: ReadonlySet<string>, base: (string | number)[] = ['rules']): ConfigProblem[] {
  if (rules === undefined) {
    return [];
  }
  if (!isRecord(rules)) {
    return [{ path: base, onKey: false, message: t('config.rulesObject', { key: base.join('.') }) }];
  }
  const problems: ConfigProblem[] = [];
  const ids = [...ruleIds];
  for (const [id, severity] of Object.entries(rules)) {
    if (!ruleIds.has(id)) {
      problems.push({
        path: [...base, id],
        onKey: true,
        message: t('config.unknownRule', { id: quote(id), suggestion: suggestion(id, ids) }),
      });
    }
    if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
      problems.push({
        path: [...base, id],
        onKey: false,
        message: t('config.badSeverity', {
          id: quote(id),
          allowed: SEVERITIES.join(', '),
          value: quote(severity),
          suggestion: typeof severity === 'string' ? suggestion(severity, SEVERITIES) : '',
        }),
      });
    }
  }
  return problems;
}

/** Every problem of a parsed `.iampolicy.json`. */
export function checkProjectConfig(config: unknown, ruleIds: ReadonlySet<string>): ConfigProblem[] {
  if (!isRecord(config)) {
    return [{ path: [], onKey: false, message: t('config.notObject') }];
  }
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(config)) {
    if (!TOP_KEYS.includes(key)) {
      problems.push({
        path: [key],
        onKey: true,
        message: t('config.unknownKey', {
          key: quote(key),
          suggestion: suggestion(key, TOP_KEYS),
          known: TOP_KEYS.filter((k) => k !== '$schema').join(', '),
        }),
      });
    }
  }
  problems.push(...checkRuleSeverities(config.rules, ruleIds));
  if (config.ignore !== undefined) {
    if (!isRecord(config.ignore)) {
      problems.push({ path: ['ignore'], onKey: false, message: t('config.ignoreObject') });
    } else {
      const ids = [...ruleIds];
      for (const [glob, list] of Object.entries(config.ignore)) {
        if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
          problems.push({ path: ['ignore', glob], onKey: false, message: t('config.ignoreList', { glob: quote(glob) }) });
          continue;
        }
        list.forEach((id: string, i) => {
          if (id !== '*' && !ruleIds.has(id)) {
            problems.push({
              path: ['ignore', glob, i],
              onKey: false,
              message: t('config.unknownRule', { id: quote(id), suggestion: suggestion(id, ids) }),
            });
          }
        });
      }
    }
  }
  if (
    config.policyType !== undefined &&
    !(typeof config.policyType === 'string' && ['auto', ...POLICY_TYPES].includes(config.policyType))
  ) {
    problems.push({
      path: ['policyType'],
      onKey: false,
      message: t('config.badPolicyType', { allowed: `auto, ${POLICY_TYPES.join(', ')}`, value: quote(config.policyType) }),
    });
  }
  if (config.policyTypes !== undefined) {
    if (!isRecord(config.policyTypes)) {
      problems.push({ path: ['policyTypes'], onKey: false, message: t('config.policyTypesObject') });
    } else {
      for (const [glob, type] of Object.entries(config.policyTypes)) {
        if (typeof type !== 'string' || !POLICY_TYPES.includes(type)) {
          problems.push({
            path: ['policyTypes', glob],
            onKey: false,
            message: t('config.badGlobPolicyType', {
              glob: quote(glob),
              allowed: POLICY_TYPES.join(', '),
              value: quote(type),
              suggestion: typeof type === 'string' ? suggestion(type, POLICY_TYPES) : '',
            }),
          });
        }
      }
    }
  }
  if (config.files !== undefined && !(Array.isArray(config.files) && config.files.every((x) => typeof x === 'string'))) {
    problems.push({ path: ['files'], onKey: false, message: t('config.filesList') });
  }
  return problems;
}
