/** The actions data-exfiltration reports. */
/** Reads that return data or secrets (Cloudsplaining's data exfiltration list, plus object versions and KMS). */
export const EXFILTRATION_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'secretsmanager:GetSecretValue',
  'kms:Decrypt',
];
