/** The CDK reader: which policies a TypeScript or Python CDK app holds, where findings land, and that any text is safe. */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { getNodeValue } from 'jsonc-parser';
import { analyzeFile, type PolicyFile } from '../policy/policyFile';
import { runRules } from '../rules/engine';
import { spanOf } from '../features/diagnostics/diagnostics';
import { testCatalog } from '../testing/fixtures';
import { createEmbeddedExtractor } from '.';
import { extractCdk, importsCdkIam } from './cdk';
import { tokenize } from './codeTokens';

const fixtures = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'embedded', 'cdk');
const embedded = createEmbeddedExtractor();

function analyze(text: string, languageId: string): PolicyFile {
  return analyzeFile(text, { languageId, matchesPolicyGlob: false, embedded });
}

/** `rule text` for every finding, the text being what the diagnostic's range covers. */
function findings(file: PolicyFile): string[] {
  return file.policies.flatMap((p) =>
    runRules(p.policy, testCatalog()).findings.map((f) => {
      const span = spanOf(f, file.tree.root, p.basePath, file.text);
      return `${f.ruleId} ${file.text.slice(span.offset, span.offset + span.length)}`;
    }),
  );
}

function json(file: PolicyFile): unknown[] {
  return file.policies.map((p) => JSON.parse(JSON.stringify(getNodeValue(p.policy.root!))) as unknown);
}

const ts = (body: string) => `import * as iam from 'aws-cdk-lib/aws-iam';\n${body}\n`;
const py = (body: string) => `from aws_cdk import aws_iam as iam\n${body}\n`;

