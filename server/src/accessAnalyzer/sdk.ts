/**
 * The one file that imports the AWS SDK. It is bundled on its own (dist/access-analyzer.js) and
 * loaded the first time a user who enabled Access Analyzer needs it, so nobody else pays its
 * load time. Credentials come from the SDK's standard chain (environment, shared config and
 * credentials files, SSO, the named profile); we never read or log them ourselves.
 */
import {
  AccessAnalyzerClient,
  CheckAccessNotGrantedCommand,
  CheckNoNewAccessCommand,
  CheckNoPublicAccessCommand,
  ValidatePolicyCommand,
  type AccessCheckResourceType,
  type ValidatePolicyResourceType,
} from '@aws-sdk/client-accessanalyzer';
import type { AaFinding, AccessAnalyzerApi, CheckResult, ConnectionConfig } from './model';

/** Pages of findings we follow at most (each holds up to 100 findings by default). */
const MAX_PAGES = 50;

export function createAccessAnalyzerApi(config: ConnectionConfig): AccessAnalyzerApi {
  const client = new AccessAnalyzerClient({
    region: config.region || undefined,
    ...(config.profile ? { profile: config.profile } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    // retries (with Retry-After) are ours, so cancellation and the status bar see each attempt
    maxAttempts: 1,
  });
  const checkResult = (r: { result?: string; message?: string; reasons?: { description?: string; statementIndex?: number; statementId?: string }[] }): CheckResult => ({
    result: r.result ?? 'UNKNOWN',
    message: r.message ?? '',
    reasons: (r.reasons ?? []).map((x) => ({
      description: x.description ?? '',
      ...(x.statementIndex !== undefined ? { statementIndex: x.statementIndex } : {}),
      ...(x.statementId !== undefined ? { statementId: x.statementId } : {}),
    })),
  });
  return {
    async validatePolicy(request, signal) {
      const findings: AaFinding[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await client.send(
          new ValidatePolicyCommand({
            policyDocument: request.policyDocument,
            policyType: request.policyType,
            ...(request.locale ? { locale: request.locale as never } : {}),
            ...(request.validatePolicyResourceType ? { validatePolicyResourceType: request.validatePolicyResourceType as ValidatePolicyResourceType } : {}),
            ...(nextToken ? { nextToken } : {}),
          }),
          { abortSignal: signal },
        );
        if (!Array.isArray(out.findings)) {
          throw new SyntaxError('malformed response: no findings list');
        }
        findings.push(...(out.findings as AaFinding[]));
        nextToken = out.nextToken;
        if (!nextToken) {
          break;
        }
      }
      return findings;
    },
    async checkNoNewAccess(request, signal) {
      return checkResult(await client.send(new CheckNoNewAccessCommand(request), { abortSignal: signal }));
    },
    async checkAccessNotGranted(request, signal) {
      const out = await client.send(
        new CheckAccessNotGrantedCommand({
          policyDocument: request.policyDocument,
          policyType: request.policyType,
          access: [{ ...(request.actions.length ? { actions: request.actions } : {}), ...(request.resources.length ? { resources: request.resources } : {}) }],
        }),
        { abortSignal: signal },
      );
      return checkResult(out);
    },
    async checkNoPublicAccess(request, signal) {
      return checkResult(await client.send(new CheckNoPublicAccessCommand({ policyDocument: request.policyDocument, resourceType: request.resourceType as AccessCheckResourceType }), { abortSignal: signal }));
    },
    destroy() {
      client.destroy();
    },
  };
}
