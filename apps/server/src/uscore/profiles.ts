// What US Core 6.1.0 asks of a server, as data: the profiles per resource type, the search
// parameter combinations the US Core Server CapabilityStatement marks SHALL and SHOULD, and the
// includes. The CapabilityStatement and the conformance tests both read these tables, so the two
// cannot drift apart. Items US Core 7.0.0 added on top of 6.1.0 are marked `since: '7.0.0'`.
// Source: US Core 6.1.0 CapabilityStatement us-core-server and the profile pages (hl7.org/fhir/us/core/STU6.1).

export const US_CORE_VERSION = '6.1.0';
export const US_CORE_SERVER = `http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server|${US_CORE_VERSION}`;
const SD = 'http://hl7.org/fhir/us/core/StructureDefinition/';

export type Expectation = 'SHALL' | 'SHOULD';

export interface SearchCombination {
  params: string[];
  expectation: Expectation;
  since?: '7.0.0';
}

export interface UsCoreResource {
  type: string;
  profiles: string[];
  searches: SearchCombination[];
  includes?: string[];
  /** US Core asks servers to support `_revinclude=Provenance:target` on every profiled type it searches. */
  revincludes?: string[];
  operations?: { name: string; definition: string }[];
}

const shall = (...params: string[]): SearchCombination => ({ params, expectation: 'SHALL' });
const should = (...params: string[]): SearchCombination => ({ params, expectation: 'SHOULD' });
const since7 = (c: SearchCombination): SearchCombination => ({ ...c, since: '7.0.0' });
const p = (...names: string[]) => names.map((n) => `${SD}${n}`);

export const PROVENANCE_REVINCLUDE = 'Provenance:target';

