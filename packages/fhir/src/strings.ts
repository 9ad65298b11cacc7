// FHIR string search is case-insensitive and ignores accents and combining marks
// (FHIR R4 search §3.1.1.4.11), so values and query terms go through the same folding.
export function normalizeString(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
