/**
 * Localized text: `t(id, args)` for the server's and CLI's own strings, `ruleMessage` and
 * `ruleDescription` for rule findings. English is the fallback for any missing string; a message
 * is never empty and never a raw id. Terms: docs/glossary.ja.md.
 */
import { formatMessage } from './format';
import { DOCS_JA } from './docs.ja';
import {
  ACCESS_LEVELS_JA,
  CONDITION_PATTERNS_JA,
  CONDITION_PHRASES_JA,
  ESCALATION_METHODS_JA,
  EXACT_JA,
  PATTERNS_JA,
} from './fragments.ja';
import { evaluateSentenceJa } from './evaluate.ja';
import { TEMPLATES_JA } from './templates.ja';
import { getLocale, type Locale } from './locale';
import { MESSAGES_EN, type MessageId } from './messages.en';
import { MESSAGES_JA } from './messages.ja';
import { RULE_MESSAGES_JA } from './ruleMessages.ja';
import type { RuleTranslation } from './types';

export { getLocale, localeFromEnv, normalizeLocale, pickLocale, setLocale, withLocale, type Locale } from './locale';
export type { MessageId } from './messages.en';

const CATALOGS: Record<Locale, Partial<Record<MessageId, string>>> = { en: MESSAGES_EN, ja: MESSAGES_JA };
const RULE_CATALOGS: Record<Locale, Record<string, RuleTranslation>> = { en: {}, ja: RULE_MESSAGES_JA };

/** The text of a message in the current locale (English when the locale has none). */
export function t(id: MessageId, args?: Record<string, string | number>): string {
  const template = CATALOGS[getLocale()][id] || MESSAGES_EN[id] || id;
  if (!args || !template.includes('{{')) {
    return template;
  }
  // {{n:one:other}}: the word for the number n (English plurals; Japanese has none)
  const plural = template.replace(/\{\{\s*(\w+):([^:}]*):([^}]*)\}\}/g, (_m, name: string, one: string, other: string) =>
    Number(args[name]) === 1 ? one : other,
  );
  return formatMessage(plural, args);
}

/** English phrases inside finding data -> the current locale (user values pass through). */
export function translateFragment(value: string, locale: Locale = getLocale()): string {
  if (locale !== 'ja' || value === '') {
    return value;
  }
  if (Object.prototype.hasOwnProperty.call(EXACT_JA, value)) {
    return EXACT_JA[value];
  }
  for (const [re, fn] of PATTERNS_JA) {
    const m = value.match(re);
    if (m) {
      return fn(m, (s) => translateFragment(s, locale));
    }
  }
  return value;
}

/** Data keys that rules fill with English phrases; other keys hold what the user wrote. */
const PROSE_KEYS = new Set([
  'why',
  'scope',
  'what',
  'who',
  'consequence',
  'example',
  'aud',
  'type',
  'expected',
  'absent',
  'verb',
  'article',
  'suggestion',
  'counting',
  'plural',
  'regions',
  'where',
  'message',
  'examples',
  'actions',
  'methods',
  'levels',
  'suggestions',
  'when',
  'first',
  'reason',
]);

function translateData(data: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || !PROSE_KEYS.has(key)) {
      out[key] = value;
      continue;
    }
    let v = translateFragment(value, locale);
    if (key === 'methods') {
      for (const [en, ja] of Object.entries(ESCALATION_METHODS_JA)) {
        v = v.split(en).join(ja);
      }
    } else if (key === 'levels') {
      v = v.replace(/Permissions management|List|Read|Write|Tagging/g, (l) => ACCESS_LEVELS_JA[l] ?? l).replace(/, /g, '、');
    } else if (key === 'suggestions') {
      v = v.split('" or "').join('" または "');
    }
    out[key] = v;
  }
  return out;
}

/** A finding's message in the current locale: the rule's translation with translated data, else the English message. */
export function ruleMessage(finding: {
  ruleId: string;
  messageId: string;
  message: string;
  data?: Record<string, string | number>;
}): string {
  const locale = getLocale();
  const template = RULE_CATALOGS[locale][finding.ruleId]?.messages[finding.messageId];
  if (!template) {
    return finding.message;
  }
  const text = formatMessage(template, translateData(finding.data ?? {}, locale));
  return text.trim() === '' ? finding.message : text;
}

/** A rule's one-line description in the current locale. */
export function ruleDescription(rule: { id: string; meta: { description: string } }): string {
  return RULE_CATALOGS[getLocale()][rule.id]?.description || rule.meta.description;
}

/** The translation of a rule in a locale (tests and docs tooling). */
export function ruleTranslation(locale: Locale, ruleId: string): RuleTranslation | undefined {
  return RULE_CATALOGS[locale][ruleId];
}

/** The message catalog of a locale (tests). */
export function catalogOf(locale: Locale): Partial<Record<MessageId, string>> {
  return CATALOGS[locale];
}

/** An access level name ("Permissions management") in the current locale. */
export function accessLevelName(level: string): string {
  const id = `accessLevel.${level}` as MessageId;
  return id in MESSAGES_EN ? t(id) : level;
}

/** A policy type's label ("Role trust policy") in the current locale. */
export function policyTypeLabel(type: string): string {
  const id = `policyType.${type}` as MessageId;
  return id in MESSAGES_EN ? t(id) : type;
}

/** A documentation text kept in English in its own table (operators, elements), in the current locale. */
export function localizeDoc(english: string): string {
  return getLocale() === 'ja' ? (DOCS_JA[english] ?? english) : english;
}

/** A record of English documentation whose values read in the current locale (keys and order unchanged). */
export function localizedRecord(english: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(english)) {
    Object.defineProperty(out, key, { enumerable: true, get: () => localizeDoc(value) });
  }
  return out;
}

/** A short phrase of analysis/conditions.ts ("MFA required", "regions limited (2)") in the current locale. */
export function localizePhrase(english: string): string {
  if (getLocale() !== 'ja') {
    return english;
  }
  if (Object.prototype.hasOwnProperty.call(CONDITION_PHRASES_JA, english)) {
    return CONDITION_PHRASES_JA[english];
  }
  for (const [re, replacement] of CONDITION_PATTERNS_JA) {
    if (re.test(english)) {
      return english.replace(re, replacement);
    }
  }
  return english;
}

/** A sentence of the offline evaluator (a decision's reason, a condition's verdict) in the current locale. */
export function localizeReason(english: string): string {
  return getLocale() === 'ja' ? evaluateSentenceJa(english) : english;
}

/** A completion template's name and description in the current locale (its English name is its key). */
export function localizeTemplate(template: { label: string; description: string }): { label: string; description: string } {
  const ja = getLocale() === 'ja' ? TEMPLATES_JA[template.label] : undefined;
  return ja ?? { label: template.label, description: template.description };
}
