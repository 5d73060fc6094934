/**
 * The YAML reader's messages, by the `yaml` library's error code: the library's own English text
 * is never shown (it is not in our catalogs, so it could not be translated). These English texts
 * reach json-syntax's `{{message}}`; their Japanese is in i18n/fragments.ja.ts (EXACT_JA), and
 * i18n.test.ts checks that every one has it.
 */
export const YAML_ERROR_MESSAGES: Record<string, string> = {
  ALIAS_PROPS: 'An alias cannot have an anchor or a tag.',
  BAD_ALIAS: 'Invalid alias.',
  BAD_COLLECTION_TYPE: 'This collection does not fit its tag.',
  BAD_DIRECTIVE: 'Invalid YAML directive.',
  BAD_DQ_ESCAPE: 'Invalid escape sequence in a double-quoted string.',
  BAD_INDENT: 'Bad indentation.',
  BAD_PROP_ORDER: 'An anchor or a tag must come before the value.',
  BAD_SCALAR_START: 'A plain value cannot start with this character: quote the value.',
  BLOCK_AS_IMPLICIT_KEY: 'A block collection cannot be a key.',
  BLOCK_IN_FLOW: 'A block collection cannot be inside a flow collection ([...] or {...}).',
  DUPLICATE_KEY: 'Duplicate key.',
  IMPOSSIBLE: 'The YAML could not be read here.',
  MISSING_CHAR: 'A closing character is missing (a quote, "]" or "}").',
  MULTILINE_IMPLICIT_KEY: 'A key must be on a single line.',
  MULTIPLE_ANCHORS: 'A value can have only one anchor.',
  MULTIPLE_DOCS: 'The file holds more than one YAML document: only the first is read.',
  MULTIPLE_TAGS: 'A value can have only one tag.',
  NON_STRING_KEY: 'A key must be a string.',
  RESOURCE_EXHAUSTION: 'Too many aliases to expand.',
  TAB_AS_INDENT: 'A tab cannot be used for indentation: use spaces.',
  TAG_RESOLVE_FAILED: 'Unresolved tag.',
  UNEXPECTED_TOKEN: 'Unexpected content here.',
};

/** The most frequent variants of BAD_INDENT, told apart (the library has one code for several). */
export const YAML_BAD_INDENT_MAPPING = 'All mapping items must start at the same column';
export const YAML_BAD_INDENT_SEQUENCE = 'All sequence items must start at the same column';
/** A code this table does not know (a newer library) and a failure of the reader itself. */
export const YAML_UNKNOWN_ERROR = 'The YAML is not valid here.';
export const YAML_UNREADABLE = 'The YAML could not be read.';

/** Our message for one of the library's errors (its code, and its text only to tell variants apart). */
export function yamlErrorMessage(code: string, libraryMessage: string): string {
  if (code === 'BAD_INDENT') {
    if (/^All mapping items must start at the same column/.test(libraryMessage)) {
      return YAML_BAD_INDENT_MAPPING;
    }
    if (/^All sequence items must start at the same column/.test(libraryMessage)) {
      return YAML_BAD_INDENT_SEQUENCE;
    }
  }
  return Object.prototype.hasOwnProperty.call(YAML_ERROR_MESSAGES, code) ? YAML_ERROR_MESSAGES[code] : YAML_UNKNOWN_ERROR;
}

/** Every message the YAML reader can produce (the i18n test checks each has a Japanese text). */
export const ALL_YAML_MESSAGES: readonly string[] = [
  ...Object.values(YAML_ERROR_MESSAGES),
  YAML_BAD_INDENT_MAPPING,
  YAML_BAD_INDENT_SEQUENCE,
  YAML_UNKNOWN_ERROR,
  YAML_UNREADABLE,
];
