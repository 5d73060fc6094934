/**
 * Incremental diagnostics: the findings of statement-local rules are cached per statement (by its
 * text, index, the policy type and Version, the catalog data, the rules skipped and the minute), so
 * an edit re-checks only the statements it touched; the policy-wide rules run on every edit.
 * Findings are kept with spans relative to their statement and moved to where it is now.
 * The result (findings, in the order a full run gives) equals a full run's: a test checks it over
 * random edits, and another that every rule listed here is statement-local on real policies.
 */
import type { IamCatalog } from '../../catalog/catalog';
import type { EmbeddedPolicy } from '../../policy/policyFile';
import type { Statement } from '../../policy/model';
import { runRules, runRulesAsync, type RunResult } from '../../rules/engine';
import { ALL_RULES } from '../../rules/index';
import type { Finding, Rule } from '../../rules/ruleApi';

/**
 * Rules whose findings on a statement depend only on that statement (and on the policy type,
 * Version and catalog, which are part of the key): no blanket-Deny facts, no other statements, no
 * document-level elements.
 */
export const STATEMENT_LOCAL_RULES: ReadonlySet<string> = new Set([
  'account-root-trust',
  'bad-mfa-pattern',
  'condition-key-not-applicable',
  'condition-type-mismatch',
  'condition-value-format',
  'conflicting-elements',
  'deprecated-condition-key',
  'element-not-allowed',
  'empty-value',
  'forallvalues-with-allow',
  'if-exists-trap',
  'invalid-action-format',
  'invalid-arn',
  'invalid-effect',
  'invalid-principal',
  'invalid-sid',
  'missing-action',
  'missing-effect',
  'missing-principal',
  'missing-resource',
  'missing-set-operator',
  'oidc-trust-without-sub',
  'policy-variable',
  'private-ip-in-source-ip',
  'rcp-restrictions',
  'redundant-action',
  'resource-effectively-star',
  'resource-type-mismatch',
  'service-principal-without-source',
  'set-operator-on-single-valued-key',
  'unknown-condition-key',
  'unknown-condition-operator',
  'variable-requires-version',
  'whitespace-in-value',
  'wildcard-without-like',
]);

const LOCAL_RULES: readonly Rule[] = ALL_RULES.filter((r) => STATEMENT_LOCAL_RULES.has(r.id));
const WIDE_RULES: readonly Rule[] = ALL_RULES.filter((r) => !STATEMENT_LOCAL_RULES.has(r.id));
const RULE_ORDER = new Map(ALL_RULES.map((r, i) => [r.id, i]));

/** Where a finding's span is, from its own target: what the cache stores is relative to the statement. */
export type SpanOf = (finding: Finding) => { offset: number; length: number };

/** One document's cache (the server keeps one per open document). */
export class StatementFindingsCache {
  private entries = new Map<string, Finding[]>();
  /** statistics for tests and the bench: statements checked and reused by the last run */
  lastRun = { checked: 0, reused: 0 };

  /** Findings of the embedded policy, as a full run would give them, in the same order. */
  findings(
    embedded: EmbeddedPolicy,
    text: string,
    catalog: IamCatalog,
    options: RunContext,
    spanOf: SpanOf,
  ): { findings: Finding[]; failures: { ruleId: string; error: unknown }[] } {
    const run = this.begin(embedded, catalog, options);
    const wide = runRules(embedded.policy, catalog, { rules: WIDE_RULES, skip: options.skip, now: options.now });
    for (const s of embedded.policy.statements) {
      run.statement(s, text, spanOf);
    }
    return run.finish(wide.findings, wide.failures);
  }

