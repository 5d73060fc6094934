/**
 * Which resource a resource-based policy is attached to, as a service prefix (`sqs`, `kms`, `ecr`,
 * `s3`, ...): from the template that embeds it (CloudFormation resource type, Terraform resource),
 * else from its actions when they all belong to one service. Rules use it for the semantics of the
 * resource: `"Resource": "*"` means "this key/queue/topic", ECR repository policies take no
 * Resource, iam:PassRole cannot apply in a queue policy.
 */
import type { PolicyDocument } from '../policy/model';

/** CloudFormation type / Terraform resource kind (a prefix of the container description) -> service. */
const CONTAINERS: [RegExp, string][] = [
  [/^AWS::S3::(BucketPolicy|AccessPoint|AccessPointPolicy)\b|^aws_s3_(bucket_policy|access_point)\b/, 's3'],
  [/^AWS::SQS::|^aws_sqs_queue/, 'sqs'],
  [/^AWS::SNS::|^aws_sns_topic/, 'sns'],
  [/^AWS::KMS::|^aws_kms_(key|replica_key)/, 'kms'],
  [/^AWS::ECR::Repository\b|^aws_ecr_repository_policy\b/, 'ecr'],
  [/^AWS::ECR::PublicRepository\b|^aws_ecrpublic_repository_policy\b/, 'ecr-public'],
  [/^AWS::SecretsManager::|^aws_secretsmanager_secret_policy\b/, 'secretsmanager'],
  [/^AWS::(OpenSearchService|Elasticsearch)::Domain\b|^aws_(opensearch|elasticsearch)_domain_policy\b/, 'es'],
  [/^AWS::Events::EventBusPolicy\b|^aws_cloudwatch_event_bus_policy\b/, 'events'],
  [/^AWS::Backup::BackupVault\b|^aws_backup_vault_policy\b/, 'backup'],
  [/^AWS::EFS::FileSystem\b|^aws_efs_file_system_policy\b/, 'elasticfilesystem'],
  [/^AWS::ApiGateway::RestApi\b|^aws_api_gateway_rest_api_policy\b/, 'execute-api'],
  [/^AWS::Glue::ResourcePolicy\b|^aws_glue_resource_policy\b/, 'glue'],
];

export function attachedService(policy: PolicyDocument): string | undefined {
  if (policy.policyType !== 'resource') {
    return undefined;
  }
  const description = policy.container.description ?? '';
  for (const [pattern, service] of CONTAINERS) {
    if (pattern.test(description)) {
      return service;
    }
  }
  // a policy whose actions all name one service is that service's resource policy
  const prefixes = new Set<string>();
  for (const s of policy.statements) {
    for (const v of [...(s.action?.values ?? []), ...(s.notAction?.values ?? [])]) {
      const value = v.value.trim();
      if (v.dynamic || value === '*') {
        continue;
      }
      prefixes.add(value.split(':')[0].toLowerCase());
    }
  }
  if (prefixes.size === 1) {
    return [...prefixes][0];
  }
  // "Action": "*": the service of the resources it names (arn:aws:sqs:...:queue1)
  const services = new Set<string>();
  for (const s of policy.statements) {
    for (const v of s.resource?.values ?? []) {
      const service = v.value.trim().split(':')[2];
      if (!v.dynamic && v.value.startsWith('arn:') && service && !/[*?$]/.test(service)) {
        services.add(service.toLowerCase());
      }
    }
  }
  return prefixes.size === 0 && services.size === 1 ? [...services][0] : undefined;
}
