/**
 * Printable text for a terminal or a log: control characters (C0, DEL, C1) and the bidirectional
 * overrides that can hide or reorder text are shown as escapes, so nothing a policy or a file
 * name contains reaches the terminal as a command, and every finding stays on one line.
 */

// C0 (tab and newline included: a finding is one line), DEL, C1, and the bidi embeddings,
// overrides and isolates (U+202A-U+202E, U+2066-U+2069); lone surrogates are shown too
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(4, '0');

/** Text with unsafe characters as `\n`, `\t`, `\r` or `\u001b`-style escapes. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${hex(c)}`));
}

/**
 * JSON.stringify output with the characters it leaves raw (DEL, C1, bidi controls) as JSON
 * `\uXXXX` escapes: the same value, safe to `cat`.
 */
export function escapeJson(json: string): string {
  // C0 inside strings is already escaped; outside them it is the layout (newlines)
  return json.replace(RAW_IN_JSON, (c) => `\\u${hex(c)}`);
}

const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
