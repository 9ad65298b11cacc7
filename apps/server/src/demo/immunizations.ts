// CDC-style immunization schedule (CVX codes) for children and adults, and the Immunization
// builder. Doses are given at the first visit on or after their due age, the way catch-up works.
import type { Immunization, Reference } from '@medplum/fhirtypes';
import type { StaffMember } from './clinic.js';
import { SYS, addDays, concept, fhirDate, fhirDateTime, qty, ref, usCore } from './fhir-helpers.js';
import type { Rng } from './rng.js';

export interface Vaccine {
  cvx: string;
  display: string;
  route: 'IM' | 'SC' | 'PO';
  manufacturer: string;
}

export const VACCINES: Record<string, Vaccine> = {
  hepB: { cvx: '08', display: 'Hep B, adolescent or pediatric', route: 'IM', manufacturer: 'Merck' },
  dtap: { cvx: '20', display: 'DTaP', route: 'IM', manufacturer: 'Sanofi Pasteur' },
  ipv: { cvx: '10', display: 'IPV', route: 'IM', manufacturer: 'Sanofi Pasteur' },
  hib: { cvx: '49', display: 'Hib (PRP-OMP)', route: 'IM', manufacturer: 'Merck' },
  pcv13: { cvx: '133', display: 'Pneumococcal conjugate PCV 13', route: 'IM', manufacturer: 'Pfizer' },
  rota: { cvx: '119', display: 'rotavirus, monovalent', route: 'PO', manufacturer: 'GlaxoSmithKline' },
  mmr: { cvx: '03', display: 'MMR', route: 'SC', manufacturer: 'Merck' },
  varicella: { cvx: '21', display: 'varicella', route: 'SC', manufacturer: 'Merck' },
  hepA: { cvx: '83', display: 'Hep A, ped/adol, 2 dose', route: 'IM', manufacturer: 'GlaxoSmithKline' },
  tdap: { cvx: '115', display: 'Tdap', route: 'IM', manufacturer: 'Sanofi Pasteur' },
  hpv: { cvx: '165', display: 'HPV9', route: 'IM', manufacturer: 'Merck' },
  menacwy: { cvx: '114', display: 'meningococcal MCV4P', route: 'IM', manufacturer: 'Sanofi Pasteur' },
  flu: { cvx: '150', display: 'Influenza, injectable, quadrivalent, preservative free', route: 'IM', manufacturer: 'Sanofi Pasteur' },
  covid: { cvx: '208', display: 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose', route: 'IM', manufacturer: 'Pfizer' },
  zoster: { cvx: '187', display: 'zoster recombinant', route: 'IM', manufacturer: 'GlaxoSmithKline' },
  pcv20: { cvx: '216', display: 'Pneumococcal conjugate PCV 20', route: 'IM', manufacturer: 'Pfizer' },
};

/** [vaccine, dose number, due age in months] */
export const CHILD_SCHEDULE: ReadonlyArray<[string, number, number]> = [
  ['hepB', 1, 0], ['hepB', 2, 1],
  ['dtap', 1, 2], ['ipv', 1, 2], ['hib', 1, 2], ['pcv13', 1, 2], ['rota', 1, 2],
  ['dtap', 2, 4], ['ipv', 2, 4], ['hib', 2, 4], ['pcv13', 2, 4], ['rota', 2, 4],
  ['dtap', 3, 6], ['pcv13', 3, 6], ['hepB', 3, 6], ['ipv', 3, 6],
  ['mmr', 1, 12], ['varicella', 1, 12], ['hepA', 1, 12], ['pcv13', 4, 12], ['hib', 3, 12],
  ['dtap', 4, 15], ['hepA', 2, 18],
  ['dtap', 5, 48], ['ipv', 4, 48], ['mmr', 2, 48], ['varicella', 2, 48],
  ['tdap', 1, 132], ['hpv', 1, 132], ['menacwy', 1, 132], ['hpv', 2, 138], ['menacwy', 2, 192],
];

/** Well-child visit ages in months (AAP Bright Futures periodicity, trimmed). */
export const WELL_CHILD_MONTHS = [0.15, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60, 72, 84, 96, 108, 120, 132, 144, 156, 168, 180, 192, 204];

const SITES: Record<string, [string, string]> = {
  LA: ['LA', 'left arm'],
  RA: ['RA', 'right arm'],
  LT: ['LT', 'left thigh'],
  RT: ['RT', 'right thigh'],
};

const ROUTES: Record<Vaccine['route'], [string, string]> = {
  IM: ['IM', 'Injection, intramuscular'],
  SC: ['SQ', 'Injection, subcutaneous'],
  PO: ['PO', 'Swallow, oral'],
};

export interface ImmunizationInput {
  id: string;
  vaccineKey: string;
  dose: number;
  patient: Reference<any>;
  encounterId?: string;
  locationId?: string;
  date: Date;
  given?: StaffMember;
  ageMonths: number;
  /** False for doses given elsewhere (e.g. a pharmacy) and only recorded here. */
  primarySource: boolean;
  rng: Rng;
}

export function immunization(i: ImmunizationInput): Immunization {
  const v = VACCINES[i.vaccineKey];
  const infant = i.ageMonths < 36;
  const site = v.route === 'PO' ? undefined : SITES[infant ? i.rng.pick(['LT', 'RT']) : i.rng.pick(['LA', 'RA'])];
  const lot = `${String.fromCharCode(65 + i.rng.int(0, 25))}${String.fromCharCode(65 + i.rng.int(0, 25))}${i.rng.digits(5)}`;
  return {
    resourceType: 'Immunization',
    id: i.id,
    meta: { profile: [usCore('us-core-immunization')] },
    status: 'completed',
    vaccineCode: concept(SYS.cvx, v.cvx, v.display),
    patient: i.patient,
    ...(i.encounterId ? { encounter: ref('Encounter', i.encounterId) } : {}),
    occurrenceDateTime: fhirDateTime(i.date),
    recorded: fhirDateTime(i.date),
    primarySource: i.primarySource,
    ...(i.primarySource ? {} : { reportOrigin: concept('http://terminology.hl7.org/CodeSystem/immunization-origin', 'record', 'Written Record') }),
    ...(i.locationId ? { location: ref('Location', i.locationId) } : {}),
    manufacturer: { display: v.manufacturer },
    lotNumber: lot,
    expirationDate: fhirDate(addDays(i.date, i.rng.int(120, 600))),
    ...(site ? { site: concept('http://terminology.hl7.org/CodeSystem/v3-ActSite', site[0], site[1]) } : {}),
    route: concept('http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration', ROUTES[v.route][0], ROUTES[v.route][1]),
    doseQuantity: v.route === 'PO' ? qty(1, 'mL') : qty(0.5, 'mL'),
    ...(i.given
      ? { performer: [{ function: concept('http://terminology.hl7.org/CodeSystem/v2-0443', 'AP', 'Administering Provider'), actor: ref('Practitioner', i.given.practitionerId, i.given.display) }] }
      : {}),
    protocolApplied: [{ doseNumberPositiveInt: i.dose }],
  };
}
