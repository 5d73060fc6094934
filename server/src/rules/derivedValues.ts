/**
 * Values a fix derives from the document instead of inventing them: ARNs built from the catalog's
 * templates with the names, account ids and Regions the file already uses (a bucket from its object
 * ARN and back, a log stream under its log group), role ARNs, and the service a role is passed to.
 * What stays unknown becomes a `<Name>` placeholder, a tab stop in clients with snippets, which
 * invalid-arn reports as one "fill in" finding.
 */
import type { IamCatalog, ResourceTypeInfo } from '../catalog/catalog';
import { parseArn } from '../catalog/arn';
import type { PolicyDocument } from '../policy/model';
import type { PolicyFile } from '../policy/policyFile';
import type { JsonNode } from '../syntax/parseJson';
import { SnippetValue, snippetEscape } from '../edits/textEdits';

/** A placeholder a fix left for the user to fill in: `<BucketName>`. */
export const PLACEHOLDER = /<[A-Za-z][A-Za-z0-9]*>/g;

/** The placeholders in a value, without their brackets. */
export function placeholdersIn(value: string): string[] {
  return [...value.matchAll(PLACEHOLDER)].map((m) => m[0].slice(1, -1));
}

/** Every string of the file's policies that is an ARN, in document order. */
export function fileArns(file: PolicyFile): string[] {
  const out: string[] = [];
  for (const { policy } of file.policies) {
    const stack: JsonNode[] = policy.root ? [policy.root] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'string' && typeof node.value === 'string' && node.value.startsWith('arn:')) {
        out.push(node.value);
      }
      for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) {
        stack.push(node.children![i]);
      }
    }
  }
  return out;
}

/** The values of a template's variables in an ARN of that type (undefined when it is not one). */
function extract(template: string, arn: string): Map<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\$\{[^}]+\})/)
    .map((part) => {
      const v = /^\$\{([^}]+)\}$/.exec(part);
      if (v) {
        names.push(v[1]);
        return '(.+?)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const m = new RegExp(`^${source}$`, 'i').exec(arn);
  if (!m) {
    return undefined;
  }
  return new Map(names.map((n, i) => [n, m[i + 1]]));
}

/**
 * Builds ARNs for resource types from what the document says. `preferred` ARNs (the statement's
 * own) are read first, then every ARN of the file. One deriver per fix: placeholders that share a
 * name share a tab stop.
 */
export class ArnDeriver {
  private readonly arns: string[];
  private readonly stops = new Map<string, number>();

  constructor(
    private readonly catalog: IamCatalog,
    file: PolicyFile,
    preferred: string[] = [],
  ) {
    this.arns = [...new Set([...preferred, ...fileArns(file)].map((a) => a.trim()).filter((a) => parseArn(a)))];
  }

  /** The value of a variable of a type's template, read from ARNs of the same service. */
  private named(type: ResourceTypeInfo, name: string): string | undefined {
    const service = type.arn.split(':')[2];
    for (const arn of this.arns) {
      if (parseArn(arn)?.service.toLowerCase() !== service) {
        continue;
      }
      for (const candidate of this.catalog.resourceTypesMatching(arn)) {
        const value = extract(candidate.arn, arn)?.get(name);
        if (value !== undefined && value !== '') {
          return value;
        }
      }
    }
    return undefined;
  }

  private field(type: ResourceTypeInfo, field: 'partition' | 'region' | 'account'): string | undefined {
    const service = type.arn.split(':')[2];
    const parsed = this.arns.map((a) => parseArn(a)!);
    const same = parsed.find((p) => p.service.toLowerCase() === service && p[field] !== '');
    if (same) {
      return same[field];
    }
    const concrete = { partition: /^aws[a-z-]*$/, region: /^[a-z]{2}(-[a-z]+)+-\d$/, account: /^\d{12}$/ }[field];
    return parsed.find((p) => concrete.test(p[field]))?.[field];
  }

  private placeholder(name: string): string {
    if (!this.stops.has(name)) {
      this.stops.set(name, this.stops.size + 1);
    }
    return `\${${this.stops.get(name)}:<${name}>}`;
  }

  /** The ARN of a resource type as snippet text (without quotes): known parts escaped, unknown ones placeholders. */
  snippetFor(type: ResourceTypeInfo): string {
    let parentKnown = false;
    let out = '';
    for (const part of type.arn.split(/(\$\{[^}]+\})/)) {
      const v = /^\$\{([^}]+)\}$/.exec(part);
      if (!v) {
        out += snippetEscape(part);
        continue;
      }
      const name = v[1];
      if (name === 'Partition') {
        out += snippetEscape(this.field(type, 'partition') ?? 'aws');
        continue;
      }
      if (name === 'Region' || name === 'Account') {
        const value = this.field(type, name === 'Region' ? 'region' : 'account');
        out += value ? snippetEscape(value) : this.placeholder(name);
        continue;
      }
      const value = this.named(type, name);
      if (value !== undefined) {
        parentKnown = true;
        out += snippetEscape(value);
      } else if (parentKnown) {
        // a child of a resource the file names: every one under it, as the user's ARN meant
        out += '*';
      } else {
        out += this.placeholder(name);
      }
    }
    return out;
  }

  /** The ARN of a resource type as a quoted JSON string value. */
  valueFor(type: ResourceTypeInfo): SnippetValue {
    return new SnippetValue(`"${this.snippetFor(type)}"`);
  }

  /** The ARNs of a type that the document names already (role ARNs for iam:PassRole, ...). */
  existing(type: ResourceTypeInfo): string[] {
    return this.arns.filter((a) => !/[*?]/.test(a) && this.catalog.resourceTypesMatching(a).includes(type) && extract(type.arn, a));
  }
}

