/** runSafe's log line: the request's name and the failure in the display language, then the error as thrown. */
import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { getLocale, setLocale, withLocale } from '../i18n/locale';
import { runSafe, runSafeAsync, type Logger } from './runSafe';

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, error: (m) => lines.push(m), warn: (m) => lines.push(m), info: (m) => lines.push(m) };
}

suite('runSafe log lines', () => {
  test('Japanese: the request is named in Japanese; the exception message and stack follow unchanged', () => {
    const logger = recorder();
    const error = new Error('Cannot read properties of undefined (reading "x")');
    const result = withLocale('ja', () =>
      runSafe(logger, 'hover', undefined, 'fallback', () => {
        throw error;
      }),
    );
    assert.equal(result, 'fallback');
    assert.equal(logger.lines.length, 1);
    assert.equal(logger.lines[0], `要求「ホバー」の処理に失敗しました: ${error.message}\n${error.stack}`);
  });

  test("an async request (the locale is the server's, set at initialize), English, a thrown non-Error value", async () => {
    const previous = getLocale();
    const logger = recorder();
    try {
      setLocale('ja');
      assert.equal(await runSafeAsync(logger, 'completion resolve', undefined, 0, () => Promise.reject(new Error('boom'))), 0);
      setLocale('en');
      await runSafeAsync(logger, 'completion resolve', undefined, 0, () => Promise.reject(new Error('boom')));
    } finally {
      setLocale(previous);
    }
    assert.match(logger.lines[0], /^要求「入力補完の詳細」の処理に失敗しました: boom\n/);
    assert.match(logger.lines[1], /^Handling the completion details request failed: boom\n/);
    const other = recorder();
    withLocale('ja', () =>
      runSafe(other, 'code lens', undefined, null, () => {
        throw 'text'; // eslint-disable-line no-throw-literal
      }),
    );
    assert.deepEqual(other.lines, ['要求「CodeLens」の処理に失敗しました: text']);
  });
});
