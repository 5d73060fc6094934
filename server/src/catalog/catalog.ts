/**
 * Typed, indexed access to the compiled IAM catalog (scripts/build-catalog.mjs). Pure: the header and
 * a reader of each service's body are handed in by whoever opened the file; a service is read and
 * indexed on first use, so start-up touches no service that no document names. Every lookup is case-insensitive, as IAM is for action names
 * and condition keys.
 */
import { parseArn, resourceMatchesTemplate } from './arn';
import { wildcardToRegExp } from './wildcard';
import type { ManagedPolicies } from './managedPolicies';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';
export const ACCESS_LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

/** Condition key types as the Service Authorization Reference writes them. */
export type KeyType = string;

/** Shape of the compiled catalog as scripts/build-catalog.mjs builds it (format 1, before catalog-format.mjs splits it). */
export interface CatalogData {
  format: 1;
  source: { package: string; version: string; updatedAt: string | null };
  levels: AccessLevel[];
  services: Record<
    string,
    {
      name: string;
      doc: string;
      actions: [name: string, level: AccessLevel, description: string, resourceTypes: string[], conditionKeys: string[]][];
      resourceTypes: Record<string, [arn: string, conditionKeys: string[]]>;
      conditionKeys: Record<string, [type: KeyType, description: string]>;
    }
  >;
  globalConditionKeys: Record<string, { type: KeyType; category: string; description: string; deprecated?: string }>;
  servicePrincipals: [principal: string, description: string][];
  rcpServices: string[];
  /** Regions per partition (the AWS SDK's endpoint data) */
  partitions?: Record<string, { regionRegex: string; regions: string[] }>;
  /** names AWS's managed policies use that the reference data lacks (retired services, newer actions) */
  managedPolicyNames?: {
    source: { package: string; version: string } | null;
    actions: string[];
    services: string[];
    conditionKeys: string[];
    arnServices: string[];
  };
}

export interface ServiceInfo {
  prefix: string;
  name: string;
  docUrl: string;
  actions: ActionInfo[];
  resourceTypes: Map<string, ResourceTypeInfo>;
  conditionKeys: ConditionKeyInfo[];
}

export interface ResourceTypeRef {
  name: string;
  required: boolean;
}

export interface ActionInfo {
  service: ServiceInfo;
  name: string;
  /** `s3:GetObject` */
  fullName: string;
  level: AccessLevel;
  description: string;
  resourceTypes: ResourceTypeRef[];
  /** keys of the action and of its resource-type rows (not of the resource type definitions) */
  conditionKeys: string[];
}

export interface ResourceTypeInfo {
  service: ServiceInfo;
  name: string;
  /** `arn:${Partition}:s3:::${BucketName}/${ObjectName}` */
  arn: string;
  conditionKeys: string[];
  /** separators the last variable cannot contain (another type of the service continues after them) */
  lastVariableExcludes: string;
}

export interface ConditionKeyInfo {
  /** canonical spelling, templates included: `aws:RequestTag/${TagKey}` */
  key: string;
  type: KeyType;
  description: string;
  /** service prefix, or `aws` for global keys */
  service: string;
  global: boolean;
  multiValued: boolean;
  /** global key category (principal, session, network, resource, request) */
  category?: string;
  /** replacement of a deprecated key */
  deprecatedBy?: string;
  /** identity-provider claim keys that are accepted by pattern rather than listed */
  generic?: boolean;
}

export function isMultiValuedType(type: KeyType): boolean {
  return type.startsWith('ArrayOf');
}

/** `ArrayOfString` -> `String` */
export function baseKeyType(type: KeyType): string {
  return type.startsWith('ArrayOf') ? type.slice('ArrayOf'.length) : type;
}

interface TemplatedKey {
  /** where the winning definition is (see CatalogHeader.templatedKeys) */
  at: [service: number, index: number];
  regex: RegExp;
}

const SAR_BASE = 'https://docs.aws.amazon.com/service-authorization/latest/reference';

