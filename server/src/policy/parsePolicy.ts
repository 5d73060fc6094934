/**
 * JSON tree -> PolicyDocument. Never throws and never drops what it cannot understand: values of
 * the wrong JSON type are kept as `invalid` entries for the rules to report.
 */
import { checkBudget } from '../syntax/budget';
import type { JsonNode, JsonTree } from '../syntax/parseJson';
import type { JsonPath } from '../syntax/jsonPath';
import type {
  ConditionBlock,
  ConditionClause,
  ConditionEntry,
  ConditionValue,
  Located,
  PolicyContainer,
  PolicyDocument,
  PolicyElement,
  PolicyString,
  PolicyType,
  PolicyTypeSource,
  PrincipalBlock,
  Statement,
  StringList,
} from './model';
import { inferPolicyType } from './policyType';

export interface ParsePolicyOptions {
  /** the policy object when it is not the document root (embedded in a template) */
  root?: JsonNode;
  /** base path of `root` inside the document */
  basePath?: JsonPath;
  /** an explicit type (settings, globs, the embedding template); inferred when absent */
  policyType?: { type: PolicyType; source: PolicyTypeSource };
  container?: PolicyContainer;
  /** tells which string nodes are computed by a template (CloudFormation intrinsics, Terraform interpolation) */
  dynamicValue?: (node: JsonNode) => string | undefined;
  /** a statement a template chooses (CloudFormation Fn::If): the statements to read in its place; [] skips it */
  statementCandidates?: (node: JsonNode, path: JsonPath) => { node: JsonNode; path: JsonPath }[] | undefined;
}

export function parsePolicy(tree: JsonTree, options: ParsePolicyOptions = {}): PolicyDocument {
  const root = options.root ?? tree.root;
  const builder = new ModelBuilder(options.dynamicValue, options.statementCandidates);
  const basePath = options.basePath ?? [];
  const elements = root?.type === 'object' ? builder.elements(root, basePath) : [];
  const find = (name: string) => lastNamed(elements, name);

  const statementElement = find('Statement');
  const statements = statementElement ? builder.statements(statementElement) : [];
  const inferred = inferPolicyType(statements);
  const policyType = options.policyType ?? { type: inferred, source: 'inferred' as const };

  return {
    tree,
    root,
    elements,
    version: builder.stringOf(find('Version')),
    id: builder.stringOf(find('Id')),
    statementElement,
    statements,
    policyType: policyType.type,
    policyTypeSource: policyType.source,
    container: options.container ?? { kind: 'json' },
    ...(builder.chosen.size > 0 ? { chosenStatements: builder.chosen } : {}),
  };
}

/** Later duplicates win, as with JSON.parse; the duplicate-key rule reports them. */
function lastNamed(elements: PolicyElement[], name: string): PolicyElement | undefined {
  for (let i = elements.length - 1; i >= 0; i--) {
    if (elements[i].name === name) {
      return elements[i];
    }
  }
  return undefined;
}

class ModelBuilder {
  /** statement nodes a template chooses between (read through their candidates) */
  readonly chosen = new Set<JsonNode>();

  constructor(
    private readonly dynamicValue: ((node: JsonNode) => string | undefined) | undefined,
    private readonly statementCandidates?: ParsePolicyOptions['statementCandidates'],
  ) {}

  elements(objectNode: JsonNode, path: JsonPath): PolicyElement[] {
    const out: PolicyElement[] = [];
    for (const propertyNode of objectNode.children ?? []) {
      const keyNode = propertyNode.children?.[0];
      if (!keyNode || typeof keyNode.value !== 'string') {
        continue;
      }
      const name = keyNode.value;
      const valueNode = propertyNode.children?.[1];
      const dynamic = valueNode && this.dynamicValue?.(valueNode);
      out.push({ name, keyNode, propertyNode, valueNode, path: [...path, name], ...(dynamic ? { dynamic } : {}) });
    }
    return out;
  }

  stringOf(element: PolicyElement | undefined): PolicyString | undefined {
    const node = element?.valueNode;
    if (!element || !node || node.type !== 'string') {
      return undefined;
    }
    return this.string(node, element.path);
  }

  string(node: JsonNode, path: JsonPath): PolicyString {
    const dynamic = this.dynamicValue?.(node);
    return dynamic ? { value: String(node.value), node, path, dynamic } : { value: String(node.value), node, path };
  }

  stringList(element: PolicyElement): StringList {
    const node = element.valueNode;
    const computed = !!element.dynamic;
    const list: StringList = { element, isArray: node?.type === 'array' && !computed, values: [], invalid: [] };
    if (!node) {
      return list;
    }
    if (node.type === 'array' && !computed) {
      (node.children ?? []).forEach((child, i) => {
        checkBudget();
        this.addListEntry(list, child, [...element.path, i]);
      });
    } else {
      this.addListEntry(list, node, element.path);
    }
    return list;
  }

