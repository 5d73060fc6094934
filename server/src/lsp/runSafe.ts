/**
 * Every request handler runs through here: an exception is logged and answered with a fallback
 * value (the server never goes down on odd input), and a cancelled request answers as cancelled.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { t } from '../i18n';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) {
    return `${message}: ${err.message}\n${err.stack ?? ''}`;
  }
  return `${message}: ${String(err)}`;
}

export function runSafe<T>(
  logger: Logger,
  what: string,
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
    logger.error(formatError(`${what} failed`, err));
    return fallback;
  }
}

export async function runSafeAsync<T>(
  logger: Logger,
  what: string,
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
    logger.error(formatError(`${what} failed`, err));
    return fallback;
  }
}
