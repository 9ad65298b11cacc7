// The demo clinic's shared, non-patient resources: the organisation, its staff, sites, partner
// organisations (lab, hospital, payers), the medication formulary and the patient Group.
// Ids are derived from (seed, kind, key) so patient charts can reference them without this file
// having been run first.
import type {
  Group,
  Location,
  Medication,
  Organization,
  Practitioner,
  PractitionerRole,
  Resource,
} from '@medplum/fhirtypes';
import { SYS, concept, coding, ref, usCore } from './fhir-helpers.js';
import { FORMULARY } from './medications.js';
import { questionnaires } from './questionnaires.js';
import { Rng, patientId, stableUuid } from './rng.js';

export type StaffKey = 'family1' | 'family2' | 'internal' | 'pediatrics' | 'cardiology' | 'radiology' | 'np';
export type SiteKey = 'main' | 'westside' | 'hospital';
export type PayerKey = 'medicare' | 'medicaid' | 'prairie' | 'heartland';

interface StaffSpec {
  given: string[];
  family: string;
  prefix?: string;
  gender: 'female' | 'male';
  degree: { code: string; display: string };
  taxonomy: { code: string; display: string };
  site: SiteKey;
  spanish?: boolean;
}

const STAFF: Record<StaffKey, StaffSpec> = {
  family1: { given: ['Sarah', 'L.'], family: 'Chen', prefix: 'Dr.', gender: 'female', degree: { code: 'MD', display: 'Doctor of Medicine' }, taxonomy: { code: '207Q00000X', display: 'Family Medicine Physician' }, site: 'main' },
  family2: { given: ['Marcus'], family: 'Whitfield', prefix: 'Dr.', gender: 'male', degree: { code: 'DO', display: 'Doctor of Osteopathy' }, taxonomy: { code: '207Q00000X', display: 'Family Medicine Physician' }, site: 'westside' },
  internal: { given: ['Anita'], family: 'Desai', prefix: 'Dr.', gender: 'female', degree: { code: 'MD', display: 'Doctor of Medicine' }, taxonomy: { code: '207R00000X', display: 'Internal Medicine Physician' }, site: 'main' },
  pediatrics: { given: ['Elena'], family: 'Ramírez', prefix: 'Dr.', gender: 'female', degree: { code: 'MD', display: 'Doctor of Medicine' }, taxonomy: { code: '208000000X', display: 'Pediatrics Physician' }, site: 'westside', spanish: true },
  cardiology: { given: ['David', 'O.'], family: 'Okafor', prefix: 'Dr.', gender: 'male', degree: { code: 'MD', display: 'Doctor of Medicine' }, taxonomy: { code: '207RC0000X', display: 'Cardiovascular Disease Physician' }, site: 'main' },
  radiology: { given: ['Priya'], family: 'Natarajan', prefix: 'Dr.', gender: 'female', degree: { code: 'MD', display: 'Doctor of Medicine' }, taxonomy: { code: '2085R0202X', display: 'Diagnostic Radiology Physician' }, site: 'hospital' },
  np: { given: ['Laura'], family: 'Bennett', gender: 'female', degree: { code: 'NP', display: 'Nurse practitioner' }, taxonomy: { code: '363LF0000X', display: 'Family Nurse Practitioner' }, site: 'main', spanish: true },
};

interface SiteSpec {
  name: string;
  line: string;
  city: string;
  zip: string;
  phone: string;
  type: { code: string; display: string };
  org: 'clinic' | 'hospital';
}

const SITES: Record<SiteKey, SiteSpec> = {
  main: { name: 'Portico Family Health - Main Campus', line: '1200 Wabash Ave', city: 'Springfield', zip: '62704', phone: '(217) 555-0100', type: { code: 'FMC', display: 'Family Medicine clinic' }, org: 'clinic' },
  westside: { name: 'Portico Family Health - Westside Pediatrics & Family', line: '3450 W Iles Ave', city: 'Springfield', zip: '62711', phone: '(217) 555-0160', type: { code: 'PEDC', display: 'Pediatrics clinic' }, org: 'clinic' },
  hospital: { name: 'Sangamon Valley Memorial Hospital', line: '800 E Carpenter St', city: 'Springfield', zip: '62702', phone: '(217) 555-0300', type: { code: 'HOSP', display: 'Hospital' }, org: 'hospital' },
};

const PAYERS: Record<PayerKey, { name: string; phone: string; typeCode: string; typeDisplay: string }> = {
  medicare: { name: 'Medicare (demo)', phone: '(800) 555-0133', typeCode: '1', typeDisplay: 'MEDICARE' },
  medicaid: { name: 'Illinois Medicaid (demo)', phone: '(800) 555-0144', typeCode: '2', typeDisplay: 'MEDICAID' },
  prairie: { name: 'Prairie Blue Health Plan', phone: '(800) 555-0155', typeCode: '5', typeDisplay: 'PRIVATE HEALTH INSURANCE' },
  heartland: { name: 'Heartland Mutual Insurance', phone: '(800) 555-0166', typeCode: '5', typeDisplay: 'PRIVATE HEALTH INSURANCE' },
};

