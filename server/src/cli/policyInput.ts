/**
 * Reading policies for the access commands (simulate, diff, test): JSON policy files and the
 * policies embedded in CloudFormation/SAM templates and Terraform, each as an EvalPolicy named
 * after its file (and its place in a template), with line numbers for messages.
 */
import { t } from '../i18n';
import fs from 'node:fs';
import { createEmbeddedExtractor } from '../embedded';
import type { EvalPolicyType } from '../analysis/evaluate';
import { loadedPolicies, statementLocation, type LoadedPolicy } from '../features/access/simulate';
import { loadTerraformParser, terraformParser } from '../node/terraformParser';
import { analyzeFile } from '../policy/policyFile';
import { explicitPolicyType } from '../policy/policyType';
import { findProjectConfig } from '../node/projectConfig';
import { mergeProjectConfig, sanitizeSettings } from '../shared/settings';
import { matchesAnyGlob, matchesGlob } from '../util/glob';
import { pathToFileURL } from 'node:url';
import { languageOf } from './files';
import { resolveIn, type CliIo } from './io';

export class InputError extends Error {}

export type { LoadedPolicy };

/** Loads Terraform support once, when a .tf file is involved. */
export async function prepareFor(files: string[]): Promise<void> {
  if (files.some((f) => f.endsWith('.tf'))) {
    await loadTerraformParser(() => undefined);
  }
}

/**
 * The policies in a text (a file's content at some version). Empty when it holds none. `file` is
 * relative to the run's working directory (or absolute); `display` names it in locations.
 */
export function policiesInText(text: string, file: string, io: Pick<CliIo, 'cwd'>, display = file): LoadedPolicy[] {
  const languageId = languageOf(file) ?? 'json';
  const absolute = resolveIn(io, file);
  const uri = pathToFileURL(absolute).href;
  const settings = mergeProjectConfig(findProjectConfig(absolute).value, sanitizeSettings({}));
  const analyzed = analyzeFile(text, {
    languageId,
    matchesPolicyGlob: matchesAnyGlob(uri, settings.files),
    explicitType: explicitPolicyType(settings, (g) => matchesGlob(uri, g)),
    embedded: createEmbeddedExtractor({ terraform: terraformParser }),
  });
  return loadedPolicies(analyzed, text, display);
}

/** Reads a file's policies; throws InputError when it cannot be read or holds none. */
export function readPolicies(io: Pick<CliIo, 'cwd'>, file: string, as?: EvalPolicyType): LoadedPolicy[] {
  let text: string;
  try {
    text = fs.readFileSync(resolveIn(io, file), 'utf8');
  } catch (err) {
    throw new InputError(`${file}: ${t('cli.cannotRead', { error: (err as NodeJS.ErrnoException).code ?? String(err) })}`);
  }
  const policies = policiesInText(text, file, io);
  if (policies.length === 0) {
    throw new InputError(`${file}: ${t('cli.notPolicy')}`);
  }
  return as ? policies.map((p) => ({ ...p, type: as })) : policies;
}

export { statementLocation };

/** `key=value` context arguments; a repeated key makes a multivalued key. */
export function parseContextArgs(args: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq <= 0) {
      throw new InputError(t('access.badContext', { value: a }));
    }
    const key = a.slice(0, eq).trim();
    const value = a.slice(eq + 1);
    const existing = out[key];
    out[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return out;
}

/** A tiny flag parser shared by the access commands. */
export function parseFlags(
  argv: string[],
  spec: Record<string, 'value' | 'list' | 'flag'>,
): { flags: Record<string, string | string[] | boolean>; operands: string[] } {
  const flags: Record<string, string | string[] | boolean> = {};
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(2, eq) : a.replace(/^--?/, '');
    const kind = spec[name];
    if (!kind) {
      throw new InputError(t('cli.unknownOption', { option: a }));
    }
    if (kind === 'flag') {
      flags[name] = true;
      continue;
    }
    const value = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) {
      throw new InputError(t('cli.needsValue', { flag: `--${name}` }));
    }
    if (kind === 'list') {
      flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    } else {
      flags[name] = value;
    }
  }
  return { flags, operands };
}
