/**
 * Policies in AWS CDK apps written in TypeScript/JavaScript or Python: `new iam.PolicyStatement({...})`
 * (`iam.PolicyStatement(actions=[...])` in Python) with its `addActions`, `addResources`,
 * `addCondition`, `addPrincipals`... calls on the same variable, `new iam.PolicyDocument({ statements })`,
 * `iam.Policy`/`iam.ManagedPolicy` statements, `PolicyDocument.fromJson({...})`, `PolicyStatement.fromJson`,
 * a role's `assumedBy` (read as its trust policy), and the statement passed to `addToPolicy`,
 * `addToPrincipalPolicy` (identity) or `addToResourcePolicy` (resource). Each becomes the JSON
 * tree CDK would synthesize, placed on the code: string literals keep their exact ranges, and
 * anything that is not a literal (a variable, `bucket.bucketArn`, a template literal with `${}`)
 * is a computed value, never an error. Parsing is the small tokenizer of codeTokens.ts and a
 * tolerant expression reader: it never throws and never recurses past MAX_NESTING.
 */
import type { PolicyContainer, PolicyType } from '../policy/model';
import type { EmbeddedPolicy, ManagedPolicyReference } from '../policy/policyFile';
import { parsePolicy } from '../policy/parsePolicy';
import type { JsonNode, JsonTree } from '../syntax/parseJson';
import { tokenize, type CodeLanguage, type CodeToken } from './codeTokens';

/** Brackets nested deeper than this are skipped as one computed value (no recursion past it). */
const MAX_NESTING = 100;