/** Claims of web identity tokens that IAM OIDC providers expose as `<provider>:<claim>` keys. */
const OIDC_CLAIMS: Record<string, string> = {
  aud: 'Audience (client ID) the token was issued for.',
  sub: 'Subject of the token: who (or, for CI systems, which repository, branch or environment) it was issued to.',
  azp: 'Authorized party: the client that requested the token.',
  amr: 'Authentication methods references (Cognito: authenticated or unauthenticated).',
  oaud: 'Original audience of the token.',
  email: 'E-mail address claim of the token.',
  iss: 'Issuer of the token.',
};

/** The per-service part of the catalog: one line of the format 2 file. */
export type RawService = Pick<CatalogData['services'][string], 'actions' | 'resourceTypes' | 'conditionKeys'>;

/**
 * Line 1 of dist/iam-catalog.jsonl (scripts/catalog-format.mjs): everything but the services' bodies,
 * plus the cross-service indexes, precomputed so that no lookup needs a service it does not name.
 */
export interface CatalogHeader extends Omit<CatalogData, 'format' | 'services'> {
  format: 2;
  actionCount: number;
  /** length of everything after the header line, to notice a file replaced while we run */
  bodyBytes: number;
  services: [prefix: string, name: string, doc: string, actionCount: number, offset: number, bytes: number][];
  /** service field of resource-type ARNs -> the services owning such types, in catalog order */
  arnServices: [arnService: string, owners: number[]][];
  /** lower-case condition key -> where its winning definition is (service index, or -1 for global keys) */
  exactKeys: Record<string, [service: number, index: number]>;
  /** templated keys in scan order: the spelling the pattern is built from, and the winning definition */
  templatedKeys: [pattern: string, service: number, index: number][];
}

/** A service whose actions, resource types and keys are read and indexed when first asked for. */
class LazyService implements ServiceInfo {
  readonly docUrl: string;
  private body: { actions: ActionInfo[]; resourceTypes: Map<string, ResourceTypeInfo>; conditionKeys: ConditionKeyInfo[] } | undefined;

  constructor(
    readonly prefix: string,
    readonly name: string,
    doc: string,
    readonly index: number,
    private readonly read: (service: LazyService) => NonNullable<LazyService['body']>,
  ) {
    this.docUrl = `${SAR_BASE}/list_${doc}.html`;
  }

  get loaded(): boolean {
    return this.body !== undefined;
  }

  private get data(): NonNullable<LazyService['body']> {
    return (this.body ??= this.read(this));
  }

  get actions(): ActionInfo[] {
    return this.data.actions;
  }

  get resourceTypes(): Map<string, ResourceTypeInfo> {
    return this.data.resourceTypes;
  }

  get conditionKeys(): ConditionKeyInfo[] {
    return this.data.conditionKeys;
  }
}

/** matchCache holds at most this many action references in all (8 bytes each: 8 MB). */
const MATCH_CACHE_MAX_ACTIONS = 1_000_000;

export class IamCatalog {
  readonly source: CatalogData['source'];
  /** every service (name and docs eager; actions, resource types and keys read on first use) */
  readonly services: ServiceInfo[];
  /** how many actions the catalog has, without reading every service */
  readonly actionCount: number;
  readonly globalKeys: ConditionKeyInfo[];
  readonly servicePrincipals: { principal: string; description: string }[];
  readonly rcpServices: ReadonlySet<string>;

  private readonly lazyServices: LazyService[];
  private readonly servicesByPrefix = new Map<string, LazyService>();
  private allActions: ActionInfo[] | undefined;
  private readonly actionsByName = new Map<string, ActionInfo>();
  /** by the exact spelling (rules' fixed lists use it): no lower-casing on the hot path */
  private readonly actionsBySpelling = new Map<string, ActionInfo>();
  private readonly exactKeys: Map<string, [service: number, index: number]>;
  private templatedKeys: TemplatedKey[] | undefined;
  private readonly keyUsers = new Map<string, ActionInfo[]>();
  private readonly typesMatchingCache = new Map<string, ResourceTypeInfo[]>();
  /** owners of resource types by the service field of their ARN, which is not always their owner's prefix (sts:AssumeRole acts on iam roles) */
  private readonly arnServiceOwners: Map<string, number[]>;
  private readonly typesByArnService = new Map<string, ResourceTypeInfo[]>();

