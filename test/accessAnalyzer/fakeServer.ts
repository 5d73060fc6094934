/**
 * A local stand-in for IAM Access Analyzer on 127.0.0.1: it speaks the ValidatePolicy REST-JSON
 * protocol the real SDK uses, replays the recorded request/response pairs in ./fixtures, and can
 * be told to misbehave (throttle, fail, stall, send garbage, drop the connection) for fault tests.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

export interface Fixture {
  name: string;
  request: { method: string; path: string; query: Record<string, string>; body: Record<string, unknown> };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** What the next request gets, instead of a replayed fixture. */
export type Fault =
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body: unknown }
  | { kind: 'garbage' }
  | { kind: 'stall'; ms: number }
  | { kind: 'drop' }
  /** an answer built from the request (echoing headers, endless pages, huge bodies) */
  | { kind: 'dynamic'; respond: (request: RecordedRequest) => { status: number; headers?: Record<string, string>; body: unknown } };

export const fixturesDir = path.resolve(__dirname, '..', '..', '..', 'test', 'accessAnalyzer', 'fixtures');

export function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8')) as Fixture);
}

export function fixture(name: string): Fixture {
  const found = loadFixtures().find((f) => f.name === name);
  if (!found) {
    throw new Error(`no fixture ${name}`);
  }
  return found;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class FakeAccessAnalyzer {
  readonly requests: RecordedRequest[] = [];
  /** served in order before any replay */
  readonly faults: Fault[] = [];
  /** fixtures to answer from; a request matching none gets a 400 ValidationException */
  fixtures: Fixture[] = loadFixtures();
  /** ignore `maxResults` when matching (our client does not send it) */
  ignorePageSize = true;
  private server = http.createServer((req, res) => this.handle(req, res));
  private readonly sockets = new Set<Socket>();

  async start(): Promise<string> {
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) {
      s.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      this.requests.push(recorded);
      const fault = this.faults.shift();
      if (fault?.kind === 'dynamic') {
        const answer = fault.respond(recorded);
        this.send(res, answer.status, answer.headers ?? {}, answer.body);
        return;
      }
      if (fault) {
        this.serveFault(fault, res);
        return;
      }
      const match = this.fixtures.find(
        (f) =>
          f.request.method === recorded.method &&
          f.request.path === recorded.path &&
          sameJson(f.request.body, body) &&
          (f.request.query.nextToken ?? '') === (recorded.query.nextToken ?? '') &&
          (this.ignorePageSize || (f.request.query.maxResults ?? '') === (recorded.query.maxResults ?? '')),
      );
      if (!match) {
        this.send(
          res,
          400,
          { 'x-amzn-ErrorType': 'ValidationException' },
          { message: `fake server: no fixture for ${recorded.path} ${JSON.stringify(body).slice(0, 200)}`, reason: 'other' },
        );
        return;
      }
      this.send(res, match.response.status, match.response.headers, match.response.body);
    });
  }

  private serveFault(fault: Fault, res: http.ServerResponse): void {
    switch (fault.kind) {
      case 'respond':
        this.send(res, fault.status, fault.headers ?? {}, fault.body);
        return;
      case 'garbage':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('<html>this is not json');
        return;
      case 'stall':
        setTimeout(() => {
          if (!res.destroyed) {
            this.send(res, 200, {}, { findings: [] });
          }
        }, fault.ms);
        return;
      case 'drop':
        res.socket?.destroy();
        return;
      case 'dynamic':
        return;
    }
  }

  private send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'fake-0001', ...headers });
    res.end(JSON.stringify(body));
  }
}

/** Credentials for the SDK's chain that reach nothing real (the fake server does not check them). */
export const FAKE_CREDENTIALS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-for-loopback-tests',
  AWS_REGION: 'us-east-1',
};

/** A port that refuses connections: one we bound and released. */
export async function refusedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