/** Does this file use the CDK's IAM module? Only such files are read (not every TypeScript or Python file). */
export function importsCdkIam(text: string, language: CodeLanguage): boolean {
  if (language === 'python') {
    return /^[ \t]*(from[ \t]+aws_cdk(\.aws_iam)?[ \t]+import|import[ \t]+aws_cdk)\b/m.test(text);
  }
  return /(\bfrom\s*|\brequire\(\s*|\bimport\s*\(\s*|\bimport\s+)['"](aws-cdk-lib(\/aws-iam)?|@aws-cdk\/aws-iam)['"]/.test(text);
}

// ---------------------------------------------------------------------------------------------
// expressions

interface Span {
  start: number;
  end: number;
}
interface Prop {
  key: string;
  /** the key token: an identifier, or a string literal */
  keyToken: CodeToken;
  value: Expr;
}
type Expr = Span &
  (
    | { kind: 'string'; token: CodeToken }
    | { kind: 'number'; value: number }
    | { kind: 'bool'; value: boolean }
    | { kind: 'null' }
    | { kind: 'array'; items: Expr[] }
    | { kind: 'object'; props: Prop[]; spread: boolean }
    | { kind: 'ref'; path: string[]; last: CodeToken }
    | {
        kind: 'call';
        path: string[];
        name: CodeToken;
        args: Expr[];
        kwargs: Prop[];
        spread: boolean;
        isNew: boolean;
        /** the call before this one in a chain: a.b(x) in a.b(x).c(y) */
        inner?: Expr;
      }
    | { kind: 'other' }
  );
type CallExpr = Extract<Expr, { kind: 'call' }>;

const STOP = new Set([',', ')', ']', '}', ';']);
const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

class ExprReader {
  private readonly memo = new Map<number, { expr: Expr; next: number }>();
  constructor(
    readonly tokens: CodeToken[],
    readonly language: CodeLanguage,
  ) {}

  private is(i: number, text: string): boolean {
    const t = this.tokens[i];
    return !!t && t.kind === 'punct' && t.text === text;
  }

  /** Skips a balanced run of tokens up to a delimiter at depth 0; iterative, so any depth is safe. */
  skip(i: number): number {
    let depth = 0;
    while (i < this.tokens.length) {
      const t = this.tokens[i];
      if (t.kind === 'punct') {
        if (t.text in OPEN) {
          depth++;
        } else if (t.text === ')' || t.text === ']' || t.text === '}') {
          if (depth === 0) {
            return i;
          }
          depth--;
        } else if (depth === 0 && (t.text === ',' || t.text === ';')) {
          return i;
        }
      }
      i++;
    }
    return i;
  }

  private other(from: number, to: number): Expr {
    const first = this.tokens[from];
    const last = this.tokens[Math.max(from, to - 1)];
    return { kind: 'other', start: first?.offset ?? 0, end: last?.end ?? first?.end ?? 0 };
  }

  /** One value: a primary followed by a delimiter, else a computed expression (`a + b`, `x ? y : z`, an arrow function). */
  expression(i: number, depth: number): { expr: Expr; next: number } {
    const start = i;
    const primary = this.primary(i, depth);
    if (primary && (i = primary.next) < this.tokens.length && !STOP.has(this.tokens[i].text)) {
      const end = this.skip(i);
      return { expr: this.other(start, end), next: end };
    }
    if (primary) {
      return primary;
    }
    const end = Math.max(this.skip(start), start + (STOP.has(this.tokens[start]?.text ?? ',') ? 0 : 1));
    return { expr: this.other(start, end), next: end };
  }

  primary(i: number, depth: number): { expr: Expr; next: number } | undefined {
    const cached = this.memo.get(i);
    if (cached) {
      return cached;
    }
    const result = this.readPrimary(i, depth);
    if (result) {
      this.memo.set(i, result);
    }
    return result;
  }

  private readPrimary(i: number, depth: number): { expr: Expr; next: number } | undefined {
    const t = this.tokens[i];
    if (!t) {
      return undefined;
    }
    if (depth > MAX_NESTING) {
      const end = this.skip(i);
      return { expr: this.other(i, Math.max(end, i + 1)), next: Math.max(end, i + 1) };
    }
    if (t.kind === 'string') {
      return { expr: { kind: 'string', token: t, start: t.offset, end: t.end }, next: i + 1 };
    }
    if (t.kind === 'number') {
      return { expr: { kind: 'number', value: Number(t.text.replace(/_/g, '')), start: t.offset, end: t.end }, next: i + 1 };
    }
    if (t.kind === 'punct' && t.text === '[') {
      const { items, next, end } = this.list(i + 1, ']', depth);
      return { expr: { kind: 'array', items: items.map((a) => a.expr), start: t.offset, end }, next };
    }
    if (t.kind === 'punct' && t.text === '{') {
      return this.object(i, depth);
    }
    if (t.kind === 'punct' && t.text === '(') {
      const inner = this.expression(i + 1, depth + 1);
      if (this.is(inner.next, ')')) {
        return { expr: inner.expr, next: inner.next + 1 };
      }
      return undefined;
    }
    if (t.kind !== 'ident') {
      return undefined;
    }
    if (/^(true|false|True|False)$/.test(t.text) && !this.is(i + 1, '.')) {
      return { expr: { kind: 'bool', value: /^t/i.test(t.text), start: t.offset, end: t.end }, next: i + 1 };
    }
    if (/^(null|undefined|None)$/.test(t.text) && !this.is(i + 1, '.')) {
      return { expr: { kind: 'null', start: t.offset, end: t.end }, next: i + 1 };
    }
    let isNew = false;
    let j = i;
    if (t.text === 'new' && this.language === 'js' && this.tokens[i + 1]?.kind === 'ident') {
      isNew = true;
      j = i + 1;
    }
    // a chain: a.b.c, calls, indexing
    const path: string[] = [this.tokens[j].text];
    let last = this.tokens[j];
    let expr: Expr = { kind: 'ref', path: [...path], last, start: t.offset, end: last.end };
    let lastCall: Expr | undefined;
    j++;
    for (;;) {
      if (this.is(j, '.') && this.tokens[j + 1]?.kind === 'ident') {
        last = this.tokens[j + 1];
        path.push(last.text);
        expr = { kind: 'ref', path: [...path], last, start: t.offset, end: last.end };
        j += 2;
      } else if (this.is(j, '(')) {
        const call = this.args(j + 1, depth);
        const inner: Expr | undefined = expr.kind === 'call' ? expr : lastCall;
        expr = {
          kind: 'call',
          path: [...path],
          name: last,
          args: call.args,
          kwargs: call.kwargs,
          spread: call.spread,
          isNew,
          start: t.offset,
          end: call.end,
          ...(inner ? { inner } : {}),
        };
        lastCall = expr;
        isNew = false;
        j = call.next;
        // a call's result is something new: its members are not a path any more
        path.length = 0;
        path.push('()');
      } else if (this.is(j, '[')) {
        const close = this.skip(j + 1);
        j = this.is(close, ']') ? close + 1 : close;
        path.length = 0;
        path.push('[]');
        expr = { kind: 'other', start: t.offset, end: this.tokens[j - 1]?.end ?? t.end };
      } else if (this.tokens[j]?.kind === 'other' && this.tokens[j].text === '!' && this.language === 'js' && this.is(j + 1, '.')) {
        j++; // TypeScript's non-null assertion in a chain: a!.b
      } else {
        break;
      }
    }
    return { expr, next: j };
  }

  /** Items up to `close`; the end offset includes the closing bracket when present. */
  private list(i: number, close: string, depth: number): { items: { expr: Expr; spread: boolean }[]; next: number; end: number } {
    const items: { expr: Expr; spread: boolean }[] = [];
    while (i < this.tokens.length && !this.is(i, close)) {
      if (this.is(i, ',')) {
        i++;
        continue;
      }
      const t = this.tokens[i];
      if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}' || t.text === ';')) {
        // a stray closer: the list ends here (half-typed code)
        return { items, next: i, end: this.tokens[i - 1]?.end ?? t.offset };
      }
      const spread = this.isSpread(i);
      const from = spread ? i + 1 : i;
      const { expr, next } = this.expression(from, depth + 1);
      items.push({ expr: spread ? { ...this.other(i, next), kind: 'other' } : expr, spread });
      i = Math.max(next, i + 1);
    }
    const end = this.tokens[i]?.end ?? this.tokens[this.tokens.length - 1]?.end ?? 0;
    return { items, next: Math.min(i + 1, this.tokens.length), end };
  }

  private isSpread(i: number): boolean {
    const t = this.tokens[i];
    if (this.language === 'js') {
      return t?.kind === 'punct' && t.text === '...';
    }
    return (t?.kind === 'other' && t.text === '*') || (t?.kind === 'punct' && t.text === '**');
  }

  private args(i: number, depth: number): { args: Expr[]; kwargs: Prop[]; spread: boolean; next: number; end: number } {
    const args: Expr[] = [];
    const kwargs: Prop[] = [];
    let spread = false;
    while (i < this.tokens.length && !this.is(i, ')')) {
      if (this.is(i, ',')) {
        i++;
        continue;
      }
      const t = this.tokens[i];
      if (t.kind === 'punct' && (t.text === ']' || t.text === '}' || t.text === ';')) {
        return { args, kwargs, spread, next: i, end: this.tokens[i - 1]?.end ?? t.offset };
      }
      if (this.language === 'python' && t.kind === 'ident' && this.is(i + 1, '=')) {
        const { expr, next } = this.expression(i + 2, depth + 1);
        kwargs.push({ key: t.text, keyToken: t, value: expr });
        i = Math.max(next, i + 1);
        continue;
      }
      if (this.isSpread(i)) {
        spread = true;
        i = Math.max(this.skip(i + 1), i + 1);
        continue;
      }
      const { expr, next } = this.expression(i, depth + 1);
      args.push(expr);
      i = Math.max(next, i + 1);
    }
    const end = this.tokens[i]?.end ?? this.tokens[this.tokens.length - 1]?.end ?? 0;
    return { args, kwargs, spread, next: Math.min(i + 1, this.tokens.length), end };
  }

  private object(i: number, depth: number): { expr: Expr; next: number } {
    const open = this.tokens[i];
    const props: Prop[] = [];
    let spread = false;
    i++;
    while (i < this.tokens.length && !this.is(i, '}')) {
      if (this.is(i, ',')) {
        i++;
        continue;
      }
      const t = this.tokens[i];
      if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === ';')) {
        return { expr: { kind: 'object', props, spread, start: open.offset, end: this.tokens[i - 1]?.end ?? t.offset }, next: i };
      }
      if (this.isSpread(i)) {
        spread = true;
        i = Math.max(this.skip(i + 1), i + 1);
        continue;
      }
      const keyIsName = t.kind === 'string' ? !t.dynamic : t.kind === 'number' || (t.kind === 'ident' && this.language === 'js');
      if (keyIsName && this.is(i + 1, ':')) {
        const { expr, next } = this.expression(i + 2, depth + 1);
        props.push({ key: t.kind === 'string' ? (t.value ?? '') : t.text, keyToken: t, value: expr });
        i = Math.max(next, i + 1);
        continue;
      }
      // a computed key, a method, a shorthand, a Python key that is a variable: skipped
      i = Math.max(this.skip(i), i + 1);
    }
    const end = this.tokens[i]?.end ?? this.tokens[this.tokens.length - 1]?.end ?? open.end;
    return { expr: { kind: 'object', props, spread, start: open.offset, end }, next: Math.min(i + 1, this.tokens.length) };
  }
}