/** The first account id (12 digits) the file's ARNs name. */
export function fileAccount(file: PolicyFile): string | undefined {
  return fileArns(file)
    .map((a) => parseArn(a)?.account ?? '')
    .find((a) => /^\d{12}$/.test(a));
}

/** The values the file's conditions give a key (case-insensitive), in document order. */
export function conditionValuesOf(file: PolicyFile, key: string): string[] {
  const out: string[] = [];
  for (const { policy } of file.policies) {
    for (const s of policy.statements) {
      for (const c of s.condition?.clauses ?? []) {
        for (const e of c.entries) {
          if (e.key.toLowerCase() === key.toLowerCase()) {
            out.push(...e.values.filter((v) => !v.dynamic && !/[*?]/.test(v.value)).map((v) => v.value));
          }
        }
      }
    }
  }
  return [...new Set(out)];
}

/** The service principal a role is passed to, by the service whose actions pass it. */
export const PASSED_TO_SERVICE: Readonly<Record<string, string>> = {
  lambda: 'lambda.amazonaws.com',
  ec2: 'ec2.amazonaws.com',
  ecs: 'ecs-tasks.amazonaws.com',
  glue: 'glue.amazonaws.com',
  sagemaker: 'sagemaker.amazonaws.com',
  states: 'states.amazonaws.com',
  cloudformation: 'cloudformation.amazonaws.com',
  codebuild: 'codebuild.amazonaws.com',
  codepipeline: 'codepipeline.amazonaws.com',
  elasticmapreduce: 'elasticmapreduce.amazonaws.com',
  events: 'events.amazonaws.com',
  scheduler: 'scheduler.amazonaws.com',
  pipes: 'pipes.amazonaws.com',
  apigateway: 'apigateway.amazonaws.com',
  iot: 'iot.amazonaws.com',
  firehose: 'firehose.amazonaws.com',
  datasync: 'datasync.amazonaws.com',
  backup: 'backup.amazonaws.com',
  rds: 'rds.amazonaws.com',
  redshift: 'redshift.amazonaws.com',
  eks: 'eks.amazonaws.com',
  ssm: 'ssm.amazonaws.com',
  dms: 'dms.amazonaws.com',
  batch: 'batch.amazonaws.com',
  appsync: 'appsync.amazonaws.com',
  bedrock: 'bedrock.amazonaws.com',
};

/**
 * The services a role may be passed to, from what the document says: the iam:PassedToService
 * values it already tests, else the services of the statement's actions, else of the policy's.
 */
export function passedToServices(policy: PolicyDocument, statementActions: string[]): string[] {
  const tested = policy.statements.flatMap((s) =>
    (s.condition?.clauses ?? []).flatMap((c) =>
      c.entries.filter((e) => e.key.toLowerCase() === 'iam:passedtoservice').flatMap((e) => e.values.map((v) => v.value)),
    ),
  );
  if (tested.length > 0) {
    return [...new Set(tested)];
  }
  const from = (actions: string[]) => [
    ...new Set(actions.map((a) => PASSED_TO_SERVICE[a.trim().split(':')[0].toLowerCase()]).filter((x): x is string => !!x)),
  ];
  const own = from(statementActions);
  if (own.length > 0) {
    return own;
  }
  return from(policy.statements.flatMap((s) => (s.action?.values ?? []).map((v) => v.value)));
}
