// Locale state: the chosen language is remembered in localStorage, set on <html lang dir>, sent
// as Accept-Language, and used by Intl for dates and numbers. Catalogues are plain objects (en.ts,
// es.ts). Signed in, the account's language (server profile) and this device's choice are kept
// in step by the session (features/identity/session.tsx).
import { setRequestLanguage } from '../fhir-client/http.js';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Messages } from './en.js';
import { es } from './es.js';

export type Locale = 'en' | 'es';
export const LOCALES: Locale[] = ['en', 'es'];
const CATALOGUES: Record<Locale, Messages> = { en, es };
/** Right-to-left locales; none yet, but the dir attribute follows this set. */
const RTL = new Set<string>(['ar', 'he', 'fa', 'ur']);
const STORAGE_KEY = 'portico.locale';

export interface I18n {
  locale: Locale;
  m: Messages;
  setLocale(locale: Locale): void;
  /** True when the person picked the language on this device (not just the browser default). */
  chosen: boolean;
  formatDate(value: string | undefined, style?: 'short' | 'long' | 'dateTime'): string;
  formatNumber(value: number, maximumFractionDigits?: number): string;
}

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'es') return saved;
  } catch {
    /* storage may be blocked; fall through */
  }
  return navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'es';
}

function savedLocale(): Locale | undefined {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function makeI18n(locale: Locale, setLocale: (l: Locale) => void, chosen = false): I18n {
  const m = CATALOGUES[locale];
  return {
    locale,
    m,
    setLocale,
    chosen,
    formatDate: (value, style = 'short') => formatFhirDate(value, locale, style) ?? m.unknownDate,
    formatNumber: (value, digits = 2) => numberFormat(locale, digits).format(value),
  };
}

// Building an Intl formatter looks up locale data and costs far more than formatting with it; a
// screen of lab results formats hundreds of values, so each formatter is built once per options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits })));
  return format;
}
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** Formats a FHIR date/dateTime/instant. Partial dates (YYYY, YYYY-MM) keep their precision. */
export function formatFhirDate(value: string | undefined, locale: string, style: 'short' | 'long' | 'dateTime' = 'short'): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) {
    return dateFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${value}-01T00:00:00Z`));
  }
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  const options: Intl.DateTimeFormatOptions =
    style === 'dateTime' && !dateOnly
      ? { dateStyle: 'medium', timeStyle: 'short' }
      : { year: 'numeric', month: style === 'long' ? 'long' : 'short', day: 'numeric' };
  // A bare date has no time zone: show it as written, not shifted into the viewer's zone.
  if (dateOnly) options.timeZone = 'UTC';
  return dateFormat(locale, options).format(date);
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [chosen, setChosen] = useState(() => savedLocale() !== undefined);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    setChosen(true);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* not remembered, still applied */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    setRequestLanguage(locale);
    document.documentElement.dir = RTL.has(locale) ? 'rtl' : 'ltr';
    // The first Intl formatter of a page loads the locale's ICU data: 70-90 ms on a slow phone.
    // Built in a task of its own while the session and the first screen's data are on the way,
    // it is not added to the task that draws that screen (Lighthouse's total blocking time).
    const warm = setTimeout(() => formatFhirDate('2000-01-01', locale), 0);
    return () => clearTimeout(warm);
  }, [locale]);
  const value = useMemo(() => makeI18n(locale, setLocale, chosen), [locale, setLocale, chosen]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