// ---------------------------------------------------------------------------------------------
// what CDK builds

/** Every CDK construct and call read as a policy, with the type it implies (the README's table is generated from it). */
export const CDK_POLICY_SOURCES: { typescript: string; python: string; type: PolicyType | 'inferred' }[] = [
  { typescript: 'new iam.PolicyStatement({...})', python: 'iam.PolicyStatement(...)', type: 'inferred' },
  { typescript: 'iam.PolicyStatement.fromJson({...})', python: 'iam.PolicyStatement.from_json({...})', type: 'inferred' },
  { typescript: 'x.addToPolicy(statement)', python: 'x.add_to_policy(statement)', type: 'identity' },
  { typescript: 'x.addToPrincipalPolicy(statement)', python: 'x.add_to_principal_policy(statement)', type: 'identity' },
  { typescript: 'x.addToResourcePolicy(statement)', python: 'x.add_to_resource_policy(statement)', type: 'resource' },
  { typescript: 'new iam.PolicyDocument({ statements })', python: 'iam.PolicyDocument(statements=[...])', type: 'inferred' },
  { typescript: 'iam.PolicyDocument.fromJson({...})', python: 'iam.PolicyDocument.from_json({...})', type: 'inferred' },
  { typescript: 'new iam.Policy(…, { statements })', python: 'iam.Policy(…, statements=[...])', type: 'identity' },
  { typescript: 'new iam.ManagedPolicy(…, { statements })', python: 'iam.ManagedPolicy(…, statements=[...])', type: 'identity' },
  { typescript: 'new iam.Role(…, { assumedBy })', python: 'iam.Role(…, assumed_by=...)', type: 'trust' },
];

