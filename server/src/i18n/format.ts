/** `{{name}}` placeholders filled from data (rule messages and the catalogs share it; unknown names stay as written). */

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** A template split at its placeholders: literal text at even indexes, placeholder names at odd ones. */
const compiled = new Map<string, string[]>();
/** Templates come from the message catalogs and the rules, a few thousand at most; past this the cache starts over. */
const COMPILED_KEPT = 5000;

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      parts.push(template.slice(last, m.index), m[1]);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    if (compiled.size >= COMPILED_KEPT) {
      compiled.clear();
    }
    compiled.set(template, parts);
  }
  return parts;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  if (!template.includes('{{')) {
    return template;
  }
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in data ? String(data[name]) : `{{${name}}}`) + parts[i + 1];
  }
  return out;
}
