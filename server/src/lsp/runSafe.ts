/**
 * Every request handler runs through here: an exception is logged and answered with a fallback
 * value (the server never goes down on odd input), and a cancelled request answers as cancelled.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { t, type MessageId } from '../i18n';

/** The requests runSafe guards, with their names in the log line (in the display language). */
const REQUEST_NAMES = {
  'code lens': 'log.request.codeLens',
  'document links': 'log.request.documentLinks',
  'inlay hints': 'log.request.inlayHints',
  'code actions': 'log.request.codeActions',
  'document symbols': 'log.request.documentSymbols',
  documentInfo: 'log.request.documentInfo',
  policySummary: 'log.request.policySummary',
  hover: 'log.request.hover',
  completion: 'log.request.completion',
  'completion resolve': 'log.request.completionResolve',
} as const satisfies Record<string, MessageId>;

export type GuardedRequest = keyof typeof REQUEST_NAMES;

/** The log line of a failed request: localized text, then the error's own message and stack. */
export function requestFailed(what: GuardedRequest, err: unknown): string {
  return formatError(t('log.requestFailed', { request: t(REQUEST_NAMES[what]) }), err);
}

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

/** `message` is already localized; the error's own message and stack stay as Node or AWS wrote them. */
export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) {
    return `${message}: ${err.message}\n${err.stack ?? ''}`;
  }
  return `${message}: ${String(err)}`;
}

export function runSafe<T>(
  logger: Logger,
  what: GuardedRequest,
  token: CancellationToken | undefined,
  fallback: T,
  fn: () => T,
): T | ResponseError<void> {
  if (token?.isCancellationRequested) {
    return new ResponseError(LSPErrorCodes.RequestCancelled, t('lsp.requestCancelled'));
  }
  try {
    return fn();
  } catch (err) {
    logger.error(requestFailed(what, err));
    return fallback;
  }
}

export async function runSafeAsync<T>(
  logger: Logger,
  what: GuardedRequest,
  token: CancellationToken | undefined,
  fallback: T,
  fn: () => Promise<T>,
): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) {
    return new ResponseError(LSPErrorCodes.RequestCancelled, t('lsp.requestCancelled'));
  }
  try {
    const result = await fn();
    if (token?.isCancellationRequested) {
      return new ResponseError(LSPErrorCodes.RequestCancelled, t('lsp.requestCancelled'));
    }
    return result;
  } catch (err) {
    logger.error(requestFailed(what, err));
    return fallback;
  }
}
