/**
 * What we send to ValidatePolicy for one policy: the policy text, its type and resource type, and
 * the locale. The text is the document's own when it is plain JSON, so the API's spans fall on
 * the user's text; otherwise (JSONC, embedded policies) a canonical rendering, and findings are
 * placed by their path instead.
 */
import { getNodeValue } from 'jsonc-parser';
import type { PolicyDocument, PolicyType } from '../policy/model';
import type { EmbeddedPolicy, PolicyFile } from '../policy/policyFile';
import type { AaPolicyType, ValidateRequest } from './model';

/** ValidatePolicy's resource types for RESOURCE_POLICY. */
export const VALIDATE_RESOURCE_TYPES = [
  'AWS::S3::Bucket',
  'AWS::S3::AccessPoint',
  'AWS::S3::MultiRegionAccessPoint',
  'AWS::S3ObjectLambda::AccessPoint',
  'AWS::IAM::AssumeRolePolicyDocument',
  'AWS::DynamoDB::Table',
] as const;

/** The locales ValidatePolicy accepts, from VS Code's display language (`ja`, `pt-br`, `zh-tw`, ...). */
export function localeFor(displayLanguage: string | undefined): string | undefined {
  const lang = (displayLanguage ?? '').toLowerCase();
  const exact: Record<string, string> = { 'pt-br': 'PT_BR', 'zh-cn': 'ZH_CN', 'zh-tw': 'ZH_TW', 'zh-hans': 'ZH_CN', 'zh-hant': 'ZH_TW' };
  if (exact[lang]) {
    return exact[lang];
  }
  const base = lang.split('-')[0];
  const simple: Record<string, string> = { de: 'DE', en: 'EN', es: 'ES', fr: 'FR', it: 'IT', ja: 'JA', ko: 'KO', pt: 'PT_BR', zh: 'ZH_CN' };
  return simple[base];
}

export function apiPolicyType(type: PolicyType): AaPolicyType {
  switch (type) {
    case 'identity':
      return 'IDENTITY_POLICY';
    case 'scp':
      return 'SERVICE_CONTROL_POLICY';
    case 'rcp':
      return 'RESOURCE_CONTROL_POLICY';
    default:
      return 'RESOURCE_POLICY';
  }
}

/** The resource type of a resource policy: the setting, or what its resources name. */
export function resourceTypeFor(policy: PolicyDocument, setting: string): string | undefined {
  if (policy.policyType === 'trust') {
    return 'AWS::IAM::AssumeRolePolicyDocument';
  }
  if (policy.policyType !== 'resource') {
    return undefined;
  }
  if ((VALIDATE_RESOURCE_TYPES as readonly string[]).includes(setting)) {
    return setting;
  }
  // the template says what holds it (an S3 bucket policy, a DynamoDB resource policy, ...)
  if (
    setting !== 'none' &&
    policy.container.resourceType &&
    (VALIDATE_RESOURCE_TYPES as readonly string[]).includes(policy.container.resourceType)
  ) {
    return policy.container.resourceType;
  }
  const resources = policy.statements.flatMap((s) => [...(s.resource?.values ?? []), ...(s.notResource?.values ?? [])].map((v) => v.value));
  if (resources.some((r) => /^arn:[^:]*:s3:[^:]*:[^:]*:accesspoint\//.test(r))) {
    return 'AWS::S3::AccessPoint';
  }
  if (resources.some((r) => /^arn:[^:]*:s3:::/.test(r))) {
    return 'AWS::S3::Bucket';
  }
  if (resources.some((r) => /^arn:[^:]*:dynamodb:/.test(r))) {
    return 'AWS::DynamoDB::Table';
  }
  return undefined;
}

export interface PreparedRequest {
  request: ValidateRequest;
  /** where the sent text starts in the document when it is the document's own text; else undefined (map by path) */
  textOffset?: number;
}

/** The ValidatePolicy request for one policy of a file. */
export function prepareRequest(
  file: PolicyFile,
  embedded: EmbeddedPolicy,
  options: { resourceType: string; displayLanguage?: string },
): PreparedRequest {
  const { policy } = embedded;
  const own =
    file.languageId !== 'yaml' &&
    embedded.basePath.length === 0 &&
    file.tree.errors.length === 0 &&
    file.tree.comments.length === 0 &&
    file.tree.trailingCommas.length === 0;
  const root = policy.root;
  const policyDocument =
    own && root ? file.text.slice(root.offset, root.offset + root.length) : JSON.stringify(root ? getNodeValue(root) : {}, null, 2);
  const request: ValidateRequest = { policyDocument, policyType: apiPolicyType(policy.policyType) };
  const resourceType = resourceTypeFor(policy, options.resourceType);
  if (resourceType) {
    request.validatePolicyResourceType = resourceType;
  }
  const locale = localeFor(options.displayLanguage);
  if (locale) {
    request.locale = locale;
  }
  return own && root ? { request, textOffset: root.offset } : { request };
}

/**
 * ValidatePolicy does not say its maximum; AWS's own CloudFormation validator skips documents of
 * 32,768 characters or more without whitespace, and so do we (the local size rule still runs).
 */
export function isTooLarge(policyDocument: string): boolean {
  return policyDocument.replace(/\s/g, '').length >= 32768;
}
