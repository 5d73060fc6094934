/**
 * The catalogs are complete and consistent: every message id and every rule message has a
 * Japanese entry with the same placeholders; the locale comes from the environment as POSIX says;
 * English is the fallback; Japanese findings carry no English phrases from rule data.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { ALL_RULES } from '../rules/index';
import { findingsFor } from '../testing/testRule';
import { fencedExamples } from '../testing/readmeExamples';
import {
  catalogOf,
  localizePhrase,
  localeFromEnv,
  normalizeLocale,
  pickLocale,
  ruleDescription,
  ruleMessage,
  ruleTranslation,
  t,
  translateFragment,
  withLocale,
  type MessageId,
} from './index';
import { MESSAGES_EN } from './messages.en';
import { CONDITION_OPERATORS } from '../catalog/operators';
import { describeConditionKey } from '../analysis/conditions';
import { PRINCIPAL_DOCS, STATEMENT_ELEMENT_DOCS, TOP_LEVEL_ELEMENT_DOCS } from '../features/elementDocs';

const rulesDir = path.resolve(__dirname, '..', '..', '..', '..', 'server', 'src', 'rules');

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*(\w+)(?::[^}]*)?\s*\}\}/g)].map((m) => m[1]))].sort();
}

suite('i18n catalogs', () => {
  test('every message id has a Japanese entry with the same placeholders', () => {
    const ja = catalogOf('ja');
    const problems: string[] = [];
    for (const [id, en] of Object.entries(MESSAGES_EN)) {
      const text = ja[id as MessageId];
      if (!text) {
        problems.push(`${id}: missing`);
      } else if (placeholders(text).join() !== placeholders(en).join()) {
        problems.push(`${id}: placeholders ${placeholders(text).join()} != ${placeholders(en).join()}`);
      }
    }
    for (const id of Object.keys(ja)) {
      if (!(id in MESSAGES_EN)) {
        problems.push(`${id}: not an English message id`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('every rule message has a Japanese translation with the same placeholders, and every rule both READMEs', () => {
    const problems: string[] = [];
    for (const rule of ALL_RULES) {
      const ja = ruleTranslation('ja', rule.id);
      if (!ja) {
        problems.push(`${rule.id}: no messages.ja.ts`);
        continue;
      }
      if (!ja.description.trim()) {
        problems.push(`${rule.id}: empty description`);
      }
      for (const [id, en] of Object.entries(rule.meta.messages)) {
        const text = ja.messages[id];
        if (!text) {
          problems.push(`${rule.id}.${id}: missing`);
        } else if (placeholders(text).join() !== placeholders(en).join()) {
          problems.push(`${rule.id}.${id}: placeholders ${placeholders(text).join()} != ${placeholders(en).join()}`);
        }
      }
      for (const id of Object.keys(ja.messages)) {
        if (!(id in rule.meta.messages)) {
          problems.push(`${rule.id}.${id}: not a message of the rule`);
        }
      }
      for (const readme of ['README.md', 'README.ja.md']) {
        if (!fs.existsSync(path.join(rulesDir, rule.id, readme))) {
          problems.push(`${rule.id}: ${readme} missing`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test('condition operator, element and principal documentation has Japanese', () => {
    const tables = [TOP_LEVEL_ELEMENT_DOCS, STATEMENT_ELEMENT_DOCS, PRINCIPAL_DOCS];
    const problems: string[] = [];
    for (const table of tables) {
      for (const key of Object.keys(table)) {
        const en = withLocale('en', () => table[key]);
        const ja = withLocale('ja', () => table[key]);
        if (!en || ja === en) {
          problems.push(`element ${key}`);
        }
      }
    }
    for (const op of CONDITION_OPERATORS) {
      if (withLocale('ja', () => op.description) === withLocale('en', () => op.description)) {
        problems.push(`operator ${op.name}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('every condition phrase of the summaries has Japanese', () => {
    const keys = [
      'aws:MultiFactorAuthPresent',
      'aws:MultiFactorAuthAge',
      'aws:SourceIp',
      'aws:SourceVpce',
      'aws:PrincipalOrgID',
      'aws:ResourceOrgID',
      'aws:PrincipalArn',
      'aws:RequestedRegion',
      'aws:SecureTransport',
      'aws:CurrentTime',
      'aws:ViaAWSService',
      'aws:CalledVia',
      'aws:SourceArn',
      'sts:ExternalId',
      'iam:PassedToService',
      'aws:ResourceTag/team',
      'aws:TagKeys',
      'token.actions.githubusercontent.com:sub',
      'token.actions.githubusercontent.com:aud',
    ];
    const problems: string[] = [];
    for (const key of keys) {
      for (const values of [['a'], ['a', 'b'], []]) {
        const en = describeConditionKey(key, 'StringEquals', values);
        const ja = withLocale('ja', () => localizePhrase(en));
        if (ja === en || !/[\u3040-\u30ff\u4e00-\u9fff]/.test(ja)) {
          problems.push(`${key}: ${en}`);
        }
      }
    }
    for (const value of ['true', 'false']) {
      const en = describeConditionKey('aws:x', 'Null', [value]);
      if (withLocale('ja', () => localizePhrase(en)) === en) {
        problems.push(en);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('the locale follows LC_ALL, LC_MESSAGES, LANG (and LANGUAGE), and the LSP tags', () => {
    assert.equal(localeFromEnv({ LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(localeFromEnv({ LANG: 'ja_JP.UTF-8', LC_ALL: 'C' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.eucJP' }), 'ja');
    assert.equal(localeFromEnv({ LC_ALL: '', LANG: 'ja' }), 'ja');
    assert.equal(localeFromEnv({ LANG: 'de_DE.UTF-8' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8', LANGUAGE: 'ja:en' }), 'ja');
    assert.equal(localeFromEnv({ LANG: 'C', LANGUAGE: 'ja' }), 'en');
    assert.equal(localeFromEnv({}), 'en');
    assert.equal(normalizeLocale('ja-JP'), 'ja');
    assert.equal(normalizeLocale('zh-cn'), undefined);
    assert.equal(pickLocale(undefined, 'fr', 'ja'), 'ja');
    assert.equal(pickLocale('en', 'ja'), 'en');
  });

  test('English is the fallback; a message is never empty or a raw id', () => {
    assert.equal(
      withLocale('en', () => t('policyType.trust')),
      'Role trust policy',
    );
    assert.equal(
      withLocale('ja', () => t('policyType.trust')),
      'ロールの信頼ポリシー',
    );
    assert.equal(
      withLocale('en', () => t('cli.fixed', { count: 1 })),
      'fixed 1 problem',
    );
    assert.equal(
      withLocale('en', () => t('cli.fixed', { count: 3 })),
      'fixed 3 problems',
    );
    const unknownRule = { ruleId: 'no-such-rule', messageId: 'x', message: 'English text', data: {} };
    assert.equal(
      withLocale('ja', () => ruleMessage(unknownRule)),
      'English text',
    );
    const rule = ALL_RULES.find((r) => r.id === 'missing-effect')!;
    assert.equal(
      withLocale('en', () => ruleDescription(rule)),
      rule.meta.description,
    );
    assert.notEqual(
      withLocale('ja', () => ruleDescription(rule)),
      rule.meta.description,
    );
    assert.equal(translateFragment(' Did you mean "s3:GetObject"?', 'ja'), '"s3:GetObject" ではありませんか?');
    assert.equal(
      translateFragment(' (lower severity: limited by aws:SourceIp, aws:SourceVpc)', 'ja'),
      ' (aws:SourceIp, aws:SourceVpc で制限されているため重大度を下げています)',
    );
    assert.equal(translateFragment('arn:aws:s3:::bucket', 'ja'), 'arn:aws:s3:::bucket');
    assert.equal(translateFragment('Terraform syntax: missing }.', 'ja'), 'Terraform の構文: } がありません。');
    assert.equal(translateFragment('a, b, c and 4 more', 'ja'), 'a, b, c ほか 4 件');
    // readers of JSON inside CloudFormation and Terraform strings; integ's rules' data phrases
    assert.equal(translateFragment('JSON in the string: Expected a value.', 'ja'), '文字列内の JSON: 値が必要です。');
    assert.equal(translateFragment('to give the function its execution role', 'ja'), '関数に実行ロールを与える');
    assert.equal(
      translateFragment('DateLessThan aws:TokenIssueTime 2020-01-01T00:00:01Z can no longer be true', 'ja'),
      'DateLessThan aws:TokenIssueTime 2020-01-01T00:00:01Z はもう true になりません',
    );
  });
});

/** Three English words in a row outside quotes and code: prose a rule put into its data. */
function englishProse(message: string): string | undefined {
  const stripped = message.replace(/"[^"]*"|`[^`]*`|\([^()]*:[^()]*\)|\b[\w-]+:[\w*?/.${}-]+/g, ' ');
  return stripped.match(/\b[A-Za-z]{2,}(?:[ ,]+[a-z]{2,}){2,}\b/)?.[0];
}

suite('Japanese findings', () => {
  test('every finding of every README example reads as Japanese, with no English phrase from rule data', () => {
    const problems: string[] = [];
    let count = 0;
    for (const rule of ALL_RULES) {
      const markdown = fs.readFileSync(path.join(rulesDir, rule.id, 'README.md'), 'utf8');
      for (const ex of fencedExamples(markdown)) {
        const { findings } = findingsFor(rule, ex.code, {
          language: ex.language,
          raw: ex.raw,
          ...(ex.policyType ? { policyType: ex.policyType } : {}),
        });
        for (const f of findings) {
          count++;
          const ja = withLocale('ja', () => ruleMessage(f));
          if (ja === f.message || !/[\u3040-\u30ff]/.test(ja)) {
            problems.push(`${rule.id}.${f.messageId}: not translated: ${ja}`);
          }
          const prose = englishProse(ja);
          if (prose) {
            problems.push(`${rule.id}.${f.messageId}: English "${prose}" in: ${ja}`);
          }
          if (/\{\{/.test(ja)) {
            problems.push(`${rule.id}.${f.messageId}: placeholder left: ${ja}`);
          }
        }
      }
    }
    assert.ok(count > 60, `only ${count} findings`);
    assert.deepEqual(problems, []);
  });
});