export const US_CORE_RESOURCES: UsCoreResource[] = [
  { type: 'AllergyIntolerance', profiles: p('us-core-allergyintolerance'), searches: [shall('patient'), should('patient', 'clinical-status')] },
  {
    type: 'CarePlan',
    profiles: p('us-core-careplan'),
    searches: [shall('patient', 'category'), should('patient', 'category', 'date'), should('patient', 'category', 'status', 'date'), should('patient', 'category', 'status')],
  },
  {
    type: 'CareTeam',
    profiles: p('us-core-careteam'),
    searches: [shall('patient', 'status'), should('patient', 'role')],
    includes: ['CareTeam:participant:Patient', 'CareTeam:participant:Practitioner', 'CareTeam:participant:PractitionerRole', 'CareTeam:participant:RelatedPerson'],
  },
  {
    type: 'Condition',
    profiles: p('us-core-condition-encounter-diagnosis', 'us-core-condition-problems-health-concerns'),
    searches: [
      shall('patient'),
      should('patient', 'category'),
      should('patient', 'category', 'clinical-status'),
      should('patient', 'clinical-status'),
      should('patient', 'code'),
      should('patient', 'onset-date'),
      should('patient', 'asserted-date'),
      should('patient', 'recorded-date'),
      should('patient', 'abatement-date'),
      should('patient', 'category', 'encounter'),
      since7(should('patient', 'category', '_lastUpdated')),
    ],
  },
  { type: 'Coverage', profiles: p('us-core-coverage'), searches: [shall('patient')] },
  { type: 'Device', profiles: p('us-core-implantable-device'), searches: [shall('patient'), should('patient', 'type'), since7(should('patient', 'status'))] },
  {
    type: 'DiagnosticReport',
    profiles: p('us-core-diagnosticreport-note', 'us-core-diagnosticreport-lab'),
    searches: [
      shall('patient'),
      shall('patient', 'category'),
      shall('patient', 'code'),
      shall('patient', 'category', 'date'),
      should('patient', 'status'),
      should('patient', 'code', 'date'),
      since7(should('patient', 'category', '_lastUpdated')),
    ],
  },
  {
    type: 'DocumentReference',
    profiles: p('us-core-documentreference'),
    searches: [
      shall('_id'),
      shall('patient'),
      shall('patient', 'category'),
      shall('patient', 'category', 'date'),
      shall('patient', 'type'),
      should('patient', 'status'),
      should('patient', 'type', 'period'),
    ],
    operations: [{ name: 'docref', definition: 'http://hl7.org/fhir/us/core/OperationDefinition/docref' }],
  },
  {
    type: 'Encounter',
    profiles: p('us-core-encounter'),
    searches: [
      shall('_id'),
      shall('patient'),
      shall('date', 'patient'),
      shall('identifier'),
      should('class', 'patient'),
      should('patient', 'type'),
      should('patient', 'status'),
      should('patient', 'location'),
      should('patient', 'discharge-disposition'),
      since7(should('patient', '_lastUpdated')),
    ],
  },
  {
    type: 'Goal',
    profiles: p('us-core-goal'),
    searches: [shall('patient'), should('patient', 'lifecycle-status'), should('patient', 'target-date'), should('patient', 'description')],
  },
  { type: 'Immunization', profiles: p('us-core-immunization'), searches: [shall('patient'), should('patient', 'date'), should('patient', 'status')] },
  {
    type: 'Location',
    profiles: p('us-core-location'),
    searches: [since7(shall('name')), since7(shall('address')), should('address-city'), should('address-state'), should('address-postalcode')],
  },
  { type: 'Medication', profiles: p('us-core-medication'), searches: [] },
  {
    type: 'MedicationDispense',
    profiles: p('us-core-medicationdispense'),
    searches: [shall('patient'), shall('patient', 'status'), should('patient', 'status', 'type')],
    includes: ['MedicationDispense:medication'],
  },
  {
    type: 'MedicationRequest',
    profiles: p('us-core-medicationrequest'),
    searches: [shall('patient'), shall('patient', 'intent'), shall('patient', 'intent', 'status'), should('patient', 'intent', 'encounter'), should('patient', 'intent', 'authoredon')],
    includes: ['MedicationRequest:medication'],
  },
  {
    type: 'Observation',
    profiles: p(
      'us-core-observation-clinical-result',
      'us-core-observation-lab',
      'us-core-observation-occupation',
      'us-core-observation-pregnancyintent',
      'us-core-observation-pregnancystatus',
      'us-core-observation-screening-assessment',
      'us-core-observation-sexual-orientation',
      'us-core-simple-observation',
      'us-core-smokingstatus',
      'us-core-care-experience-preference',
      'us-core-treatment-intervention-preference',
      'us-core-vital-signs',
      'us-core-blood-pressure',
      'us-core-bmi',
      'us-core-body-height',
      'us-core-body-temperature',
      'us-core-body-weight',
      'us-core-head-circumference',
      'us-core-heart-rate',
      'us-core-pulse-oximetry',
      'us-core-respiratory-rate',
      'pediatric-bmi-for-age',
      'pediatric-weight-for-height',
      'head-occipital-frontal-circumference-percentile',
    ),
    searches: [
      shall('patient', 'category'),
      shall('patient', 'code'),
      shall('patient', 'category', 'date'),
      should('patient', 'category', 'status'),
      should('patient', 'code', 'date'),
      since7(should('patient', 'category', '_lastUpdated')),
    ],
  },
  { type: 'Organization', profiles: p('us-core-organization'), searches: [shall('name'), shall('address')] },
  {
    type: 'Patient',
    profiles: p('us-core-patient'),
    searches: [shall('_id'), shall('identifier'), shall('name'), shall('birthdate', 'name'), shall('gender', 'name'), should('birthdate', 'family'), should('family', 'gender')],
  },
  { type: 'Practitioner', profiles: p('us-core-practitioner'), searches: [shall('name'), shall('identifier')] },
  {
    type: 'PractitionerRole',
    profiles: p('us-core-practitionerrole'),
    searches: [shall('specialty'), shall('practitioner')],
    includes: ['PractitionerRole:endpoint', 'PractitionerRole:practitioner'],
  },
  { type: 'Procedure', profiles: p('us-core-procedure'), searches: [shall('patient'), shall('patient', 'date'), should('patient', 'code', 'date'), should('patient', 'status')] },
  { type: 'Provenance', profiles: p('us-core-provenance'), searches: [] },
  {
    type: 'QuestionnaireResponse',
    profiles: p('us-core-questionnaireresponse'),
    searches: [shall('_id'), shall('patient'), should('patient', 'authored'), should('patient', 'questionnaire'), should('patient', 'status')],
  },
  { type: 'RelatedPerson', profiles: p('us-core-relatedperson'), searches: [shall('_id'), shall('patient'), should('name'), should('patient', 'name')] },
  {
    type: 'ServiceRequest',
    profiles: p('us-core-servicerequest'),
    searches: [shall('_id'), shall('patient'), shall('patient', 'category'), shall('patient', 'code'), shall('patient', 'category', 'authored'), should('patient', 'status'), should('patient', 'code', 'authored')],
  },
  { type: 'Specimen', profiles: p('us-core-specimen'), searches: [shall('_id'), shall('patient')] },
];

/** Types searched by patient get `_revinclude=Provenance:target` (US Core 6.1.0 Basic Provenance). */
for (const resource of US_CORE_RESOURCES) {
  if (resource.type !== 'Provenance' && resource.searches.length > 0) resource.revincludes = [PROVENANCE_REVINCLUDE];
}

export function usCoreResource(type: string): UsCoreResource | undefined {
  return US_CORE_RESOURCES.find((r) => r.type === type);
}
