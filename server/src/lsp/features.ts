/** The feature handlers beyond completion and hover, in registration order. */
import { registerAccessAnalyzer } from './handlers/accessAnalyzer';
import { registerCodeActions } from './handlers/codeActions';
import { registerCodeLens } from './handlers/codeLens';
import { registerDiagnostics } from './handlers/diagnostics';
import type { FeatureRegistration } from './server';

export function serverFeatures(): FeatureRegistration[] {
  return [registerDiagnostics, registerCodeActions, registerCodeLens, registerAccessAnalyzer];
}