/** The policy type a method that receives a statement implies (`addToResourcePolicy`: resource). */
const ADD_TO_TYPES = new Map(
  CDK_POLICY_SOURCES.flatMap((s) => {
    const method = /^x\.(\w+)\(/.exec(s.typescript)?.[1];
    return method && s.type !== 'inferred' ? [[method, s.type] as const] : [];
  }),
);

/** CDK's names (camelCase; Python's snake_case is converted) for a statement's elements. */
const STATEMENT_PROPS: Record<string, string> = {
  actions: 'Action',
  notActions: 'NotAction',
  resources: 'Resource',
  notResources: 'NotResource',
  principals: 'Principal',
  notPrincipals: 'NotPrincipal',
  conditions: 'Condition',
  effect: 'Effect',
  sid: 'Sid',
};

const ADD_LIST_METHODS: Record<string, string> = {
  addActions: 'Action',
  addNotActions: 'NotAction',
  addResources: 'Resource',
  addNotResources: 'NotResource',
};

/** Principal classes: the Principal key each is written under. */
const PRINCIPAL_CLASSES: Record<string, string> = {
  ServicePrincipal: 'Service',
  ArnPrincipal: 'AWS',
  AccountPrincipal: 'AWS',
  CanonicalUserPrincipal: 'CanonicalUser',
  FederatedPrincipal: 'Federated',
  WebIdentityPrincipal: 'Federated',
  OpenIdConnectPrincipal: 'Federated',
  SamlPrincipal: 'Federated',
  SamlConsolePrincipal: 'Federated',
};

/** The action a role's trust policy allows for each principal class (CDK's assumeRoleAction). */
const ASSUME_ACTIONS: Record<string, string> = {
  WebIdentityPrincipal: 'sts:AssumeRoleWithWebIdentity',
  OpenIdConnectPrincipal: 'sts:AssumeRoleWithWebIdentity',
  SamlPrincipal: 'sts:AssumeRoleWithSAML',
  SamlConsolePrincipal: 'sts:AssumeRoleWithSAML',
};

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

interface Part {
  key: CodeToken;
  items: Expr[];
}
interface ConditionSource {
  /** an object of operators: `conditions: {...}`, `addConditions({...})` */
  object?: Expr;
  /** `addCondition(operator, {...})` */
  operator?: Expr;
  value?: Expr;
  /** a synthesized condition (OrganizationPrincipal): operator and key on one literal */
  synthetic?: { operator: string; key: string; at: Expr };
}
interface StatementModel {
  call: Span;
  name: CodeToken;
  /** from PolicyStatement.fromJson: the JSON object itself */
  json?: Expr;
  lists: Map<string, Part[]>;
  principals: Map<string, { key: CodeToken; items: Expr[] }>;
  conditions: { key: CodeToken; sources: ConditionSource[] } | undefined;
  effect?: { key: CodeToken; value: Expr };
  sid?: { key: CodeToken; value: Expr };
  /** props the reader cannot see (a spread, a variable as the props): missing elements are not errors */
  partial: boolean;
  /** extra spans of code that build this statement (addActions calls...) */
  spans: Span[];
  type?: PolicyType;
  /** put in a document: not a policy of its own */
  owned: boolean;
}

interface PolicyModel {
  kind: 'statements' | 'json' | 'trust';
  span: Span;
  name: CodeToken;
  description: string;
  statements: StatementModel[];
  json?: Expr;
  type?: PolicyType;
}

function lastName(call: CallExpr): string {
  return call.path[call.path.length - 1] ?? '';
}

function receiver(call: CallExpr): string {
  return call.path.slice(0, -1).join('.');
}

/** The name a value is assigned to: `const s = …`, `s = …`, `this.s = …`, `const s: iam.PolicyStatement = …`. */
function assignedName(tokens: CodeToken[], start: number): string | undefined {
  if (start < 0) {
    return undefined;
  }
  let i = start - 1;
  if (tokens[i]?.kind === 'ident' && tokens[i].text === 'new') {
    i--;
  }
  if (!(tokens[i]?.kind === 'punct' && tokens[i].text === '=')) {
    return undefined;
  }
  i--;
  const chain: string[] = [];
  while (tokens[i]?.kind === 'ident') {
    chain.unshift(tokens[i].text);
    if (tokens[i - 1]?.kind === 'punct' && tokens[i - 1].text === '.') {
      i -= 2;
    } else {
      break;
    }
  }
  // a type annotation: the name is before the colon
  if (tokens[i - 1]?.kind === 'punct' && tokens[i - 1].text === ':' && tokens[i - 2]?.kind === 'ident') {
    return tokens[i - 2].text;
  }
  return chain.length > 0 ? chain.join('.').replace(/^self\./, 'this.') : undefined;
}

class CdkReader {
  readonly statements = new Map<Expr, StatementModel>();
  readonly byName = new Map<string, StatementModel>();
  readonly policies: PolicyModel[] = [];
  /** AWS managed policies attached by name or ARN (`ManagedPolicy.fromAwsManagedPolicyName('X')`) */
  readonly managedPolicies: ManagedPolicyReference[] = [];
  private readonly reader: ExprReader;

  constructor(
    private readonly tokens: CodeToken[],
    language: CodeLanguage,
  ) {
    this.reader = new ExprReader(tokens, language);
  }

  read(): void {
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'ident') {
        continue;
      }
      const previous = tokens[i - 1];
      if (previous && ((previous.kind === 'punct' && previous.text === '.') || (previous.kind === 'ident' && previous.text === 'new'))) {
        continue;
      }
      const parsed = this.reader.primary(i, 0);
      if (!parsed) {
        continue;
      }
      const { expr, next } = parsed;
      if (expr.kind === 'ref' && tokens[next]?.kind === 'punct' && tokens[next].text === '=' && expr.path.length >= 2) {
        // s.effect = iam.Effect.DENY, s.sid = '...'
        const target = this.byName.get(
          expr.path
            .slice(0, -1)
            .join('.')
            .replace(/^self\./, 'this.'),
        );
        const property = expr.path[expr.path.length - 1];
        const value = this.reader.expression(next + 1, 0).expr;
        if (target && property === 'effect') {
          target.effect = { key: expr.last, value };
        } else if (target && property === 'sid') {
          target.sid = { key: expr.last, value };
        }
      }
      this.visit(expr, i);
    }
  }

  /** Every call of the chain that starts at token i, outermost last (a.b(x).c(y): b then c). */
  private visit(expr: Expr, at: number): void {
    if (expr.kind !== 'call') {
      return;
    }
    if (expr.inner) {
      this.visit(expr.inner, -1);
    }
    this.handleCall(expr, at);
  }

  private statementOf(expr: Expr | undefined): StatementModel | undefined {
    if (!expr) {
      return undefined;
    }
    if (expr.kind === 'ref') {
      return this.byName.get(expr.path.join('.').replace(/^self\./, 'this.'));
    }
    if (expr.kind === 'call') {
      return this.statements.get(expr) ?? this.newStatement(expr);
    }
    return undefined;
  }

  /** A PolicyStatement call (or PolicyStatement.fromJson) as a statement model, made once per call. */
  private newStatement(call: CallExpr): StatementModel | undefined {
    const name = lastName(call);
    const isFromJson = (name === 'fromJson' || name === 'from_json') && call.path[call.path.length - 2] === 'PolicyStatement';
    if (name !== 'PolicyStatement' && !isFromJson) {
      return undefined;
    }
    const existing = this.statements.get(call);
    if (existing) {
      return existing;
    }
    const model: StatementModel = {
      call,
      name: call.name,
      lists: new Map(),
      principals: new Map(),
      conditions: undefined,
      partial: call.spread,
      spans: [],
      owned: false,
    };
    this.statements.set(call, model);
    if (isFromJson) {
      const json = call.args[0];
      if (json?.kind === 'object') {
        model.json = json;
      } else {
        model.partial = true;
      }
      return model;
    }
    let props: Prop[] = call.kwargs;
    const first = call.args[0];
    if (first?.kind === 'object') {
      props = [...first.props, ...props];
      model.partial ||= first.spread;
    } else if (first) {
      model.partial = true; // props in a variable
    }
    for (const prop of props) {
      const key = camel(prop.key);
      const iam = STATEMENT_PROPS[key];
      if (!iam) {
        continue;
      }
      if (iam === 'Effect') {
        model.effect = { key: prop.keyToken, value: prop.value };
      } else if (iam === 'Sid') {
        model.sid = { key: prop.keyToken, value: prop.value };
      } else if (iam === 'Condition') {
        this.addConditionSource(model, prop.keyToken, { object: prop.value });
      } else if (iam === 'Principal' || iam === 'NotPrincipal') {
        this.addPrincipals(model, iam, prop.keyToken, prop.value.kind === 'array' ? prop.value.items : [prop.value]);
      } else {
        this.addList(model, iam, prop.keyToken, [prop.value]);
      }
    }
    return model;
  }

  private addList(model: StatementModel, iam: string, key: CodeToken, items: Expr[]): void {
    const parts = model.lists.get(iam) ?? [];
    parts.push({ key, items });
    model.lists.set(iam, parts);
  }

  private addConditionSource(model: StatementModel, key: CodeToken, source: ConditionSource): void {
    model.conditions ??= { key, sources: [] };
    model.conditions.sources.push(source);
  }

  private addPrincipals(model: StatementModel, iam: 'Principal' | 'NotPrincipal', key: CodeToken, items: Expr[]): void {
    const entry = model.principals.get(iam) ?? { key, items: [] };
    model.principals.set(iam, entry);
    for (const item of items) {
      // CompositePrincipal(a, b): each of its principals
      if (item.kind === 'call' && lastName(item) === 'CompositePrincipal') {
        this.addPrincipals(model, iam, key, item.args);
        continue;
      }
      entry.items.push(item);
      if (item.kind === 'call') {
        const cls = lastName(item);
        const conditions =
          cls === 'FederatedPrincipal' || cls === 'WebIdentityPrincipal' || cls === 'OpenIdConnectPrincipal' ? item.args[1] : undefined;
        if (conditions?.kind === 'object') {
          this.addConditionSource(model, item.name, { object: conditions });
        }
        if (cls === 'OrganizationPrincipal' && item.args[0]) {
          // "AWS": "*" with the organization as a condition
          this.addConditionSource(model, item.name, {
            synthetic: { operator: 'StringEquals', key: 'aws:PrincipalOrgID', at: item.args[0] },
          });
        }
      }
    }
  }

  private handleCall(call: CallExpr, at: number): void {
    const name = camel(lastName(call));
    const owner = receiver(call);
    // a managed policy attached by name or ARN: which ones are AWS's is decided in analysis/managedPolicies.ts
    if (name === 'fromAwsManagedPolicyName' || name === 'fromManagedPolicyArn') {
      const arg = name === 'fromAwsManagedPolicyName' ? call.args[0] : call.args[2];
      const reference = arg?.kind === 'string' ? literalReference(arg.token, `CDK ManagedPolicy.${name}`) : undefined;
      if (reference) {
        this.managedPolicies.push(reference);
      }
      return;
    }
    // a statement built here
    if (
      lastName(call) === 'PolicyStatement' ||
      ((name === 'fromJson' || lastName(call) === 'from_json') && call.path.includes('PolicyStatement'))
    ) {
      const model = this.statementOf(call);
      const bound = assignedName(this.tokens, at);
      if (model && bound) {
        this.byName.set(bound, model);
      }
      return;
    }
    // a statement completed by calls on its variable
    const target = owner ? this.byName.get(owner.replace(/^self\./, 'this.')) : undefined;
    if (target && /^add/.test(name)) {
      this.statementMethod(target, name, call);
      return;
    }
    // documents
    if (lastName(call) === 'PolicyDocument' || lastName(call) === 'Policy' || lastName(call) === 'ManagedPolicy') {
      const props = call.args.find((a) => a.kind === 'object');
      const all = [...(props?.kind === 'object' ? props.props : []), ...call.kwargs];
      const statementsProp = all.find((p) => p.key === 'statements');
      const document = lastName(call);
      if (statementsProp?.value.kind === 'array') {
        const statements = statementsProp.value.items.map((e) => this.statementOf(e)).filter((s): s is StatementModel => !!s);
        statements.forEach((s) => (s.owned = true));
        if (statements.length > 0) {
          this.policies.push({
            kind: 'statements',
            span: call,
            name: call.name,
            description: `CDK ${document}`,
            statements,
            ...(document === 'PolicyDocument' ? {} : { type: 'identity' as const }),
          });
        }
      }
      // a role's trust policy
      if (document === 'Policy' || document === 'ManagedPolicy') {
        return;
      }
    }
    if ((name === 'fromJson' || lastName(call) === 'from_json') && call.path[call.path.length - 2] === 'PolicyDocument') {
      const json = call.args[0];
      if (json?.kind === 'object') {
        this.policies.push({ kind: 'json', span: call, name: call.name, description: 'CDK PolicyDocument.fromJson', statements: [], json });
      }
      return;
    }
    if (lastName(call) === 'Role') {
      const props = call.args.find((a) => a.kind === 'object');
      const all = [...(props?.kind === 'object' ? props.props : []), ...call.kwargs];
      const assumedBy = all.find((p) => p.key === 'assumedBy' || p.key === 'assumed_by');
      if (assumedBy) {
        this.trustPolicy(assumedBy);
      }
      return;
    }
    // where a statement goes decides its policy type
    const kind = ADD_TO_TYPES.get(name);
    if (kind) {
      const statement = this.statementOf(call.args[0]);
      if (statement) {
        statement.type ??= kind;
      }
    }
    if (name === 'addStatements') {
      // doc.addStatements(s): the statement joins that document when the document is one we read
      for (const arg of call.args) {
        this.statementOf(arg);
      }
    }
  }

  private statementMethod(model: StatementModel, name: string, call: CallExpr): void {
    model.spans.push(call);
    const list = ADD_LIST_METHODS[name];
    if (list) {
      this.addList(model, list, call.name, call.args);
      return;
    }
    switch (name) {
      case 'addAllResources':
        this.addList(model, 'Resource', call.name, [
          { kind: 'string', token: { ...call.name, kind: 'string', value: '*' }, start: call.name.offset, end: call.name.end },
        ]);
        return;
      case 'addPrincipals':
        this.addPrincipals(model, 'Principal', call.name, call.args);
        return;
      case 'addNotPrincipals':
        this.addPrincipals(model, 'NotPrincipal', call.name, call.args);
        return;
      case 'addAnyPrincipal':
        this.addPrincipals(model, 'Principal', call.name, [{ ...call, path: ['AnyPrincipal'] }]);
        return;
      case 'addServicePrincipal':
      case 'addArnPrincipal':
      case 'addAwsAccountPrincipal':
      case 'addCanonicalUserPrincipal':
      case 'addFederatedPrincipal': {
        const cls = {
          addServicePrincipal: 'ServicePrincipal',
          addArnPrincipal: 'ArnPrincipal',
          addAwsAccountPrincipal: 'AccountPrincipal',
          addCanonicalUserPrincipal: 'CanonicalUserPrincipal',
          addFederatedPrincipal: 'FederatedPrincipal',
        }[name];
        this.addPrincipals(model, 'Principal', call.name, [{ ...call, path: [cls] }]);
        return;
      }
      case 'addCondition':
        this.addConditionSource(model, call.name, {
          ...(call.args[0] ? { operator: call.args[0] } : {}),
          ...(call.args[1] ? { value: call.args[1] } : {}),
        });
        return;
      case 'addConditions':
        if (call.args[0]) {
          this.addConditionSource(model, call.name, { object: call.args[0] });
        }
        return;
      default:
        // an add* the reader does not know (addSourceAccountCondition...): the statement has parts it cannot see
        model.partial = true;
    }
  }

  /** A role's `assumedBy`: the trust policy CDK writes (Allow, the principal, its assume action). */
  private trustPolicy(assumedBy: Prop): void {
    const principal = assumedBy.value;
    const model: StatementModel = {
      call: { start: assumedBy.keyToken.offset, end: principal.end },
      name: assumedBy.keyToken,
      lists: new Map(),
      principals: new Map(),
      conditions: undefined,
      partial: false,
      spans: [],
      owned: true,
    };
    this.addPrincipals(model, 'Principal', assumedBy.keyToken, [principal]);
    const classes = (model.principals.get('Principal')?.items ?? []).map((p) => (p.kind === 'call' ? lastName(p) : ''));
    const fromCall = principal.kind === 'call' && lastName(principal) === 'FederatedPrincipal' ? principal.args[2] : undefined;
    const action = fromCall ?? {
      kind: 'string' as const,
      token: { ...assumedBy.keyToken, kind: 'string' as const, value: ASSUME_ACTIONS[classes[0] ?? ''] ?? 'sts:AssumeRole' },
      start: assumedBy.keyToken.offset,
      end: assumedBy.keyToken.end,
    };
    this.addList(model, 'Action', assumedBy.keyToken, [action]);
    this.policies.push({
      kind: 'trust',
      span: model.call,
      name: assumedBy.keyToken,
      description: 'CDK Role assumedBy',
      statements: [model],
      type: 'trust',
    });
  }
}

