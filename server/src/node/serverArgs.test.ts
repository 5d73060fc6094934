// The server's command line: transport flags pass through, connection flags are read and checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withMachineConnection } from '../lsp/settingsCache';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../shared/settings';
import { parseServerArgs } from './serverArgs';

test('connection flags in both spellings; our flags are removed from what the protocol library reads', () => {
  assert.deepEqual(
    parseServerArgs(['--stdio', '--aws-region', 'us-gov-west-1', '--aws-profile=ci', '--access-analyzer-endpoint', 'http://127.0.0.1:9']),
    {
      kind: 'serve',
      flags: { region: 'us-gov-west-1', profile: 'ci', endpoint: 'http://127.0.0.1:9' },
      argv: ['--stdio'],
    },
  );
  assert.deepEqual(parseServerArgs(['--node-ipc']), { kind: 'serve', flags: {}, argv: ['--node-ipc'] });
  assert.deepEqual(parseServerArgs(['--aws-region=cn-north-1']), { kind: 'serve', flags: { region: 'cn-north-1' }, argv: ['--stdio'] });
  assert.deepEqual(parseServerArgs(['--socket=5007']), { kind: 'serve', flags: {}, argv: ['--socket=5007'] });
  assert.equal(parseServerArgs(['--stdio', '--help']).kind, 'help');
  assert.equal(parseServerArgs(['-v']).kind, 'version');
});

test('bad values are errors, not ignored', () => {
  for (const args of [
    ['--aws-region', 'EU (Frankfurt)'],
    ['--aws-region'],
    ['--aws-region='],
    ['--aws-profile', '../../etc'],
    ['--access-analyzer-endpoint', 'ftp://example.com'],
    ['--access-analyzer-endpoint', 'not a url'],
    ['--access-analyzer-endpoint=https://AKIA:secret@example.com'],
  ]) {
    assert.equal(parseServerArgs(args).kind, 'error', args.join(' '));
  }
});

test('flags win over the global answer; the scoped answer never sets the connection', () => {
  const scoped = sanitizeSettings({
    accessAnalyzer: { enable: true, region: 'eu-west-3', profile: 'project', endpoint: 'https://evil.example' },
  });
  const global = sanitizeSettings({ accessAnalyzer: { region: 'us-east-1', profile: 'work', endpoint: '' } });
  const plain = withMachineConnection(scoped, global).accessAnalyzer;
  assert.deepEqual([plain.enable, plain.region, plain.profile, plain.endpoint], [true, 'us-east-1', 'work', '']);
  const flagged = withMachineConnection(scoped, global, { region: 'ap-northeast-1', endpoint: 'http://127.0.0.1:1' }).accessAnalyzer;
  assert.deepEqual([flagged.region, flagged.profile, flagged.endpoint], ['ap-northeast-1', 'work', 'http://127.0.0.1:1']);
  const profileOnly = withMachineConnection(DEFAULT_SETTINGS, DEFAULT_SETTINGS, { profile: 'ci' }).accessAnalyzer;
  assert.deepEqual([profileOnly.region, profileOnly.profile, profileOnly.endpoint], ['', 'ci', '']);
});
