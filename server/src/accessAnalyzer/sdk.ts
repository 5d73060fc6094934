/**
 * The one file that imports the AWS SDK. It is bundled on its own (dist/access-analyzer.js) and
 * loaded the first time a user who enabled Access Analyzer needs it, so nobody else pays its
 * load time. Credentials come from the SDK's standard chain (environment, shared config and
 * credentials files, SSO, the named profile); we never read or log them ourselves.
 */
import {
  AccessAnalyzerClient,
  CheckAccessNotGrantedCommand,
  CheckNoNewAccessCommand,
  CheckNoPublicAccessCommand,
  ValidatePolicyCommand,
  type AccessCheckResourceType,
  type ValidatePolicyResourceType,
} from '@aws-sdk/client-accessanalyzer';
import type { AaFinding, AccessAnalyzerApi, CheckResult, ConnectionConfig } from './model';

/**
 * Pages of findings we follow at most (each holds up to 100 findings by default, and a policy of
 * at most 32,768 characters has far fewer): an endpoint that always returns nextToken costs 5
 * requests, not 50.
 */
export const MAX_PAGES = 5;

/** Largest response body read (a real ValidatePolicy answer is a few kilobytes). */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Request headers whose values never appear in a message or a log line. */
const SECRET_HEADERS = ['authorization', 'x-amz-security-token', 'cookie', 'proxy-authorization'];

type Redact = <T>(value: T) => T;

/** Replaces every recorded secret in strings of a value (an error, a finding, a result). */
function redactor(secrets: Set<string>): Redact {
  const clean = (text: string): string => {
    let out = text;
    for (const secret of secrets) {
      if (out.includes(secret)) {
        out = out.split(secret).join('[redacted]');
      }
    }
    return out;
  };
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') {
      return clean(value);
    }
    if (depth > 8 || typeof value !== 'object' || value === null) {
      return value;
    }
    if (Array.isArray(value)) {
      return value.map((v) => walk(v, depth + 1));
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === '$response') {
        // the raw response (headers and body an endpoint may echo) is never passed on
        delete record[key];
        continue;
      }
      record[key] = walk(record[key], depth + 1);
    }
    return value;
  };
  return <T>(value: T): T => {
    if (value instanceof Error) {
      value.message = clean(value.message);
      value.name = clean(value.name);
      if (value.stack) {
        value.stack = clean(value.stack);
      }
      walk(value, 0);
      return value;
    }
    return walk(value, 0) as T;
  };
}

/** The secret parts of a request's headers: whole values, and the pieces of a SigV4 Authorization. */
function recordSecrets(headers: Record<string, string> | undefined, secrets: Set<string>): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!SECRET_HEADERS.includes(name.toLowerCase()) || typeof value !== 'string' || value.length < 4) {
      continue;
    }
    secrets.add(value);
    // Credential=AKIA.../date/region/service/aws4_request, Signature=hex
    for (const m of value.matchAll(/(?:Credential=([^/,\s]+)|Signature=([0-9a-f]+))/g)) {
      const part = m[1] ?? m[2];
      if (part && part.length >= 8) {
        secrets.add(part);
      }
    }
  }
  if (secrets.size > 64) {
    // rotated credentials: keep the newest values only
    const recent = [...secrets].slice(-32);
    secrets.clear();
    recent.forEach((v) => secrets.add(v));
  }
}

