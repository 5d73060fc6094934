/**
 * The registry: every rule, explicitly. A rule's id is its folder name and its diagnostic code
 * (rules/docs.test.ts checks that folders, ids and READMEs agree).
 */
import type { Rule } from './ruleApi';
import accountRootTrust from './account-root-trust/rule';
import allowNotAction from './allow-not-action/rule';
import allowNotPrincipal from './allow-not-principal/rule';
import allowNotResource from './allow-not-resource/rule';
import badMfaPattern from './bad-mfa-pattern/rule';
import bomRule from './bom/rule';
import broadWildcard from './broad-wildcard/rule';
import broadManagedPolicy from './broad-managed-policy/rule';
import bucketPolicyEscalation from './bucket-policy-escalation/rule';
import commentInJson from './comment-in-json/rule';
import conditionKeyNotApplicable from './condition-key-not-applicable/rule';
import conditionTypeMismatch from './condition-type-mismatch/rule';
import conditionValueFormat from './condition-value-format/rule';
import conflictingElements from './conflicting-elements/rule';
import credentialsExposure from './credentials-exposure/rule';
import dataExfiltration from './data-exfiltration/rule';
import dependentActions from './dependent-actions/rule';
import deprecatedConditionKey from './deprecated-condition-key/rule';
import duplicateKey from './duplicate-key/rule';
import duplicateSid from './duplicate-sid/rule';
import elementNotAllowed from './element-not-allowed/rule';
import emptyStatement from './empty-statement/rule';
import emptyValue from './empty-value/rule';
import forallvaluesWithAllow from './forallvalues-with-allow/rule';
import fullAdmin from './full-admin/rule';
import ifExistsTrap from './if-exists-trap/rule';
import invalidActionFormat from './invalid-action-format/rule';
import invalidArn from './invalid-arn/rule';
import invalidArnRegion from './invalid-arn-region/rule';
import invalidCharacters from './invalid-characters/rule';
import invalidEffect from './invalid-effect/rule';
import invalidPrincipal from './invalid-principal/rule';
import invalidSid from './invalid-sid/rule';
import invalidVersion from './invalid-version/rule';
import jsonSyntax from './json-syntax/rule';
import mergeableStatements from './mergeable-statements/rule';
import missingAction from './missing-action/rule';
import missingEffect from './missing-effect/rule';
import missingPrincipal from './missing-principal/rule';
import missingResource from './missing-resource/rule';
import missingSetOperator from './missing-set-operator/rule';
import missingStatement from './missing-statement/rule';
import missingVersion from './missing-version/rule';
import oidcSubClaimOrder from './oidc-sub-claim-order/rule';
import oidcTrustWithoutSub from './oidc-trust-without-sub/rule';
import oldVersion from './old-version/rule';
import passroleStar from './passrole-star/rule';
import permissionsManagement from './permissions-management/rule';
import policySize from './policy-size/rule';
import policyVariable from './policy-variable/rule';
import privateIpInSourceIp from './private-ip-in-source-ip/rule';
import privilegeEscalation from './privilege-escalation/rule';
import publicPrincipal from './public-principal/rule';
import rcpRestrictions from './rcp-restrictions/rule';
import redundantAction from './redundant-action/rule';
import resourceEffectivelyStar from './resource-effectively-star/rule';
import resourceStar from './resource-star/rule';
import resourceTypeMismatch from './resource-type-mismatch/rule';
import s3ObjectArnTypo from './s3-object-arn-typo/rule';
import servicePrincipalWithoutSource from './service-principal-without-source/rule';
import serviceWildcard from './service-wildcard/rule';
import setOperatorOnSingleValuedKey from './set-operator-on-single-valued-key/rule';
import starAction from './star-action/rule';
import statementNeverApplies from './statement-never-applies/rule';
import trailingComma from './trailing-comma/rule';
import unknownAction from './unknown-action/rule';
import unknownManagedPolicy from './unknown-managed-policy/rule';
import unknownConditionKey from './unknown-condition-key/rule';
import unknownConditionOperator from './unknown-condition-operator/rule';
import unknownElement from './unknown-element/rule';
import unknownService from './unknown-service/rule';
import variableRequiresVersion from './variable-requires-version/rule';
import whitespaceInValue from './whitespace-in-value/rule';
import wildcardMatchesNothing from './wildcard-matches-nothing/rule';
import wildcardWithoutLike from './wildcard-without-like/rule';
import wrongType from './wrong-type/rule';

export const ALL_RULES: readonly Rule[] = [
  accountRootTrust,
  allowNotAction,
  allowNotPrincipal,
  allowNotResource,
  badMfaPattern,
  bomRule,
  broadManagedPolicy,
  broadWildcard,
  bucketPolicyEscalation,
  commentInJson,
  conditionKeyNotApplicable,
  conditionTypeMismatch,
  conditionValueFormat,
  conflictingElements,
  credentialsExposure,
  dataExfiltration,
  dependentActions,
  deprecatedConditionKey,
  duplicateKey,
  duplicateSid,
  elementNotAllowed,
  emptyStatement,
  emptyValue,
  forallvaluesWithAllow,
  fullAdmin,
  ifExistsTrap,
  invalidActionFormat,
  invalidArn,
  invalidArnRegion,
  invalidCharacters,
  invalidEffect,
  invalidPrincipal,
  invalidSid,
  invalidVersion,
  jsonSyntax,
  mergeableStatements,
  missingAction,
  missingEffect,
  missingPrincipal,
  missingResource,
  missingSetOperator,
  missingStatement,
  missingVersion,
  oidcSubClaimOrder,
  oidcTrustWithoutSub,
  oldVersion,
  passroleStar,
  permissionsManagement,
  policySize,
  policyVariable,
  privateIpInSourceIp,
  privilegeEscalation,
  publicPrincipal,
  rcpRestrictions,
  redundantAction,
  resourceEffectivelyStar,
  resourceStar,
  resourceTypeMismatch,
  s3ObjectArnTypo,
  servicePrincipalWithoutSource,
  serviceWildcard,
  setOperatorOnSingleValuedKey,
  starAction,
  statementNeverApplies,
  trailingComma,
  unknownAction,
  unknownManagedPolicy,
  unknownConditionKey,
  unknownConditionOperator,
  unknownElement,
  unknownService,
  variableRequiresVersion,
  whitespaceInValue,
  wildcardMatchesNothing,
  wildcardWithoutLike,
  wrongType,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
