import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentReference, Encounter } from '@medplum/fhirtypes';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';
import { documentTitle, visitTitle } from './visit-title.js';

const SNOMED = 'http://snomed.info/sct';
const CPT = 'http://www.ama-assn.org/go/cpt';

// The demo's encounters carry the SNOMED type, a CPT coding and the SNOMED display as text.
const encounter = (code: string, display: string, cls = 'AMB'): Encounter => ({
  resourceType: 'Encounter',
  status: 'finished',
  class: { code: cls },
  type: [{ coding: [{ system: SNOMED, code, display }, { system: CPT, code: '99213', display: 'Office or other outpatient visit' }], text: display }],
});

test('visits are named by their type in plain words, in the reader\'s language', () => {
  assert.equal(visitTitle(encounter('390906007', 'Follow-up encounter'), 'en', en), 'Follow-up visit');
  assert.equal(visitTitle(encounter('390906007', 'Follow-up encounter'), 'es', es), 'Consulta de seguimiento');
  assert.equal(visitTitle(encounter('185345009', 'Encounter for symptom'), 'es', es), 'Consulta por un problema nuevo');
  assert.equal(visitTitle(encounter('448337001', 'Telemedicine consultation with patient', 'VR'), 'en', en), 'Video visit');
  assert.equal(visitTitle(encounter('410620009', 'Well child visit'), 'es', es), 'Chequeo');
});

test('an unknown visit type keeps the record\'s words; without a type, the kind of visit', () => {
  assert.equal(visitTitle(encounter('999999999', 'Lactation consult'), 'es', es), 'Lactation consult');
  assert.equal(visitTitle({ resourceType: 'Encounter', status: 'finished', class: { code: 'VR' } }, 'es', es), 'Consulta por video o teléfono');
  assert.equal(visitTitle({ resourceType: 'Encounter', status: 'finished', class: { code: 'XYZ' }, type: [{ coding: [{ system: SNOMED, code: '999999999' }] }] }, 'en', en), 'Visit');
  // A CPT code is never read as a SNOMED one.
  assert.equal(visitTitle({ resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, type: [{ coding: [{ system: CPT, code: '390906007', display: 'X' }] }] }, 'en', en), 'X');
});

const doc = (code: string, display: string, title?: string): DocumentReference => ({
  resourceType: 'DocumentReference',
  status: 'current',
  type: { coding: [{ system: 'http://loinc.org', code, display }] },
  content: [{ attachment: { contentType: 'text/plain', title } }],
});

test('documents are named by their type in plain words, before a title that repeats the display', () => {
  assert.equal(documentTitle(doc('11506-3', 'Progress note', 'Progress note'), 'en', 'Document'), 'Visit note');
  assert.equal(documentTitle(doc('18842-5', 'Discharge summary', 'Discharge summary'), 'es', 'Documento'), 'Resumen de su estancia en el hospital');
  assert.equal(documentTitle(doc('34133-9', 'Summary of episode note'), 'es', 'Documento'), 'Resumen de su atención');
});

test('an unknown document type keeps the author\'s title, then the type\'s words, then the fallback', () => {
  assert.equal(documentTitle(doc('99999-9', 'Some note', 'Letter for school'), 'es', 'Documento'), 'Letter for school');
  assert.equal(documentTitle(doc('99999-9', 'Some note', '  '), 'es', 'Documento'), 'Some note');
  assert.equal(documentTitle({ resourceType: 'DocumentReference', status: 'current', content: [] }, 'es', 'Documento'), 'Documento');
});
