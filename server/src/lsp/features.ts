/** Every feature's handlers (handlers/*.ts), in registration order. */
import { registerAccess } from './handlers/access';
import { registerAccessAnalyzer } from './handlers/accessAnalyzer';
import { registerAccessDiff } from './handlers/accessDiff';
import { registerAccessTests } from './handlers/accessTests';
import { registerCodeActions } from './handlers/codeActions';
import { registerCodeLens } from './handlers/codeLens';
import { registerCompletion } from './handlers/completion';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerDocumentInfo } from './handlers/documentInfo';
import { registerDocumentLinks } from './handlers/documentLinks';
import { registerDocumentSymbols } from './handlers/documentSymbols';
import { registerHover } from './handlers/hover';
import { registerInlayHints } from './handlers/inlayHints';
import type { FeatureRegistration } from './state';

export function serverFeatures(): FeatureRegistration[] {
  return [
    registerCompletion,
    registerHover,
    registerDocumentInfo,
    registerDiagnostics,
    registerCodeActions,
    registerCodeLens,
    registerDocumentSymbols,
    registerDocumentLinks,
    registerInlayHints,
    registerAccessAnalyzer,
    registerAccess,
    registerAccessTests,
    registerAccessDiff,
  ];
}
