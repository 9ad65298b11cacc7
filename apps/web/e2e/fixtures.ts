// A small, valid patient chart for the browser tests, written through the system repository.
import type { Resource } from '@medplum/fhirtypes';
import type { FhirRepository } from '../../server/src/fhir/repository.js';
import { createResource } from '../../server/test/support/harness.js';

const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }], text: display });
const lab = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }];
const vitalCat = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }];
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export interface Chart {
  patientId: string;
  latestGlucoseId: string;
  encounterId: string;
}

export async function createChart(repo: FhirRepository): Promise<Chart> {
  const put = (r: Resource) => createResource<Resource>(repo, r);
  const patient = await put({ resourceType: 'Patient', name: [{ use: 'official', given: ['Maria'], family: 'Lopez' }], birthDate: '1968-04-02', gender: 'female' });
  const subject = { reference: `Patient/${patient.id}` };
  const doctor = await put({ resourceType: 'Practitioner', name: [{ prefix: ['Dr.'], given: ['Sarah'], family: 'Chen' }] });
  const drRef = { reference: `Practitioner/${doctor.id}`, display: 'Dr. Sarah Chen' };
  const glucose = [];
  for (const [days, value] of [[400, 104], [200, 118], [5, 131]] as const) {
    const o = await put({
      resourceType: 'Observation', status: 'final', category: lab, code: loinc('2345-7', 'Glucose'), subject, effectiveDateTime: daysAgo(days),
      valueQuantity: { value, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
      referenceRange: [{ low: { value: 70, unit: 'mg/dL' }, high: { value: 99, unit: 'mg/dL' } }],
      interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }] }],
    });
    const potassium = await put({
      resourceType: 'Observation', status: 'final', category: lab, code: loinc('2823-3', 'Potassium'), subject, effectiveDateTime: daysAgo(days),
      valueQuantity: { value: 4.2, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      referenceRange: [{ low: { value: 3.5, unit: 'mmol/L' }, high: { value: 5.1, unit: 'mmol/L' } }],
    });
    await put({
      resourceType: 'DiagnosticReport', status: 'final', subject, effectiveDateTime: daysAgo(days), issued: daysAgo(days),
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }],
      code: loinc('24323-8', 'Basic metabolic panel'), performer: [drRef],
      result: [{ reference: `Observation/${o.id}` }, { reference: `Observation/${potassium.id}` }],
    });
    glucose.push(o);
  }
  for (const [days, sys, dia, weight] of [[400, 138, 88, 82], [200, 131, 84, 80], [5, 126, 80, 78.5]] as const) {
    await put({
      resourceType: 'Observation', status: 'final', category: vitalCat, code: loinc('85354-9', 'Blood pressure'), subject, effectiveDateTime: daysAgo(days),
      component: [
        { code: loinc('8480-6', 'Systolic'), valueQuantity: { value: sys, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
        { code: loinc('8462-4', 'Diastolic'), valueQuantity: { value: dia, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
      ],
    });
    await put({ resourceType: 'Observation', status: 'final', category: vitalCat, code: loinc('29463-7', 'Body weight'), subject, effectiveDateTime: daysAgo(days), valueQuantity: { value: weight, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } });
  }
  await put({ resourceType: 'Condition', subject, code: { text: 'High blood pressure' }, onsetDateTime: '2019-03-01', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] } });
  await put({ resourceType: 'AllergyIntolerance', patient: subject, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] }, code: { text: 'Penicillin' }, criticality: 'high', reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }] });
  await put({ resourceType: 'Immunization', status: 'completed', patient: subject, vaccineCode: { text: 'Flu vaccine' }, occurrenceDateTime: daysAgo(90).slice(0, 10) });
  await put({
    resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject, authoredOn: daysAgo(300).slice(0, 10), requester: drRef,
    medicationCodeableConcept: { text: 'Lisinopril 10 mg tablet' }, reasonCode: [{ text: 'High blood pressure' }],
    dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }], route: { text: 'Oral' }, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }],
  });
  const encounter = await put({
    resourceType: 'Encounter', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' }, subject,
    type: [{ text: 'Check-up' }], period: { start: daysAgo(5), end: daysAgo(5) }, participant: [{ individual: drRef }],
  });
  await put({
    resourceType: 'DocumentReference', status: 'current', subject, date: daysAgo(5), type: { text: 'Visit note' },
    context: { encounter: [{ reference: `Encounter/${encounter.id}` }] },
    content: [{ attachment: { contentType: 'text/plain; charset=utf-8', title: 'Visit note', data: b64('Follow-up for hypertension. Blood pressure is better on lisinopril. Fasting glucose is a little high; we talked about diet and exercise. Recheck labs in 3 months.') } }],
  });
  return { patientId: patient.id!, latestGlucoseId: glucose[2].id!, encounterId: encounter.id! };
}