export interface StaffMember {
  key: StaffKey;
  practitionerId: string;
  roleId: string;
  display: string;
  siteKey: SiteKey;
}

export interface ClinicDirectory {
  seed: number;
  clinicOrgId: string;
  clinicName: string;
  labOrgId: string;
  hospitalOrgId: string;
  /** The community pharmacy that fills the clinic's prescriptions (MedicationDispense.performer). */
  pharmacyOrgId: string;
  staff: Record<StaffKey, StaffMember>;
  sites: Record<SiteKey, { id: string; name: string }>;
  payers: Record<PayerKey, { id: string; name: string; typeCode: string; typeDisplay: string }>;
  medicationId(rxnorm: string): string;
}

export const CLINIC_NAME = 'Portico Family Health';
export const PHARMACY_NAME = 'Wabash Avenue Community Pharmacy';
export const MRN_SYSTEM = 'https://portico-demo.example.org/fhir/mrn';

function sharedId(seed: number, kind: string, key: string): string {
  return stableUuid(seed, 'shared', kind, key);
}

function staffDisplay(spec: StaffSpec): string {
  return `${spec.prefix ? spec.prefix + ' ' : ''}${spec.given[0]} ${spec.family}${spec.prefix ? '' : ', ' + spec.degree.code}`;
}

export function clinicDirectory(seed: number): ClinicDirectory {
  const staff = {} as Record<StaffKey, StaffMember>;
  for (const key of Object.keys(STAFF) as StaffKey[]) {
    staff[key] = {
      key,
      practitionerId: sharedId(seed, 'Practitioner', key),
      roleId: sharedId(seed, 'PractitionerRole', key),
      display: staffDisplay(STAFF[key]),
      siteKey: STAFF[key].site,
    };
  }
  const sites = {} as ClinicDirectory['sites'];
  for (const key of Object.keys(SITES) as SiteKey[]) sites[key] = { id: sharedId(seed, 'Location', key), name: SITES[key].name };
  const payers = {} as ClinicDirectory['payers'];
  for (const key of Object.keys(PAYERS) as PayerKey[]) {
    payers[key] = { id: sharedId(seed, 'Organization', key), ...PAYERS[key] };
  }
  return {
    seed,
    clinicOrgId: sharedId(seed, 'Organization', 'clinic'),
    clinicName: CLINIC_NAME,
    labOrgId: sharedId(seed, 'Organization', 'lab'),
    hospitalOrgId: sharedId(seed, 'Organization', 'hospital'),
    pharmacyOrgId: sharedId(seed, 'Organization', 'pharmacy'),
    staff,
    sites,
    payers,
    medicationId: (rxnorm) => sharedId(seed, 'Medication', rxnorm),
  };
}

