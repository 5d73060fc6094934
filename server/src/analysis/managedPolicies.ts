/**
 * Managed-policy references (policy/policyFile.ts `ManagedPolicyReference`) resolved against the AWS
 * managed policies the catalog ships: which policy a reference names, where its name lies in the
 * host text (for a range and a quick-fix), and the policy's latest document as a policy model.
 */
import type { IamCatalog } from '../catalog/catalog';
import { parseManagedPolicyArn, type ManagedPolicies, type ManagedPolicyInfo } from '../catalog/managedPolicies';
import type { PolicyDocument } from '../policy/model';
import { parsePolicy } from '../policy/parsePolicy';
import type { ManagedPolicyReference } from '../policy/policyFile';
import { parseJson } from '../syntax/parseJson';

export interface ResolvedReference {
  reference: ManagedPolicyReference;
  /** the policy, when the reference names one that exists (path and name) */
  policy?: ManagedPolicyInfo;
  /** what the reference names: `service-role/AWSLambdaBasicExecutionRole` for an ARN, the name for a bare name */
  written: string;
  /** host span of `written` (the whole reference when the host text does not end with it, e.g. escapes) */
  offset: number;
  length: number;
  /** for an unknown one: the nearest existing policy, and the text that replaces `written` */
  suggestion?: { policy: ManagedPolicyInfo; text: string };
}

/** A name SAM or CDK take as an AWS managed policy: letters, digits and `+=,.@_-`, nothing computed. */
const BARE_NAME = /^[\w+=,.@-]+$/;

/**
 * The AWS managed policy a reference names, or undefined when it names none (a customer managed
 * policy's ARN, a computed value) or when no managed policies are shipped.
 */
export function resolveReference(reference: ManagedPolicyReference, managed: ManagedPolicies, text: string): ResolvedReference | undefined {
  const value = reference.value.trim();
  let written: string;
  let policy: ManagedPolicyInfo | undefined;
  let suggestion: ResolvedReference['suggestion'];
  const arn = parseManagedPolicyArn(value);
  if (arn) {
    if (!arn.name || !BARE_NAME.test(arn.name) || /[${}]/.test(arn.path)) {
      return undefined;
    }
    written = `${arn.path.slice(1)}${arn.name}`;
    const found = managed.get(arn.name);
    if (found && found.path === arn.path) {
      policy = found;
    } else {
      const near = found ?? managed.suggest(arn.name);
      suggestion = near && { policy: near, text: `${near.path.slice(1)}${near.name}` };
    }
  } else if (BARE_NAME.test(value) && !value.startsWith('arn')) {
    written = value;
    policy = managed.get(value);
    if (!policy) {
      const near = managed.suggest(value);
      suggestion = near && { policy: near, text: near.name };
    }
  } else {
    return undefined;
  }
  const raw = text.slice(reference.offset, reference.offset + reference.length);
  const end = raw.trimEnd().length;
  const inHost = raw.slice(0, end).endsWith(written);
  return {
    reference,
    written,
    offset: inHost ? reference.offset + end - written.length : reference.offset,
    length: inHost ? written.length : reference.length,
    ...(policy ? { policy } : {}),
    ...(suggestion && (inHost || !policy) ? { suggestion } : {}),
  };
}

/** Every reference of a file that names an AWS managed policy (known or not), in order. */
export function resolveReferences(
  references: readonly ManagedPolicyReference[] | undefined,
  catalog: IamCatalog,
  text: string,
): ResolvedReference[] {
  const managed = references?.length ? catalog.managedPolicies() : undefined;
  if (!managed || !references) {
    return [];
  }
  return references.flatMap((r) => resolveReference(r, managed, text) ?? []);
}

const documents = new WeakMap<ManagedPolicies, Map<string, PolicyDocument>>();

/** The policy's latest document as an identity policy model (parsed once per process). */
export function managedPolicyDocument(managed: ManagedPolicies, name: string): PolicyDocument | undefined {
  let cache = documents.get(managed);
  if (!cache) {
    cache = new Map();
    documents.set(managed, cache);
  }
  let policy = cache.get(name);
  if (!policy) {
    const json = managed.documentText(name);
    if (json === undefined) {
      return undefined;
    }
    policy = parsePolicy(parseJson(json), {
      policyType: { type: 'identity', source: 'container' },
      container: { kind: 'json' },
    });
    cache.set(name, policy);
  }
  return policy;
}
