/** iam-policy-lint's command line: the options, their checks and the usage text. */
import { normalizeLocale, t as tr } from '../i18n';
import { packageVersion } from '../node/files';
import { POLICY_TYPES, type PolicyType } from '../policy/model';
import type { CliIo } from './io';

/** Files over this size (in MB) are reported and not read, unless --max-size says otherwise. */
export const DEFAULT_MAX_MB = 16;

/** The usage text in the display language (set the locale first). */
export function usage(): string {
  return tr('cli.usage', { version: packageVersion() });
}

export const SEVERITY_RANK: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };
export const SEVERITY_NAME: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export interface Options {
  format: 'text' | 'json' | 'sarif';
  output?: string;
  severity: number;
  policyType?: PolicyType;
  config?: string;
  fix: boolean;
  accessAnalyzer: boolean;
  region?: string;
  profile?: string;
  endpoint?: string;
  stdinFilename: string;
  /** named files that are not policies are skipped, not input errors */
  skipNonPolicies: boolean;
  /** files larger than this many bytes are reported and not read */
  maxBytes: number;
  color: boolean;
  /** worker threads to lint with (0: one per core when there are enough files) */
  jobs: number;
  /** --locale: the language of messages (else the environment's) */
  locale?: string;
  operands: string[];
}

export class UsageError extends Error {}

/** The options of a lint run; colour is on by default when stdout is a terminal and NO_COLOR is not set. */
export function parseArguments(argv: string[], io: Pick<CliIo, 'stdout' | 'env'>): Options | 'help' | 'version' {
  const o: Options = {
    format: 'text',
    severity: 2,
    fix: false,
    accessAnalyzer: false,
    stdinFilename: 'stdin.json',
    skipNonPolicies: false,
    maxBytes: DEFAULT_MAX_MB * 1024 * 1024,
    color: !!io.stdout.isTTY && !io.env.NO_COLOR,
    jobs: 0,
    operands: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) {
        throw new UsageError(tr('cli.needsValue', { flag }));
      }
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '-f':
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') {
          throw new UsageError(tr('cli.badFormat', { value: v }));
        }
        o.format = v;
        break;
      }
      case '-o':
      case '--output':
        o.output = value();
        break;
      case '--severity': {
        const v = value();
        if (!SEVERITY_RANK[v]) {
          throw new UsageError(tr('cli.badSeverity', { value: v }));
        }
        o.severity = SEVERITY_RANK[v];
        break;
      }
      case '--policy-type': {
        const v = value();
        if (!(POLICY_TYPES as readonly string[]).includes(v)) {
          throw new UsageError(tr('cli.badPolicyType', { types: POLICY_TYPES.join(', '), value: v }));
        }
        o.policyType = v as PolicyType;
        break;
      }
      case '--config':
        o.config = value();
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--access-analyzer':
        o.accessAnalyzer = true;
        break;
      case '--region':
        o.region = value();
        break;
      case '--profile':
        o.profile = value();
        break;
      case '--endpoint':
        o.endpoint = value();
        break;
      case '--stdin-filename':
        o.stdinFilename = value();
        break;
      case '--skip-non-policies':
        o.skipNonPolicies = true;
        break;
      case '--max-size': {
        const v = value();
        const mb = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !(mb > 0)) {
          throw new UsageError(tr('cli.badMaxSize', { value: v }));
        }
        o.maxBytes = Math.round(mb * 1024 * 1024);
        break;
      }
      case '--jobs':
      case '-j': {
        const v = value();
        if (v === 'auto') {
          o.jobs = 0;
        } else if (!/^\d+$/.test(v) || Number(v) < 1) {
          throw new UsageError(tr('cli.badJobs', { value: v }));
        } else {
          o.jobs = Number(v);
        }
        break;
      }
      case '--no-color':
        o.color = false;
        break;
      case '--color':
        o.color = true;
        break;
      case '--locale': {
        const v = value();
        if (!normalizeLocale(v)) {
          throw new UsageError(tr('cli.badLocale', { value: v }));
        }
        o.locale = v;
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') {
          throw new UsageError(tr('cli.unknownOption', { option: a }));
        }
        o.operands.push(a);
    }
  }
  if (o.operands.length === 0) {
    throw new UsageError(tr('cli.noFiles'));
  }
  return o;
}
