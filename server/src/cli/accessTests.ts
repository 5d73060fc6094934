/**
 * `iam-policy-lint test`: runs the access expectations kept in `.iampolicy.json` ("accessTests"):
 * a policy allows / denies a request, and never grants any of some actions on some resources. A
 * failure names the statement that decides. See docs/access-tests.md for the format.
 */
import { t } from '../i18n';
import fs from 'node:fs';
import path from 'node:path';
import {
  AccessTestError,
  globsOverlap,
  parseAccessTests as parseSpecs,
  runAccessTest as runOne,
  type AccessTestSpec,
  type NeverGrants,
  type RequestExpectation,
  type TestOutcome,
} from '../features/access/accessTests';
import type { IamCatalog } from '../catalog/catalog';
import { PROJECT_CONFIG_FILE } from '../shared/settings';
import { loadRunCatalog } from './catalog';
import { relativeTo, resolveIn, type CliIo } from './io';
import { InputError, parseFlags, prepareFor, readPolicies, type LoadedPolicy } from './policyInput';

/** The help of `test`, in the current locale. */
export const testUsage = (): string => t('test.usage');

export { globsOverlap, type AccessTestSpec, type NeverGrants, type RequestExpectation, type TestOutcome };

/** Validates the "accessTests" value of a configuration; throws InputError with the path of the problem. */
export function parseAccessTests(value: unknown, where: string): AccessTestSpec[] {
  try {
    return parseSpecs(value, where);
  } catch (err) {
    throw err instanceof AccessTestError ? new InputError(err.message) : err;
  }
}

export function runAccessTest(spec: AccessTestSpec, policies: LoadedPolicy[], name: string, catalog: IamCatalog): TestOutcome[] {
  return runOne(spec, policies, name, catalog);
}

function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, PROJECT_CONFIG_FILE);
    if (fs.existsSync(candidate)) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

export async function runAccessTests(argv: string[], io: CliIo): Promise<number> {
  const { flags, operands } = parseFlags(argv, { config: 'value', format: 'value', help: 'flag', h: 'flag' });
  if (flags.help || flags.h) {
    io.stdout.write(testUsage());
    return 0;
  }
  const format = (flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new InputError(t('access.badFormat2', { value: format }));
  }
  const configFile = (flags.config as string | undefined) ?? findConfig(io.cwd);
  if (!configFile) {
    throw new InputError(t('test.noConfig', { file: PROJECT_CONFIG_FILE }));
  }
  let config: unknown;
  try {
    config = JSON.parse(fs.readFileSync(resolveIn(io, configFile), 'utf8'));
  } catch (err) {
    throw new InputError(`${configFile}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const raw = config && typeof config === 'object' ? (config as Record<string, unknown>).accessTests : undefined;
  if (raw === undefined) {
    throw new InputError(t('test.noAccessTests', { file: configFile }));
  }
  const specs = parseAccessTests(raw, configFile);
  const base = path.dirname(resolveIn(io, configFile));
  const only = operands.map((o) => resolveIn(io, o));
  const selected = specs.filter((s) => only.length === 0 || only.includes(path.resolve(base, s.policy)));
  const rel = (f: string) => relativeTo(io, path.resolve(base, f));
  await prepareFor(selected.flatMap((s) => [s.policy, ...(s.scp ?? []), ...(s.rcp ?? [])]));
  const outcomes: TestOutcome[] = [];
  let catalog: IamCatalog | undefined; // loaded when a test runs
  for (const spec of selected) {
    const name = spec.name ?? `accessTests[${specs.indexOf(spec)}]`;
    let policies = readPolicies(io, rel(spec.policy));
    if (spec.select) {
      policies = policies.filter((p) => p.location.includes(spec.select as string));
      if (policies.length === 0) {
        throw new InputError(t('test.noSelected', { name, file: spec.policy, select: String(spec.select) }));
      }
    }
    policies = [
      ...policies,
      ...(spec.scp ?? []).flatMap((f) => readPolicies(io, rel(f), 'scp')),
      ...(spec.rcp ?? []).flatMap((f) => readPolicies(io, rel(f), 'rcp')),
      ...(spec.boundary ? readPolicies(io, rel(spec.boundary), 'boundary') : []),
      ...(spec.sessionPolicy ? readPolicies(io, rel(spec.sessionPolicy), 'session') : []),
    ];
    outcomes.push(...runAccessTest(spec, policies, name, (catalog ??= loadRunCatalog(io))));
  }
  const failed = outcomes.filter((o) => !o.passed);
  if (format === 'json') {
    io.stdout.write(
      `${JSON.stringify(
        {
          passed: outcomes.length - failed.length,
          failed: failed.length,
          results: outcomes.map((o) => ({
            test: o.test,
            policy: o.policy,
            expectation: o.expectation,
            passed: o.passed,
            message: o.message,
          })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const lines: string[] = [];
    for (const o of outcomes) {
      lines.push(`${o.passed ? '✓' : '✗'} ${o.test}: ${rel(o.policy)} ${o.expectation}${o.passed ? '' : `\n    ${o.message}`}`);
    }
    lines.push(
      failed.length ? t('test.failed', { failed: failed.length, total: outcomes.length }) : t('test.passed', { count: outcomes.length }),
    );
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return failed.length ? 1 : 0;
}
