// Booked visits still to come, so Home's "Upcoming visits" and the Visits screen show what a
// patient of a real clinic sees: the next check-up, the follow-up for a long-term problem.
// Dates count from the seeding day; once they pass, the screens stop listing them, as they would.
import type { Appointment, Reference } from '@medplum/fhirtypes';
import type { ClinicDirectory, StaffMember } from './clinic.js';
import { CHRONIC, type ChronicKey } from './conditions.js';
import { addDays, addMinutes, coding, concept, fhirDateTime, ref } from './fhir-helpers.js';
import type { Rng } from './rng.js';
import { clinicTime } from './schedule.js';

/** HL7 v2 table 0276 (appointment reason codes), the binding FHIR R4 gives Appointment.appointmentType. */
const APPOINTMENT_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0276';

export interface UpcomingInput {
  patient: Reference<any>;
  clinician: StaffMember;
  dir: ClinicDirectory;
  asOf: Date;
  child: boolean;
  /** The patient prefers Spanish: the clinic writes the visit's words for them in Spanish. */
  spanish: boolean;
  /** Long-term problems with their Condition ids: the follow-up visit is for them. */
  chronic: Array<{ key: ChronicKey; conditionId: string }>;
  rng: Rng;
  ids: () => string;
}

export function upcomingAppointments(input: UpcomingInput): Appointment[] {
  const { rng, asOf } = input;
  const out: Appointment[] = [];
  const followUp = input.chronic.filter((c) => CHRONIC[c.key].drugs.length > 0).slice(0, 2);
  if (followUp.length) {
    const names = followUp.map((c) => CHRONIC[c.key].label ?? CHRONIC[c.key].display.toLowerCase());
    out.push(appointment(input, {
      start: clinicTime(addDays(asOf, rng.int(9, 40)), rng),
      minutes: 30,
      type: ['FOLLOWUP', 'A follow up visit from a previous appointment'],
      description: input.spanish ? 'Consulta de seguimiento de sus problemas de salud de largo plazo' : `Follow-up visit: ${names.join(' and ')}`,
      reasons: followUp.map((c) => c.conditionId),
      instruction: input.spanish ? 'Traiga sus medicinas o una lista de ellas, y las medidas que tomó en casa.' : 'Bring your medicines or a list of them, and any readings you took at home.',
    }));
  }
  if (input.child || !followUp.length || rng.chance(0.5)) {
    out.push(appointment(input, {
      start: clinicTime(addDays(asOf, rng.int(45, 120)), rng),
      minutes: input.child ? 30 : 40,
      type: ['CHECKUP', 'A routine check-up, such as an annual physical'],
      description: input.spanish ? 'Chequeo anual' : input.child ? 'Well-child check-up' : 'Yearly check-up',
      reasons: [],
      instruction: input.spanish ? 'Llegue 15 minutos antes para llenar un formulario de salud corto.' : input.child ? "Bring your child's vaccine record." : 'Please come 15 minutes early to fill in a short health form.',
    }));
  }
  return out;
}

function appointment(input: UpcomingInput, a: { start: Date; minutes: number; type: [string, string]; description: string; reasons: string[]; instruction: string }): Appointment {
  const site = input.dir.sites[input.clinician.siteKey];
  return {
    resourceType: 'Appointment',
    id: input.ids(),
    // The clinic's words (description, what to bring) are written in the patient's language.
    language: input.spanish ? 'es' : 'en-US',
    status: 'booked',
    appointmentType: { coding: [coding(APPOINTMENT_TYPE, a.type[0], a.type[1])] },
    serviceCategory: [concept('http://terminology.hl7.org/CodeSystem/service-category', '17', 'General Practice')],
    ...(a.reasons.length ? { reasonReference: a.reasons.map((id) => ref('Condition', id)) } : {}),
    description: a.description,
    start: fhirDateTime(a.start),
    end: fhirDateTime(addMinutes(a.start, a.minutes)),
    minutesDuration: a.minutes,
    created: fhirDateTime(addDays(input.asOf, -input.rng.int(3, 60))),
    patientInstruction: a.instruction,
    participant: [
      { actor: input.patient, required: 'required', status: 'accepted' },
      { actor: ref('Practitioner', input.clinician.practitionerId, input.clinician.display), required: 'required', status: 'accepted' },
      { actor: ref('Location', site.id, site.name), required: 'required', status: 'accepted' },
    ],
  };
}
