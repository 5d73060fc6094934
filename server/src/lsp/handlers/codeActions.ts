/**
 * textDocument/codeAction: quick-fixes, refactors and fix-all, computed from the current text.
 * Fix-all runs the CLI's loop (fixUntilStable) over this document's analysis and settings, so the
 * editor reaches the text `iam-policy-lint --fix` writes, in one edit set.
 */
import { CodeActionKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, getCodeActions, type CodeActionContext, type FixTarget } from '../../features/codeActions/codeActions';
import { getDiagnostics } from '../../features/diagnostics/diagnostics';
import { ignoredRules } from '../../features/diagnostics/ignore';
import { t } from '../../i18n';
import { formatError, runSafeAsync } from '../runSafe';
import type { FeatureRegistration } from '../state';
import { keepSafeEdits } from '../../features/codeActions/editGuard';

const COMMENT_PREFIX: Record<string, string> = {
  jsonc: '//',
  yaml: '#',
  terraform: '#',
  typescript: '//',
  javascript: '//',
  typescriptreact: '//',
  javascriptreact: '//',
  python: '#',
};

export const registerCodeActions: FeatureRegistration = (state, capabilities) => {
  capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] };
  const workspaceEdit = state.clientCapabilities.workspace?.workspaceEdit;
  const snippetEdits =
    !!workspaceEdit?.documentChanges && !!(workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport;

  state.connection.onCodeAction((params, token) =>
    runSafeAsync(state.logger, 'code actions', token, [], async () => {
      const found = await state.fileFor(params.textDocument.uri);
      if (!found?.file.isPolicy) {
        return [];
      }
      const only = params.context.only;
      const fixAll = !!only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`) || o === CodeActionKind.Source);
      const { document, settings } = found;
      const uri = document.uri;
      const prefix = COMMENT_PREFIX[document.languageId];
      const context: CodeActionContext = {
        catalog: state.catalog(),
        document,
        file: found.file,
        snippetEdits,
        clientCommands: state.clientCommands,
        ...(prefix ? { commentPrefix: prefix } : {}),
      };
      // fix-all: every diagnostic of each round's text (not only those the client sent for the
      // range), uncapped, as the CLI sees them
      const fixTarget: FixTarget | undefined = fixAll
        ? {
            analyze: found.analyze,
            diagnose: (text, file) =>
              settings.validate.enable
                ? getDiagnostics(file, state.catalog(), TextDocument.create(uri, document.languageId, document.version, text), {
                    severities: settings.rules,
                    ignored: ignoredRules(uri, settings.ignore),
                    now: state.runtime.now?.() ?? new Date(),
                    docsUrl: state.runtime.docsUrl,
                    onRuleFailure: (ruleId, error) => state.logger.error(formatError(t('log.ruleFailed', { rule: ruleId }), error)),
                  })
                : [],
            context: (text, file) => ({
              ...context,
              snippetEdits: false,
              document: TextDocument.create(uri, document.languageId, document.version, text),
              file,
            }),
          }
        : undefined;
      const actions = getCodeActions(context, params.range, params.context.diagnostics, only, undefined, fixTarget);
      // policies written as JSON strings: never an edit that breaks the string
      return keepSafeEdits(actions, found.file, document);
    }),
  );
};
