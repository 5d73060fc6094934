/**
 * A document as the features see it: its text, its JSON tree and the policies in it (one for a
 * policy file; any number for templates that embed policies). Pure and cheap to rebuild.
 */
import { ReadBudgetExceeded } from '../syntax/budget';
import { parseJson, type JsonTree } from '../syntax/parseJson';
import type { JsonPath } from '../syntax/jsonPath';
import { looksLikePolicy } from './detect';
import type { PolicyContainer, PolicyDocument, PolicyType, PolicyTypeSource } from './model';
import { parsePolicy } from './parsePolicy';

export interface EmbeddedPolicy {
  policy: PolicyDocument;
  /** path of the policy object inside the document's tree */
  basePath: JsonPath;
  /** text span of the policy object, for "which policy is under the cursor" */
  offset: number;
  length: number;
  /** the pieces of code that build it when they are apart (a CDK statement and its addActions calls): the cursor must be in one */
  spans?: { offset: number; length: number }[];
}

/**
 * A policy attached by ARN or name where infrastructure code attaches managed policies
 * (`ManagedPolicyArns`, `policy_arn`, SAM `Policies`, Serverless `managedPolicies`, CDK
 * `fromAwsManagedPolicyName`). Host readers report every literal they find; which ones name AWS
 * managed policies is decided above (analysis/managedPolicies.ts).
 */
export interface ManagedPolicyReference {
  /** the value, decoded: an ARN (the partition may be an interpolation such as `${AWS::Partition}`) or a bare name */
  value: string;
  /** host-text span of the value's characters (inside the quotes); the policy name is the value's end */
  offset: number;
  length: number;
  /** what attaches it, e.g. `AWS::IAM::Role AppRole ManagedPolicyArns` */
  description: string;
}

/**
 * A policy read from another file of the workspace: Terraform `file("${path.module}/policy.json")` or
 * `templatefile("trust.json.tpl", {...})` in a policy argument. The host layer reads the file; its
 * findings are reported at the call.
 */
export interface PolicyFileReference {
  /** the path as Terraform resolves it, relative to the referring file's directory (`path.module` etc. resolved) */
  path: string;
  /** `templatefile()`: `${…}` and `%{…}` in the file are values Terraform computes */
  template: boolean;
  /** host-text span of the call */
  offset: number;
  length: number;
  /** the type the argument implies, and what holds it */
  type?: PolicyType;
  container: PolicyContainer;
}

export interface PolicyFile {
  languageId: string;
  text: string;
  tree: JsonTree;
  /** the document is an IAM policy (or holds some): features only run then */
  isPolicy: boolean;
  policies: EmbeddedPolicy[];
  /** managed policies attached by ARN or name (infrastructure code only) */
  managedPolicies?: ManagedPolicyReference[];
  /** policies in other files, read where they are used (Terraform `file()` / `templatefile()`) */
  fileReferences?: PolicyFileReference[];
  /**
   * Set when the analysis itself failed (a bug, or input beyond what a parser copes with): the
   * document gets a visible error instead of looking clean. Never set for ordinary bad input.
   */
  failure?: string;
  /**
   * Set when reading the document (parse and model) ran out of its time budget: the document is
   * reported as too large to check fully, never as clean.
   */
  tooLarge?: { budgetMs: number };
}

export interface AnalyzeOptions {
  languageId: string;
  /** the file matches one of the `iamPolicy.files` globs */
  matchesPolicyGlob: boolean;
  /** type from settings or globs; undefined to infer */
  explicitType?: { type: PolicyType; source: PolicyTypeSource };
  /** extractors for templates that embed policies (CloudFormation, Terraform), by language id */
  embedded?: EmbeddedExtractor;
}

/** Finds policies inside a template; returns undefined when the document is not such a template. */
export type EmbeddedExtractor = (
  text: string,
  languageId: string,
) =>
  | { tree: JsonTree; policies: EmbeddedPolicy[]; managedPolicies?: ManagedPolicyReference[]; fileReferences?: PolicyFileReference[] }
  | undefined;

