// A lab report note restates results the record holds as data (DocumentReference.context.related
// names its DiagnosticReports). Its text is the lab's: LOINC long names, UCUM units and ISO times
// ("Leukocytes [#/volume] in Blood by Automated count: 4.8 10*3/uL"). The visit screen shows the
// related reports' results instead, with the Test results screen's plain names, units and dates.
import type { DocumentReference } from '@medplum/fhirtypes';
import type { ResultGroup } from './load-records.js';

const REPORT = /(?:^|\/)DiagnosticReport\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * The loaded lab reports a note restates, in the note's order. Empty (show the note's text) when it
 * names no report, or one that was not loaded: the text may then say more than the results shown.
 */
export function labReportsOfNote(note: DocumentReference, labs: readonly ResultGroup[]): ResultGroup[] {
  const byId = new Map(labs.filter((g) => g.report?.id).map((g) => [g.report!.id!, g]));
  const groups: ResultGroup[] = [];
  for (const related of note.context?.related ?? []) {
    const match = REPORT.exec(related.reference ?? '');
    if (!match) continue;
    const group = byId.get(match[1]);
    if (!group) return [];
    if (!groups.includes(group)) groups.push(group);
  }
  return groups;
}
