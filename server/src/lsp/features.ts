/** The feature handlers beyond completion and hover, in registration order. */
import type { FeatureRegistration } from './server';

export function serverFeatures(): FeatureRegistration[] {
  return [];
}