  private readonly partitions: Map<string, { regionRegex: RegExp; regions: ReadonlySet<string> }>;
  private readonly undocumented: { actions: Set<string>; services: Set<string>; keys: Set<string>; arnServices: Set<string> };

  /** `readService(i)` returns the body of the header's i-th service (it is called once per service, on first use). */
  constructor(
    private readonly header: CatalogHeader,
    private readonly readService: (index: number) => RawService,
  ) {
    const data = header;
    this.source = data.source;
    this.partitions = new Map(
      Object.entries(data.partitions ?? {}).map(([id, p]) => [id, { regionRegex: safeRegExp(p.regionRegex), regions: new Set(p.regions) }]),
    );
    const names = data.managedPolicyNames;
    const lower = (list: string[] | undefined) => new Set((list ?? []).map((n) => n.toLowerCase()));
    this.undocumented = {
      actions: lower(names?.actions),
      services: lower(names?.services),
      keys: lower(names?.conditionKeys),
      arnServices: lower(names?.arnServices),
    };
    const read = (service: LazyService) => this.indexService(service);
    this.lazyServices = header.services.map(([prefix, name, doc], index) => new LazyService(prefix, name, doc, index, read));
    this.services = this.lazyServices;
    for (const service of this.lazyServices) {
      this.servicesByPrefix.set(service.prefix.toLowerCase(), service);
    }
    this.actionCount = header.actionCount;
    this.arnServiceOwners = new Map(header.arnServices);
    this.exactKeys = new Map(Object.entries(header.exactKeys));

    this.globalKeys = Object.entries(data.globalConditionKeys).map(([key, g]) => ({
      key,
      type: g.type,
      description: g.description,
      service: 'aws',
      global: true,
      multiValued: isMultiValuedType(g.type),
      category: g.category,
      deprecatedBy: g.deprecated,
    }));
    this.servicePrincipals = data.servicePrincipals.map(([principal, description]) => ({ principal, description }));
    this.rcpServices = new Set(data.rcpServices);
  }

  /** Reads one service's body and builds its objects (its actions join the by-name index). */
  private indexService(service: LazyService): {
    actions: ActionInfo[];
    resourceTypes: Map<string, ResourceTypeInfo>;
    conditionKeys: ConditionKeyInfo[];
  } {
    const raw = this.readService(service.index);
    const prefix = service.prefix;
    const body = {
      actions: [] as ActionInfo[],
      resourceTypes: new Map<string, ResourceTypeInfo>(),
      conditionKeys: [] as ConditionKeyInfo[],
    };
    for (const [name, [arn, keys]] of Object.entries(raw.resourceTypes)) {
      body.resourceTypes.set(name, { service, name, arn, conditionKeys: keys, lastVariableExcludes: '' });
    }
    computeLastVariableExcludes([...body.resourceTypes.values()]);
    for (const [name, level, description, resourceTypes, conditionKeys] of raw.actions) {
      const action: ActionInfo = {
        service,
        name,
        fullName: `${prefix}:${name}`,
        level,
        description,
        resourceTypes: resourceTypes.map((r) => (r.startsWith('!') ? { name: r.slice(1), required: true } : { name: r, required: false })),
        conditionKeys,
      };
      body.actions.push(action);
      this.actionsByName.set(action.fullName.toLowerCase(), action);
      this.actionsBySpelling.set(action.fullName, action);
    }
    for (const [key, [type, description]] of Object.entries(raw.conditionKeys)) {
      const owner = key.slice(0, key.indexOf(':'));
      body.conditionKeys.push({
        key,
        type,
        description,
        service: owner === 'aws' ? 'aws' : prefix,
        global: owner === 'aws',
        multiValued: isMultiValuedType(type),
      });
    }
    return body;
  }

