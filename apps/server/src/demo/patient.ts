// Demographics: who each synthetic patient is (name, age, language, addresses, race/ethnicity),
// including the fixed demo personas, and the Patient / RelatedPerson resources built from that.
import type { Address, HumanName, Patient, RelatedPerson } from '@medplum/fhirtypes';
import { CLINIC_NAME, type ClinicDirectory, MRN_SYSTEM, type StaffKey } from './clinic.js';
import { SYS, addDays, addYears, coding, concept, fhirDate, ref, usCore } from './fhir-helpers.js';
import * as N from './names.js';
import { Rng, patientId } from './rng.js';

/** Indices of the well-known demo personas. The child's parent is the MFA adult. */
export const DEMO_PATIENT_ROLES = {
  /** Adult with an MFA-enabled demo account; parent and proxy of `child`. */
  mfaAdult: 0,
  /** Adult without MFA: type 2 diabetes, hypertension, many labs. */
  adult: 1,
  /** About six years old; patient 0 is the parent. */
  child: 2,
  /** About 80, many conditions and medications, implanted pacemaker. */
  elderly: 3,
  /** Spanish-speaking adult. */
  spanishSpeaker: 4,
} as const;

export type PersonaRole = keyof typeof DEMO_PATIENT_ROLES;

export interface Place {
  line: string[];
  city: string;
  district: string;
  state: string;
  zip: string;
}

export interface Person {
  index: number;
  id: string;
  role?: PersonaRole;
  female: boolean;
  birthDate: Date;
  given: string[];
  family: string;
  previousFamily?: string;
  nameChangedOn?: Date;
  hispanic: boolean;
  spanish: boolean;
  race: [string, string];
  marital: [string, string];
  phone: string;
  email: string;
  home: Place;
  movedInOn: Date;
  previousHome?: Place;
  mrn: string;
  pcp: StaffKey;
  parentIndex?: number;
}

const RACES: ReadonlyArray<readonly [[string, string], number]> = [
  [['2106-3', 'White'], 60],
  [['2054-5', 'Black or African American'], 15],
  [['2028-9', 'Asian'], 6],
  [['1002-5', 'American Indian or Alaska Native'], 1],
  [['2076-8', 'Native Hawaiian or Other Pacific Islander'], 0.5],
  [['ASKU', 'Asked but no answer'], 3],
];

function randomAge(rng: Rng): number {
  const band = rng.weighted<[number, number]>([
    [[0, 2], 6], [[3, 12], 10], [[13, 17], 6], [[18, 39], 25], [[40, 64], 33], [[65, 79], 14], [[80, 96], 6],
  ]);
  return rng.float(band[0], band[1] + 1);
}

function place(rng: Rng, towns: typeof N.TOWNS): Place {
  const town = rng.pick(towns);
  const line = [`${rng.int(100, 9899)} ${rng.pick(N.STREET_NAMES)} ${rng.pick(N.STREET_SUFFIX)}`];
  if (rng.chance(0.15)) line.push(`Apt ${rng.int(1, 40)}${rng.pick(['', 'A', 'B'])}`);
  return { line, city: town.city, district: town.district, state: town.state, zip: town.zip };
}

