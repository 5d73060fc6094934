/** iam-policy-lint's command line: the options, their checks and the usage text. */
import { packageVersion } from '../node/files';
import { POLICY_TYPES, type PolicyType } from '../policy/model';

/** Files over this size (in MB) are reported and not read, unless --max-size says otherwise. */
export const DEFAULT_MAX_MB = 16;

export const USAGE = `iam-policy-lint ${packageVersion()}: check AWS IAM policies (JSON, CloudFormation/SAM, Terraform)

Usage: iam-policy-lint [options] <file | directory | glob | ->...
       iam-policy-lint simulate | diff | test ...   (access commands; add --help to one)

Options:
  -f, --format <text|json|sarif>  output format (default: text)
  -o, --output <file>             write the report to a file instead of stdout
      --severity <level>          lowest severity that fails the run: error, warning (default), info, hint
      --policy-type <type>        identity, resource, trust, scp or rcp (default: inferred per file)
      --config <file>             project configuration (default: the nearest .iampolicy.json)
      --fix                       apply the safe fixes (those that do not change access) in place
      --access-analyzer           also run AWS IAM Access Analyzer ValidatePolicy (sends the policies to AWS)
      --region <region>           Access Analyzer region (default: AWS_REGION, the profile's, or us-east-1)
      --profile <name>            AWS profile for Access Analyzer (default: the standard credential chain)
      --endpoint <url>            Access Analyzer endpoint override
      --stdin-filename <name>     name (and so the language) of the policy read from stdin
      --skip-non-policies         named files that hold no policy are skipped quietly, as in a
                                  directory (for pre-commit and other tools that pass every file)
      --max-size <MB>             skip (and report) files larger than this (default: 16)
  -j, --jobs <n|auto>             lint with n worker threads (default: auto, one per core for 200 files or more)
      --no-color                  plain text even on a terminal
  -h, --help                      this help
  -v, --version                   the version

Exit status: 0 no findings at or above --severity; 1 findings; 2 usage or input errors.
`;

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
  operands: string[];
}

export class UsageError extends Error {}

export function parseArguments(argv: string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'text', severity: 2, fix: false, accessAnalyzer: false, stdinFilename: 'stdin.json', skipNonPolicies: false, maxBytes: DEFAULT_MAX_MB * 1024 * 1024, color: !!process.stdout.isTTY && !process.env.NO_COLOR, jobs: 0, operands: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) {
        throw new UsageError(`${flag} needs a value`);
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
          throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
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
          throw new UsageError(`--severity must be error, warning, info or hint, not "${v}"`);
        }
        o.severity = SEVERITY_RANK[v];
        break;
      }
      case '--policy-type': {
        const v = value();
        if (!(POLICY_TYPES as readonly string[]).includes(v)) {
          throw new UsageError(`--policy-type must be one of ${POLICY_TYPES.join(', ')}, not "${v}"`);
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
          throw new UsageError(`--max-size must be a positive number of megabytes, not "${v}"`);
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
          throw new UsageError(`--jobs must be a positive number or auto, not "${v}"`);
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
      default:
        if (a.startsWith('-') && a !== '-') {
          throw new UsageError(`unknown option ${a}`);
        }
        o.operands.push(a);
    }
  }
  if (o.operands.length === 0) {
    throw new UsageError('no files given (use "." for the current directory, or "-" for stdin)');
  }
  return o;
}
