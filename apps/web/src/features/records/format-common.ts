// Pure helpers that turn FHIR data types into words for patients. No raw codes: when a concept
// has no text and no display, the caller's plain fallback is shown instead.
import type { HumanName, Period, Reference } from '@medplum/fhirtypes';

// Shared with the printed record on the server.
export { LOINC, codeIn, conceptText } from '#fhir/concepts.js';

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

/**
 * Orders FHIR dates and dateTimes (ISO 8601, so their characters sort as their times do).
 * Not localeCompare: collation is many times slower, and sorting a page of results with it cost
 * tens of milliseconds of main thread on a slow phone.
 */
export function compareDates(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sorts newest first by the given date getter; undated items go last. */
export function newestFirst<T>(items: T[], dateOf: (item: T) => string | undefined): T[] {
  return [...items].sort((a, b) => compareDates(dateOf(b), dateOf(a)));
}

export function periodStart(period: Period | undefined): string | undefined {
  return period?.start ?? period?.end;
}
