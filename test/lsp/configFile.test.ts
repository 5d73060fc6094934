/** The editor shows problems of `.iampolicy.json` on the file itself (the CLI exits 2 on the same). */
import { strict as assert } from 'node:assert';
import { before, test } from 'node:test';
import { LspClient } from './harness';
import { sharedServer } from './sharedServer';

let client: LspClient;
before(async () => {
  client = await sharedServer();
});

test('.iampolicy.json: an unknown rule id and a misspelled severity get a diagnostic where they are', async () => {
  const uri = 'file:///tmp/project/.iampolicy.json';
  const text = '{\n  "rules": {\n    "resource-str": "off",\n    "service-wildcard": "eror"\n  }\n}\n';
  client.open(uri, text);
  const diagnostics = await client.diagnostics(uri);
  const at = (d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
    const line = text.split('\n')[d.range.start.line];
    return line.slice(d.range.start.character, d.range.end.character);
  };
  assert.deepEqual(
    diagnostics.map((d) => [at(d), d.severity, d.message]),
    [
      ['"resource-str"', 1, 'unknown rule id "resource-str" (did you mean "resource-star"?); this entry is ignored.'],
      [
        '"eror"',
        1,
        'severity of "service-wildcard" must be one of off, hint, info, warning, error, not "eror" (did you mean "error"?); this entry is ignored.',
      ],
    ],
  );
  client.change(uri, '{ "rules": { "resource-star": "error" } }');
  assert.deepEqual(await client.diagnostics(uri), [], 'a valid configuration is clean');
});

test('settings: an unknown rule id or a misspelled severity in iamPolicy.rules is shown, not ignored', async () => {
  const other = new LspClient({ settings: { rules: { 'resource-str': 'off', 'service-wildcard': 'eror' } } });
  try {
    await other.initialize();
    other.open('file:///tmp/project/a.policy.json', '{"Version": "2012-10-17", "Statement": []}');
    await other.diagnostics('file:///tmp/project/a.policy.json');
    const shown = await other.waitFor<{ type: number; message: string }>('window/showMessage', (p) => /resource-str/.test(p.message));
    assert.equal(
      shown.message,
      'Setting iamPolicy.rules.resource-str: unknown rule id "resource-str" (did you mean "resource-star"?); this entry is ignored.',
    );
    assert.equal(shown.type, 2, 'a warning');
    await other.waitFor<{ message: string }>('window/showMessage', (p) => /not "eror" \(did you mean "error"\?\)/.test(p.message));
  } finally {
    await other.shutdown();
  }
});
