/** Every rule's Japanese messages, by rule id (each rule keeps its own in rules/<id>/messages.ja.ts). */
import type { RuleTranslation } from './types';
import accountRootTrust from '../rules/account-root-trust/messages.ja';
import allowNotAction from '../rules/allow-not-action/messages.ja';
import allowNotPrincipal from '../rules/allow-not-principal/messages.ja';
import allowNotResource from '../rules/allow-not-resource/messages.ja';
import badMfaPattern from '../rules/bad-mfa-pattern/messages.ja';
import bom from '../rules/bom/messages.ja';
import broadManagedPolicy from '../rules/broad-managed-policy/messages.ja';
import broadWildcard from '../rules/broad-wildcard/messages.ja';
import bucketPolicyEscalation from '../rules/bucket-policy-escalation/messages.ja';
import commentInJson from '../rules/comment-in-json/messages.ja';
import conditionKeyNotApplicable from '../rules/condition-key-not-applicable/messages.ja';
import conditionTypeMismatch from '../rules/condition-type-mismatch/messages.ja';
import conditionValueFormat from '../rules/condition-value-format/messages.ja';
import conflictingElements from '../rules/conflicting-elements/messages.ja';
import credentialsExposure from '../rules/credentials-exposure/messages.ja';
import dataExfiltration from '../rules/data-exfiltration/messages.ja';
import dependentActions from '../rules/dependent-actions/messages.ja';
import deprecatedConditionKey from '../rules/deprecated-condition-key/messages.ja';
import duplicateKey from '../rules/duplicate-key/messages.ja';
import duplicateSid from '../rules/duplicate-sid/messages.ja';
import elementNotAllowed from '../rules/element-not-allowed/messages.ja';
import emptyStatement from '../rules/empty-statement/messages.ja';
import emptyValue from '../rules/empty-value/messages.ja';
import forallvaluesWithAllow from '../rules/forallvalues-with-allow/messages.ja';
import fullAdmin from '../rules/full-admin/messages.ja';
import ifExistsTrap from '../rules/if-exists-trap/messages.ja';
import invalidActionFormat from '../rules/invalid-action-format/messages.ja';
import invalidArnRegion from '../rules/invalid-arn-region/messages.ja';
import invalidArn from '../rules/invalid-arn/messages.ja';
import invalidCharacters from '../rules/invalid-characters/messages.ja';
import invalidEffect from '../rules/invalid-effect/messages.ja';
import invalidPrincipal from '../rules/invalid-principal/messages.ja';
import invalidSid from '../rules/invalid-sid/messages.ja';
import invalidVersion from '../rules/invalid-version/messages.ja';
import jsonSyntax from '../rules/json-syntax/messages.ja';
import mergeableStatements from '../rules/mergeable-statements/messages.ja';
import missingAction from '../rules/missing-action/messages.ja';
import missingEffect from '../rules/missing-effect/messages.ja';
import missingPrincipal from '../rules/missing-principal/messages.ja';
import missingResource from '../rules/missing-resource/messages.ja';
import missingSetOperator from '../rules/missing-set-operator/messages.ja';
import missingStatement from '../rules/missing-statement/messages.ja';
import missingVersion from '../rules/missing-version/messages.ja';
import oidcSubClaimOrder from '../rules/oidc-sub-claim-order/messages.ja';
import oidcTrustWithoutSub from '../rules/oidc-trust-without-sub/messages.ja';
import oldVersion from '../rules/old-version/messages.ja';
import passroleStar from '../rules/passrole-star/messages.ja';
import permissionsManagement from '../rules/permissions-management/messages.ja';
import policySize from '../rules/policy-size/messages.ja';
import policyVariable from '../rules/policy-variable/messages.ja';
import privateIpInSourceIp from '../rules/private-ip-in-source-ip/messages.ja';
import privilegeEscalation from '../rules/privilege-escalation/messages.ja';
import publicPrincipal from '../rules/public-principal/messages.ja';
import rcpRestrictions from '../rules/rcp-restrictions/messages.ja';
import redundantAction from '../rules/redundant-action/messages.ja';
import resourceEffectivelyStar from '../rules/resource-effectively-star/messages.ja';
import resourceStar from '../rules/resource-star/messages.ja';
import resourceTypeMismatch from '../rules/resource-type-mismatch/messages.ja';
import s3ObjectArnTypo from '../rules/s3-object-arn-typo/messages.ja';
import servicePrincipalWithoutSource from '../rules/service-principal-without-source/messages.ja';
import serviceWildcard from '../rules/service-wildcard/messages.ja';
import setOperatorOnSingleValuedKey from '../rules/set-operator-on-single-valued-key/messages.ja';
import starAction from '../rules/star-action/messages.ja';
import statementNeverApplies from '../rules/statement-never-applies/messages.ja';
import trailingComma from '../rules/trailing-comma/messages.ja';
import unknownAction from '../rules/unknown-action/messages.ja';
import unknownManagedPolicy from '../rules/unknown-managed-policy/messages.ja';
import unknownConditionKey from '../rules/unknown-condition-key/messages.ja';
import unknownConditionOperator from '../rules/unknown-condition-operator/messages.ja';
import unknownElement from '../rules/unknown-element/messages.ja';
import unknownService from '../rules/unknown-service/messages.ja';
import variableRequiresVersion from '../rules/variable-requires-version/messages.ja';
import whitespaceInValue from '../rules/whitespace-in-value/messages.ja';
import wildcardMatchesNothing from '../rules/wildcard-matches-nothing/messages.ja';
import wildcardWithoutLike from '../rules/wildcard-without-like/messages.ja';
import wrongType from '../rules/wrong-type/messages.ja';