suite('AWS CDK', () => {
  test('TypeScript fixture: every policy with its type, and its findings on the literals', () => {
    const file = analyze(fs.readFileSync(path.join(fixtures, 'app-stack.ts'), 'utf8'), 'typescript');
    assert.deepEqual(
      file.policies.map((p) => [p.policy.container.description, p.policy.policyType, p.policy.statements.length]),
      [
        ['CDK Role assumedBy', 'trust', 1],
        ['CDK PolicyStatement', 'identity', 1],
        ['CDK PolicyStatement', 'identity', 1],
        ['CDK Policy', 'identity', 2],
        ['CDK PolicyStatement', 'resource', 1],
        ['CDK PolicyDocument.fromJson', 'identity', 1],
        ['CDK Role assumedBy', 'trust', 1],
      ],
    );
    assert.deepEqual(findings(file), [
      "unknown-action 's3:GetObjct'",
      "passrole-star 'iam:PassRole'",
      "resource-star '*'",
      'public-principal principals: [new iam.AnyPrincipal()',
    ]);
    // what CDK synthesizes: default Effect, Version, addResources and addCondition on the variable
    assert.deepEqual(json(file)[2], {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sns:Publish'],
          Resource: '`arn:aws:sns:${this.region}:${this.account}:ingest-events`',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
        },
      ],
    });
  });

  test('Python fixture: kwargs, snake_case methods, self attributes, f-strings as values', () => {
    const file = analyze(fs.readFileSync(path.join(fixtures, 'pipeline_stack.py'), 'utf8'), 'python');
    assert.deepEqual(
      file.policies.map((p) => [p.policy.container.description, p.policy.policyType, p.policy.statements.length]),
      [
        ['CDK Role assumedBy', 'trust', 1],
        ['CDK PolicyStatement', 'identity', 1],
        ['CDK PolicyStatement', 'identity', 1],
        ['CDK PolicyStatement', 'resource', 1],
        ['CDK ManagedPolicy', 'identity', 1],
      ],
    );
    assert.deepEqual(findings(file), [
      'unknown-action "sqs:ReceiveMesage"',
      'redundant-action "s3:PutObject"',
      'service-wildcard "s3:*"',
      'passrole-star "iam:PassRole"',
      'resource-star "*"',
    ]);
    assert.deepEqual(json(file)[2], {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:*'], Resource: 'f"{artifacts.bucket_arn}/*"' }],
    });
  });

  test('only files that import the CDK IAM module are read', () => {
    assert.equal(analyze(fs.readFileSync(path.join(fixtures, 'util.ts'), 'utf8'), 'typescript').isPolicy, false);
    assert.ok(importsCdkIam("import { aws_iam as iam } from 'aws-cdk-lib';", 'js'));
    assert.ok(importsCdkIam("const iam = require('aws-cdk-lib/aws-iam');", 'js'));
    assert.ok(importsCdkIam("import { PolicyStatement } from '@aws-cdk/aws-iam';", 'js'));
    assert.ok(importsCdkIam('import aws_cdk.aws_iam as iam', 'python'));
    assert.ok(importsCdkIam('from aws_cdk.aws_iam import PolicyStatement', 'python'));
    assert.ok(!importsCdkIam("import * as s3 from 'aws-s3';\n// aws-cdk-lib", 'js'));
    assert.ok(!importsCdkIam('# from aws_cdk import aws_iam', 'python'));
  });

  test('principals: each class under its key; an organization is a condition, not a public principal', () => {
    const file = analyze(
      ts(`bucket.addToResourcePolicy(new iam.PolicyStatement({
  principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com'), new iam.AccountPrincipal('123456789012'), new iam.ArnPrincipal(roleArn)],
  actions: ['s3:PutObject'],
  resources: ['arn:aws:s3:::logs/*'],
}));
bucket.addToResourcePolicy(new iam.PolicyStatement({
  principals: [new iam.OrganizationPrincipal('o-a1b2c3d4e5')],
  actions: ['s3:GetObject'],
  resources: ['arn:aws:s3:::logs/*'],
}));`),
      'typescript',
    );
    assert.deepEqual(
      json(file).map((p) => (p as { Statement: { Principal: unknown; Condition?: unknown }[] }).Statement[0]),
      [
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com', AWS: ['123456789012', 'roleArn'] },
          Action: ['s3:PutObject'],
          Resource: ['arn:aws:s3:::logs/*'],
        },
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['s3:GetObject'],
          Resource: ['arn:aws:s3:::logs/*'],
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      ],
    );
    // the organization limits "*": the rule says so instead of calling it public
    const messages = runRules(file.policies[1].policy, testCatalog()).findings.map((f) => f.message);
    assert.deepEqual(messages, ['Principal "*" is limited by aws:PrincipalOrgID; make sure that condition admits only who you intend.']);
  });

  test('trust policies: web identity and federated principals bring their action and conditions', () => {
    const file = analyze(
      ts(`new iam.Role(this, 'Deploy', {
  assumedBy: new iam.WebIdentityPrincipal('arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com', {
    StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
    StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' },
  }),
});`),
      'typescript',
    );
    assert.deepEqual(json(file), [
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
              StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' },
            },
          },
        ],
      },
    ]);
    assert.equal(file.policies[0].policy.policyType, 'trust');
    assert.deepEqual(findings(file), []);
  });

  test('a statement built by calls: effect set later, addAllResources, unknown props are not missing elements', () => {
    const file = analyze(
      ts(`const deny = new iam.PolicyStatement();
deny.addActions('s3:DeleteBucket');
deny.addAllResources();
deny.effect = iam.Effect.DENY;
const shared = new iam.PolicyStatement({ ...common, actions: readActions });
role.addToPolicy(shared);`),
      'typescript',
    );
    assert.deepEqual(json(file)[0], {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }],
    });
    assert.deepEqual(
      findings(file).filter((f) => /^(missing-|resource-star|unknown)/.test(f)),
      [],
    );
  });

  test('Python: PolicyDocument with statements and from_json dictionaries', () => {
    const file = analyze(
      py(`doc = iam.PolicyDocument(statements=[
    iam.PolicyStatement(not_actions=["iam:*"], resources=["*"], effect=iam.Effect.DENY),
])
raw = iam.PolicyDocument.from_json({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "ec2:DescribeInstanses", "Resource": "*"}],
})`),
      'python',
    );
    assert.deepEqual(
      file.policies.map((p) => p.policy.container.description),
      ['CDK PolicyDocument', 'CDK PolicyDocument.fromJson'],
    );
    assert.deepEqual(findings(file), ['unknown-action "ec2:DescribeInstanses"']);
  });

  test('comments, regular expressions and strings that look like code are not read as policies', () => {
    const file = analyze(
      ts(`// new iam.PolicyStatement({ actions: ['s3:GetObjct'] })
/* role.addToPolicy(new iam.PolicyStatement({ actions: ['x:Y'] })) */
const re = /'(new iam.PolicyStatement)/g;
const s = "new iam.PolicyStatement({ actions: ['s3:Nope'] })";
const t = \`\${x} new iam.PolicyStatement({ actions: ['s3:Nope'] }) \${'}'}\`;`),
      'typescript',
    );
    assert.equal(file.policies.length, 0);
    const python = analyze(
      py(`# iam.PolicyStatement(actions=["s3:GetObjct"])\ndoc = """iam.PolicyStatement(actions=["s3:Nope"])"""`),
      'python',
    );
    assert.equal(python.policies.length, 0);
  });

  test('escapes: the value is decoded, the range is the literal', () => {
    const text = ts(`role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:Get\\u004fbjct'], resources: ['*'] }));`);
    const file = analyze(text, 'typescript');
    assert.deepEqual(findings(file), ["unknown-action 's3:Get\\u004fbjct'"]);
    const tokens = tokenize(`r'a\\d' b"x" f"{y}" 'it\\'s'`, 'python');
    assert.deepEqual(
      tokens.map((t) => [t.value, !!t.dynamic]),
      [
        ['a\\d', false],
        ['x', true],
        ['{y}', true],
        ["it's", false],
      ],
    );
  });

  test('managed policies attached by name or ARN are references with the exact span of the literal', () => {
    const tsText = ts(
      [
        'const role = new iam.Role(this, "R", {',
        '  assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),',
        '  managedPolicies: [',
        '    iam.ManagedPolicy.fromAwsManagedPolicyName("AdministratorAccess"),',
        "    iam.ManagedPolicy.fromManagedPolicyArn(this, 'Ro', 'arn:aws:iam::aws:policy/ReadOnlyAccess'),",
        '    iam.ManagedPolicy.fromAwsManagedPolicyName(`${name}Access`),',
        '    iam.ManagedPolicy.fromAwsManagedPolicyName("Escaped\\u0041"),',
        '  ],',
        '});',
      ].join('\n'),
    );
    const file = analyze(tsText, 'typescript');
    assert.deepEqual(
      file.managedPolicies?.map((r) => [r.value, tsText.slice(r.offset, r.offset + r.length), r.description]),
      [
        ['AdministratorAccess', 'AdministratorAccess', 'CDK ManagedPolicy.fromAwsManagedPolicyName'],
        ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'CDK ManagedPolicy.fromManagedPolicyArn'],
      ],
    );
    const pyText = py(
      'role.add_managed_policy(iam.ManagedPolicy.from_aws_managed_policy_name("service-role/AWSLambdaBasicExecutionRole"))',
    );
    assert.deepEqual(
      analyze(pyText, 'python').managedPolicies?.map((r) => r.value),
      ['service-role/AWSLambdaBasicExecutionRole'],
    );
  });

  test('never throws: every prefix of the fixtures, unclosed brackets, deep nesting', () => {
    for (const [name, language] of [
      ['app-stack.ts', 'js'],
      ['pipeline_stack.py', 'python'],
    ] as const) {
      const text = fs.readFileSync(path.join(fixtures, name), 'utf8');
      for (let end = 0; end <= text.length; end += 7) {
        const cut = text.slice(0, end);
        extractCdk(cut, language);
        const file = analyze(cut, language === 'js' ? 'typescript' : 'python');
        assert.equal(file.failure, undefined, `${name} cut at ${end}: ${file.failure}`);
      }
    }
    const deep = ts(`new iam.PolicyStatement({ actions: ${'['.repeat(20000)}'s3:GetObject'${']'.repeat(20000)} });`);
    assert.equal(analyze(deep, 'typescript').failure, undefined);
    const deepCalls = ts(`new iam.PolicyStatement(${'f('.repeat(20000)});`);
    assert.equal(analyze(deepCalls, 'typescript').failure, undefined);
  });
});
