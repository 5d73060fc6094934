/** Reads snippets/iam-policy.code-snippets for the completion templates. */
import fs from 'node:fs';
import type { StatementTemplate } from '../features/completion/completion';
import { templatesFromSnippets, type SnippetEntry } from '../features/completion/templates';
import { snippetsPath } from './files';

export function loadTemplates(file: string = snippetsPath()): StatementTemplate[] {
  if (!fs.existsSync(file)) {
    return [];
  }
  return templatesFromSnippets(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, SnippetEntry>);
}
