// Which booked visits are still to come, and how a patient reads one. Home and the Visits screen
// ask the server for the same thing with the same rules.
import type { Appointment, Reference } from '@medplum/fhirtypes';
import type { Messages } from '../../i18n/en.js';
import { forPatient } from '../../fhir-client/fhir.js';
import { compareDates } from './format-common.js';

/** Appointment statuses of a visit that is still to come (FHIR R4 value set appointmentstatus). */
export const UPCOMING_STATUSES = 'proposed,pending,booked,arrived,checked-in,waitlist';

/** Search parameters for the patient's visits from `now` on, soonest first. */
export function upcomingSearch(patientId: string, now: Date, count: number): Record<string, string> {
  return { patient: patientId, date: `ge${now.toISOString().slice(0, 19)}Z`, status: UPCOMING_STATUSES, _sort: 'date', _count: String(count) };
}

/** The server sorts and filters these; the same rules here keep the list right on a server that ignores one. */
export function upcomingOnly(appointments: Appointment[], patientId: string, now: Date, count: number): Appointment[] {
  const iso = now.toISOString();
  const statuses = UPCOMING_STATUSES.split(',');
  return forPatient(appointments, patientId)
    .filter((a) => (a.start ?? '') >= iso && statuses.includes(a.status))
    .sort((a, b) => compareDates(a.start, b.start))
    .slice(0, count);
}

const actor = (a: Appointment, type: 'Practitioner' | 'Location'): Reference | undefined =>
  a.participant?.find((p) => p.actor?.reference?.startsWith(`${type}/`))?.actor;

export interface VisitAhead {
  /** "Check-up", "Follow-up visit": from the HL7 appointment type, in the patient's language. */
  title: string;
  /** The title is the clinic's own words (no appointment type we can name), shown as written. */
  titleAsWritten: boolean;
  /** The clinic's own words for the visit, when they say more than the title. */
  description?: string;
  clinician?: string;
  place?: string;
  start?: string;
  instruction?: string;
}

export function visitAhead(a: Appointment, m: Messages): VisitAhead {
  const code = a.appointmentType?.coding?.find((c) => c.system === 'http://terminology.hl7.org/CodeSystem/v2-0276')?.code;
  const typed = code ? m.visits.appointmentType[code] : undefined;
  const title = typed ?? a.appointmentType?.text ?? a.description ?? m.visits.bookedVisit;
  return {
    title,
    titleAsWritten: !typed && title !== m.visits.bookedVisit,
    description: a.description && a.description !== title ? a.description : undefined,
    clinician: actor(a, 'Practitioner')?.display,
    place: actor(a, 'Location')?.display,
    start: a.start,
    instruction: a.patientInstruction,
  };
}
