import { test } from 'node:test';
import assert from 'node:assert/strict';
import { officialVaccineName, vaccineName } from './vaccine-name.js';

const CVX = 'http://hl7.org/fhir/sid/cvx';

test('a vaccine is named by what it protects against, in the reader\'s language', () => {
  const flu = { coding: [{ system: CVX, code: '150', display: 'Influenza, injectable, quadrivalent, preservative free' }] };
  assert.equal(vaccineName(flu, 'en', 'Vaccine'), 'Flu vaccine');
  assert.equal(vaccineName(flu, 'es', 'Vacuna'), 'Vacuna contra la gripe');
  const covid = { coding: [{ system: CVX, code: '208', display: 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose' }], text: 'Pfizer COVID' };
  assert.equal(vaccineName(covid, 'es', 'Vacuna'), 'Vacuna contra el COVID-19');
});

test('CVX codes match with or without the leading zero, and by the HL7 OID', () => {
  assert.equal(vaccineName({ coding: [{ system: CVX, code: '3' }] }, 'en', 'Vaccine'), 'Measles, mumps and rubella vaccine (MMR)');
  assert.equal(vaccineName({ coding: [{ system: CVX, code: '08' }] }, 'es', 'Vacuna'), 'Vacuna contra la hepatitis B');
  assert.equal(vaccineName({ coding: [{ system: 'urn:oid:2.16.840.1.113883.12.292', code: '115' }] }, 'en', 'Vaccine'), 'Tetanus, diphtheria and whooping cough booster (Tdap)');
});

test('an unknown vaccine falls back to the record\'s words, then the plain fallback', () => {
  assert.equal(vaccineName({ coding: [{ system: CVX, code: '999', display: 'New vaccine X' }], text: 'Vacuna X' }, 'es', 'Vacuna'), 'Vacuna X');
  assert.equal(vaccineName({ coding: [{ system: CVX, code: '999', display: 'New vaccine X' }] }, 'es', 'Vacuna'), 'New vaccine X');
  assert.equal(vaccineName({ coding: [{ system: CVX, code: '999' }] }, 'es', 'Vacuna'), 'Vacuna');
  // A code from another system is not read as CVX, even when it looks like one.
  assert.equal(vaccineName({ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '150', display: 'Something else' }] }, 'en', 'Vaccine'), 'Something else');
  assert.equal(vaccineName(undefined, 'en', 'Vaccine'), 'Vaccine');
  // Records that code vaccines in SNOMED CT carry its semantic tag, which means nothing to a patient.
  assert.equal(vaccineName({ coding: [{ system: 'http://snomed.info/sct', code: '46233009', display: 'Influenza virus vaccine (product)' }] }, 'es', 'Vacuna'), 'Influenza virus vaccine');
});

test('the official name is kept for the printed record only when it says more', () => {
  const flu = { coding: [{ system: CVX, code: '150', display: 'Influenza, injectable, quadrivalent, preservative free' }] };
  assert.equal(officialVaccineName(flu, 'en'), 'Influenza, injectable, quadrivalent, preservative free');
  assert.equal(officialVaccineName({ coding: [{ system: CVX, code: '21', display: 'Chickenpox vaccine' }] }, 'en'), undefined);
  // Unknown codes already show the record's words on screen.
  assert.equal(officialVaccineName({ coding: [{ system: CVX, code: '999', display: 'X' }] }, 'en'), undefined);
});
