// A minimal LSP client for the bench: spawns any server over stdio and records, per response, the
// round-trip time and the bytes on the wire, so our server and vscode-json-language-server are
// measured by the same code.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export class RawLspClient {
  /** @param {string[]} command  argv of the server, e.g. [node, server.js, '--stdio'] */
  constructor(command, { settings = {}, env = {} } = {}) {
    this.spawnedAt = performance.now();
    this.child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.child.stderr.resume();
    this.settings = settings;
    this.nextId = 1;
    this.pending = new Map();
    this.versions = new Map();
    this.notifications = [];
    this.waiters = [];
    this.buffer = Buffer.alloc(0);
    this.child.stdout.on('data', (chunk) => this.onData(chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', resolve));
  }

  onData(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) {
        return;
      }
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) {
        return;
      }
      const body = this.buffer.subarray(start, start + length);
      this.buffer = this.buffer.subarray(start + length);
      this.onMessage(JSON.parse(body.toString('utf8')), length);
    }
  }

  onMessage(message, bytes) {
    const at = performance.now();
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(message.id);
      if (p) {
        this.pending.delete(message.id);
        p.resolve({ result: message.result, error: message.error, bytes, ms: at - p.sent });
      }
      return;
    }
    if (message.id !== undefined) {
      // requests from the server
      let result = null;
      if (message.method === 'workspace/configuration') {
        result = message.params.items.map((item) => (item.section === 'iamPolicy' ? this.settings : null));
      }
      this.write({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    const note = { method: message.method, params: message.params, bytes, at };
    this.notifications.push(note);
    this.waiters = this.waiters.filter((w) => (w.predicate(note) ? (w.resolve(note), false) : true));
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** @returns {Promise<{result: any, error: any, bytes: number, ms: number}>} */
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, sent: performance.now() });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  waitFor(predicate, timeoutMs = 30000) {
    const past = this.notifications.find(predicate);
    if (past) {
      return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a notification')), timeoutMs);
      this.waiters.push({ predicate, resolve: (n) => (clearTimeout(timer), resolve(n)) });
    });
  }

  async initialize(initializationOptions = {}) {
    const r = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: false } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true }, completionList: {} },
          diagnostic: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions,
    });
    this.notify('initialized', {});
    return r;
  }

  open(uri, text) {
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  }

  change(uri, text) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  complete(uri, position) {
    return this.request('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
  }

  hover(uri, position) {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  diagnostics(uri) {
    return this.request('textDocument/diagnostic', { textDocument: { uri } });
  }

  rssKb() {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0), peak: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) };
    } catch {
      return { rss: 0, peak: 0 };
    }
  }

  /** CPU time the server process has used so far (user + system, from /proc; undefined elsewhere). */
  cpuMs() {
    try {
      const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      const tick = 1000 / 100; // USER_HZ is 100 on Linux
      return (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      return undefined;
    }
  }

  async shutdown() {
    await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
    this.notify('exit', null);
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 2000))]);
    this.child.kill();
  }
}

/** Items of a completion result, whatever its shape. */
export function itemsOf(result) {
  return Array.isArray(result) ? result : (result?.items ?? []);
}