  /** The same, handing control back between rules and statements; undefined when cancelled. */
  async findingsAsync(
    embedded: EmbeddedPolicy,
    text: string,
    catalog: IamCatalog,
    options: RunContext & { pause: () => Promise<void>; isCancelled: () => boolean; budgetMs?: number },
    spanOf: SpanOf,
  ): Promise<{ findings: Finding[]; failures: { ruleId: string; error: unknown }[]; incomplete?: RunResult['incomplete'] } | undefined> {
    const run = this.begin(embedded, catalog, options);
    const wide = await runRulesAsync(embedded.policy, catalog, {
      rules: WIDE_RULES,
      skip: options.skip,
      now: options.now,
      pause: options.pause,
      isCancelled: options.isCancelled,
      ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
    });
    if (!wide) {
      return undefined;
    }
    let started = Date.now();
    for (const s of embedded.policy.statements) {
      if (Date.now() - started > 10) {
        await options.pause();
        if (options.isCancelled()) {
          return undefined;
        }
        started = Date.now();
      }
      run.statement(s, text, spanOf);
    }
    const done = run.finish(wide.findings, wide.failures);
    return wide.incomplete ? { ...done, incomplete: wide.incomplete } : done;
  }

  /** Entries not used by the latest runs are dropped (see `sweep`). */
  private used = new Set<string>();

  /** Forgets entries no run has used since the previous sweep (called once per document check). */
  sweep(): void {
    for (const key of this.entries.keys()) {
      if (!this.used.has(key)) {
        this.entries.delete(key);
      }
    }
    this.used = new Set();
  }

  get size(): number {
    return this.entries.size;
  }

  private begin(embedded: EmbeddedPolicy, catalog: IamCatalog, options: RunContext) {
    const policy = embedded.policy;
    const context = [
      catalog.dataDate,
      policy.policyType,
      policy.version?.value ?? '',
      Math.floor(options.now.getTime() / 60000),
      [...options.skip].sort().join(','),
      embedded.basePath.join('\u0001'),
    ].join('\u0000');
    const local: { order: number; statement: number; seq: number; finding: Finding }[] = [];
    const failures: { ruleId: string; error: unknown }[] = [];
    const stats = { checked: 0, reused: 0 };
    let statementNo = 0;
    const statement = (s: Statement, text: string, spanOf: SpanOf) => {
      const start = s.node.offset;
      const key = `${context}\u0000${s.index ?? ''}\u0000${text.slice(start, start + s.node.length)}`;
      let cached = this.entries.get(key);
      if (!cached) {
        stats.checked++;
        const result = runRules({ ...policy, statements: [s] }, catalog, { rules: LOCAL_RULES, skip: options.skip, now: options.now });
        cached = result.findings.map((f) => {
          const span = spanOf(f);
          return { ...f, at: { path: f.at.path, span: { offset: span.offset - start, length: span.length } } };
        });
        if (result.failures.length === 0) {
          this.entries.set(key, cached);
        } else {
          failures.push(...result.failures);
        }
      } else {
        stats.reused++;
      }
      this.used.add(key);
      const n = statementNo++;
      cached.forEach((f, seq) => {
        const at = f.at as { path: Finding['at']['path']; span: { offset: number; length: number } };
        local.push({
          order: RULE_ORDER.get(f.ruleId) ?? 0,
          statement: n,
          seq,
          finding: { ...f, at: { path: at.path, span: { offset: at.span.offset + start, length: at.span.length } } },
        });
      });
    };
    const finish = (wideFindings: Finding[], wideFailures: { ruleId: string; error: unknown }[]) => {
      this.lastRun = stats;
      // the order of a full run: rule by rule; a local rule's findings statement by statement
      const all = [
        ...wideFindings.map((finding, seq) => ({ order: RULE_ORDER.get(finding.ruleId) ?? 0, statement: 0, seq, finding })),
        ...local,
      ];
      all.sort((a, b) => a.order - b.order || a.statement - b.statement || a.seq - b.seq);
      return { findings: all.map((x) => x.finding), failures: [...wideFailures, ...failures] };
    };
    return { statement, finish };
  }
}

export interface RunContext {
  skip: ReadonlySet<string>;
  now: Date;
}
