/** Small helpers for the Markdown shown in hovers and completion documentation. */
import type { IamCatalog } from '../catalog/catalog';
import { t } from '../i18n';

/** Escapes text for Markdown (not inside code spans). */
export function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** A code span that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

export function link(label: string, url: string): string {
  return `[${md(label)}](${url})`;
}

export function catalogFooter(catalog: IamCatalog): string {
  return `_${t('hover.catalogFooter', { source: `${catalog.source.package}@${catalog.source.version}`, date: catalog.dataDate })}_`;
}

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
