/**
 * The display locale: one per process (the server serves one client, the CLI one run). The
 * server sets it from initialize's `locale` or the `displayLanguage` initialization option, the
 * CLI from --locale or LC_ALL / LC_MESSAGES / LANG. Pure: no fs, no protocol.
 */
export type Locale = 'en' | 'ja';

export const LOCALES: readonly Locale[] = ['en', 'ja'];

let current: Locale = 'en';

/** A BCP 47 tag (`ja`, `ja-JP`) or a POSIX locale (`ja_JP.UTF-8`) -> a supported locale (undefined: not one of ours). */
export function normalizeLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) {
    return undefined;
  }
  const base = tag
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : base === 'c' || base === 'posix' ? 'en' : undefined;
}

/** The first candidate that names a supported locale; English otherwise. */
export function pickLocale(...candidates: (string | undefined | null)[]): Locale {
  for (const c of candidates) {
    const l = normalizeLocale(c);
    if (l) {
      return l;
    }
  }
  return 'en';
}

/**
 * The locale of a POSIX environment, by POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG
 * (LANGUAGE, GNU's list, first when set with a non-C locale).
 */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  const first = (name: string) => (env[name] && env[name] !== '' ? env[name] : undefined);
  const posix = first('LC_ALL') ?? first('LC_MESSAGES') ?? first('LANG');
  const language = first('LANGUAGE')?.split(':')[0];
  // LANGUAGE is ignored when the locale is C/POSIX (as gettext does)
  if (language && posix && !/^(c|posix)([._@]|$)/i.test(posix)) {
    return pickLocale(language, posix);
  }
  return pickLocale(posix);
}

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** Runs fn with a locale and restores the previous one (tests, the CLI). */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const previous = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = previous;
  }
}
