/**
 * Settings per document, pulled from the client with `workspace/configuration` (scopeUri = the
 * document) and cached until the configuration changes. Clients that cannot answer get the
 * settings sent with didChangeConfiguration, or the defaults.
 *
 * Access Analyzer's region, profile and endpoint decide where policy text and credentials go, so
 * they are taken only from the global (machine) answer, never from the one for the document's
 * scope: editors with per-project settings (Neovim, Helix, Zed) would otherwise let a repository
 * redirect traffic. VS Code enforces this with `"scope": "machine"`; the server enforces it for
 * every client.
 */
import { t } from '../i18n';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../shared/settings';
import { RULES_BY_ID } from '../rules/index';
import { checkRuleSeverities } from '../shared/configCheck';

/** Region, profile and endpoint given on the server's command line (they win over settings). */
export interface ConnectionFlags {
  region?: string;
  profile?: string;
  endpoint?: string;
}

/**
 * The document's settings with the connection settings of the machine-level answer, and over
 * them the server's command-line flags.
 */
export function withMachineConnection(scoped: Settings, machine: Settings, flags: ConnectionFlags = {}): Settings {
  const { region, profile, endpoint } = machine.accessAnalyzer;
  return {
    ...scoped,
    accessAnalyzer: {
      ...scoped.accessAnalyzer,
      region: flags.region || region,
      profile: flags.profile || profile,
      endpoint: flags.endpoint || endpoint,
    },
  };
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private globalSettings: Settings = DEFAULT_SETTINGS;
  /** settings problems already shown (each once per session) */
  private readonly reported = new Set<string>();
  /** bumps on every change, so derived caches know to rebuild */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly flags: ConnectionFlags = {},
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.canPull()) {
      return Promise.resolve(withMachineConnection(this.globalSettings, this.globalSettings, this.flags));
    }
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration([{ scopeUri: uri, section: 'iamPolicy' }, { section: 'iamPolicy' }]).then(
        (answers: unknown) => {
          const [scoped, global] = Array.isArray(answers) ? (answers as unknown[]) : [];
          return withMachineConnection(this.sanitize(scoped), this.sanitize(global), this.flags);
        },
        () => withMachineConnection(this.globalSettings, this.globalSettings, this.flags),
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: push-style clients send the settings themselves */
  changed(pushed: unknown): void {
    const section = typeof pushed === 'object' && pushed !== null ? (pushed as Record<string, unknown>).iamPolicy : undefined;
    if (section !== undefined) {
      this.globalSettings = this.sanitize(section);
    }
    this.cache.clear();
    this.generation++;
  }

  /** The settings, after saying what in them is ignored (an unknown rule id, a misspelled severity). */
  private sanitize(raw: unknown): Settings {
    const rules = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).rules : undefined;
    for (const problem of checkRuleSeverities(rules, new Set(RULES_BY_ID.keys()), ['iamPolicy.rules'])) {
      const message = t('config.settingIgnored', { setting: problem.path.join('.'), problem: problem.message });
      if (!this.reported.has(message)) {
        this.reported.add(message);
        // a notification: nothing to answer, and the editor shows it once
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      }
    }
    return sanitizeSettings(raw);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
