import { strict as assert } from 'node:assert';
import { suite, test } from 'node:test';
import { testCatalog } from '../testing/fixtures';
import { loadCatalog } from '../node/loadCatalog';
import { parseArn, resourceCoversTemplate, resourceMatchesTemplate, arnTemplateToSnippet } from './arn';
import { parseOperator, allOperatorSpellings, familyAcceptsType } from './operators';
import { nearest, nearestActions, editDistance } from './similar';

suite('IamCatalog', () => {
  const catalog = testCatalog();

  test('has the whole AWS catalog', () => {
    assert.ok(catalog.services.length >= 400, `${catalog.services.length} services`);
    assert.ok(catalog.actions.length >= 20000, `${catalog.actions.length} actions`);
    assert.match(catalog.dataDate, /^\d{4}-\d{2}-\d{2}$/);
  });

  test('reads a service only when something asks for it (start-up and lookups of other services read nothing else)', () => {
    const fresh = loadCatalog();
    assert.deepEqual(fresh.loadedServices(), []);
    assert.equal(fresh.services.length, catalog.services.length);
    assert.equal(fresh.actionCount, catalog.actions.length);
    assert.equal(fresh.conditionKey('aws:SecureTransport')?.type, 'Bool');
    assert.equal(fresh.conditionKey('aws:RequestTag/team')?.key, 'aws:RequestTag/${TagKey}');
    assert.ok(fresh.isArnService('catalog') && fresh.isArnService('s3'));
    assert.equal(fresh.actionIfRead('s3:GetObject'), undefined);
    assert.deepEqual(fresh.loadedServices(), []);
    assert.equal(fresh.action('S3:getobject')?.fullName, 's3:GetObject');
    assert.equal(fresh.actionIfRead('s3:getObject')?.fullName, 's3:GetObject');
    assert.equal(fresh.conditionKey('s3:prefix')?.service, 's3');
    assert.deepEqual(fresh.loadedServices(), ['s3']);
    // an ARN's service field reads the services owning types of that field (sts acts on iam roles)
    assert.ok(fresh.resourceTypesMatching('arn:aws:iam::111122223333:role/R').some((t) => t.service.prefix === 'iam' && t.name === 'role'));
    assert.ok(fresh.loadedServices().includes('iam'));
    assert.ok(fresh.loadedServices().length < 20, fresh.loadedServices().join(' '));
  });

  test('answers the same whichever order services are read in', () => {
    const fresh = loadCatalog();
    const keys = [
      's3:prefix',
      'aws:ResourceTag/Env',
      'ec2:ResourceTag/Name',
      'token.actions.githubusercontent.com/x:actor',
      'iam:PassedToService',
    ];
    const before = keys.map((k) => fresh.conditionKey(k));
    assert.deepEqual(
      before.map((k) => k?.key),
      keys.map((k) => catalog.conditionKey(k)?.key),
    );
    assert.equal(fresh.actions.length, catalog.actions.length);
    assert.deepEqual(
      fresh.actions.map((a) => a.fullName),
      catalog.actions.map((a) => a.fullName),
    );
    assert.deepEqual(fresh.loadedServices().length, catalog.services.length);
    assert.deepEqual(
      keys.map((k) => fresh.conditionKey(k)),
      before,
    );
  });

  test('treats every placeholder form of the data as a placeholder (tag-key, <key>, ${TagKey})', () => {
    // the data writes secretsmanager:ResourceTag/tag-key and ssm:resourceTag/tag-key
    const secret = catalog.conditionKey('secretsmanager:ResourceTag/aws:secretsmanager:owningService');
    assert.equal(secret?.key, 'secretsmanager:ResourceTag/${TagKey}');
    assert.ok(catalog.conditionKey('ssm:ResourceTag/Environment'));
    const get = catalog.action('secretsmanager:GetSecretValue');
    assert.ok(get && secret && catalog.actionSupportsKey(get, secret));
    assert.ok(!catalog.conditionKey('secretsmanager:ResourceTag'));
  });

  test('knows ARN service fields from the ARN templates, and the Regions of each partition', () => {
    assert.ok(catalog.isArnService('catalog'), 'Service Catalog ARNs say "catalog"');
    assert.ok(catalog.isArnService('s3'));
    assert.ok(!catalog.isArnService('servicecatalogue'));
    assert.equal(catalog.partitionOfRegion('cn-north-1'), 'aws-cn');
    assert.equal(catalog.partitionOfRegion('us-gov-west-1'), 'aws-us-gov');
    assert.equal(catalog.partitionOfRegion('eu-west-1'), 'aws');
    assert.ok(catalog.partitionRegions('aws')?.regions.has('us-east-1'));
    assert.ok(!catalog.partitionRegions('aws')?.regions.has('us-east-9'));
  });

  test('knows names AWS managed policies use that the data lacks', () => {
    assert.ok(catalog.undocumentedService('deepracer'));
    assert.ok(catalog.undocumentedAction('budgets:createbudget'));
    assert.ok(!catalog.undocumentedAction('budgets:CreateBudgetz'));
  });

  test('looks actions up case-insensitively, with access level and resource types', () => {
    const action = catalog.action('S3:getobject');
    assert.ok(action);
    assert.equal(action.fullName, 's3:GetObject');
    assert.equal(action.level, 'Read');
    assert.ok(
      catalog.resourceTypesOf(action).some((t) => t.name === 'object' && t.arn === 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'),
    );
    assert.equal(catalog.action('iam:PassRole')?.resourceTypes[0].required, true);
    assert.equal(catalog.action('iam:PutRolePolicy')?.level, 'Permissions management');
    assert.equal(catalog.action('s3:NoSuchAction'), undefined);
  });

  test('expands wildcards', () => {
    const gets = catalog.matchActions('s3:Get*');
    assert.ok(gets.length > 20);
    assert.ok(gets.every((a) => a.fullName.startsWith('s3:Get')));
    assert.ok(catalog.matchActions('ec2:*Instances').some((a) => a.name === 'DescribeInstances'));
    assert.ok(catalog.matchActions('ec2:*Instances').every((a) => a.name.endsWith('Instances')));
    assert.equal(catalog.matchActions('*').length, catalog.actions.length);
    assert.equal(catalog.matchActions('s3:*').length, catalog.service('s3')!.actions.length);
    assert.deepEqual(
      catalog.matchActions('s3:GetObjec?').map((a) => a.name),
      ['GetObject'],
    );
    assert.equal(catalog.matchActions('s4:*').length, 0);
    assert.ok(catalog.matchActions('s?:Get*').length >= gets.length);
  });

  test('describes global, service, templated and identity-provider condition keys', () => {
    assert.equal(catalog.conditionKey('aws:SourceIp')?.type, 'IPAddress');
    assert.ok(catalog.conditionKey('aws:sourceip')?.description.length);
    assert.equal(catalog.conditionKey('aws:ResourceTag/Env')?.key, 'aws:ResourceTag/${TagKey}');
    assert.equal(catalog.conditionKey('aws:TagKeys')?.multiValued, true);
    assert.equal(catalog.conditionKey('s3:prefix')?.type, 'String');
    assert.equal(catalog.conditionKey('s3:signatureage')?.type, 'Numeric');
    assert.equal(catalog.conditionKey('iam:PassedToService')?.service, 'iam');
    assert.equal(catalog.conditionKey('token.actions.githubusercontent.com:sub')?.service, 'sts');
    assert.equal(catalog.conditionKey('aws:ARN')?.deprecatedBy, 'aws:PrincipalArn');
    assert.equal(catalog.conditionKey('aws:NoSuchKey'), undefined);
    assert.equal(catalog.conditionKey('bad'), undefined);
  });

  test('knows which actions support a key', () => {
    const passed = catalog.conditionKey('iam:PassedToService')!;
    assert.ok(catalog.actionSupportsKey(catalog.action('iam:PassRole')!, passed));
    assert.ok(!catalog.actionSupportsKey(catalog.action('iam:GetRole')!, passed));
    const versionId = catalog.conditionKey('s3:VersionId');
    if (versionId) {
      assert.ok(!catalog.actionSupportsKey(catalog.action('s3:ListBucket')!, versionId));
    }
  });

  test('documentation links point at the Service Authorization Reference', () => {
    const action = catalog.action('s3:GetObject')!;
    assert.equal(action.service.docUrl, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html');
    assert.match(catalog.actionDocUrl(action), /#amazons3-actions-as-permissions$/);
  });

  test('a bucket name cannot contain "/" because objects continue the bucket ARN', () => {
    assert.equal(catalog.service('s3')!.resourceTypes.get('bucket')!.lastVariableExcludes, '/');
    assert.equal(catalog.service('s3')!.resourceTypes.get('object')!.lastVariableExcludes, '');
  });

  test('has service principals', () => {
    assert.ok(catalog.servicePrincipals.some((p) => p.principal === 'lambda.amazonaws.com'));
  });
});

suite('ARNs', () => {
  test('parses six fields, keeping colons of the resource and inside policy variables', () => {
    assert.deepEqual(parseArn('arn:aws:logs:us-east-1:123456789012:log-group:/x:*'), {
      partition: 'aws',
      service: 'logs',
      region: 'us-east-1',
      account: '123456789012',
      resource: 'log-group:/x:*',
    });
    assert.equal(parseArn('arn:aws:s3:::b/${aws:username}/*')?.resource, 'b/${aws:username}/*');
    assert.equal(parseArn('my-bucket/*'), undefined);
    assert.equal(parseArn('arn:aws:s3'), undefined);
  });

  test('matches resources against resource-type templates', () => {
    const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
    const bucket = 'arn:${Partition}:s3:::${BucketName}';
    assert.ok(resourceMatchesTemplate('arn:aws:s3:::b/*', object));
    assert.ok(!resourceMatchesTemplate('arn:aws:s3:::b/*', bucket, '/'));
    assert.ok(resourceMatchesTemplate('arn:aws:s3:::*', bucket, '/'));
    assert.ok(resourceMatchesTemplate('arn:aws:s3:::b', bucket, '/'));
    assert.ok(!resourceMatchesTemplate('arn:aws:s3:::b', object));
    assert.ok(resourceMatchesTemplate('arn:aws:s3:::*', object));
    assert.ok(resourceMatchesTemplate('arn:aws:s3:::b/${aws:username}/*', object));
    assert.ok(!resourceMatchesTemplate('arn:aws:ec2:us-east-1:1:instance/i-1', object));
    const logStream = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}';
    assert.ok(resourceMatchesTemplate('arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:*', logStream));
  });

  test('knows when a pattern covers every ARN of a type', () => {
    const trail = 'arn:${Partition}:cloudtrail:${Region}:${Account}:trail/${TrailName}';
    assert.ok(resourceCoversTemplate('arn:*:cloudtrail:*:*:trail/*', trail));
    assert.ok(resourceCoversTemplate('arn:aws:cloudtrail:*:*:trail/*', trail));
    assert.ok(!resourceCoversTemplate('arn:aws:cloudtrail:us-east-1:*:trail/*', trail));
    assert.ok(!resourceCoversTemplate('arn:aws:cloudtrail:*:*:trail/prod-*', trail));
  });

  test('turns templates into snippets', () => {
    assert.equal(
      arnTemplateToSnippet('arn:${Partition}:s3:::${BucketName}/${ObjectName}'),
      'arn:${1:aws}:s3:::${2:BucketName}/${3:ObjectName}',
    );
  });
});

suite('condition operators', () => {
  test('parses qualifiers and IfExists', () => {
    const p = parseOperator('ForAnyValue:StringLikeIfExists');
    assert.equal(p.qualifier, 'ForAnyValue');
    assert.equal(p.ifExists, true);
    assert.equal(p.info?.name, 'StringLike');
    assert.equal(parseOperator('StringEqual').info, undefined);
    assert.equal(parseOperator('Foo:StringEquals').info, undefined);
    assert.equal(parseOperator('stringequals').caseMismatch, true);
  });

  test('lists every spelling once', () => {
    const all = allOperatorSpellings();
    assert.equal(new Set(all).size, all.length);
    assert.ok(all.includes('ForAllValues:StringEqualsIgnoreCase'));
    assert.ok(all.includes('ArnLikeIfExists'));
    assert.ok(!all.includes('NullIfExists'));
  });

  test('types fit families', () => {
    assert.equal(familyAcceptsType('String', 'ARN'), 'usable');
    assert.equal(familyAcceptsType('Numeric', 'String'), 'no');
    assert.equal(familyAcceptsType('Null', 'Date'), 'yes');
  });
});

suite('did you mean', () => {
  test('edit distance counts transpositions once', () => {
    assert.equal(editDistance('GetObject', 'GetObjcet'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
  });
  test('the banded distance agrees with the whole table (optimal string alignment) within every limit', () => {
    // the plain definition: every cell of the table, no band, no early stop
    const reference = (a: string, b: string): number => {
      a = a.toLowerCase();
      b = b.toLowerCase();
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    };
    let x = 7;
    const rand = (n: number) => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return x % n;
    };
    const word = () => Array.from({ length: rand(12) }, () => 'abcAB'[rand(5)]).join('');
    const mutate = (w: string) => {
      let out = w;
      for (let k = rand(5); k > 0; k--) {
        const at = rand(out.length + 1);
        const op = rand(4);
        out =
          op === 0
            ? out.slice(0, at) + 'abc'[rand(3)] + out.slice(at)
            : op === 1
              ? out.slice(0, at) + out.slice(at + 1)
              : op === 2
                ? out.slice(0, at) + 'xb'[rand(2)] + out.slice(at + 1)
                : out.slice(0, at) + out.slice(at + 1, at + 2) + out.slice(at, at + 1) + out.slice(at + 2);
      }
      return out;
    };
    for (let k = 0; k < 3000; k++) {
      const a = word();
      const b = rand(3) === 0 ? word() : mutate(a);
      const exact = reference(a, b);
      assert.equal(editDistance(a, b), exact, `${a} ${b}`);
      for (const limit of [0, 1, 2, 3, 4]) {
        assert.equal(editDistance(a, b, limit), exact <= limit ? exact : limit + 1, `${a} ${b} within ${limit}`);
      }
    }
  });
  test('nearest names', () => {
    assert.deepEqual(nearest('GetObjct', ['GetObject', 'PutObject', 'ListBucket']), ['GetObject']);
    assert.deepEqual(nearest('zzzz', ['GetObject']), []);
    // actions: near spellings whose verb agrees, never "one extends the other"
    assert.deepEqual(nearestActions('CreateBudget', ['CreateBudgetAction', 'DescribeBudgetAction']), []);
    assert.deepEqual(nearestActions('ListAgentInstances', ['ListAgentSpaces', 'BatchGetAgentSpaces']), []);
    assert.deepEqual(nearestActions('GetObjct', ['GetObject', 'PutObject']), ['GetObject']);
    assert.deepEqual(nearestActions('DescirbeInstances', ['DescribeInstances']), ['DescribeInstances']);
  });
});
