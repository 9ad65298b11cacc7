// Looks a coded concept up in one of the plain-name tables in content/: the first coding from the
// table's terminology whose code has a name wins. Codings from other systems are not looked at, so
// a CPT or local code that happens to look like a table key is never mistaken for it.
import type { CodeableConcept } from '@medplum/fhirtypes';
import type { PlainName } from './content/plain-name.js';

export type Locale = 'en' | 'es';
export type PlainNameLookup = (concept: CodeableConcept | undefined, locale: Locale) => string | undefined;

export function plainNameLookup(entries: PlainName[], systems: string[], normalize: (code: string) => string = (c) => c.trim()): PlainNameLookup {
  let index: Map<string, PlainName> | undefined;
  return (concept, locale) => {
    if (!index) {
      index = new Map();
      for (const entry of entries) for (const code of entry.codes) if (!index.has(normalize(code))) index.set(normalize(code), entry);
    }
    for (const coding of concept?.coding ?? []) {
      if (!coding.code || !coding.system || !systems.includes(coding.system)) continue;
      const entry = index.get(normalize(coding.code));
      if (entry) return entry[locale];
    }
    return undefined;
  };
}