/** Demographics depend only on (seed, index, asOf), so a child's record can reuse its parent's. */
export function person(seed: number, index: number, asOf: Date): Person {
  const rng = new Rng(seed, index, 'person');
  const role = (Object.keys(DEMO_PATIENT_ROLES) as PersonaRole[]).find((r) => DEMO_PATIENT_ROLES[r] === index);
  let age = randomAge(rng);
  let female = rng.chance(0.52);
  let hispanic = rng.chance(0.18);
  let race = rng.weighted(RACES);
  switch (role) {
    case 'mfaAdult': age = 37.4; female = true; hispanic = false; race = ['2106-3', 'White']; break;
    case 'adult': age = 58.6; female = false; hispanic = false; race = ['2054-5', 'Black or African American']; break;
    case 'child': age = 6.3; female = false; hispanic = false; race = ['2106-3', 'White']; break;
    case 'elderly': age = 81.2; female = true; hispanic = false; race = ['2106-3', 'White']; break;
    case 'spanishSpeaker': age = 44.7; female = true; hispanic = true; race = ['2106-3', 'White']; break;
  }
  const birthDate = addDays(asOf, -Math.round(age * 365.25));
  const adult = age >= 18;
  const spanish = role === 'spanishSpeaker' || (hispanic && adult && role === undefined && rng.chance(0.4));
  const given = hispanic
    ? [rng.pick(female ? N.HISPANIC_FEMALE_GIVEN : N.HISPANIC_MALE_GIVEN)]
    : [rng.pick(female ? N.FEMALE_GIVEN : N.MALE_GIVEN)];
  if (rng.chance(0.55)) given.push(rng.pick(female ? (hispanic ? N.HISPANIC_FEMALE_GIVEN : N.FEMALE_GIVEN) : hispanic ? N.HISPANIC_MALE_GIVEN : N.MALE_GIVEN));
  let family = rng.pick(hispanic ? N.HISPANIC_FAMILY : N.FAMILY);
  let home = place(rng, N.TOWNS);
  let movedInOn = addDays(asOf, -rng.int(200, 365 * 12));
  let previousHome: Place | undefined = rng.chance(0.5) ? place(rng, rng.chance(0.5) ? N.FORMER_TOWNS : N.TOWNS) : undefined;
  let phone = `(217) 555-01${rng.digits(2)}`;
  let parentIndex: number | undefined;
  if (!adult) {
    // Children live with a parent: for the child persona that parent is patient 0.
    parentIndex = role === 'child' ? DEMO_PATIENT_ROLES.mfaAdult : undefined;
    if (parentIndex !== undefined) {
      const parent = person(seed, parentIndex, asOf);
      family = parent.family;
      home = parent.home;
      movedInOn = parent.movedInOn;
      previousHome = parent.previousHome;
      phone = parent.phone;
    }
    if (movedInOn < birthDate) {
      movedInOn = birthDate;
      previousHome = undefined;
    }
  }
  let previousFamily: string | undefined;
  let nameChangedOn: Date | undefined;
  let marital: [string, string] = ['S', 'Never Married'];
  if (adult) {
    marital = rng.weighted<[string, string]>([
      [['M', 'Married'], 50], [['S', 'Never Married'], age < 30 ? 60 : 20], [['D', 'Divorced'], 12], [['W', 'Widowed'], age > 70 ? 30 : 2],
    ]);
    if (role === 'mfaAdult') marital = ['M', 'Married'];
    if (female && marital[0] !== 'S' && rng.chance(0.6)) {
      previousFamily = rng.pick(hispanic ? N.HISPANIC_FAMILY : N.FAMILY);
      nameChangedOn = addYears(birthDate, rng.float(22, Math.min(age - 0.5, 38)));
    }
  }
  const email = adult
    ? `${N.asciiFold(given[0])}.${N.asciiFold(family)}${index}@${rng.pick(N.EMAIL_DOMAINS)}`
    : parentIndex !== undefined
      ? person(seed, parentIndex, asOf).email
      : `${N.asciiFold(family)}.family${index}@${rng.pick(N.EMAIL_DOMAINS)}`;
  const pcp: StaffKey = !adult ? 'pediatrics' : spanish ? 'np' : rng.pick(['family1', 'family2', 'internal', 'np'] as const);
  return {
    index,
    id: patientId(seed, index),
    role,
    female,
    birthDate,
    given,
    family,
    previousFamily,
    nameChangedOn,
    hispanic,
    spanish,
    race,
    marital,
    phone,
    email,
    home,
    movedInOn,
    previousHome,
    mrn: `PFH${String(1000001 + index).padStart(7, '0')}`,
    pcp,
    parentIndex,
  };
}

function address(p: Place, use: 'home' | 'old', start?: Date, end?: Date): Address {
  return {
    use,
    type: 'physical',
    line: p.line,
    city: p.city,
    district: p.district,
    state: p.state,
    postalCode: p.zip,
    country: 'US',
    ...(start || end ? { period: { ...(start ? { start: fhirDate(start) } : {}), ...(end ? { end: fhirDate(end) } : {}) } } : {}),
  };
}

export function fullName(p: Person): string {
  return `${p.given.join(' ')} ${p.family}`;
}

const LANG = {
  en: concept('urn:ietf:bcp:47', 'en', 'English'),
  es: concept('urn:ietf:bcp:47', 'es', 'Spanish'),
};

