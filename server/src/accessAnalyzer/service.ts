/**
 * Runs ValidatePolicy for open documents: when to call (open, save, typing with a debounce, or
 * on demand), one request per document at a time (a newer text aborts the older request),
 * results cached by text hash and dropped when the text moved on, retries with backoff that
 * honour Retry-After, a timeout, and a status per document. Failures never touch the local
 * diagnostics: this module only adds its own.
 */
import { t } from '../i18n';
import { createHash } from 'node:crypto';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyFile } from '../policy/policyFile';
import type { AccessAnalyzerState, StatusParams } from '../shared/protocol';
import type { AccessAnalyzerSettings } from '../shared/settings';
import { findingsToDiagnostics } from './diagnostics';
import { classifyError } from './errors';
import type { AccessAnalyzerApi, ConnectionConfig } from './model';
import { isTooLarge, prepareRequest } from './request';

export type AccessAnalyzerStatus = StatusParams['accessAnalyzer'];

export interface ValidationTarget {
  document: TextDocument;
  file: PolicyFile;
  settings: AccessAnalyzerSettings;
}

export interface ServiceHost {
  /** creates the API client (loads the SDK on first use) */
  createApi(config: ConnectionConfig): AccessAnalyzerApi;
  /** the workspace is trusted: only then is anything sent or any credential read */
  isTrusted(): boolean;
  displayLanguage(): string | undefined;
  /** the document's Access Analyzer state changed */
  onStatus(uri: string, status: AccessAnalyzerStatus): void;
  /** new diagnostics are available for the document */
  onDiagnostics(uri: string): void;
  log(line: string): void;
  /** for tests: time and waiting */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  timeoutMs?: number;
  maxAttempts?: number;
}

