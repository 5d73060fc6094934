/** `{{name}}` placeholders filled from data (rule messages and the catalogs share it; unknown names stay as written). */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => (name in data ? String(data[name]) : `{{${name}}}`));
}
