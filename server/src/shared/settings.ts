/**
 * Settings shared by the client and the server: the shape of the `iamPolicy` section and a
 * sanitiser that turns whatever the client sent into a complete, valid object. New settings
 * default to a falsy or neutral value.
 */
import type { PolicyType } from '../policy/model';

export type RuleSeveritySetting = 'off' | 'hint' | 'info' | 'warning' | 'error';
export type ValidateOn = 'save' | 'change' | 'manual';

export interface AccessAnalyzerSettings {
  enable: boolean;
  validateOn: ValidateOn;
  debounce: number;
  region: string;
  profile: string;
  endpoint: string;
  resourceType: string;
  accessNotGranted: string[];
}

export interface Settings {
  files: string[];
  policyType: PolicyType | 'auto';
  policyTypes: Record<string, PolicyType>;
  validate: { enable: boolean };
  rules: Record<string, RuleSeveritySetting>;
  ignore: Record<string, string[]>;
  codeLens: { enable: boolean };
  /** inlay hints: each action's access level after it (opt-in) */
  inlayHints: { accessLevel: boolean };
  accessAnalyzer: AccessAnalyzerSettings;
}

export const DEFAULT_FILES = [
  '**/*.policy.json',
  '**/*-policy.json',
  '**/*.policy.jsonc',
  '**/*-policy.jsonc',
  '**/policies/**/*.json',
  '**/*.iam.json',
];

export const DEFAULT_SETTINGS: Settings = {
  files: DEFAULT_FILES,
  policyType: 'auto',
  policyTypes: {},
  validate: { enable: true },
  rules: {},
  ignore: {},
  codeLens: { enable: true },
  inlayHints: { accessLevel: false },
  accessAnalyzer: {
    enable: false,
    validateOn: 'save',
    debounce: 1500,
    region: '',
    profile: '',
    endpoint: '',
    resourceType: 'auto',
    accessNotGranted: ['iam:PassRole', 'iam:CreatePolicyVersion', 's3:DeleteBucket'],
  },
};

const POLICY_TYPE_VALUES = new Set(['identity', 'resource', 'trust', 'scp', 'rcp']);
const SEVERITY_VALUES = new Set(['off', 'hint', 'info', 'warning', 'error']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** Accepts anything (including undefined) and returns complete settings. */
export function sanitizeSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  const d = DEFAULT_SETTINGS;
  const policyTypes: Record<string, PolicyType> = {};
  if (isRecord(r.policyTypes)) {
    for (const [glob, type] of Object.entries(r.policyTypes)) {
      if (typeof type === 'string' && POLICY_TYPE_VALUES.has(type)) {
        policyTypes[glob] = type as PolicyType;
      }
    }
  }
  const rules: Record<string, RuleSeveritySetting> = {};
  if (isRecord(r.rules)) {
    for (const [id, severity] of Object.entries(r.rules)) {
      if (typeof severity === 'string' && SEVERITY_VALUES.has(severity)) {
        rules[id] = severity as RuleSeveritySetting;
      }
    }
  }
  const ignore: Record<string, string[]> = {};
  if (isRecord(r.ignore)) {
    for (const [glob, ids] of Object.entries(r.ignore)) {
      ignore[glob] = stringArray(ids, []);
    }
  }
  const aa = isRecord(r.accessAnalyzer) ? r.accessAnalyzer : {};
  const validateOn = str(aa.validateOn, d.accessAnalyzer.validateOn);
  const debounce = typeof aa.debounce === 'number' && Number.isFinite(aa.debounce) ? Math.max(250, aa.debounce) : d.accessAnalyzer.debounce;
  const policyType = str(r.policyType, 'auto');
  return {
    files: stringArray(r.files, d.files),
    policyType: POLICY_TYPE_VALUES.has(policyType) ? (policyType as PolicyType) : 'auto',
    policyTypes,
    validate: { enable: bool(isRecord(r.validate) ? r.validate.enable : undefined, d.validate.enable) },
    rules,
    ignore,
    codeLens: { enable: bool(isRecord(r.codeLens) ? r.codeLens.enable : undefined, d.codeLens.enable) },
    inlayHints: { accessLevel: bool(isRecord(r.inlayHints) ? r.inlayHints.accessLevel : undefined, d.inlayHints.accessLevel) },
    accessAnalyzer: {
      enable: bool(aa.enable, d.accessAnalyzer.enable),
      validateOn: validateOn === 'change' || validateOn === 'manual' ? validateOn : 'save',
      debounce,
      region: str(aa.region, ''),
      profile: str(aa.profile, ''),
      endpoint: str(aa.endpoint, ''),
      resourceType: str(aa.resourceType, 'auto'),
      accessNotGranted: stringArray(aa.accessNotGranted, d.accessAnalyzer.accessNotGranted),
    },
  };
}

/**
 * The project's `.iampolicy.json` (shared by the editor and the CLI) under the editor's settings:
 * rule severities, ignores and policy-type globs are merged entry by entry (settings win);
 * a setting left at its default does not hide the file's value. Access Analyzer's region,
 * profile and endpoint never come from the file: a repository must not redirect traffic or
 * pick credentials.
 */
export function mergeProjectConfig(config: unknown, settings: Settings): Settings {
  const file = sanitizeSettings(config);
  const raw = isRecord(config) ? config : {};
  return {
    ...settings,
    files: [...new Set([...settings.files, ...(Array.isArray(raw.files) ? file.files : [])])],
    policyType: settings.policyType !== 'auto' ? settings.policyType : file.policyType,
    policyTypes: { ...file.policyTypes, ...settings.policyTypes },
    rules: { ...file.rules, ...settings.rules },
    ignore: { ...file.ignore, ...settings.ignore },
    accessAnalyzer: {
      ...settings.accessAnalyzer,
      ...(isRecord(raw.accessAnalyzer) && Array.isArray(raw.accessAnalyzer.accessNotGranted)
        ? { accessNotGranted: file.accessAnalyzer.accessNotGranted }
        : {}),
    },
  };
}

export const PROJECT_CONFIG_FILE = '.iampolicy.json';
