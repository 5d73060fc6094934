/** Shapes of the translation files (a rule's messages.<locale>.ts, the message catalogs). */

/** A rule's translated description and message templates (same ids and `{{placeholders}}` as its meta). */
export interface RuleTranslation {
  description: string;
  messages: Record<string, string>;
}
