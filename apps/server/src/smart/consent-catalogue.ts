// What an app can be given for a person's record, as the consent page shows it: groups in plain
// words, each a few resource types with a switch of their own. The catalogue is the whole reach of
// patient and user scopes: `patient/*.rs` reaches exactly these types (scopes.ts) and the consent
// page lists every one of them, so what a token reads is what the person saw. A type outside the
// catalogue is never granted to a person's app, even when named (consent.ts): the page could not
// explain it in plain words. Backend services (system scopes) have no consent page and are not
// limited by it. The types are the US Core 6.1 server's, plus the portal's own appointments and
// patient-reported medicines.

export interface ConsentGroup {
  /** Key of the group heading in the page texts (i18n.ts `groups`). */
  key: 'you' | 'problems' | 'tests' | 'medicines' | 'visits' | 'sources';
  types: readonly string[];
}

export const CONSENT_GROUPS: readonly ConsentGroup[] = [
  { key: 'you', types: ['Patient', 'RelatedPerson', 'Coverage'] },
  { key: 'problems', types: ['Condition', 'AllergyIntolerance'] },
  { key: 'tests', types: ['Observation', 'DiagnosticReport', 'Specimen', 'ServiceRequest'] },
  { key: 'medicines', types: ['MedicationRequest', 'MedicationDispense', 'MedicationStatement', 'Medication', 'Immunization'] },
  {
    key: 'visits',
    types: ['Encounter', 'Appointment', 'Procedure', 'DocumentReference', 'CarePlan', 'CareTeam', 'Goal', 'Device', 'QuestionnaireResponse', 'Questionnaire'],
  },
  { key: 'sources', types: ['Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Provenance'] },
];

/** Every type a wildcard scope reaches for a person's app, in the order the consent page lists them. */
export const CONSENT_TYPES: readonly string[] = CONSENT_GROUPS.flatMap((g) => g.types);

const consentTypeSet = new Set(CONSENT_TYPES);

export const isConsentType = (type: string): boolean => consentTypeSet.has(type);
