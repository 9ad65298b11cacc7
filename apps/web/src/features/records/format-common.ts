// Pure helpers that turn FHIR data types into words for patients. No raw codes: when a concept
// has no text and no display, the caller's plain fallback is shown instead.
import type { CodeableConcept, HumanName, Period, Reference } from '@medplum/fhirtypes';

/** CodeableConcept.text, else the first coding display, else the fallback (FHIR R4 datatypes §2.24.0.13: text is "as the user entered or saw it"). */
export function conceptText(concept: CodeableConcept | undefined, fallback: string): string {
  if (!concept) return fallback;
  const text = concept.text?.trim();
  if (text) return text;
  // A "display" that only repeats the code (some feeds send code = display) is a raw code, not words.
  const display = concept.coding?.find((c) => c.display?.trim() && c.display.trim().toLowerCase() !== c.code?.trim().toLowerCase())?.display?.trim();
  return display || fallback;
}

/** Reference.display, else the fallback: the portal does not resolve every practitioner reference. */
export function referenceText(reference: Reference | undefined, fallback: string): string {
  return reference?.display?.trim() || fallback;
}

/** "Dr. Sarah Chen": HumanName.text, else prefix + given + family. */
export function humanName(names: HumanName[] | undefined): string {
  const name = names?.find((n) => n.use === 'usual') ?? names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return '';
  if (name.text?.trim()) return name.text.trim();
  return [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(Boolean).join(' ');
}

/** The first given name, for greetings. */
export function givenName(names: HumanName[] | undefined): string {
  const name = names?.find((n) => n.use === 'usual') ?? names?.find((n) => n.use === 'official') ?? names?.[0];
  return name?.given?.[0] ?? '';
}

export function codeIn(concept: CodeableConcept | undefined, system: string): string | undefined {
  return concept?.coding?.find((c) => c.system === system && c.code)?.code;
}

export const LOINC = 'http://loinc.org';

/** Sorts newest first by the given date getter; undated items go last. */
export function newestFirst<T>(items: T[], dateOf: (item: T) => string | undefined): T[] {
  return [...items].sort((a, b) => (dateOf(b) ?? '').localeCompare(dateOf(a) ?? ''));
}

export function periodStart(period: Period | undefined): string | undefined {
  return period?.start ?? period?.end;
}
