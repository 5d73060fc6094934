/**
 * The AWS provider's resources whose arguments hold an IAM policy document, with the policy type
 * each implies and, for resource policies that Access Analyzer validates by kind, the
 * validatePolicyResourceType. Gone through from the provider's resource list (every argument
 * documented as "a valid policy JSON document"); policies in other languages (IoT, OpenSearch
 * Serverless, stack policies, tag and backup policies) are left out on purpose.
 */
import type { PolicyType } from '../policy/model';

export interface PolicySlot {
  /** argument name; `block.argument` for an argument inside a nested block (repeated blocks each) */
  argument: string;
  type: PolicyType;
  /** ValidatePolicy's validatePolicyResourceType for this kind of resource policy */
  resourceType?: string;
  /** the holder is the resource (an ECR repository policy): statements need no Resource */
  impliedResource?: boolean;
}

const identity = (argument: string): PolicySlot => ({ argument, type: 'identity' });
const resource = (argument: string, resourceType?: string): PolicySlot => ({
  argument,
  type: 'resource',
  ...(resourceType ? { resourceType } : {}),
});

/** Resource type -> the arguments that hold policy JSON. */
export const TERRAFORM_POLICY_ARGUMENTS: Record<string, PolicySlot[]> = {
  // identity policies
  aws_iam_policy: [identity('policy')],
  aws_iam_role_policy: [identity('policy')],
  aws_iam_user_policy: [identity('policy')],
  aws_iam_group_policy: [identity('policy')],
  aws_iam_role: [
    { argument: 'assume_role_policy', type: 'trust', resourceType: 'AWS::IAM::AssumeRolePolicyDocument' },
    identity('inline_policy.policy'),
  ],
  aws_ssoadmin_permission_set_inline_policy: [identity('inline_policy')],
  aws_transfer_user: [identity('policy')],
  aws_transfer_access: [identity('policy')],
  // AWS Organizations: SCPs, or RCPs when type = "RESOURCE_CONTROL_POLICY"
  aws_organizations_policy: [{ argument: 'content', type: 'scp' }],
  aws_organizations_resource_policy: [resource('content')],
  // S3
  aws_s3_bucket: [resource('policy', 'AWS::S3::Bucket')],
  // also the policy of a directory bucket (S3 Express): the kind comes from its resources
  aws_s3_bucket_policy: [resource('policy')],
  aws_s3_access_point: [resource('policy', 'AWS::S3::AccessPoint')],
  aws_s3control_access_point_policy: [resource('policy', 'AWS::S3::AccessPoint')],
  aws_s3control_bucket_policy: [resource('policy')],
  aws_s3control_multi_region_access_point_policy: [resource('details.policy', 'AWS::S3::MultiRegionAccessPoint')],
  aws_s3control_object_lambda_access_point_policy: [resource('policy', 'AWS::S3ObjectLambda::AccessPoint')],
  aws_s3control_access_grants_instance_resource_policy: [resource('policy')],
  aws_s3tables_table_bucket_policy: [resource('resource_policy')],
  aws_s3tables_table_policy: [resource('resource_policy')],
  // messaging, keys, secrets
  aws_sqs_queue: [resource('policy')],
  aws_sqs_queue_policy: [resource('policy')],
  aws_sns_topic: [resource('policy')],
  aws_sns_topic_policy: [resource('policy')],
  aws_kms_key: [resource('policy')],
  aws_kms_key_policy: [resource('policy')],
  aws_kms_replica_key: [resource('policy')],
  aws_kms_external_key: [resource('policy')],
  aws_kms_replica_external_key: [resource('policy')],
  aws_secretsmanager_secret: [resource('policy')],
  aws_secretsmanager_secret_policy: [resource('policy')],
  aws_acmpca_policy: [resource('policy')],
  // containers, artifacts, code
  aws_ecr_repository_policy: [{ ...resource('policy'), impliedResource: true }],
  aws_ecr_registry_policy: [resource('policy')],
  aws_ecrpublic_repository_policy: [{ ...resource('policy'), impliedResource: true }],
  aws_codeartifact_domain_permissions_policy: [resource('policy_document')],
  aws_codeartifact_repository_permissions_policy: [resource('policy_document')],
  aws_codebuild_resource_policy: [resource('policy')],
  aws_schemas_registry_policy: [resource('policy')],
  aws_sagemaker_model_package_group_policy: [resource('resource_policy')],
  // data and analytics
  aws_dynamodb_resource_policy: [resource('policy', 'AWS::DynamoDB::Table')],
  aws_kinesis_resource_policy: [resource('policy')],
  aws_glue_resource_policy: [resource('policy')],
  aws_redshift_resource_policy: [resource('policy')],
  aws_redshiftserverless_resource_policy: [resource('policy')],
  aws_msk_cluster_policy: [resource('policy')],
  aws_opensearch_domain: [resource('access_policies')],
  aws_opensearch_domain_policy: [resource('access_policies')],
  aws_elasticsearch_domain: [resource('access_policies')],
  aws_elasticsearch_domain_policy: [resource('access_policies')],
  aws_cloudsearch_domain_service_access_policy: [resource('access_policy')],
  aws_glacier_vault: [resource('access_policy')],
  aws_glacier_vault_lock: [resource('policy')],
  aws_backup_vault_policy: [resource('policy')],
  aws_efs_file_system_policy: [resource('policy')],
  aws_media_store_container_policy: [resource('policy')],
  // networking and APIs
  aws_vpc_endpoint: [resource('policy')],
  aws_vpc_endpoint_policy: [resource('policy')],
  aws_api_gateway_rest_api: [resource('policy')],
  aws_api_gateway_rest_api_policy: [resource('policy')],
  aws_networkfirewall_resource_policy: [resource('policy')],
  aws_vpclattice_auth_policy: [resource('policy')],
  aws_vpclattice_resource_policy: [resource('policy')],
  // logs, events, observability, email
  aws_cloudwatch_log_resource_policy: [resource('policy_document')],
  aws_cloudwatch_log_destination_policy: [resource('access_policy')],
  aws_cloudwatch_event_bus_policy: [resource('policy')],
  aws_xray_resource_policy: [resource('policy_document')],
  aws_oam_sink_policy: [resource('policy')],
  aws_ses_identity_policy: [resource('policy')],
};

/** Organizations policy types written in the IAM policy language (the others are tag, backup, AI opt-out, ... policies). */
export function organizationsPolicyType(typeArgument: string | undefined): PolicyType | undefined {
  const type = (typeArgument ?? 'SERVICE_CONTROL_POLICY').replace(/^"|"$/g, '');
  if (type === 'SERVICE_CONTROL_POLICY') {
    return 'scp';
  }
  if (type === 'RESOURCE_CONTROL_POLICY') {
    return 'rcp';
  }
  // a variable or expression: most likely an SCP
  return /^[A-Z_]+$/.test(type) ? undefined : 'scp';
}