/** Reads a response body up to the cap; larger bodies are refused with a clear error. */
async function readCapped(body: unknown, declaredLength: number): Promise<Uint8Array | undefined> {
  if (declaredLength > MAX_RESPONSE_BYTES) {
    destroyBody(body);
    throw tooLarge();
  }
  if (!body || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') {
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > MAX_RESPONSE_BYTES) {
      destroyBody(body);
      throw tooLarge();
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function destroyBody(body: unknown): void {
  (body as { destroy?: () => void } | undefined)?.destroy?.();
}

function tooLarge(): Error {
  const error = new Error(`the response is larger than ${MAX_RESPONSE_BYTES / (1024 * 1024)} MB and was not read`);
  error.name = 'ResponseTooLarge';
  return error;
}

export function createAccessAnalyzerApi(config: ConnectionConfig): AccessAnalyzerApi {
  const client = new AccessAnalyzerClient({
    region: config.region || undefined,
    ...(config.profile ? { profile: config.profile } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    // retries (with Retry-After) are ours, so cancellation and the status bar see each attempt
    maxAttempts: 1,
  });
  const secrets = new Set<string>();
  const redact = redactor(secrets);
  // innermost step: sees the signed request (its secrets are recorded for redaction) and the raw
  // response (its body is read with a size cap before the SDK parses it)
  client.middlewareStack.add(
    (next) => async (args) => {
      recordSecrets((args.request as { headers?: Record<string, string> } | undefined)?.headers, secrets);
      const result = await next(args);
      const response = result.response as { headers?: Record<string, string>; body?: unknown } | undefined;
      if (response) {
        const declared = Number(response.headers?.['content-length'] ?? response.headers?.['Content-Length'] ?? 0);
        const body = await readCapped(response.body, Number.isFinite(declared) ? declared : 0);
        if (body) {
          response.body = body;
        }
      }
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'iamPolicyResponseGuard' },
  );
  const send = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return redact(await run());
    } catch (err) {
      throw redact(err);
    }
  };
  const checkResult = (r: {
    result?: string;
    message?: string;
    reasons?: { description?: string; statementIndex?: number; statementId?: string }[];
  }): CheckResult => ({
    result: r.result ?? 'UNKNOWN',
    message: r.message ?? '',
    reasons: (r.reasons ?? []).map((x) => ({
      description: x.description ?? '',
      ...(x.statementIndex !== undefined ? { statementIndex: x.statementIndex } : {}),
      ...(x.statementId !== undefined ? { statementId: x.statementId } : {}),
    })),
  });
  return {
    async validatePolicy(request, signal) {
      const findings: AaFinding[] = [];
      let nextToken: string | undefined;
      const seenTokens = new Set<string>();
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await send(() =>
          client.send(
            new ValidatePolicyCommand({
              policyDocument: request.policyDocument,
              policyType: request.policyType,
              ...(request.locale ? { locale: request.locale as never } : {}),
              ...(request.validatePolicyResourceType
                ? { validatePolicyResourceType: request.validatePolicyResourceType as ValidatePolicyResourceType }
                : {}),
              ...(nextToken ? { nextToken } : {}),
            }),
            { abortSignal: signal },
          ),
        );
        if (!Array.isArray(out.findings)) {
          throw new SyntaxError('malformed response: no findings list');
        }
        findings.push(...(out.findings as AaFinding[]));
        nextToken = out.nextToken;
        // the last page, or an endpoint that repeats itself
        if (!nextToken || seenTokens.has(nextToken)) {
          break;
        }
        seenTokens.add(nextToken);
      }
      return findings;
    },
    async checkNoNewAccess(request, signal) {
      return checkResult(await send(() => client.send(new CheckNoNewAccessCommand(request), { abortSignal: signal })));
    },
    async checkAccessNotGranted(request, signal) {
      const out = await send(() =>
        client.send(
          new CheckAccessNotGrantedCommand({
            policyDocument: request.policyDocument,
            policyType: request.policyType,
            access: [
              {
                ...(request.actions.length ? { actions: request.actions } : {}),
                ...(request.resources.length ? { resources: request.resources } : {}),
              },
            ],
          }),
          { abortSignal: signal },
        ),
      );
      return checkResult(out);
    },
    async checkNoPublicAccess(request, signal) {
      return checkResult(
        await send(() =>
          client.send(
            new CheckNoPublicAccessCommand({
              policyDocument: request.policyDocument,
              resourceType: request.resourceType as AccessCheckResourceType,
            }),
            { abortSignal: signal },
          ),
        ),
      );
    },
    destroy() {
      client.destroy();
    },
  };
}
