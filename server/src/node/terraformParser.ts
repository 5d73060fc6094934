/**
 * Loads tree-sitter (WebAssembly) and its Terraform grammar once. In the package both .wasm
 * files sit next to the bundle in dist/; from the compiled tests they come from node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as TreeSitter from 'web-tree-sitter';
import type { Parser } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<Parser | undefined> | undefined;

function locate(file: string, fallback: () => string): string {
  const bundled = path.join(__dirname, file);
  return fs.existsSync(bundled) ? bundled : fallback();
}

export function loadTerraformParser(onError: (err: unknown) => void = () => undefined): Promise<Parser | undefined> {
  loading ??= (async () => {
    try {
      // required here, not imported: only a Terraform document needs it
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Language, Parser } = require('web-tree-sitter') as typeof TreeSitter;
      await Parser.init({
        locateFile: (name: string) => locate(name, () => path.join(path.dirname(require.resolve('web-tree-sitter')), name)),
      });
      const language = await Language.load(
        locate('tree-sitter-terraform.wasm', () => require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')),
      );
      const p = new Parser();
      p.setLanguage(language);
      parser = p;
      return p;
    } catch (err) {
      onError(err);
      return undefined;
    }
  })();
  return loading;
}

/** The parser once loaded (undefined before, or when it could not load). */
export function terraformParser(): Parser | undefined {
  return parser;
}
