/**
 * The Access Analyzer API as this extension uses it: request and finding shapes (mirroring the
 * SDK's, so the pure code needs no SDK import) and the interface the SDK adapter implements.
 */
export type AaPolicyType = 'IDENTITY_POLICY' | 'RESOURCE_POLICY' | 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

export type AaPathElement = { index: number } | { key: string } | { value: string } | { substring: { start: number; length: number } };

export interface AaPosition {
  /** 1-based */
  line: number;
  /** 0-based */
  column: number;
  /** 0-based */
  offset: number;
}

export interface AaLocation {
  path: AaPathElement[];
  span: { start: AaPosition; end: AaPosition };
}

export interface AaFinding {
  findingDetails: string;
  findingType: 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION' | string;
  issueCode: string;
  learnMoreLink: string;
  locations: AaLocation[];
}

export interface ValidateRequest {
  policyDocument: string;
  policyType: AaPolicyType;
  validatePolicyResourceType?: string;
  locale?: string;
}

export interface CheckResult {
  result: 'PASS' | 'FAIL' | string;
  message: string;
  reasons: { description: string; statementIndex?: number; statementId?: string }[];
}

export interface ConnectionConfig {
  region: string;
  profile?: string;
  endpoint?: string;
}

/** What the server needs from AWS; the SDK adapter implements it (and tests can too). */
export interface AccessAnalyzerApi {
  validatePolicy(request: ValidateRequest, signal: AbortSignal): Promise<AaFinding[]>;
  checkNoNewAccess(
    request: { newPolicyDocument: string; existingPolicyDocument: string; policyType: 'IDENTITY_POLICY' | 'RESOURCE_POLICY' },
    signal: AbortSignal,
  ): Promise<CheckResult>;
  checkAccessNotGranted(
    request: { policyDocument: string; policyType: 'IDENTITY_POLICY' | 'RESOURCE_POLICY'; actions: string[]; resources: string[] },
    signal: AbortSignal,
  ): Promise<CheckResult>;
  checkNoPublicAccess(request: { policyDocument: string; resourceType: string }, signal: AbortSignal): Promise<CheckResult>;
  destroy(): void;
}

export type AccessAnalyzerApiFactory = (config: ConnectionConfig) => AccessAnalyzerApi;
