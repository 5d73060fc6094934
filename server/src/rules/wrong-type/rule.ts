import type { Located, PolicyElement, StringList } from '../../policy/model';
import { defineRule, type RuleContext } from '../ruleApi';

export default defineRule({
  id: 'wrong-type',
  meta: {
    description: 'An element has the wrong JSON type (for example a number where a string is expected).',
    category: 'syntax',
    defaultSeverity: 'error',
    messages: {
      root: 'A policy is a JSON object, not {{type}}.',
      expected: '{{element}} must be {{expected}}, not {{type}}.',
      entry: 'Entries of {{element}} must be strings, not {{type}}.',
      intrinsic:
        '{{element}} holds an object ({{key}}): template functions such as Fn::Sub are resolved by CloudFormation, not by IAM. In a plain policy file write the ARN.',
      statement: 'Each statement must be an object, not {{type}}.',
      conditionValue: 'Condition values must be strings, numbers or booleans, not {{type}}.',
    },
  },
  check(ctx) {
    const { policy, report } = ctx;
    const root = policy.root;
    if (root && root.type !== 'object') {
      report({ messageId: 'root', at: { node: root, path: [] }, data: { type: root.type } });
      return;
    }
    for (const e of policy.elements.filter((x) => !x.dynamic)) {
      if ((e.name === 'Version' || e.name === 'Id') && e.valueNode && e.valueNode.type !== 'string') {
        expected(ctx, e, 'a string');
      }
      if (e.name === 'Statement' && e.valueNode && e.valueNode.type !== 'object' && e.valueNode.type !== 'array') {
        expected(ctx, e, 'an object or an array of objects');
      }
      if (e.name === 'Statement' && e.valueNode?.type === 'array') {
        (e.valueNode.children ?? []).forEach((child, i) => {
          if (child.type !== 'object' && !policy.chosenStatements?.has(child)) {
            report({ messageId: 'statement', at: { node: child, path: [...e.path, i] }, data: { type: child.type } });
          }
        });
      }
    }
    for (const s of policy.statements) {
      for (const e of s.elements) {
        const v = e.valueNode;
        // a value the template computes ({"Fn::Sub": ...}, !Join [...]) is not ours to type-check
        if (!v || e.dynamic) {
          continue;
        }
        switch (e.name) {
          case 'Sid':
          case 'Effect':
            if (v.type !== 'string') {
              expected(ctx, e, 'a string');
            }
            break;
          case 'Action':
          case 'NotAction':
          case 'Resource':
          case 'NotResource':
            if (v.type !== 'string' && v.type !== 'array') {
              expected(ctx, e, 'a string or an array of strings');
            }
            break;
          case 'Principal':
          case 'NotPrincipal':
            if (v.type !== 'string' && v.type !== 'object') {
              expected(ctx, e, '"*" or an object such as {"AWS": [...]}');
            }
            break;
          case 'Condition':
            if (v.type !== 'object') {
              expected(ctx, e, 'an object of operators');
            }
            break;
        }
      }
      for (const list of [s.action, s.notAction, s.resource, s.notResource]) {
        if (list?.isArray || list?.element.valueNode?.type === 'string') {
          entries(ctx, list);
        }
      }
      for (const block of [s.principal, s.notPrincipal]) {
        for (const entry of block?.entries ?? []) {
          const v = entry.element.valueNode;
          if (v && v.type !== 'string' && v.type !== 'array') {
            expected(ctx, entry.element, 'a string or an array of strings');
          } else {
            entries(ctx, entry.values);
          }
        }
      }
      for (const clause of s.condition?.clauses ?? []) {
        const v = clause.element.valueNode;
        if (v && v.type !== 'object') {
          expected(ctx, clause.element, 'an object of condition keys');
        }
        for (const entry of clause.entries) {
          for (const bad of entry.invalid) {
            report({ messageId: 'conditionValue', at: bad, data: { type: bad.node.type } });
          }
        }
      }
    }
  },
});

function expected(ctx: RuleContext, e: PolicyElement, what: string): void {
  const node = e.valueNode!;
  ctx.report({ messageId: 'expected', at: { node, path: e.path }, data: { element: e.name, expected: what, type: node.type } });
}

function entries(ctx: RuleContext, list: StringList): void {
  for (const bad of list.invalid) {
    const at: Located = bad;
    const firstKey = bad.node.type === 'object' ? bad.node.children?.[0]?.children?.[0]?.value : undefined;
    if (typeof firstKey === 'string' && /^(Fn::|Ref$)/.test(firstKey)) {
      ctx.report({ messageId: 'intrinsic', at, data: { element: list.element.name, key: firstKey } });
    } else {
      ctx.report({ messageId: 'entry', at, data: { element: list.element.name, type: bad.node.type } });
    }
  }
}