  /** every action, sorted by full name (reads every service) */
  get actions(): ActionInfo[] {
    if (!this.allActions) {
      const all: ActionInfo[] = [];
      for (const service of this.lazyServices) {
        all.push(...service.actions);
      }
      this.allActions = all.sort((a, b) => compareText(a.fullName, b.fullName));
    }
    return this.allActions;
  }

  /** Prefixes of the services read so far (start-up reads none; a document reads the services it names). */
  loadedServices(): string[] {
    return this.lazyServices.filter((s) => s.loaded).map((s) => s.prefix);
  }

  /** The definition a key index entry points to. */
  private keyAt([service, index]: [number, number]): ConditionKeyInfo {
    return service < 0 ? this.globalKeys[index] : this.lazyServices[service].conditionKeys[index];
  }

  private templated(): TemplatedKey[] {
    this.templatedKeys ??= this.header.templatedKeys.map(([pattern, service, index]) => ({
      at: [service, index],
      regex: new RegExp(
        `^${pattern
          .split(/(\$\{[^}]*\}|<[^>]+>)/)
          .map((part, i) => (i % 2 === 1 ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('')}$`,
        'i',
      ),
    }));
    return this.templatedKeys;
  }

  /** Resource types whose ARN names this service field, in catalog order (reads their owners). */
  private typesOfArnService(arnService: string): ResourceTypeInfo[] {
    let types = this.typesByArnService.get(arnService);
    if (!types) {
      types = [];
      for (const owner of this.arnServiceOwners.get(arnService) ?? []) {
        for (const type of this.lazyServices[owner].resourceTypes.values()) {
          if ((type.arn.split(':')[2] ?? '').toLowerCase() === arnService) {
            types.push(type);
          }
        }
      }
      this.typesByArnService.set(arnService, types);
    }
    return types;
  }

  private managedLoader?: () => ManagedPolicies | undefined;
  private managedMemo?: ManagedPolicies | null;

  /** Where AWS managed policies come from (the host's loader); they load on first use. */
  setManagedPolicies(loader: () => ManagedPolicies | undefined): void {
    this.managedLoader = loader;
    this.managedMemo = undefined;
  }

  /** AWS managed policies, loaded on first use; undefined when none are shipped. A loader that throws throws again next time. */
  managedPolicies(): ManagedPolicies | undefined {
    if (this.managedMemo === undefined) {
      this.managedMemo = this.managedLoader?.() ?? null;
    }
    return this.managedMemo ?? undefined;
  }

  get dataDate(): string {
    return this.source.updatedAt?.slice(0, 10) ?? this.source.version;
  }

  service(prefix: string): ServiceInfo | undefined {
    return this.servicesByPrefix.get(prefix.toLowerCase());
  }

  /**
   * Whether AWS's own managed policies use this service prefix, action or condition key although
   * the reference data lacks it (a retired service, an action newer than the data): IAM accepts it.
   */
  undocumentedService(prefix: string): boolean {
    return this.undocumented.services.has(prefix.toLowerCase());
  }

  undocumentedAction(fullName: string): boolean {
    return this.undocumented.actions.has(fullName.toLowerCase());
  }

  undocumentedConditionKey(key: string): boolean {
    return this.undocumented.keys.has(key.toLowerCase());
  }

  /**
   * Whether a service field of an ARN exists: the data's ARN templates are the source of truth
   * (Service Catalog's ARNs say `catalog`, not `servicecatalog`), plus action prefixes and the
   * services AWS's managed policies name.
   */
  isArnService(segment: string): boolean {
    const lower = segment.toLowerCase();
    return (
      this.arnServiceOwners.has(lower) ||
      this.servicesByPrefix.has(lower) ||
      this.undocumented.arnServices.has(lower) ||
      this.undocumented.services.has(lower)
    );
  }

