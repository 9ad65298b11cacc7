// One resource of each of ~27 common types in a patient's compartment, minimal but valid R4, for
// the cross-patient access tests.
import type { Resource } from '@medplum/fhirtypes';

export interface PatientData {
  patientId: string;
  name: string;
  /** type -> id of the resource of that type */
  ids: Map<string, string>;
}

const cc = (text: string, code = text.toLowerCase().replace(/\W+/g, '-')) => ({ coding: [{ system: 'http://example.org/codes', code }], text });

/** Resources for a patient; `org` is a shared Organization id. Each carries identifier value `${tag}-<Type>` where the type allows it. */
export function compartmentResources(patientId: string, tag: string, org: string, practitioner: string): Resource[] {
  const patient = { reference: `Patient/${patientId}` };
  const ident = (type: string) => [{ system: 'http://example.org/ids', value: `${tag}-${type}` }];
  const r = (resource: Record<string, unknown>) => resource as unknown as Resource;
  return [
    r({ resourceType: 'Observation', identifier: ident('Observation'), status: 'final', code: cc('Body weight'), subject: patient, valueQuantity: { value: 70, unit: 'kg' } }),
    r({ resourceType: 'Condition', identifier: ident('Condition'), subject: patient, code: cc('Asthma') }),
    r({ resourceType: 'Encounter', identifier: ident('Encounter'), status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' }, subject: patient }),
    r({ resourceType: 'MedicationRequest', identifier: ident('MedicationRequest'), status: 'active', intent: 'order', medicationCodeableConcept: cc('Albuterol'), subject: patient }),
    r({ resourceType: 'AllergyIntolerance', identifier: ident('AllergyIntolerance'), clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] }, patient, code: cc('Peanut') }),
    r({ resourceType: 'Immunization', identifier: ident('Immunization'), status: 'completed', vaccineCode: cc('Influenza'), patient, occurrenceDateTime: '2024-10-01' }),
    r({ resourceType: 'Procedure', identifier: ident('Procedure'), status: 'completed', code: cc('Spirometry'), subject: patient }),
    r({ resourceType: 'DiagnosticReport', identifier: ident('DiagnosticReport'), status: 'final', code: cc('Lipid panel'), subject: patient }),
    r({ resourceType: 'DocumentReference', identifier: ident('DocumentReference'), status: 'current', subject: patient, content: [{ attachment: { contentType: 'text/plain', data: 'bm90ZQ==' } }] }),
    r({ resourceType: 'CarePlan', identifier: ident('CarePlan'), status: 'active', intent: 'plan', subject: patient }),
    r({ resourceType: 'CareTeam', identifier: ident('CareTeam'), status: 'active', subject: patient, participant: [{ member: { reference: `Practitioner/${practitioner}` } }] }),
    r({ resourceType: 'Goal', identifier: ident('Goal'), lifecycleStatus: 'active', description: cc('Walk daily'), subject: patient }),
    r({ resourceType: 'Coverage', identifier: ident('Coverage'), status: 'active', beneficiary: patient, payor: [{ reference: `Organization/${org}` }] }),
    r({ resourceType: 'Device', identifier: ident('Device'), patient, deviceName: [{ name: 'Glucose meter', type: 'user-friendly-name' }] }),
    r({ resourceType: 'Provenance', target: [patient], recorded: '2024-01-01T00:00:00Z', agent: [{ who: { reference: `Practitioner/${practitioner}` } }] }),
    r({ resourceType: 'ServiceRequest', identifier: ident('ServiceRequest'), status: 'active', intent: 'order', code: cc('Chest X-ray'), subject: patient }),
    r({ resourceType: 'Communication', identifier: ident('Communication'), status: 'completed', subject: patient, payload: [{ contentString: 'Hello' }] }),
    r({ resourceType: 'Appointment', identifier: ident('Appointment'), status: 'booked', start: '2030-01-01T10:00:00Z', end: '2030-01-01T10:30:00Z', participant: [{ actor: patient, status: 'accepted' }] }),
    r({ resourceType: 'QuestionnaireResponse', identifier: ident('QuestionnaireResponse')[0], status: 'completed', subject: patient }),
    r({ resourceType: 'Invoice', identifier: ident('Invoice'), status: 'issued', subject: patient }),
    r({ resourceType: 'Consent', identifier: ident('Consent'), status: 'active', scope: cc('Privacy', 'patient-privacy'), category: [cc('Privacy consent')], patient, policyRule: cc('Opt in', 'OPTIN') }),
    r({ resourceType: 'RelatedPerson', identifier: ident('RelatedPerson'), patient, name: [{ family: `${tag}Relative` }] }),
    r({ resourceType: 'Claim', identifier: ident('Claim'), status: 'active', type: cc('Professional'), use: 'claim', patient, created: '2024-01-01', provider: { reference: `Organization/${org}` }, priority: cc('Normal'), insurance: [{ sequence: 1, focal: true, coverage: { display: 'Plan' } }] }),
    r({ resourceType: 'ExplanationOfBenefit', identifier: ident('ExplanationOfBenefit'), status: 'active', type: cc('Professional'), use: 'claim', patient, created: '2024-01-01', insurer: { reference: `Organization/${org}` }, provider: { reference: `Organization/${org}` }, outcome: 'complete', insurance: [{ focal: true, coverage: { display: 'Plan' } }] }),
    r({ resourceType: 'ImagingStudy', identifier: ident('ImagingStudy'), status: 'available', subject: patient }),
    r({ resourceType: 'Flag', identifier: ident('Flag'), status: 'active', code: cc('Fall risk'), subject: patient }),
    r({ resourceType: 'NutritionOrder', identifier: ident('NutritionOrder'), status: 'active', intent: 'order', patient, dateTime: '2024-01-01' }),
    r({ resourceType: 'RiskAssessment', identifier: ident('RiskAssessment'), status: 'final', subject: patient }),
  ];
}
