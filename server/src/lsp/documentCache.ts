/**
 * The analysed form of each open document, rebuilt only when the text version or the settings
 * generation changes, so completion, hover and diagnostics share one parse.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyFile } from '../policy/policyFile';

interface Entry {
  version: number;
  generation: number;
  file: PolicyFile;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument, generation: number, analyze: () => PolicyFile): PolicyFile {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version && entry.generation === generation) {
      return entry.file;
    }
    const file = analyze();
    this.entries.set(document.uri, { version: document.version, generation, file });
    return file;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