export function patientResource(p: Person, dir: ClinicDirectory, asOf: Date): Patient {
  const names: HumanName[] = [{ use: 'official', family: p.family, given: p.given, ...(p.nameChangedOn ? { period: { start: fhirDate(p.nameChangedOn) } } : {}) }];
  if (p.previousFamily && p.nameChangedOn) {
    names.push({ use: 'old', family: p.previousFamily, given: p.given, period: { start: fhirDate(p.birthDate), end: fhirDate(p.nameChangedOn) } });
  }
  const addresses = [address(p.home, 'home', p.movedInOn)];
  if (p.previousHome) {
    const prevStart = addDays(p.movedInOn, -365 * 4);
    addresses.push(address(p.previousHome, 'old', prevStart < p.birthDate ? p.birthDate : prevStart, addDays(p.movedInOn, -1)));
  }
  const pcp = dir.staff[p.pcp];
  const hispanic = p.hispanic;
  const patient: Patient = {
    resourceType: 'Patient',
    id: p.id,
    meta: { profile: [usCore('us-core-patient')] },
    extension: [
      {
        url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
        extension: [
          p.race[0] === 'ASKU'
            ? { url: 'ombCategory', valueCoding: coding('http://terminology.hl7.org/CodeSystem/v3-NullFlavor', 'ASKU', 'Asked but no answer') }
            : { url: 'ombCategory', valueCoding: coding('urn:oid:2.16.840.1.113883.6.238', p.race[0], p.race[1]) },
          { url: 'text', valueString: p.race[1] },
        ],
      },
      {
        url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity',
        extension: [
          { url: 'ombCategory', valueCoding: coding('urn:oid:2.16.840.1.113883.6.238', hispanic ? '2135-2' : '2186-5', hispanic ? 'Hispanic or Latino' : 'Not Hispanic or Latino') },
          { url: 'text', valueString: hispanic ? 'Hispanic or Latino' : 'Not Hispanic or Latino' },
        ],
      },
      { url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex', valueCode: p.female ? 'F' : 'M' },
    ],
    identifier: [
      {
        use: 'usual',
        type: concept(SYS.v2_0203, 'MR', 'Medical record number'),
        system: MRN_SYSTEM,
        value: p.mrn,
        assigner: ref('Organization', dir.clinicOrgId, CLINIC_NAME),
      },
    ],
    active: true,
    name: names,
    telecom: [
      { system: 'phone', value: p.phone, use: 'mobile', rank: 1 },
      { system: 'email', value: p.email, use: 'home' },
    ],
    gender: p.female ? 'female' : 'male',
    birthDate: fhirDate(p.birthDate),
    address: addresses,
    maritalStatus: concept('http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', p.marital[0], p.marital[1]),
    communication: p.spanish
      ? [{ language: LANG.es, preferred: true }, { language: LANG.en, preferred: false }]
      : p.hispanic
        ? [{ language: LANG.en, preferred: true }, { language: LANG.es, preferred: false }]
        : [{ language: LANG.en, preferred: true }],
    generalPractitioner: [ref('Practitioner', pcp.practitionerId, pcp.display)],
    managingOrganization: ref('Organization', dir.clinicOrgId, CLINIC_NAME),
  };
  if (asOf.getTime() - p.birthDate.getTime() < 18 * 365.25 * 86_400_000) {
    const parent = parentOf(p, dir.seed, asOf);
    patient.contact = [
      {
        relationship: [
          concept('http://terminology.hl7.org/CodeSystem/v2-0131', 'N', 'Next-of-Kin'),
          concept('http://terminology.hl7.org/CodeSystem/v3-RoleCode', parent.female ? 'MTH' : 'FTH', parent.female ? 'mother' : 'father'),
        ],
        name: { use: 'official', family: parent.family, given: parent.given },
        telecom: [{ system: 'phone', value: p.phone, use: 'mobile' }],
        address: address(p.home, 'home'),
        gender: parent.female ? 'female' : 'male',
      },
    ];
  }
  return patient;
}

/** A minor's parent: the real patient 0 for the child persona, otherwise a generated adult. */
export function parentOf(child: Person, seed?: number, asOf?: Date): { given: string[]; family: string; female: boolean; index?: number } {
  if (child.parentIndex !== undefined && seed !== undefined && asOf) {
    const p = person(seed, child.parentIndex, asOf);
    return { given: p.given, family: p.family, female: p.female, index: p.index };
  }
  const rng = new Rng(child.id, 'parent');
  const female = rng.chance(0.7);
  return { given: [rng.pick(child.hispanic ? (female ? N.HISPANIC_FEMALE_GIVEN : N.HISPANIC_MALE_GIVEN) : female ? N.FEMALE_GIVEN : N.MALE_GIVEN)], family: child.family, female };
}

export function relatedPerson(id: string, child: Person, seed: number, asOf: Date): RelatedPerson {
  const parent = parentOf(child, seed, asOf);
  return {
    resourceType: 'RelatedPerson',
    id,
    meta: { profile: [usCore('us-core-relatedperson')] },
    ...(parent.index !== undefined
      ? { identifier: [{ type: concept(SYS.v2_0203, 'MR', 'Medical record number'), system: MRN_SYSTEM, value: `PFH${String(1000001 + parent.index).padStart(7, '0')}` }] }
      : {}),
    active: true,
    patient: ref('Patient', child.id, fullName(child)),
    relationship: [
      concept('http://terminology.hl7.org/CodeSystem/v3-RoleCode', parent.female ? 'MTH' : 'FTH', parent.female ? 'mother' : 'father'),
      concept('http://terminology.hl7.org/CodeSystem/v3-RoleCode', 'GUARD', 'guardian'),
    ],
    name: [{ use: 'official', family: parent.family, given: parent.given }],
    telecom: [{ system: 'phone', value: child.phone, use: 'mobile' }, { system: 'email', value: child.email, use: 'home' }],
    gender: parent.female ? 'female' : 'male',
    address: [address(child.home, 'home')],
  };
}