/** A valid 10-digit NPI: 9 digits plus the Luhn check digit computed over the "80840" prefix. */
export function makeNpi(rng: Rng): string {
  const body = String(rng.int(1, 2)) + rng.digits(8);
  const digits = ('80840' + body).split('').map(Number);
  let sum = 0;
  for (let i = digits.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = digits[i];
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

function address(line: string, city: string, zip: string) {
  return { use: 'work' as const, type: 'both' as const, line: [line], city, district: 'Sangamon County', state: 'IL', postalCode: zip, country: 'US' };
}

function organization(id: string, name: string, npi: string, line: string, zip: string, phone: string, typeCode: string, typeDisplay: string, partOf?: string): Organization {
  return {
    resourceType: 'Organization',
    id,
    meta: { profile: [usCore('us-core-organization')] },
    identifier: [{ system: SYS.npi, value: npi }],
    active: true,
    type: [concept('http://terminology.hl7.org/CodeSystem/organization-type', typeCode, typeDisplay)],
    name,
    telecom: [{ system: 'phone', value: phone, use: 'work' }],
    address: [address(line, 'Springfield', zip)],
    ...(partOf ? { partOf: ref('Organization', partOf) } : {}),
  };
}

export function sharedResources(dir: ClinicDirectory, patientCount: number): Resource[] {
  const rng = new Rng(dir.seed, 'shared-npi');
  const out: Resource[] = [];
  out.push(organization(dir.clinicOrgId, CLINIC_NAME, makeNpi(rng), '1200 Wabash Ave', '62704', '(217) 555-0100', 'prov', 'Healthcare Provider'));
  out.push(organization(dir.labOrgId, 'Portico Clinical Laboratory', makeNpi(rng), '1200 Wabash Ave, Suite 110', '62704', '(217) 555-0120', 'prov', 'Healthcare Provider', dir.clinicOrgId));
  out.push(organization(dir.hospitalOrgId, 'Sangamon Valley Memorial Hospital', makeNpi(rng), '800 E Carpenter St', '62702', '(217) 555-0300', 'prov', 'Healthcare Provider'));
  for (const key of Object.keys(PAYERS) as PayerKey[]) {
    const p = PAYERS[key];
    out.push({
      resourceType: 'Organization',
      id: dir.payers[key].id,
      meta: { profile: [usCore('us-core-organization')] },
      active: true,
      type: [concept('http://terminology.hl7.org/CodeSystem/organization-type', 'pay', 'Payer')],
      name: p.name,
      telecom: [{ system: 'phone', value: p.phone, use: 'work' }],
      address: [{ use: 'work', line: ['PO Box ' + (1000 + rng.int(0, 8999))], city: 'Chicago', state: 'IL', postalCode: '60601', country: 'US' }],
    });
  }
  for (const key of Object.keys(SITES) as SiteKey[]) {
    const s = SITES[key];
    const loc: Location = {
      resourceType: 'Location',
      id: dir.sites[key].id,
      meta: { profile: [usCore('us-core-location')] },
      status: 'active',
      name: s.name,
      mode: 'instance',
      type: [concept('http://terminology.hl7.org/CodeSystem/v3-RoleCode', s.type.code, s.type.display)],
      telecom: [{ system: 'phone', value: s.phone, use: 'work' }],
      address: address(s.line, s.city, s.zip),
      managingOrganization: ref('Organization', s.org === 'clinic' ? dir.clinicOrgId : dir.hospitalOrgId),
      hoursOfOperation: [{ daysOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri'], openingTime: '08:00:00', closingTime: '17:00:00' }],
    };
    out.push(loc);
  }
  for (const key of Object.keys(STAFF) as StaffKey[]) {
    const s = STAFF[key];
    const m = dir.staff[key];
    const npi = makeNpi(rng);
    const practitioner: Practitioner = {
      resourceType: 'Practitioner',
      id: m.practitionerId,
      meta: { profile: [usCore('us-core-practitioner')] },
      identifier: [{ system: SYS.npi, value: npi }],
      active: true,
      name: [{ use: 'official', family: s.family, given: s.given, ...(s.prefix ? { prefix: [s.prefix] } : {}), suffix: [s.degree.code] }],
      telecom: [{ system: 'phone', value: SITES[s.site].phone, use: 'work' }, { system: 'email', value: `${s.given[0].toLowerCase()}.${s.family.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}@portico-demo.example.org`, use: 'work' }],
      address: [address(SITES[s.site].line, SITES[s.site].city, SITES[s.site].zip)],
      gender: s.gender,
      qualification: [
        {
          identifier: [{ system: 'https://portico-demo.example.org/fhir/license', value: `IL-${key === 'np' ? '209' : '036'}-${rng.digits(6)}` }],
          code: { coding: [coding('http://terminology.hl7.org/CodeSystem/v2-0360', s.degree.code, s.degree.display)], text: s.degree.display },
          issuer: { display: 'Illinois Department of Financial and Professional Regulation' },
        },
      ],
      communication: s.spanish
        ? [concept('urn:ietf:bcp:47', 'en', 'English'), concept('urn:ietf:bcp:47', 'es', 'Spanish')]
        : [concept('urn:ietf:bcp:47', 'en', 'English')],
    };
    const role: PractitionerRole = {
      resourceType: 'PractitionerRole',
      id: m.roleId,
      meta: { profile: [usCore('us-core-practitionerrole')] },
      active: true,
      practitioner: ref('Practitioner', m.practitionerId, m.display),
      organization: ref('Organization', s.site === 'hospital' ? dir.hospitalOrgId : dir.clinicOrgId),
      code: [concept('http://nucc.org/provider-taxonomy', s.taxonomy.code, s.taxonomy.display)],
      specialty: [concept('http://nucc.org/provider-taxonomy', s.taxonomy.code, s.taxonomy.display)],
      location: [ref('Location', dir.sites[s.site].id, SITES[s.site].name)],
      telecom: [{ system: 'phone', value: SITES[s.site].phone, use: 'work' }],
    };
    out.push(practitioner, role);
  }
  for (const med of FORMULARY) {
    const resource: Medication = {
      resourceType: 'Medication',
      id: dir.medicationId(med.rxnorm),
      meta: { profile: [usCore('us-core-medication')] },
      code: concept(SYS.rxnorm, med.rxnorm, med.display),
      status: 'active',
      form: med.form.code ? concept(SYS.snomed, med.form.code, med.form.display) : { text: med.form.display },
    };
    out.push(resource);
  }
  // Added after everything else so earlier resources keep their generated NPIs.
  out.push(organization(dir.pharmacyOrgId, PHARMACY_NAME, makeNpi(rng), '1215 Wabash Ave', '62704', '(217) 555-0190', 'prov', 'Healthcare Provider'));
  out.push(...questionnaires(dir.seed));
  const group: Group = {
    resourceType: 'Group',
    id: sharedId(dir.seed, 'Group', 'all-patients'),
    identifier: [{ system: 'https://portico-demo.example.org/fhir/group', value: 'demo-clinic-patients' }],
    active: true,
    type: 'person',
    actual: true,
    name: `${CLINIC_NAME} demo patients`,
    quantity: patientCount,
    managingEntity: ref('Organization', dir.clinicOrgId),
    member: Array.from({ length: patientCount }, (_, i) => ({ entity: ref('Patient', patientId(dir.seed, i)) })),
  };
  out.push(group);
  return out;
}
