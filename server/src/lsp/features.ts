/** The feature handlers beyond completion and hover, in registration order. */
import { registerCodeActions } from './handlers/codeActions';
import { registerDiagnostics } from './handlers/diagnostics';
import type { FeatureRegistration } from './server';

export function serverFeatures(): FeatureRegistration[] {
  return [registerDiagnostics, registerCodeActions];
}