export const RULE_MESSAGES_JA: Record<string, RuleTranslation> = {
  'account-root-trust': accountRootTrust,
  'allow-not-action': allowNotAction,
  'allow-not-principal': allowNotPrincipal,
  'allow-not-resource': allowNotResource,
  'bad-mfa-pattern': badMfaPattern,
  bom: bom,
  'broad-managed-policy': broadManagedPolicy,
  'broad-wildcard': broadWildcard,
  'bucket-policy-escalation': bucketPolicyEscalation,
  'comment-in-json': commentInJson,
  'condition-key-not-applicable': conditionKeyNotApplicable,
  'condition-type-mismatch': conditionTypeMismatch,
  'condition-value-format': conditionValueFormat,
  'conflicting-elements': conflictingElements,
  'credentials-exposure': credentialsExposure,
  'data-exfiltration': dataExfiltration,
  'dependent-actions': dependentActions,
  'deprecated-condition-key': deprecatedConditionKey,
  'duplicate-key': duplicateKey,
  'duplicate-sid': duplicateSid,
  'element-not-allowed': elementNotAllowed,
  'empty-statement': emptyStatement,
  'empty-value': emptyValue,
  'forallvalues-with-allow': forallvaluesWithAllow,
  'full-admin': fullAdmin,
  'if-exists-trap': ifExistsTrap,
  'invalid-action-format': invalidActionFormat,
  'invalid-arn': invalidArn,
  'invalid-arn-region': invalidArnRegion,
  'invalid-characters': invalidCharacters,
  'invalid-effect': invalidEffect,
  'invalid-principal': invalidPrincipal,
  'invalid-sid': invalidSid,
  'invalid-version': invalidVersion,
  'json-syntax': jsonSyntax,
  'mergeable-statements': mergeableStatements,
  'missing-action': missingAction,
  'missing-effect': missingEffect,
  'missing-principal': missingPrincipal,
  'missing-resource': missingResource,
  'missing-set-operator': missingSetOperator,
  'missing-statement': missingStatement,
  'missing-version': missingVersion,
  'oidc-sub-claim-order': oidcSubClaimOrder,
  'oidc-trust-without-sub': oidcTrustWithoutSub,
  'old-version': oldVersion,
  'passrole-star': passroleStar,
  'permissions-management': permissionsManagement,
  'policy-size': policySize,
  'policy-variable': policyVariable,
  'private-ip-in-source-ip': privateIpInSourceIp,
  'privilege-escalation': privilegeEscalation,
  'public-principal': publicPrincipal,
  'rcp-restrictions': rcpRestrictions,
  'redundant-action': redundantAction,
  'resource-effectively-star': resourceEffectivelyStar,
  'resource-star': resourceStar,
  'resource-type-mismatch': resourceTypeMismatch,
  's3-object-arn-typo': s3ObjectArnTypo,
  'service-principal-without-source': servicePrincipalWithoutSource,
  'service-wildcard': serviceWildcard,
  'set-operator-on-single-valued-key': setOperatorOnSingleValuedKey,
  'star-action': starAction,
  'statement-never-applies': statementNeverApplies,
  'trailing-comma': trailingComma,
  'unknown-action': unknownAction,
  'unknown-managed-policy': unknownManagedPolicy,
  'unknown-condition-key': unknownConditionKey,
  'unknown-condition-operator': unknownConditionOperator,
  'unknown-element': unknownElement,
  'unknown-service': unknownService,
  'variable-requires-version': variableRequiresVersion,
  'whitespace-in-value': whitespaceInValue,
  'wildcard-matches-nothing': wildcardMatchesNothing,
  'wildcard-without-like': wildcardWithoutLike,
  'wrong-type': wrongType,
};
