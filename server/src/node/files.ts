/**
 * Host files the server reads: the compiled IAM catalog, the snippet templates and package.json.
 * The bundle lives in dist/, the unit-test build in out/server/...; both layouts are searched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLocale, type Locale } from '../i18n/locale';

let rootMemo: string | undefined;

/** The extension (or package) root: the folder with our package.json above this file (found once per process). */
export function packageRoot(): string {
  return (rootMemo ??= findPackageRoot());
}

function findPackageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      try {
        if ((JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string }).name === 'iam-policy-language') {
          return dir;
        }
      } catch {
        // keep looking
      }
    }
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..');
}

/** The catalog file: IAM_POLICY_CATALOG of the environment (the CLI passes its run's), else the shipped one. */
export function catalogPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.IAM_POLICY_CATALOG ?? path.join(packageRoot(), 'dist', 'iam-catalog.jsonl');
}

export function snippetsPath(): string {
  return path.join(packageRoot(), 'snippets', 'iam-policy.code-snippets');
}

let versionMemo: string | undefined;

export function packageVersion(): string {
  if (versionMemo === undefined) {
    try {
      versionMemo = (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      versionMemo = '0.0.0';
    }
  }
  return versionMemo;
}

/** Per rule id: the docs URL, or null when the package ships no page for it. Files do not change while we run. */
const docsUrlMemo = new Map<string, string | null>();

/**
 * The rule's documentation shipped with the package, as a file URL (memoised per locale and rule):
 * the page in `locale` (dist/rules/<id>.<locale>.md) when shipped, else the English one (<id>.md).
 */
export function ruleDocsUrl(ruleId: string, locale: Locale = getLocale()): string | undefined {
  const key = `${locale}:${ruleId}`;
  let url = docsUrlMemo.get(key);
  if (url === undefined) {
    const dir = path.join(packageRoot(), 'dist', 'rules');
    const localized = locale === 'en' ? undefined : path.join(dir, `${ruleId}.${locale}.md`);
    const file = localized && fs.existsSync(localized) ? localized : path.join(dir, `${ruleId}.md`);
    url = fs.existsSync(file) ? pathToFileURL(file).href : null;
    docsUrlMemo.set(key, url);
  }
  return url ?? undefined;
}
