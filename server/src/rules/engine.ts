/** Runs the rules over one policy (or a file's managed-policy references). A rule that throws is reported as an error, never fatal. */
import type { IamCatalog } from '../catalog/catalog';
import { PolicyFacts } from '../analysis/facts';
import type { PolicyDocument } from '../policy/model';
import { formatMessage, type Finding, type FindingInput, type Rule } from './ruleApi';
import { resolveReferences } from '../analysis/managedPolicies';
import type { ManagedPolicyReference } from '../policy/policyFile';
import { ALL_RULES } from './index';

export interface RunResult {
  findings: Finding[];
  /** rules that threw: the caller logs them */
  failures: { ruleId: string; error: unknown }[];
  /** set when the time budget ran out: how many rules ran of how many */
  incomplete?: { ran: number; total: number; budgetMs: number };
}

export interface RunOptions {
  rules?: readonly Rule[];
  now?: Date;
  /** rule ids to skip (severity "off", suppressed) */
  skip?: ReadonlySet<string>;
}

export function runRules(policy: PolicyDocument, catalog: IamCatalog, options: RunOptions = {}): RunResult {
  const run = new RuleRun(policy, catalog, options);
  for (const rule of run.rules) {
    run.runOne(rule);
  }
  return run.result;
}

/** The rules that check managed-policy references, over the references of one file. */
export function runReferenceRules(
  references: readonly ManagedPolicyReference[] | undefined,
  text: string,
  catalog: IamCatalog,
  options: RunOptions = {},
): RunResult {
  const result: RunResult = { findings: [], failures: [] };
  const rules = (options.rules ?? ALL_RULES).filter((r) => r.checkReferences && !options.skip?.has(r.id));
  if (!references?.length || rules.length === 0) {
    return result;
  }
  let resolved;
  try {
    resolved = resolveReferences(references, catalog, text);
  } catch (error) {
    // the managed-policy index could not be read: every reference rule fails closed
    result.failures.push(...rules.map((rule) => ({ ruleId: rule.id, error })));
    return result;
  }
  if (resolved.length === 0) {
    return result;
  }
  for (const rule of rules) {
    const report = reporter(rule, result.findings);
    try {
      rule.checkReferences!({ references: resolved, catalog, now: options.now ?? new Date(), report });
    } catch (error) {
      result.failures.push({ ruleId: rule.id, error });
    }
  }
  return result;
}

function reporter(rule: Rule, findings: Finding[]): (input: FindingInput) => void {
  return (input) => {
    const template = rule.meta.messages[input.messageId];
    if (template === undefined) {
      throw new Error(`rule ${rule.id} reported unknown message id ${input.messageId}`);
    }
    findings.push({
      ...input,
      ruleId: rule.id,
      message: formatMessage(template, input.data),
      severity: input.severity ?? rule.meta.defaultSeverity,
      security: input.security ?? !!rule.meta.security,
    });
  };
}

export interface AsyncRunOptions extends RunOptions {
  /** lets other work run (the server answers completion and hover between rules) */
  pause: () => Promise<void>;
  /** stops early, for example when the text changed */
  isCancelled?: () => boolean;
  /** pause after this many milliseconds of work */
  sliceMs?: number;
  /** stop after this many milliseconds of work (the result says it is incomplete) */
  budgetMs?: number;
}

/** Like runRules, but hands control back regularly, so a large document never blocks the server. */
export async function runRulesAsync(policy: PolicyDocument, catalog: IamCatalog, options: AsyncRunOptions): Promise<RunResult | undefined> {
  const run = new RuleRun(policy, catalog, options);
  const slice = options.sliceMs ?? 10;
  let started = Date.now();
  // work time only: the pauses (other requests being answered) do not count against the budget
  let worked = 0;
  let ran = 0;
  for (const rule of run.rules) {
    if (options.budgetMs !== undefined && worked + (Date.now() - started) > options.budgetMs) {
      run.result.incomplete = { ran, total: run.rules.length, budgetMs: options.budgetMs };
      break;
    }
    if (Date.now() - started > slice) {
      worked += Date.now() - started;
      await options.pause();
      if (options.isCancelled?.()) {
        return undefined;
      }
      started = Date.now();
    }
    run.runOne(rule);
    ran++;
  }
  return run.result;
}

class RuleRun {
  readonly facts: PolicyFacts;
  readonly result: RunResult = { findings: [], failures: [] };
  readonly rules: Rule[];

  constructor(
    private readonly policy: PolicyDocument,
    private readonly catalog: IamCatalog,
    options: RunOptions,
  ) {
    this.facts = new PolicyFacts(policy, catalog, options.now ?? new Date());
    this.rules = (options.rules ?? ALL_RULES).filter(
      (rule) => !options.skip?.has(rule.id) && (!rule.meta.policyTypes || rule.meta.policyTypes.includes(policy.policyType)),
    );
  }

  runOne(rule: Rule): void {
    const { findings, failures } = this.result;
    const { policy, catalog, facts } = this;
    const report = reporter(rule, findings);
    try {
      rule.check({ policy, catalog, facts, report });
    } catch (error) {
      failures.push({ ruleId: rule.id, error });
    }
  }
}