// ---------------------------------------------------------------------------------------------
// the JSON tree

class NodeBuilder {
  readonly dynamic = new Map<JsonNode, string>();

  node(type: JsonNode['type'], at: Span, parent: JsonNode | undefined, value?: unknown): JsonNode {
    return {
      type,
      offset: at.start,
      length: Math.max(0, at.end - at.start),
      parent,
      value,
      ...(type === 'object' || type === 'array' || type === 'property' ? { children: [] } : {}),
    } as JsonNode;
  }

  property(object: JsonNode, key: string, keyAt: Span, build: (property: JsonNode) => JsonNode): JsonNode {
    const property = this.node('property', keyAt, object);
    property.children!.push(this.node('string', keyAt, property, key));
    const value = build(property);
    property.children!.push(value);
    const end = Math.max(keyAt.end, value.offset + value.length);
    const start = Math.min(keyAt.start, value.offset);
    (property as { offset: number }).offset = start;
    (property as { length: number }).length = end - start;
    object.children!.push(property);
    return value;
  }

  computed(expr: Span, parent: JsonNode | undefined, text: string): JsonNode {
    const out = this.node('string', expr, parent, text.slice(expr.start, expr.end));
    this.dynamic.set(out, 'CDK expression');
    return out;
  }

  /** A value as JSON: literals as themselves, arrays and objects recursively, anything else computed. */
  value(expr: Expr, parent: JsonNode | undefined, text: string): JsonNode {
    switch (expr.kind) {
      case 'string': {
        const out = this.node('string', expr, parent, expr.token.dynamic ? expr.token.text : (expr.token.value ?? ''));
        if (expr.token.dynamic) {
          this.dynamic.set(out, 'CDK expression');
        }
        return out;
      }
      case 'number':
        return this.node('number', expr, parent, expr.value);
      case 'bool':
        return this.node('boolean', expr, parent, expr.value);
      case 'null':
        return this.node('null', expr, parent, null);
      case 'array': {
        const out = this.node('array', expr, parent);
        for (const item of expr.items) {
          out.children!.push(this.value(item, out, text));
        }
        return out;
      }
      case 'object': {
        const out = this.node('object', expr, parent);
        for (const prop of expr.props) {
          this.property(out, prop.key, { start: prop.keyToken.offset, end: prop.keyToken.end }, (p) => this.value(prop.value, p, text));
        }
        return out;
      }
      default:
        return this.computed(expr, parent, text);
    }
  }