  /** Partitions with their Regions; empty when the catalog was built without them. */
  partitionRegions(partition: string): { regionRegex: RegExp; regions: ReadonlySet<string> } | undefined {
    return this.partitions.get(partition);
  }

  /** The partition a Region belongs to (by the endpoint data's list, then its pattern). */
  partitionOfRegion(region: string): string | undefined {
    for (const [id, p] of this.partitions) {
      if (p.regions.has(region)) {
        return id;
      }
    }
    for (const [id, p] of this.partitions) {
      if (p.regionRegex.test(region)) {
        return id;
      }
    }
    return undefined;
  }

  /** `s3:GetObject` (any case) -> the action, or undefined. */
  action(fullName: string): ActionInfo | undefined {
    const exact = this.actionsBySpelling.get(fullName);
    if (exact) {
      return exact;
    }
    const lower = fullName.toLowerCase();
    const found = this.actionsByName.get(lower);
    if (found) {
      return found;
    }
    // not indexed yet: read the service its prefix names, if any
    const colon = lower.indexOf(':');
    const service = colon < 0 ? undefined : this.servicesByPrefix.get(lower.slice(0, colon));
    if (!service || service.loaded) {
      return undefined;
    }
    void service.actions;
    return this.actionsByName.get(lower);
  }

  /**
   * The action if its service has been read already, without reading it otherwise. Every action a
   * statement's expansion holds comes from a service the expansion read (`*` and NotAction read them
   * all), so after expanding the statements this answers "can the policy grant it?" cheaply: rules
   * asking about fixed lists of sensitive actions then read no service the document does not name.
   */
  actionIfRead(fullName: string): ActionInfo | undefined {
    return this.actionsBySpelling.get(fullName) ?? this.actionsByName.get(fullName.toLowerCase());
  }

  /**
   * Actions matching an IAM action pattern (`*` and `?` wildcards, case-insensitive).
   * `*` alone matches every action.
   */
  matchActions(pattern: string): ActionInfo[] {
    const key = pattern.toLowerCase();
    let result = this.matchCache.get(key);
    if (!result) {
      result = this.computeMatches(pattern);
      // bounded in entries and in what they hold: one "*"-like pattern holds every action (22,000)
      this.matchCacheActions += result.length;
      if (this.matchCache.size > 20000 || this.matchCacheActions > MATCH_CACHE_MAX_ACTIONS) {
        this.matchCache.clear();
        this.matchCacheActions = result.length;
      }
      this.matchCache.set(key, result);
    }
    return result;
  }

  private readonly matchCache = new Map<string, ActionInfo[]>();
  /** actions held by matchCache's arrays, all entries together */
  private matchCacheActions = 0;

  private computeMatches(pattern: string): ActionInfo[] {
    const colon = pattern.indexOf(':');
    if (pattern === '*') {
      return this.actions;
    }
    if (colon < 0) {
      return [];
    }
    const servicePart = pattern.slice(0, colon);
    const actionPart = pattern.slice(colon + 1);
    const hasWildcard = /[*?]/.test(actionPart);
    if (!/[*?]/.test(servicePart)) {
      const service = this.service(servicePart);
      if (!service) {
        return [];
      }
      if (!hasWildcard) {
        const action = this.action(pattern);
        return action ? [action] : [];
      }
      if (actionPart === '*') {
        return service.actions;
      }
      const regex = wildcardToRegExp(actionPart);
      return service.actions.filter((a) => regex.test(a.name));
    }
    const regex = wildcardToRegExp(pattern);
    return this.actions.filter((a) => regex.test(a.fullName));
  }

  /** Whether the action names a resource type its service defines (`resourceTypesOf(action).length > 0` without the array). */
  hasResourceTypes(action: ActionInfo): boolean {
    return action.resourceTypes.some((ref) => action.service.resourceTypes.has(ref.name));
  }

