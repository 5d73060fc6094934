/**
 * Whether the client asks before an IAM Access Analyzer call (issue 17): the billed custom checks
 * (CheckNoNewAccess, CheckAccessNotGranted, CheckNoPublicAccess) always confirm their cost, with no
 * "don't ask again"; only the free ValidatePolicy may be remembered. Pure, so it is tested without VS Code.
 */

/** The custom policy checks AWS charges for, each call. */
export const BILLED_CHECKS = ['CheckNoNewAccess', 'CheckAccessNotGranted', 'CheckNoPublicAccess'] as const;

export type BilledCheck = (typeof BILLED_CHECKS)[number];

export function isBilledCheck(name: string): name is BilledCheck {
  return (BILLED_CHECKS as readonly string[]).includes(name);
}

export interface ConfirmationDecision {
  /** show the confirmation before the call */
  ask: boolean;
  /** the confirmation may offer "Run, don't ask again" (and a remembered answer may skip it) */
  offerDontAskAgain: boolean;
}

/**
 * The decision for one call of `check` ("ValidatePolicy" or a billed check's name).
 * `remembered`: the user chose "don't ask again" before (globalState). A billed check ignores it:
 * a remembered answer from an older version, or one given for ValidatePolicy, never skips its cost.
 */
export function confirmationFor(check: string, remembered: boolean): ConfirmationDecision {
  if (isBilledCheck(check)) {
    return { ask: true, offerDontAskAgain: false };
  }
  if (check === 'ValidatePolicy') {
    return { ask: !remembered, offerDontAskAgain: true };
  }
  // anything else that sends policy text: ask, and never remember
  return { ask: true, offerDontAskAgain: false };
}
