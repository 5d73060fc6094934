/**
 * Settings per document, pulled from the client with `workspace/configuration` (scopeUri = the
 * document) and cached until the configuration changes. Clients that cannot answer get the
 * settings sent with didChangeConfiguration, or the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../shared/settings';

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  private globalSettings: Settings = DEFAULT_SETTINGS;
  /** bumps on every change, so derived caches know to rebuild */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.canPull()) {
      return Promise.resolve(this.globalSettings);
    }
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'iamPolicy' })
        .then((raw: unknown) => sanitizeSettings(raw), () => this.globalSettings);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: push-style clients send the settings themselves */
  changed(pushed: unknown): void {
    const section = typeof pushed === 'object' && pushed !== null ? (pushed as Record<string, unknown>).iamPolicy : undefined;
    if (section !== undefined) {
      this.globalSettings = sanitizeSettings(section);
    }
    this.cache.clear();
    this.generation++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
