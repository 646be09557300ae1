import { DEFAULT_LOCALE, Locale, isLocale } from '../../common/i18n/locale';

/** A text of the catalogue: plain, or made from values. */
export type Text = string | ((...values: never[]) => string);

/**
 * One feature's texts in every language. The Russian catalogue is the reference: the English
 * one must have every key of it, with the same parameters.
 */
export function catalogue<T extends Record<string, Text>>(texts: {
  ru: T;
  en: Widened<T>;
}): (locale: Locale) => Widened<T> {
  return (locale) => texts[locale] as Widened<T>;
}

/** A text's type without its literal wording: what any language's text of it must be. */
type Widened<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...values: infer V) => string
      ? (...values: V) => string
      : never;
};

/**
 * The language of a page: a choice made on the site (cookie), else the account's, else the
 * browser's first known language (`Accept-Language`), else Russian.
 */
export function pickLocale(
  chosen: unknown,
  accountLocale: string | null,
  acceptLanguage: string | undefined,
): Locale {
  if (isLocale(chosen)) {
    return chosen;
  }
  if (isLocale(accountLocale)) {
    return accountLocale;
  }
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...parameters] = part.trim().split(';');
      const q = parameters.find((p) => p.trim().startsWith('q='));
      return { language: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q)
    .find(({ language }) => isLocale(language));
  return preferred && isLocale(preferred.language) ? preferred.language : DEFAULT_LOCALE;
}