/**
 * Analyses a document and never throws: if anything inside fails, the result carries `failure`
 * (and counts as a policy when it might hold one), so every caller fails closed.
 */
export function analyzeFile(text: string, options: AnalyzeOptions): PolicyFile {
  try {
    return analyze(text, options);
  } catch (err) {
    const mightHoldPolicy = options.matchesPolicyGlob || /Statement|PolicyDocument|aws_iam/.test(text);
    if (err instanceof ReadBudgetExceeded) {
      return tooLargeFile(text, options, err.budgetMs);
    }
    const message = err instanceof Error ? err.message : String(err);
    return { languageId: options.languageId, text, tree: parseJson(''), isPolicy: mightHoldPolicy, policies: [], failure: message };
  }
}

/** A document not read because it is too large to read within the budget (it shows one "too large" finding). */
export function tooLargeFile(
  text: string,
  options: Pick<AnalyzeOptions, 'languageId' | 'matchesPolicyGlob'>,
  budgetMs: number,
): PolicyFile {
  // a huge document that names no policy part is not claimed (a big package-lock.json stays quiet)
  const mightHoldPolicy = options.matchesPolicyGlob || /"Statement"|Statement:|PolicyDocument|aws_iam|policy\s*=/.test(text);
  return { languageId: options.languageId, text, tree: parseJson(''), isPolicy: mightHoldPolicy, policies: [], tooLarge: { budgetMs } };
}

function analyze(text: string, options: AnalyzeOptions): PolicyFile {
  const { languageId } = options;
  if (options.embedded && languageId !== 'json' && languageId !== 'jsonc') {
    const found = options.embedded(text, languageId);
    if (found) {
      const managedPolicies = found.managedPolicies ?? [];
      const fileReferences = found.fileReferences ?? [];
      return {
        languageId,
        text,
        tree: found.tree,
        isPolicy: found.policies.length > 0 || managedPolicies.length > 0 || fileReferences.length > 0,
        policies: found.policies,
        ...(managedPolicies.length > 0 ? { managedPolicies } : {}),
        ...(fileReferences.length > 0 ? { fileReferences } : {}),
      };
    }
    return { languageId, text, tree: parseJson(''), isPolicy: false, policies: [] };
  }
  const tree = parseJson(text);
  const isPolicy = options.matchesPolicyGlob || looksLikePolicy(tree);
  if (!isPolicy) {
    // a CloudFormation template in JSON embeds policies too
    const found = options.embedded?.(text, languageId);
    if (found && (found.policies.length > 0 || (found.managedPolicies?.length ?? 0) > 0)) {
      return {
        languageId,
        text,
        tree: found.tree,
        isPolicy: true,
        policies: found.policies,
        ...(found.managedPolicies?.length ? { managedPolicies: found.managedPolicies } : {}),
      };
    }
    return { languageId, text, tree, isPolicy: false, policies: [] };
  }
  const parseOptions: Parameters<typeof parsePolicy>[1] = { container: { kind: languageId === 'jsonc' ? 'jsonc' : 'json' } };
  if (options.explicitType) {
    parseOptions.policyType = options.explicitType;
  }
  const policy = parsePolicy(tree, parseOptions);
  return { languageId, text, tree, isPolicy: true, policies: [{ policy, basePath: [], offset: 0, length: text.length }] };
}

/** The policy whose object contains the offset (the innermost, for nested templates). */
export function policyAt(file: PolicyFile, offset: number): EmbeddedPolicy | undefined {
  let best: EmbeddedPolicy | undefined;
  for (const p of file.policies) {
    const inside = (s: { offset: number; length: number }) => offset >= s.offset && offset <= s.offset + s.length;
    if (inside(p) && (!p.spans || p.spans.some(inside)) && (!best || p.length < best.length)) {
      best = p;
    }
  }
  return best;
}
