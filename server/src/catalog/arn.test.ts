import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { parseArn, resourceCoversTemplate, resourceMatchesTemplate } from './arn';
import { testCatalog } from '../testing/fixtures';

/** The former implementation of "covers" (a RegExp per resource), kept here as the reference. */
function referenceCovers(resource: string, template: string): boolean {
  const wild = resource.search(/[*?]|\$\{/);
  if (wild < 0 || !/[*?]/.test(resource)) {
    return false;
  }
  const p = parseArn(resource);
  if (!p || !parseArn(template)) {
    return false;
  }
  const partition = p.partition.includes('*') ? 'aws' : p.partition;
  const fill = (region: string, account: string, name: string) =>
    template.replace(/\$\{([^}]+)\}/g, (_m, v: string) =>
      v === 'Partition' ? partition : v === 'Region' ? region : v === 'Account' ? account : name,
    );
  const first = fill('us-east-1', '111111111111', 'abc');
  const second = fill('eu-west-3', '999988887777', 'x-1/y:z');
  const nameStart = first.search(/abc|us-east-1|111111111111/);
  const nameIsName = nameStart >= 0 && first.startsWith('abc', nameStart);
  const literal = resource.slice(0, wild);
  const comparable = Math.min(literal.length, nameStart < 0 ? first.length : nameStart);
  if (literal.slice(0, comparable).toLowerCase() !== first.slice(0, comparable).toLowerCase()) {
    return false;
  }
  if (nameIsName && literal.length > nameStart) {
    return false;
  }
  let source = '';
  for (let i = 0; i < resource.length; i++) {
    const ch = resource[i];
    if (ch === '$' && resource[i + 1] === '{') {
      const end = resource.indexOf('}', i);
      if (end > 0) {
        source += '\\u0000';
        i = end;
        continue;
      }
    }
    source += ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`, 'i');
  return regex.test(first) && regex.test(second);
}

/** A small deterministic random generator (tests must not be flaky). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

suite('arn: precompiled matching', () => {
  test('covers agrees with the RegExp reference on generated patterns over every template shape', () => {
    const templates = [...new Set(testCatalog().services.flatMap((s) => [...s.resourceTypes.values()].map((t) => t.arn)))];
    const rand = random(7);
    const pieces = [
      '*',
      '?',
      '${aws:username}',
      'abc',
      'x-1',
      '/',
      ':',
      'us-east-1',
      '111111111111',
      'eu-west-3',
      '999988887777',
      'y',
      'z',
      '-',
      'A',
    ];
    let checked = 0;
    let covering = 0;
    for (let k = 0; k < 6000; k++) {
      const template = templates[Math.floor(rand() * templates.length)];
      // keep the template's head (partition, service) literal or wild, then vary the rest
      const head = template
        .split(':')
        .slice(0, 3)
        .join(':')
        .replace('${Partition}', rand() < 0.2 ? '*' : 'aws');
      let tail = '';
      const n = 1 + Math.floor(rand() * 6);
      for (let i = 0; i < n; i++) {
        tail += pieces[Math.floor(rand() * pieces.length)];
      }
      const resource = rand() < 0.3 ? `${head}:*:*:${tail}` : `${head}:${tail}`;
      const expected = referenceCovers(resource, template);
      assert.equal(resourceCoversTemplate(resource, template), expected, `${resource} vs ${template}`);
      checked++;
      covering += expected ? 1 : 0;
    }
    assert.ok(covering > 20, `the generator must reach covering patterns too (${covering} of ${checked})`);
  });

  test('covers: known answers', () => {
    assert.equal(resourceCoversTemplate('arn:aws:s3:::*', 'arn:${Partition}:s3:::${BucketName}'), true);
    assert.equal(resourceCoversTemplate('arn:aws:s3:::bucket-1/*', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'), false);
    assert.equal(
      resourceCoversTemplate('arn:aws:iam::*:user/${aws:username}', 'arn:${Partition}:iam::${Account}:user/${UserNameWithPath}'),
      false,
    );
    assert.equal(
      resourceCoversTemplate('arn:*:ec2:*:*:instance/*', 'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}'),
      true,
    );
  });

  test('matches: the same answer for a resource across many templates, and case-insensitive', () => {
    assert.equal(resourceMatchesTemplate('arn:aws:s3:::my-bucket/*', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'), true);
    assert.equal(resourceMatchesTemplate('arn:aws:s3:::my-bucket/*', 'arn:${Partition}:s3:::${BucketName}', '/'), false);
    assert.equal(resourceMatchesTemplate('ARN:AWS:S3:::B', 'arn:${Partition}:s3:::${BucketName}'), false);
    assert.equal(resourceMatchesTemplate('arn:aws:S3:::B', 'arn:${Partition}:s3:::${BucketName}'), true);
    assert.equal(resourceMatchesTemplate('arn:aws:sqs:*:*:q', 'arn:${Partition}:s3:::${BucketName}'), false);
  });
});
