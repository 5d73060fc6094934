/**
 * Entry point of the language server: `iam-policy-language-server --stdio` (or `--node-ipc`,
 * `--socket=<port>`), with optional Access Analyzer connection flags (node/serverArgs.ts). Any
 * LSP client can start it.
 */
import { createReadRelative } from './node/relativeFiles';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { serverFeatures } from './lsp/features';
import { loadCatalog } from './node/loadCatalog';
import { loadTemplates } from './node/loadTemplates';
import { loadAccessAnalyzerApiFactory } from './node/accessAnalyzerSdk';
import { loadTerraformParser, terraformParser } from './node/terraformParser';
import { createEmbeddedExtractor, TERRAFORM_LANGUAGES } from './embedded';
import { clearProjectConfigCache, findProjectConfig } from './node/projectConfig';
import { fileURLToPath } from 'node:url';
import { packageVersion, ruleDocsUrl } from './node/files';
import { headText, savedText } from './node/git';
import { parseServerArgs } from './node/serverArgs';
import { localeFromEnv, setLocale, t } from './i18n';

function main(): void {
  // before initialize, the help and argument errors speak the environment's language
  setLocale(localeFromEnv(process.env));
  const parsed = parseServerArgs(process.argv.slice(2));
  if (parsed.kind === 'version') {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  if (parsed.kind === 'help') {
    process.stdout.write(t('server.usage', { version: packageVersion() }));
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`iam-policy-language-server: ${parsed.message}\n${t('server.seeHelp')}\n`);
    process.exitCode = 2;
    return;
  }
  // the protocol library reads the transport from process.argv: give it only the transport flags
  process.argv = [...process.argv.slice(0, 2), ...parsed.argv];
  const connection = createConnection(ProposedFeatures.all);
  startServer(
    connection,
    {
      loadCatalog: () => loadCatalog(),
      loadTemplates: () => loadTemplates(),
      serverInfo: { name: 'iam-policy-language-server', version: packageVersion() },
      docsUrl: ruleDocsUrl,
      accessAnalyzerApi: (config) => loadAccessAnalyzerApiFactory()(config),
      embedded: createEmbeddedExtractor({ terraform: terraformParser }),
      projectConfigChanged: clearProjectConfigCache,
      projectConfig: (uri) => (uri.startsWith('file:') ? findProjectConfig(fileURLToPath(uri)).value : undefined),
      projectConfigFile: (uri) => (uri.startsWith('file:') ? findProjectConfig(fileURLToPath(uri)).file : undefined),
      readTextFile: savedText,
      readRelative: createReadRelative,
      gitHeadText: headText,
      connectionFlags: parsed.flags,
      // Terraform documents wait for the parser (WebAssembly, loaded in the background)
      embeddedReady: (languageId) => (TERRAFORM_LANGUAGES.has(languageId) ? loadTerraformParser().then(() => undefined) : undefined),
    },
    serverFeatures(),
  );
}

main();
