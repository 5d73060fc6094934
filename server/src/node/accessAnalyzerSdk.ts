/**
 * Loads the AWS SDK adapter on first use. In the packaged extension it is its own bundle
 * (dist/access-analyzer.js, next to dist/server.js); from the compiled tests it is the module
 * itself. Users who never enable Access Analyzer never load it (about 120 ms and 15 MB).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AccessAnalyzerApiFactory } from '../accessAnalyzer/model';
import type * as SdkModule from '../accessAnalyzer/sdk';

let factory: AccessAnalyzerApiFactory | undefined;

export function loadAccessAnalyzerApiFactory(): AccessAnalyzerApiFactory {
  if (!factory) {
    const bundled = path.join(__dirname, 'access-analyzer.js');
    const target = fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', 'accessAnalyzer', 'sdk.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    factory = (require(target) as typeof SdkModule).createAccessAnalyzerApi;
  }
  return factory;
}
