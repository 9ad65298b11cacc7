/** Shared shape and builder for glossary data files. */

export interface GlossaryText {
  /** The term and its variants (plurals, abbreviations) as they appear in notes. */
  terms: string[];
  /** One or two short, plain sentences. */
  definition: string;
}

export interface GlossaryEntry {
  /** Stable kebab-case id. */
  id: string;
  en: GlossaryText;
  es: GlossaryText;
}

/** Compact builder so the data files stay easy to scan. */
export function g(
  id: string,
  enTerms: string[],
  enDefinition: string,
  esTerms: string[],
  esDefinition: string,
): GlossaryEntry {
  return {
    id,
    en: { terms: enTerms, definition: enDefinition },
    es: { terms: esTerms, definition: esDefinition },
  };
}