  /** Whether one of the action's resource types (`resourceTypesOf`) is among these, without the array (a hot path of access comparison). */
  hasResourceTypeIn(action: ActionInfo, types: ReadonlySet<ResourceTypeInfo>): boolean {
    for (const ref of action.resourceTypes) {
      const type = action.service.resourceTypes.get(ref.name);
      if (type && types.has(type)) {
        return true;
      }
    }
    return false;
  }

  resourceTypesOf(action: ActionInfo): ResourceTypeInfo[] {
    const out: ResourceTypeInfo[] = [];
    for (const ref of action.resourceTypes) {
      const type = action.service.resourceTypes.get(ref.name);
      if (type) {
        out.push(type);
      }
    }
    return out;
  }

  /**
   * The resource types a policy resource (wildcards and variables allowed) can name, across the
   * services its ARN allows. Cheap: a literal-prefix filter runs before the exact match.
   */
  resourceTypesMatching(resource: string): ResourceTypeInfo[] {
    const cached = this.typesMatchingCache.get(resource);
    if (cached) {
      return cached;
    }
    const arn = parseArn(resource);
    const result: ResourceTypeInfo[] = [];
    if (arn) {
      const candidates = /[*?]/.test(arn.service)
        ? [...this.arnServiceOwners.keys()].map((s) => this.typesOfArnService(s))
        : [this.typesOfArnService(arn.service.toLowerCase())];
      const part = arn.resource.toLowerCase();
      const wild = part.search(/[*?]|\$\{/);
      const head = wild < 0 ? part : part.slice(0, wild);
      for (const types of candidates) {
        for (const type of types) {
          const literal = literalResourcePrefix(type);
          // the literal start of the template must agree with the literal start of the resource
          const compatible = head.length >= literal.length ? head.startsWith(literal) : literal.startsWith(head);
          if (compatible && resourceMatchesType(resource, type)) {
            result.push(type);
          }
        }
      }
    }
    if (this.typesMatchingCache.size > 20000) {
      this.typesMatchingCache.clear();
    }
    this.typesMatchingCache.set(resource, result);
    return result;
  }

  private readonly keysOfAction = new Map<ActionInfo, { keys: string[]; lower: Set<string> }>();

  private actionKeys(action: ActionInfo): { keys: string[]; lower: Set<string> } {
    let entry = this.keysOfAction.get(action);
    if (!entry) {
      const keys = new Set(action.conditionKeys);
      for (const type of this.resourceTypesOf(action)) {
        for (const key of type.conditionKeys) {
          keys.add(key);
        }
      }
      entry = { keys: [...keys], lower: new Set([...keys].map((k) => k.toLowerCase())) };
      this.keysOfAction.set(action, entry);
    }
    return entry;
  }

  /** Keys that may constrain this action: its own keys plus those of its resource types. */
  conditionKeysOf(action: ActionInfo): string[] {
    return this.actionKeys(action).keys;
  }

  /**
   * Describes a condition key: listed keys (global or per service), templated keys such as
   * `aws:ResourceTag/Env`, and claims of any web identity provider (`<host>:sub`).
   */
  private readonly keyCache = new Map<string, ConditionKeyInfo | null>();

  conditionKey(key: string): ConditionKeyInfo | undefined {
    const exact = this.exactKeys.get(key.toLowerCase());
    if (exact) {
      return this.keyAt(exact);
    }
    // templated keys (aws:PrincipalTag/${TagKey}) are a scan of regexes: remember the answer
    const cached = this.keyCache.get(key);
    if (cached !== undefined) {
      return cached ?? undefined;
    }
    let found: ConditionKeyInfo | undefined;
    for (const templated of this.templated()) {
      if (templated.regex.test(key)) {
        found = this.keyAt(templated.at);
        break;
      }
    }
    found ??= this.identityProviderClaim(key);
    if (this.keyCache.size > 20000) {
      this.keyCache.clear();
    }
    this.keyCache.set(key, found ?? null);
    return found;
  }

  private identityProviderClaim(key: string): ConditionKeyInfo | undefined {
    const colon = key.lastIndexOf(':');
    if (colon <= 0) {
      return undefined;
    }
    const provider = key.slice(0, colon);
    const claim = key.slice(colon + 1).toLowerCase();
    // providers are host names (token.actions.githubusercontent.com, oidc.eks.<region>.amazonaws.com/id/X)
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[\w./-]*)?$/i.test(provider) || !(claim in OIDC_CLAIMS)) {
      return undefined;
    }
    return {
      key: `${provider}:${claim}`,
      type: claim === 'amr' ? 'ArrayOfString' : 'String',
      description: `${OIDC_CLAIMS[claim]} (claim of web identity tokens issued by ${provider})`,
      service: 'sts',
      global: false,
      multiValued: claim === 'amr',
      generic: true,
    };
  }

  /** Actions whose condition keys (or resource types' keys) include `key`. */
  actionsSupportingKey(info: ConditionKeyInfo): ActionInfo[] {
    const cached = this.keyUsers.get(info.key);
    if (cached) {
      return cached;
    }
    const users: ActionInfo[] = [];
    const candidates = info.global ? this.actions : (this.service(info.service)?.actions ?? []);
    for (const action of candidates) {
      if (this.actionSupportsKey(action, info)) {
        users.push(action);
      }
    }
    this.keyUsers.set(info.key, users);
    return users;
  }

  /** Whether `info` is documented for `action` (directly, on a resource type, or as a template). */
  actionSupportsKey(action: ActionInfo, info: ConditionKeyInfo): boolean {
    return this.actionKeys(action).lower.has(info.key.toLowerCase());
  }

  /** Page of the Service Authorization Reference for an action (its actions table). */
  actionDocUrl(action: ActionInfo): string {
    const slug = action.service.docUrl.replace(/^.*list_/, '').replace(/\.html$/, '');
    return `${action.service.docUrl}#${slug}-actions-as-permissions`;
  }

  resourceTypeDocUrl(type: ResourceTypeInfo): string {
    const slug = type.service.docUrl.replace(/^.*list_/, '').replace(/\.html$/, '');
    return `${type.service.docUrl}#${slug}-resources-for-iam-policies`;
  }

  conditionKeyDocUrl(info: ConditionKeyInfo): string {
    if (info.global) {
      return 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';
    }
    const service = this.service(info.service);
    if (!service) {
      return 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html';
    }
    const slug = service.docUrl.replace(/^.*list_/, '').replace(/\.html$/, '');
    return `${service.docUrl}#${slug}-policy-keys`;
  }
}

