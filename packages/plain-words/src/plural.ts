// Counted words by the language's plural rules (Unicode CLDR, through Intl.PluralRules): English
// and Spanish both have "one" and "other", Spanish adds "many" for round millions ("1 millón de
// resurtidos"), other languages have "two", "few" and "zero". One helper for every count message of
// the web app and the printed record, so no message picks its form with `n === 1`, which is wrong
// for 1.5, for 0 in French and for most languages beyond two.
export type PluralCategory = Intl.LDMLPluralRule;

/** The forms of one counted phrase; "#" stands for the number, written in the reader's locale. */
export type PluralForms = Partial<Record<PluralCategory, string>> & { one: string; other: string };

const rules = new Map<string, Intl.PluralRules>();
// Rules are built with the same rounding as the number shown: 1.04 years shows as "1" and is "one".
const numbers = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (!value) map.set(key, (value = make()));
  return value;
}

/** The CLDR plural category of a count in a locale ("one", "other", ...). */
export function pluralCategory(locale: string, n: number, maximumFractionDigits = 1): PluralCategory {
  return cached(rules, `${locale}|${maximumFractionDigits}`, () => new Intl.PluralRules(locale, { maximumFractionDigits })).select(n);
}

/** The form for this count, with "#" replaced by the number written in the locale ("1 resurtido", "2,5 años"). */
export function plural(locale: string, n: number, forms: PluralForms, maximumFractionDigits = 1): string {
  const form = forms[pluralCategory(locale, n, maximumFractionDigits)] ?? forms.other;
  return form.replace(/#/g, () => cached(numbers, `${locale}|${maximumFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(n));
}

/** A plural bound to one locale, for a message catalogue: `const count = pluralIn('es')`. */
export function pluralIn(locale: string): (n: number, forms: PluralForms, maximumFractionDigits?: number) => string {
  return (n, forms, digits) => plural(locale, n, forms, digits);
}
