/** The evaluation engine's public surface: decide a request, compare what two policies grant, sample-check a rewrite. */
export * from './types';
export { evaluate, compilePolicy, describeStatement, mustAllowOwner, isKeyPolicy } from './evaluate';
export {
  compareAccess,
  standalone,
  allowAllIdentity,
  actionClasses,
  contextSamples,
  type AccessDiff,
  type AccessEntry,
  type CompareOptions,
} from './access';
export { ipInCidr, parseDate, parseNumber } from './conditionEval';
export { checkNeverWiden, type WideningReport } from './neverWiden';
export { decideWithAssumptions, type AssumptionId, type Decided } from './decide';
export { effectiveResource } from './evaluate';