const literalPrefixes = new WeakMap<ResourceTypeInfo, string>();

/** The resource part of a template up to its first variable, lower-cased: `instance/` for EC2 instances. */
function literalResourcePrefix(type: ResourceTypeInfo): string {
  let prefix = literalPrefixes.get(type);
  if (prefix === undefined) {
    const resource = parseArn(type.arn)?.resource ?? '';
    const variable = resource.indexOf('${');
    prefix = (variable < 0 ? resource : resource.slice(0, variable)).toLowerCase();
    literalPrefixes.set(type, prefix);
  }
  return prefix;
}

/** Whether a policy resource (wildcards, policy variables allowed) can name a resource of this type. */
export function resourceMatchesType(resource: string, type: ResourceTypeInfo): boolean {
  return resourceMatchesTemplate(resource, type.arn, type.lastVariableExcludes);
}

/** `arn:...:${BucketName}` cannot hold '/', because `arn:...:${BucketName}/${ObjectName}` exists (types of one service). */
function computeLastVariableExcludes(types: ResourceTypeInfo[]): void {
  for (const type of types) {
    if (!type.arn.endsWith('}')) {
      continue;
    }
    const excludes = new Set<string>();
    for (const other of types) {
      if (other !== type && other.arn.startsWith(type.arn)) {
        const next = other.arn[type.arn.length];
        if (next === '/' || next === ':') {
          excludes.add(next);
        }
      }
    }
    type.lastVariableExcludes = [...excludes].join('');
  }
}

function safeRegExp(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    return /$^/;
  }
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
