/** Descriptions of the policy grammar's elements, and which elements each policy type allows. */
import { localizedRecord } from '../i18n';

export const TOP_LEVEL_ELEMENT_DOCS: Record<string, string> = localizedRecord({
  Version:
    'Policy language version. Always `2012-10-17`: with the old `2008-10-17`, policy variables such as `${aws:username}` are treated as literal text.',
  Id: 'Optional identifier of the policy (some resource policies, such as SNS and SQS, recommend a UUID).',
  Statement:
    'One statement object or an array of them. Each grants (Allow) or denies (Deny) actions on resources, optionally under conditions.',
});

export const STATEMENT_ELEMENT_DOCS: Record<string, string> = localizedRecord({
  Sid: 'Optional statement ID (letters and digits), unique within the policy.',
  Effect: '`Allow` or `Deny`. An explicit Deny always wins over any Allow.',
  Principal:
    'Who the statement applies to. Required in resource policies, role trust policies and RCPs; not allowed in identity policies and SCPs.',
  NotPrincipal:
    'Every principal except the listed ones. Use only with Deny (with Allow it grants access to everyone else, including anonymous users).',
  Action: 'Actions the statement allows or denies, as `service:Action`; `*` and `?` wildcards are allowed.',
  NotAction: 'Every action except the listed ones. With Allow it also grants actions AWS adds later: prefer Action.',
  Resource: 'ARNs of the resources the actions apply to. Use `*` only for actions that do not support resource-level permissions.',
  NotResource: 'Every resource except the listed ones. With Allow it grants access to resources created later: prefer Resource.',
  Condition:
    'Conditions under which the statement applies: `{ "Operator": { "key": value } }`. Operators are ANDed; values of one key are ORed.',
});

export { elementsAllowed } from '../policy/grammar';

export const PRINCIPAL_DOCS: Record<string, string> = localizedRecord({
  AWS: 'AWS accounts, IAM users and roles, and role sessions, by ARN or 12-digit account ID.',
  Service: 'AWS service principals (`<service>.amazonaws.com`).',
  Federated: 'Web identity (OIDC) and SAML identity providers.',
  CanonicalUser: 'Amazon S3 canonical user IDs.',
});