  /** Items from several places (a props list and addActions calls) as one array spanning them. */
  list(items: Expr[], parent: JsonNode, text: string): JsonNode {
    if (items.length === 1 && items[0].kind !== 'array') {
      return this.value(items[0], parent, text);
    }
    const flat = items.flatMap((e) => (e.kind === 'array' ? e.items : [e]));
    const start = Math.min(...items.map((e) => e.start));
    const end = Math.max(...items.map((e) => e.end));
    const out = this.node('array', { start, end }, parent);
    for (const item of flat) {
      out.children!.push(this.value(item, out, text));
    }
    return out;
  }
}

function span(token: CodeToken): Span {
  return { start: token.offset, end: token.end };
}

function principalEntry(expr: Expr): { key: string; value: Expr | '*' | undefined } {
  if (expr.kind === 'call') {
    const cls = expr.path[0] === 'AnyPrincipal' ? 'AnyPrincipal' : lastName(expr);
    if (cls === 'AnyPrincipal' || cls === 'StarPrincipal' || cls === 'OrganizationPrincipal') {
      return { key: 'AWS', value: '*' };
    }
    const key = PRINCIPAL_CLASSES[cls];
    if (key) {
      return { key, value: expr.args[0] };
    }
  }
  return { key: 'AWS', value: undefined };
}

