/** A plain name in English and Spanish for every code it covers (one terminology per table). */
export interface PlainName {
  codes: string[];
  en: string;
  es: string;
}