  private addListEntry(list: StringList, node: JsonNode, path: JsonPath): void {
    if (node.type === 'string') {
      list.values.push(this.string(node, path));
    } else if (this.dynamicValue?.(node)) {
      // a template function in place of a string (e.g. {"Fn::Sub": ...}): a value, not an error
      list.values.push({ value: '', node, path, dynamic: this.dynamicValue(node) });
    } else {
      list.invalid.push({ node, path });
    }
  }

  statements(statementElement: PolicyElement): Statement[] {
    const node = statementElement.valueNode;
    if (!node) {
      return [];
    }
    if (node.type === 'object') {
      return [this.statement(node, statementElement.path, undefined)];
    }
    if (node.type === 'array') {
      const out: Statement[] = [];
      (node.children ?? []).forEach((child, i) => {
        const candidates = this.statementCandidates?.(child, [...statementElement.path, i]);
        if (candidates) {
          this.chosen.add(child);
          candidates.filter((c) => c.node.type === 'object').forEach((c) => out.push(this.statement(c.node, c.path, i)));
        } else if (child.type === 'object') {
          out.push(this.statement(child, [...statementElement.path, i], i));
        }
      });
      return out;
    }
    return [];
  }

  private statement(node: JsonNode, path: JsonPath, index: number | undefined): Statement {
    checkBudget();
    const elements = this.elements(node, path);
    const statement: Statement = { node, path, index, elements };
    for (const element of elements) {
      switch (element.name) {
        case 'Sid':
          statement.sid = this.stringOf(element);
          break;
        case 'Effect':
          statement.effect = this.stringOf(element);
          break;
        case 'Principal':
          statement.principal = this.principal(element);
          break;
        case 'NotPrincipal':
          statement.notPrincipal = this.principal(element);
          break;
        case 'Action':
          statement.action = this.stringList(element);
          break;
        case 'NotAction':
          statement.notAction = this.stringList(element);
          break;
        case 'Resource':
          statement.resource = this.stringList(element);
          break;
        case 'NotResource':
          statement.notResource = this.stringList(element);
          break;
        case 'Condition':
          statement.condition = this.condition(element);
          break;
      }
    }
    return statement;
  }

  private principal(element: PolicyElement): PrincipalBlock {
    const block: PrincipalBlock = { element, entries: [] };
    const node = element.valueNode;
    if (node?.type === 'string') {
      block.scalar = this.string(node, element.path);
    } else if (node?.type === 'object') {
      for (const entryElement of this.elements(node, element.path)) {
        block.entries.push({ type: entryElement.name, element: entryElement, values: this.stringList(entryElement) });
      }
    }
    return block;
  }

  private condition(element: PolicyElement): ConditionBlock {
    const block: ConditionBlock = { element, clauses: [] };
    if (element.valueNode?.type !== 'object') {
      return block;
    }
    for (const operatorElement of this.elements(element.valueNode, element.path)) {
      const clause: ConditionClause = { operator: operatorElement.name, element: operatorElement, entries: [] };
      if (operatorElement.valueNode?.type === 'object') {
        for (const keyElement of this.elements(operatorElement.valueNode, operatorElement.path)) {
          clause.entries.push(this.conditionEntry(keyElement));
        }
      }
      block.clauses.push(clause);
    }
    return block;
  }

  private conditionEntry(element: PolicyElement): ConditionEntry {
    const node = element.valueNode;
    const entry: ConditionEntry = { key: element.name, element, isArray: node?.type === 'array', values: [], invalid: [] };
    const add = (child: JsonNode, path: JsonPath) => {
      const value = this.conditionValue(child, path);
      if (value) {
        entry.values.push(value);
      } else {
        entry.invalid.push({ node: child, path } satisfies Located);
      }
    };
    if (node?.type === 'array') {
      (node.children ?? []).forEach((child, i) => {
        checkBudget();
        add(child, [...element.path, i]);
      });
    } else if (node) {
      add(node, element.path);
    }
    return entry;
  }

  private conditionValue(node: JsonNode, path: JsonPath): ConditionValue | undefined {
    const dynamic = this.dynamicValue?.(node);
    if (node.type === 'string' || node.type === 'boolean' || node.type === 'number') {
      const value: ConditionValue = { value: String(node.value), jsonType: node.type, node, path };
      if (dynamic) {
        value.dynamic = dynamic;
      }
      return value;
    }
    if (dynamic) {
      return { value: '', jsonType: 'string', node, path, dynamic };
    }
    return undefined;
  }
}