function buildStatement(model: StatementModel, parent: JsonNode, b: NodeBuilder, text: string): JsonNode {
  if (model.json) {
    return b.value(model.json, parent, text);
  }
  const s = b.node('object', model.call, parent);
  if (model.sid) {
    const sid = model.sid;
    b.property(s, 'Sid', span(sid.key), (p) => b.value(sid.value, p, text));
  }
  const effect = model.effect;
  if (effect) {
    b.property(s, 'Effect', span(effect.key), (p) => {
      const v = effect.value;
      if (v.kind === 'ref' && /^(ALLOW|DENY)$/.test(v.path[v.path.length - 1]) && v.path[v.path.length - 2] === 'Effect') {
        const word = v.path[v.path.length - 1] === 'ALLOW' ? 'Allow' : 'Deny';
        return b.node('string', span(v.last), p, word);
      }
      return b.value(v, p, text);
    });
  } else {
    // CDK's default effect
    b.property(s, 'Effect', span(model.name), (p) => b.node('string', span(model.name), p, 'Allow'));
  }
  for (const iam of ['Principal', 'NotPrincipal'] as const) {
    const entry = model.principals.get(iam);
    if (!entry) {
      continue;
    }
    b.property(s, iam, span(entry.key), (p) => {
      const start = Math.min(entry.key.offset, ...entry.items.map((e) => e.start));
      const end = Math.max(entry.key.end, ...entry.items.map((e) => e.end));
      const object = b.node('object', { start, end }, p);
      const byKey = new Map<string, { at: Expr; values: JsonNode[] }>();
      for (const item of entry.items) {
        const { key, value } = principalEntry(item);
        let group = byKey.get(key);
        if (!group) {
          group = { at: item, values: [] };
          byKey.set(key, group);
        }
        if (value === '*') {
          group.values.push(b.node('string', item, undefined, '*'));
        } else if (value) {
          group.values.push(b.value(value, undefined, text));
        } else {
          group.values.push(b.computed(item, undefined, text));
        }
      }
      for (const [key, group] of byKey) {
        // the key sits on the class name (ServicePrincipal), never on the literal: the literal is the value
        const keyAt = group.at.kind === 'call' ? span(group.at.name) : { start: group.at.start, end: group.at.start };
        b.property(object, key, keyAt, (kp) => {
          if (group.values.length === 1) {
            (group.values[0] as { parent?: JsonNode }).parent = kp;
            return group.values[0];
          }
          const startAt = Math.min(...group.values.map((v) => v.offset));
          const endAt = Math.max(...group.values.map((v) => v.offset + v.length));
          const array = b.node('array', { start: startAt, end: endAt }, kp);
          for (const v of group.values) {
            (v as { parent?: JsonNode }).parent = array;
            array.children!.push(v);
          }
          return array;
        });
      }
      return object;
    });
  }
  for (const iam of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    const parts = model.lists.get(iam);
    if (!parts) {
      continue;
    }
    b.property(s, iam, span(parts[0].key), (p) =>
      b.list(
        parts.flatMap((part) => (part.items.length === 1 && part.items[0].kind === 'array' ? [part.items[0]] : part.items)),
        p,
        text,
      ),
    );
  }
  if (model.conditions) {
    const conditions = model.conditions;
    b.property(s, 'Condition', span(conditions.key), (p) => {
      const starts = conditions.sources.map((c) => (c.object ?? c.operator ?? c.synthetic?.at)!).filter(Boolean);
      const start = Math.min(conditions.key.offset, ...starts.map((e) => e.start));
      const end = Math.max(
        conditions.key.end,
        ...conditions.sources.map((c) => (c.value ?? c.object ?? c.synthetic?.at ?? c.operator)?.end ?? 0),
      );
      const object = b.node('object', { start, end }, p);
      const clauses = new Map<string, JsonNode>();
      const clause = (operator: string, at: Span, valueAt: Span): JsonNode => {
        let found = clauses.get(operator);
        if (!found) {
          found = b.property(object, operator, at, (cp) => b.node('object', valueAt, cp));
          clauses.set(operator, found);
        } else {
          (found as { offset: number }).offset = Math.min(found.offset, valueAt.start);
          (found as { length: number }).length = Math.max(found.offset + found.length, valueAt.end) - found.offset;
        }
        return found;
      };
      const addEntries = (target: JsonNode, entries: Expr) => {
        if (entries.kind !== 'object') {
          return;
        }
        for (const prop of entries.props) {
          b.property(target, prop.key, span(prop.keyToken), (kp) => b.value(prop.value, kp, text));
        }
      };
      for (const source of conditions.sources) {
        if (source.object?.kind === 'object') {
          for (const prop of source.object.props) {
            addEntries(clause(prop.key, span(prop.keyToken), prop.value), prop.value);
          }
        } else if (source.operator?.kind === 'string' && !source.operator.token.dynamic && source.value) {
          addEntries(clause(source.operator.token.value ?? '', source.operator, source.value), source.value);
        } else if (source.synthetic) {
          const { operator, key, at } = source.synthetic;
          const target = clause(operator, at, at);
          b.property(target, key, at, (kp) => b.value(at, kp, text));
        }
      }
      return object;
    });
  }
  if (model.partial) {
    // parts the reader cannot see: what is missing may be there
    for (const iam of ['Action', 'Resource']) {
      if (!model.lists.has(iam) && !model.lists.has(`Not${iam}`) && !(iam === 'Resource' && model.principals.size > 0)) {
        b.property(s, iam, span(model.name), (p) => b.computed(span(model.name), p, text));
      }
    }
  }
  return s;
}

