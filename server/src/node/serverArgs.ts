/**
 * The language server's command line: transport, --help/--version, and the Access Analyzer
 * connection flags (--aws-region, --aws-profile, --access-analyzer-endpoint) for editors without
 * machine-scoped settings. The flags win over the client's global settings; workspace scope never
 * sets them. Messages and help in the user's locale (LC_ALL / LC_MESSAGES / LANG).
 */
import { t } from '../i18n';

export interface ConnectionFlags {
  region?: string;
  profile?: string;
  endpoint?: string;
}

export type ServerArgs =
  { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string } | { kind: 'serve'; flags: ConnectionFlags; argv: string[] };

const FLAGS: Record<string, keyof ConnectionFlags> = {
  '--aws-region': 'region',
  '--aws-profile': 'profile',
  '--access-analyzer-endpoint': 'endpoint',
};

/** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-7, us-isob-east-1 ... */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** a named profile (what the AWS CLI accepts in ~/.aws/config section names) */
const PROFILE = /^[\w+.@-]{1,128}$/;

function checkValue(flag: string, key: keyof ConnectionFlags, value: string): string | undefined {
  if (key === 'region' && !REGION.test(value)) {
    return t('server.badRegion', { flag, value });
  }
  if (key === 'profile' && !PROFILE.test(value)) {
    return t('server.badProfile', { flag, value });
  }
  if (key === 'endpoint') {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
      return t('server.badEndpoint', { flag, value });
    }
  }
  return undefined;
}

/**
 * Reads the server's arguments. `argv` of the result is what the protocol library should see
 * (the transport flags, with --stdio added when none is given; our own flags removed).
 */
export function parseServerArgs(args: readonly string[]): ServerArgs {
  const flags: ConnectionFlags = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      return { kind: 'help' };
    }
    if (arg === '--version' || arg === '-v') {
      return { kind: 'version' };
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = FLAGS[name];
    if (!key) {
      rest.push(arg);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      return { kind: 'error', message: t('cli.needsValue', { flag: name }) };
    }
    const problem = checkValue(name, key, value);
    if (problem) {
      return { kind: 'error', message: problem };
    }
    flags[key] = value;
  }
  const transports = ['--stdio', '--node-ipc'];
  if (!rest.some((a) => transports.includes(a) || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    rest.push('--stdio');
  }
  return { kind: 'serve', flags, argv: rest };
}
