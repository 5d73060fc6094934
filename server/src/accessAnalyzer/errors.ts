/**
 * What went wrong talking to Access Analyzer, as a state the status bar shows and one line for
 * the output channel. Messages never carry credentials: only the error's name, its HTTP status
 * and AWS's message (which names no secret), shortened.
 */
import { t } from '../i18n';
import type { AccessAnalyzerState } from '../shared/protocol';

export interface ErrorReport {
  state: AccessAnalyzerState;
  message: string;
  retryable: boolean;
  /** seconds the service asked us to wait (Retry-After) */
  retryAfterSeconds?: number;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** Node's codes for connection failures the AWS SDK retries (its NODEJS_TIMEOUT_ERROR_CODES and network codes). */
const TRANSIENT_NETWORK_CODES = [
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
];

function short(message: string | undefined): string {
  const line = (message ?? '').split('\n')[0].trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

export function classifyError(error: unknown, timedOut: boolean): ErrorReport {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  const text = `${name} ${e.message ?? ''} ${e.code ?? ''}`;
  if (timedOut) {
    return { state: 'error', message: t('aa.timeout'), retryable: false };
  }
  if (name === 'ResponseTooLarge') {
    return { state: 'error', message: t('aa.unreadable', { detail: short(e.message) }), retryable: false };
  }
  // what the SDK's standard retry strategy treats as transient: a reset, refused or timed-out
  // connection (the SDK names a reset "TimeoutError"); retried with backoff like throttling
  const networkCode = [e.code, (e.cause as ErrorLike | undefined)?.code].find(
    (c) => typeof c === 'string' && TRANSIENT_NETWORK_CODES.includes(c),
  );
  if (networkCode || (name === 'TimeoutError' && status === undefined)) {
    return {
      state: 'error',
      message: t('aa.unreachable', { detail: t('aa.connectionFailed', { code: networkCode ?? t('aa.connectionTimedOut') }) }),
      retryable: true,
    };
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials|Unable to locate credentials|no credentials/i.test(text)) {
    return { state: 'noCredentials', message: t('aa.noCredentials'), retryable: false };
  }
  if (/ExpiredToken|TokenProviderError|token.*(expired|refresh)|SSO session.*(expired|invalid)|sso.*login/i.test(text)) {
    return { state: 'expiredCredentials', message: t('aa.expired', { detail: short(e.message) }).trim(), retryable: false };
  }
  if (
    name === 'AccessDeniedException' ||
    name === 'UnrecognizedClientException' ||
    name === 'InvalidSignatureException' ||
    status === 403
  ) {
    return { state: 'accessDenied', message: t('aa.accessDenied', { detail: short(e.message) }).trim(), retryable: false };
  }
  if (name === 'ThrottlingException' || status === 429) {
    return {
      state: 'throttled',
      message: t('aa.throttled', { detail: short(e.message) }).trim(),
      retryable: true,
      ...(e.retryAfterSeconds ? { retryAfterSeconds: Number(e.retryAfterSeconds) } : {}),
    };
  }
  if (name === 'InternalServerException' || (status !== undefined && status >= 500)) {
    return {
      state: 'error',
      message: t('aa.internal', { status: status ?? 500, detail: short(e.message) }).trim(),
      retryable: true,
      ...(e.retryAfterSeconds ? { retryAfterSeconds: Number(e.retryAfterSeconds) } : {}),
    };
  }
  if (name === 'ValidationException' || status === 400) {
    return { state: 'error', message: t('aa.rejected', { detail: short(e.message) }), retryable: false };
  }
  if (
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|socket hang up|getaddrinfo/i.test(
      `${text} ${String((e.cause as ErrorLike | undefined)?.code ?? '')}`,
    )
  ) {
    return { state: 'error', message: t('aa.unreachable', { detail: short(e.message) || e.code || name }), retryable: false };
  }
  if (name === 'SyntaxError' || /Deserializ|Unexpected token|JSON|malformed|cannot read properties/i.test(text)) {
    return { state: 'error', message: t('aa.unreadable', { detail: short(e.message) }), retryable: false };
  }
  return { state: 'error', message: t('aa.failed', { detail: `${name ? `${name}: ` : ''}${short(e.message)}` }), retryable: false };
}
