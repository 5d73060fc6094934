/**
 * Entry point of the language server: `iam-policy-language-server --stdio` (or `--node-ipc`,
 * `--socket=<port>`). Any LSP client can start it.
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

const USAGE = `iam-policy-language-server ${packageVersion()}
Language server for AWS IAM policies (completion, hover, diagnostics, quick-fixes).

Usage: iam-policy-language-server [--stdio | --node-ipc | --socket=<port>]
  --stdio          speak LSP over stdin/stdout (default)
  --node-ipc       speak LSP over Node IPC (when started by VS Code)
  --socket=<port>  connect to a socket
  --version        print the version
  --help           print this help
`;

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const transports = ['--stdio', '--node-ipc'];
  if (!args.some((a) => transports.includes(a) || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    process.argv.push('--stdio');
  }
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
      // Terraform documents wait for the parser (WebAssembly, loaded in the background)
      embeddedReady: (languageId) => (TERRAFORM_LANGUAGES.has(languageId) ? loadTerraformParser().then(() => undefined) : undefined),
    },
    serverFeatures(),
  );
}

main();
