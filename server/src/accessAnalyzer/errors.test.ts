import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { classifyError } from './errors';

const err = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { name, ...extra });

suite('Access Analyzer errors become states', () => {
  test('credentials', () => {
    assert.equal(
      classifyError(err('CredentialsProviderError', 'Could not load credentials from any providers'), false).state,
      'noCredentials',
    );
    assert.equal(
      classifyError(err('TokenProviderError', 'The SSO session associated with this profile has expired'), false).state,
      'expiredCredentials',
    );
    assert.equal(
      classifyError(err('ExpiredTokenException', 'The security token included in the request is expired'), false).state,
      'expiredCredentials',
    );
  });

  test('service errors: denied, throttled (with Retry-After), server errors, validation', () => {
    assert.equal(
      classifyError(err('AccessDeniedException', 'not authorized', { $metadata: { httpStatusCode: 403 } }), false).state,
      'accessDenied',
    );
    const throttled = classifyError(
      err('ThrottlingException', 'Rate exceeded', { $metadata: { httpStatusCode: 429 }, retryAfterSeconds: 2 }),
      false,
    );
    assert.deepEqual([throttled.state, throttled.retryable, throttled.retryAfterSeconds], ['throttled', true, 2]);
    const internal = classifyError(err('InternalServerException', 'oops', { $metadata: { httpStatusCode: 500 } }), false);
    assert.deepEqual([internal.state, internal.retryable], ['error', true]);
    assert.match(
      classifyError(err('ValidationException', 'policyType is invalid', { $metadata: { httpStatusCode: 400 } }), false).message,
      /rejected the request: policyType is invalid/,
    );
  });

  test('network, timeouts and garbage', () => {
    assert.match(
      classifyError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), false).message,
      /Could not reach/,
    );
    assert.match(classifyError(new Error('aborted'), true).message, /timed out/);
    assert.match(classifyError(new SyntaxError('Unexpected token < in JSON'), false).message, /could not read/);
  });

  test('messages stay one short line', () => {
    const long = classifyError(err('Weird', `${'x'.repeat(500)}\nsecond line`), false).message;
    assert.ok(long.length < 260 && !long.includes('\n'));
  });
});
