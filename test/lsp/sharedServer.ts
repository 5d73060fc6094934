/**
 * One language server per process for the tests that need nothing of their own (the same
 * settings, environment, arguments and client capabilities): starting a server costs about half a
 * CPU-second, and a test process that runs many test files (scripts/test-in-one-process.mjs) would
 * otherwise start one per file or suite. A test whose subject is the server itself (its flags,
 * environment, locale at start, crashes, budgets) or that changes settings starts its own
 * `LspClient`. Tests on a shared server stay independent by construction: each opens its own
 * URIs (opening one that is open already throws), and settings cannot be changed. The servers
 * are shut down when the process's tests are done.
 */
import { after } from 'node:test';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import { LspClient, type StartOptions } from './harness';

/** What a shared server may differ in: the client's side of initialize, nothing of the server's. */
export type SharedOptions = Pick<StartOptions, 'locale' | 'initializationOptions' | 'pullDiagnostics' | 'snippetEdits'>;

export class SharedLspClient extends LspClient {
  /** the server's answer to initialize (the tests that check capabilities read it) */
  initResult!: InitializeResult;
  private readonly openUris = new Set<string>();

  override open(uri: string, text: string, languageId = 'json'): void {
    if (this.openUris.has(uri)) {
      throw new Error(`${uri} is open already on a shared server: give each test URIs of its own (or close it first)`);
    }
    this.openUris.add(uri);
    super.open(uri, text, languageId);
  }

  override close(uri: string): void {
    this.openUris.delete(uri);
    super.close(uri);
  }

  override changeSettings(): void {
    throw new Error('a shared server has the settings of every test using it: start a server of your own to change them');
  }

  /** The server is the process's: it stops when all tests are done. */
  override shutdown(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return super.shutdown();
  }
}

const servers = new Map<string, Promise<SharedLspClient>>();

/** JSON with the keys of every object in order, so equal options give equal keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The process's server for these client options, started and initialized on first use. */
export function sharedServer(options: SharedOptions = {}): Promise<SharedLspClient> {
  const key = canonical(options);
  let server = servers.get(key);
  if (!server) {
    server = (async () => {
      const client = new SharedLspClient();
      client.initResult = await client.initialize(options);
      return client;
    })();
    servers.set(key, server);
  }
  return server;
}

// registered when the first test file imports this module: runs once all of the process's tests are done
after(async () => {
  const started = [...servers.values()];
  servers.clear();
  await Promise.all(started.map(async (server) => (await server).stop()));
});
