/** The evaluation engine's public surface: decide a request, compare what two policies grant, sample-check a rewrite. */
export * from './types';
export { evaluate, compilePolicy, describeStatement } from './evaluate';
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
export { decideWithAssumptions, type Decided } from './decide';
export { effectiveResource } from './evaluate';