interface DocumentState {
  /** hash of the text the diagnostics belong to */
  hash?: string;
  diagnostics: Diagnostic[];
  status: AccessAnalyzerStatus;
  inFlight?: AbortController;
  timer?: ReturnType<typeof setTimeout>;
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** Our own per-attempt timeout (the SDK calls a reset connection "TimeoutError": that one is retried). */
const OUR_TIMEOUT = 'AccessAnalyzerTimeout';
const MAX_RETRY_WAIT_MS = 20_000;
const CACHE_SIZE = 200;

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export class AccessAnalyzerService {
  private readonly docs = new Map<string, DocumentState>();
  /** diagnostics by (text, settings) hash, so undo and re-open cost no request */
  private readonly cache = new Map<string, { diagnostics: Diagnostic[]; findings: number }>();
  private api: { key: string; api: AccessAnalyzerApi } | undefined;
  /** requests sent, for the benchmark and tests */
  requestsSent = 0;

  constructor(private readonly host: ServiceHost) {}

  private stateOf(uri: string): DocumentState {
    let state = this.docs.get(uri);
    if (!state) {
      state = { diagnostics: [], status: { state: 'off' } };
      this.docs.set(uri, state);
    }
    return state;
  }

  /** The diagnostics for exactly this text (none when the text changed since they were made). */
  diagnostics(uri: string, text: string): Diagnostic[] {
    const state = this.docs.get(uri);
    return state?.hash !== undefined && state.hash === textHash(text) ? state.diagnostics : [];
  }

  status(uri: string): AccessAnalyzerStatus {
    return this.docs.get(uri)?.status ?? { state: 'off' };
  }

  /** Records a document's state and tells the host only when it changed (every keystroke reports one). */
  private setStatus(uri: string, status: AccessAnalyzerStatus): void {
    const state = this.stateOf(uri);
    if (JSON.stringify(state.status) === JSON.stringify(status)) {
      return;
    }
    state.status = status;
    this.host.onStatus(uri, status);
  }

  /** The state a document has before any request: off, untrusted, or waiting. */
  private baseState(settings: AccessAnalyzerSettings): AccessAnalyzerState | undefined {
    if (!settings.enable) {
      return 'off';
    }
    if (!this.host.isTrusted()) {
      return 'untrusted';
    }
    return undefined;
  }

  /** A document was opened, changed or saved, or settings changed: validate when the settings say so. */
  onEvent(target: ValidationTarget, event: 'open' | 'change' | 'save' | 'settings'): void {
    const uri = target.document.uri;
    const state = this.stateOf(uri);
    const base = this.baseState(target.settings);
    if (base || !target.file.isPolicy) {
      this.cancel(uri);
      if (state.diagnostics.length > 0) {
        state.diagnostics = [];
        state.hash = undefined;
        this.host.onDiagnostics(uri);
      }
      this.setStatus(uri, { state: base ?? 'off' });
      return;
    }
    if (event === 'change') {
      // the text moved on: the running request answers for text that no longer exists
      this.cancel(uri);
    }
    const when = target.settings.validateOn;
    if (when === 'manual') {
      if (state.status.state !== 'findings' && state.status.state !== 'ok') {
        this.setStatus(uri, { state: 'idle', message: t('aa.idle') });
      }
      return;
    }
    if (event === 'change' && when === 'change') {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.timer = undefined;
        void this.validate(target);
      }, target.settings.debounce);
      return;
    }
    if (event === 'open' || event === 'settings' || (event === 'save' && (when === 'save' || when === 'change'))) {
      void this.validate(target);
    }
  }

  /** Stops the pending and running request of a document. */
  cancel(uri: string): void {
    const state = this.docs.get(uri);
    if (!state) {
      return;
    }
    clearTimeout(state.timer);
    state.timer = undefined;
    state.inFlight?.abort(new Error('superseded'));
    state.inFlight = undefined;
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.docs.delete(uri);
  }

  dispose(): void {
    for (const uri of this.docs.keys()) {
      this.cancel(uri);
    }
    this.api?.api.destroy();
    this.api = undefined;
  }

  private apiFor(settings: AccessAnalyzerSettings): AccessAnalyzerApi {
    const config: ConnectionConfig = { region: settings.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1' };
    if (settings.profile) {
      config.profile = settings.profile;
    }
    if (settings.endpoint) {
      config.endpoint = settings.endpoint;
    }
    const key = JSON.stringify(config);
    if (this.api?.key !== key) {
      this.api?.api.destroy();
      this.api = { key, api: this.host.createApi(config) };
    }
    return this.api.api;
  }

  /** Validates now (the command, or the schedule); resolves to the final status. */
  async validate(target: ValidationTarget): Promise<AccessAnalyzerStatus> {
    const { document, file, settings } = target;
    const uri = document.uri;
    const base = this.baseState(settings);
    if (base) {
      this.setStatus(uri, { state: base });
      return this.status(uri);
    }
    if (!file.isPolicy || file.policies.length === 0) {
      this.setStatus(uri, { state: 'off', message: t('aa.notPolicy') });
      return this.status(uri);
    }
    const text = document.getText();
    const hash = textHash(text);
    const displayLanguage = this.host.displayLanguage();
    const prepared = file.policies.map((embedded) => ({
      embedded,
      ...prepareRequest(file, embedded, { resourceType: settings.resourceType, displayLanguage }),
    }));
    const cacheKey = textHash(JSON.stringify([hash, prepared.map((p) => p.request), settings.region, settings.profile, settings.endpoint]));
    const state = this.stateOf(uri);
    const cached = this.cache.get(cacheKey);
    if (cached) {
      return this.finish(uri, hash, cached.diagnostics, cached.findings);
    }
    if (prepared.some((p) => isTooLarge(p.request.policyDocument))) {
      this.setStatus(uri, { state: 'tooLarge', message: t('aa.tooLarge') });
      return this.status(uri);
    }
    // one request per document: a newer one replaces the older
    state.inFlight?.abort(new Error('superseded'));
    const controller = new AbortController();
    state.inFlight = controller;
    this.setStatus(uri, { state: 'checking' });
    const started = Date.now();
    try {
      const api = this.apiFor(settings);
      const diagnostics: Diagnostic[] = [];
      let count = 0;
      for (const p of prepared) {
        const findings = await this.withRetries(uri, controller.signal, (signal) => api.validatePolicy(p.request, signal));
        count += findings.length;
        diagnostics.push(...findingsToDiagnostics(findings, document, p.embedded, p.request.policyDocument, p.textOffset));
      }
      if (controller.signal.aborted || state.inFlight !== controller) {
        return this.status(uri);
      }
      state.inFlight = undefined;
      this.remember(cacheKey, { diagnostics, findings: count });
      this.host.log(t('log.aa.validated', { uri, ms: Date.now() - started, count }));
      return this.finish(uri, hash, diagnostics, count);
    } catch (err) {
      if (state.inFlight !== controller) {
        // superseded by a newer text or request: that one reports
        return this.status(uri);
      }
      state.inFlight = undefined;
      const timedOut = (err as Error | undefined)?.name === OUR_TIMEOUT;
      const report = classifyError(err, timedOut);
      this.host.log(t('log.aa.failed', { uri, message: report.message }));
      this.setStatus(uri, { state: report.state, message: report.message });
      return this.status(uri);
    }
  }

  private finish(uri: string, hash: string, diagnostics: Diagnostic[], findings: number): AccessAnalyzerStatus {
    const state = this.stateOf(uri);
    state.hash = hash;
    state.diagnostics = diagnostics;
    this.host.onDiagnostics(uri);
    this.setStatus(uri, findings > 0 ? { state: 'findings', findings } : { state: 'ok', findings: 0 });
    return this.status(uri);
  }

  private remember(key: string, result: { diagnostics: Diagnostic[]; findings: number }): void {
    if (this.cache.size >= CACHE_SIZE) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    this.cache.set(key, result);
  }

  /**
   * A billed custom check (CheckNoNewAccess, CheckAccessNotGranted, CheckNoPublicAccess) with the
   * same trust rule, credentials, retries and timeout; failures become an Error with a clear message.
   */
  async customCheck<T>(
    uri: string,
    settings: AccessAnalyzerSettings,
    run: (api: AccessAnalyzerApi, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    // the same gate as ValidatePolicy, whoever calls and with whatever arguments
    const base = this.baseState(settings);
    if (base === 'off') {
      throw new Error(t('aa.offCustom'));
    }
    if (base === 'untrusted' || !this.host.isTrusted()) {
      throw new Error(t('aa.untrustedOff'));
    }
    const controller = new AbortController();
    try {
      const api = this.apiFor(settings);
      return await this.withRetries(uri, controller.signal, (signal) => run(api, signal));
    } catch (err) {
      const report = classifyError(err, (err as Error | undefined)?.name === OUR_TIMEOUT);
      this.host.log(t('log.aa.checkFailed', { uri, message: report.message }));
      throw new Error(report.message);
    }
  }

  /** Runs one call with a timeout per attempt, retrying throttling and server errors with backoff. */
  async withRetries<T>(uri: string, cancel: AbortSignal, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const maxAttempts = this.host.maxAttempts ?? 3;
    const sleep = this.host.sleep ?? abortableSleep;
    for (let attempt = 1; ; attempt++) {
      const timeout = AbortSignal.timeout(this.host.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const signal = AbortSignal.any([cancel, timeout]);
      try {
        this.requestsSent++;
        return await call(signal);
      } catch (err) {
        if (cancel.aborted) {
          throw err;
        }
        if (timeout.aborted) {
          const e = new Error('timed out');
          e.name = OUR_TIMEOUT;
          throw e;
        }
        const report = classifyError(err, false);
        if (!report.retryable || attempt >= maxAttempts) {
          throw err;
        }
        const waitMs = Math.min(
          MAX_RETRY_WAIT_MS,
          report.retryAfterSeconds !== undefined
            ? report.retryAfterSeconds * 1000
            : 500 * 2 ** (attempt - 1) + Math.floor(Math.random() * 250),
        );
        this.setStatus(uri, {
          state: report.state === 'throttled' ? 'throttled' : 'checking',
          message: t('aa.retrying', { message: report.message, seconds: Math.ceil(waitMs / 1000), attempt: attempt + 1, max: maxAttempts }),
        });
        await sleep(waitMs, cancel);
      }
    }
  }
}
