/** The engine never throws on what users write: every corpus policy (malformed ones included) and odd requests. */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { compareAccess, evaluate, standalone, type EvalRequest } from '../../server/src/analysis/evaluate';
import { loadCatalog } from '../../server/src/node/loadCatalog';
import { analyzeFile } from '../../server/src/policy/policyFile';

const catalog = loadCatalog();
const casesDir = path.resolve(__dirname, '..', '..', '..', 'test', 'corpus', 'cases');

const REQUESTS: EvalRequest[] = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', principal: { arn: 'arn:aws:iam::111122223333:user/alice' } },
  {
    action: 'iam:PassRole',
    resource: '*',
    principal: { arn: 'arn:aws:sts::111122223333:assumed-role/R/s' },
    context: { 'iam:PassedToService': 'ec2.amazonaws.com', 'aws:TagKeys': [], 'aws:SourceIp': 'not an ip' },
  },
  { action: '', resource: '', principal: { arn: '' } },
  {
    action: 'sts:AssumeRole',
    resource: 'arn:aws:iam::111122223333:role/x',
    principal: { arn: 'lambda.amazonaws.com' },
    context: { 'aws:CurrentTime': 'yesterday', 's3:max-keys': 'many' },
  },
  { action: 'ec2:RunInstances', resource: '*', context: { 'aws:MultiFactorAuthPresent': true, 'aws:EpochTime': 1700000000 } },
];

test('every corpus policy: evaluation and access listing never throw', () => {
  let evaluated = 0;
  for (const f of fs.readdirSync(casesDir).filter((x) => x.endsWith('.json'))) {
    const c = JSON.parse(fs.readFileSync(path.join(casesDir, f), 'utf8')) as { policy: unknown; policyText?: string };
    const text = c.policyText ?? JSON.stringify(c.policy);
    const file = analyzeFile(text, { languageId: 'json', matchesPolicyGlob: true });
    for (const p of file.policies) {
      for (const r of REQUESTS) {
        const result = evaluate(standalone(p.policy), r);
        assert.ok(['allowed', 'explicitDeny', 'implicitDeny'].includes(result.decision));
        evaluated++;
      }
      const diff = compareAccess([], standalone(p.policy), catalog, { maxContexts: 8 });
      assert.ok(Array.isArray(diff.added));
    }
  }
  assert.ok(evaluated >= 400);
});
