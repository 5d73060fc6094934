/**
 * The TextMate injection grammar, run by vscode-textmate (the engine VS Code uses) on top of the
 * JSON and JSONC grammars: each case names a piece of a line and a scope it must carry.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { before, suite, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..', '..');
const INJECTION = path.join(root, 'syntaxes', 'iam-policy.injection.tmLanguage.json');
const BASE: Record<string, string> = {
  'source.json': require.resolve('tm-grammars/grammars/json.json'),
  'source.json.comments': require.resolve('tm-grammars/grammars/jsonc.json'),
};

let registry: textmate.Registry;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new oniguruma.OnigScanner(s),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: (scopeName) => {
      const file = scopeName === 'iam-policy.injection' ? INJECTION : BASE[scopeName];
      return Promise.resolve(file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null);
    },
    getInjections: (scopeName) => (scopeName in BASE ? ['iam-policy.injection'] : undefined),
  });
});

/** Scopes of the token(s) covering `piece` (its first occurrence) in the line. */
async function scopesOf(line: string, piece: string, scope = 'source.json'): Promise<string[]> {
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar);
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  const start = line.indexOf(piece);
  assert.ok(start >= 0, piece);
  const covering = tokens.filter((t) => t.startIndex < start + piece.length && t.endIndex > start);
  return [...new Set(covering.flatMap((t) => t.scopes))];
}

async function expectScope(line: string, piece: string, expected: string, scope?: string) {
  const scopes = await scopesOf(line, piece, scope);
  assert.ok(scopes.includes(expected), `"${piece}" in ${line}\n  has ${scopes.join(' ')}\n  not ${expected}`);
}

suite('grammar: actions', () => {
  test('service and action parts', async () => {
    const line = '{"Action": ["s3:GetObject", "ec2:Describe*", "*"]}';
    await expectScope(line, 's3', 'entity.name.namespace.service.iam-policy');
    await expectScope(line, 'GetObject', 'entity.name.function.action.iam-policy');
    await expectScope(line, 'Describe', 'entity.name.function.action.iam-policy');
    await expectScope(line, '*"', 'keyword.operator.wildcard.iam-policy');
  });

  test('in JSONC too, and not inside comments', async () => {
    await expectScope('["s3:GetObject"] // s3:PutObject', 'GetObject', 'entity.name.function.action.iam-policy', 'source.json.comments');
    const comment = await scopesOf('["x"] // s3:PutObject', 'PutObject', 'source.json.comments');
    assert.ok(!comment.includes('entity.name.function.action.iam-policy'), comment.join(' '));
  });

  test('ordinary strings are left alone', async () => {
    const scopes = await scopesOf('{"Sid": "AllowReadOfReports"}', 'AllowReadOfReports');
    assert.ok(!scopes.some((s) => s.endsWith('.iam-policy')), scopes.join(' '));
  });
});

suite('grammar: ARNs', () => {
  test('partition, service, region, account, resource', async () => {
    const line = '{"Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/Orders"}';
    await expectScope(line, 'arn', 'keyword.other.arn.iam-policy');
    await expectScope(line, 'aws:', 'constant.language.partition.iam-policy');
    await expectScope(line, 'dynamodb', 'entity.name.namespace.service.iam-policy');
    await expectScope(line, 'us-east-1', 'constant.other.region.iam-policy');
    await expectScope(line, '111122223333', 'constant.numeric.account.iam-policy');
    await expectScope(line, 'table/Orders', 'string.other.arn.resource.iam-policy');
  });

  test('empty region and account (S3), wildcards and variables in the resource', async () => {
    const line = '"arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*"';
    await expectScope(line, 'amzn-s3-demo-bucket', 'string.other.arn.resource.iam-policy');
    await expectScope(line, 'aws:username', 'variable.other.key.iam-policy');
    await expectScope(line, '*"', 'keyword.operator.wildcard.iam-policy');
  });
});

suite('grammar: condition operators and policy variables', () => {
  test('operators, set prefixes and IfExists in keys', async () => {
    const line = '{"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": "a"}, "Null": {"aws:MultiFactorAuthPresent": "true"}}';
    await expectScope(line, 'ForAnyValue', 'storage.modifier.set-operator.iam-policy');
    await expectScope(line, 'StringLike', 'keyword.operator.condition.iam-policy');
    await expectScope(line, 'IfExists', 'storage.modifier.if-exists.iam-policy');
    await expectScope(line, 'Null', 'keyword.operator.condition.iam-policy');
  });

  test('a property that merely starts like an operator is not one', async () => {
    const scopes = await scopesOf('{"Boolean": 1}', 'Boolean');
    assert.ok(!scopes.includes('keyword.operator.condition.iam-policy'), scopes.join(' '));
  });

  test('variables in values', async () => {
    await expectScope('{"s3:prefix": "home/${aws:username}/"}', 'aws:username', 'variable.other.key.iam-policy');
  });
});
