// Writes the compiled catalog in the lazy "format 2" (JSON Lines) that server/src/catalog/catalog.ts
// reads: line 1 is a small header (service list, global keys, partitions, and the cross-service
// indexes precomputed here), then one line of JSON per service, read and indexed only when a
// document first names that service. The header's indexes reproduce exactly what indexing every
// service at start-up gave (the same winners and order), so lookups answer the same.
//
// Header: { format: 2, source, levels, globalConditionKeys, servicePrincipals, rcpServices, partitions,
//   managedPolicyNames, actionCount, bodyBytes,
//   services: [[prefix, name, doc, actionCount, offset, bytes]]    (offset into the body, after line 1)
//   arnServices: [[service field of ARNs, [service index...]]]       (owners of resource types, in order)
//   exactKeys: { lower-case key: [service index or -1 for global, index of the key in it] }
//   templatedKeys: [[key the pattern is built from, service index or -1, index]]   (scan order) }
// Service line: { actions, resourceTypes, conditionKeys } as in format 1.

const TEMPLATED = /\$\{|<[^>]+>/;

/** format 1 catalog object -> the text of the format 2 file */
export function encodeCatalog(catalog) {
  const { services: servicesByPrefix, globalConditionKeys, ...rest } = catalog;
  const entries = Object.entries(servicesByPrefix);
  const exact = new Map();
  const templated = [];
  // the same rules as indexing every service in order: a service's own keys override earlier
  // copies, aws:* copies in services do not, global keys override everything
  const addKey = (key, source, override) => {
    const lower = key.toLowerCase();
    if (TEMPLATED.test(key)) {
      const existing = templated.find((t) => t.lower === lower);
      if (existing) {
        if (override) existing.source = source;
        return;
      }
      templated.push({ lower, pattern: key, source });
      return;
    }
    if (override || !exact.has(lower)) exact.set(lower, source);
  };
  const arnServices = new Map();
  const lines = [];
  const services = [];
  let offset = 0;
  let actionCount = 0;
  entries.forEach(([prefix, raw], index) => {
    for (const [arn] of Object.values(raw.resourceTypes)) {
      const arnService = (arn.split(':')[2] ?? '').toLowerCase();
      const owners = arnServices.get(arnService) ?? [];
      if (owners.at(-1) !== index) owners.push(index);
      arnServices.set(arnService, owners);
    }
    Object.keys(raw.conditionKeys).forEach((key, k) => addKey(key, [index, k], key.slice(0, key.indexOf(':')) !== 'aws'));
    const line = JSON.stringify({ actions: raw.actions, resourceTypes: raw.resourceTypes, conditionKeys: raw.conditionKeys });
    const bytes = Buffer.byteLength(line);
    services.push([prefix, raw.name, raw.doc, raw.actions.length, offset, bytes]);
    lines.push(line);
    offset += bytes + 1;
    actionCount += raw.actions.length;
  });
  Object.keys(globalConditionKeys).forEach((key, k) => addKey(key, [-1, k], true));
  const header = {
    ...rest,
    format: 2,
    globalConditionKeys,
    actionCount,
    bodyBytes: offset,
    services,
    arnServices: [...arnServices],
    exactKeys: Object.fromEntries(exact),
    templatedKeys: templated.map((t) => [t.pattern, ...t.source]),
  };
  return `${JSON.stringify(header)}\n${lines.map((l) => `${l}\n`).join('')}`;
}