export interface CdkExtraction {
  tree: JsonTree;
  policies: EmbeddedPolicy[];
  managedPolicies?: ManagedPolicyReference[];
}

/**
 * A string literal as a managed-policy reference: only a closed literal written without escapes or
 * interpolation, so that the value's characters are exactly the host text inside the quotes.
 */
function literalReference(token: CodeToken, description: string): ManagedPolicyReference | undefined {
  const value = token.value;
  if (value === undefined || token.dynamic || !token.closed || !token.quote) {
    return undefined;
  }
  const start = token.text.indexOf(token.quote) + token.quote.length;
  if (token.text.slice(start, token.text.length - token.quote.length) !== value) {
    return undefined;
  }
  return { value, offset: token.offset + start, length: value.length, description };
}

/** Every policy of a CDK file (TypeScript/JavaScript or Python). */
export function extractCdk(text: string, language: CodeLanguage): CdkExtraction {
  const tokens = tokenize(text, language);
  const reader = new CdkReader(tokens, language);
  reader.read();
  // statements not put in a document: a policy each
  const standalone: PolicyModel[] = [];
  for (const model of new Set(reader.statements.values())) {
    if (!model.owned) {
      standalone.push({
        kind: 'statements',
        span: model.call,
        name: model.name,
        description: 'CDK PolicyStatement',
        statements: [model],
        ...(model.type ? { type: model.type } : {}),
      });
    }
  }
  const all = [...reader.policies, ...standalone].sort((a, b) => a.span.start - b.span.start);
  const b = new NodeBuilder();
  const root = b.node('object', { start: 0, end: text.length }, undefined);
  const found: { node: JsonNode; key: string; policy: PolicyModel; spans: Span[] }[] = [];
  // 1-based line of an offset, by binary search over the line starts
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
  }
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  };
  for (const policy of all) {
    const key = `${policy.description.replace(/^CDK /, '')}@${lineOf(policy.span.start)}:${policy.span.start}`;
    const property = b.node('property', policy.span, root);
    property.children!.push(b.node('string', { start: policy.span.start, end: policy.span.start }, property, key));
    let node: JsonNode;
    if (policy.kind === 'json' && policy.json) {
      node = b.value(policy.json, property, text);
    } else {
      node = b.node('object', policy.span, property);
      b.property(node, 'Version', span(policy.name), (p) => b.node('string', span(policy.name), p, '2012-10-17'));
      b.property(node, 'Statement', span(policy.name), (p) => {
        const list = b.node('array', policy.span, p);
        for (const statement of policy.statements) {
          list.children!.push(buildStatement(statement, list, b, text));
        }
        return list;
      });
    }
    property.children!.push(node);
    root.children!.push(property);
    const spans = [policy.span, ...policy.statements.flatMap((s) => s.spans)];
    found.push({ node, key, policy, spans });
  }
  const jsonTree: JsonTree = { text, root, errors: [], comments: [], trailingCommas: [], hasBom: text.charCodeAt(0) === 0xfeff };
  const dynamicValue = (node: JsonNode) => b.dynamic.get(node);
  const policies: EmbeddedPolicy[] = found.map(({ node, key, policy, spans }) => {
    const container: PolicyContainer = { kind: 'cdk', description: policy.description };
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    return {
      policy: parsePolicy(jsonTree, {
        root: node,
        basePath: [key],
        ...(policy.type ? { policyType: { type: policy.type, source: 'container' as const } } : {}),
        container,
        dynamicValue,
      }),
      basePath: [key],
      offset: start,
      length: end - start,
      ...(spans.length > 1 ? { spans: spans.map((s) => ({ offset: s.start, length: s.end - s.start })) } : {}),
    };
  });
  return { tree: jsonTree, policies, ...(reader.managedPolicies.length > 0 ? { managedPolicies: reader.managedPolicies } : {}) };
}
