import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CareTeam } from '@medplum/fhirtypes';
import { careRoleName, careTeamMembers } from './care-team.js';

const SNOMED = 'http://snomed.info/sct';
const role = (code: string, display: string, system = SNOMED) => [{ coding: [{ system, code, display }] }];

// The shape of the demo clinic's care team (apps/server/src/demo/chart.ts).
const team: CareTeam = {
  resourceType: 'CareTeam',
  participant: [
    { role: role('446050000', 'Primary care physician'), member: { reference: 'Practitioner/p1', display: 'Dr. Sarah Chen' } },
    { role: role('224535009', 'Registered nurse'), member: { reference: 'Practitioner/p2', display: 'Luis Ortega, NP' } },
    { role: role('116154003', 'Patient'), member: { reference: 'Patient/child-1' } },
    { role: role('72705000', 'Mother'), member: { reference: 'RelatedPerson/r1', display: 'Ana Ruiz' } },
  ],
};

test('roles are plain words in the reader\'s language, and the patient is not on their own team', () => {
  assert.deepEqual(careTeamMembers([team], 'child-1', 'es', 'Miembro del equipo').map((x) => [x.name, x.role]), [
    ['Dr. Sarah Chen', 'Médico de atención primaria'],
    ['Luis Ortega, NP', 'Enfermero o enfermera'],
    ['Ana Ruiz', 'Madre'],
  ]);
  assert.deepEqual(careTeamMembers([team], 'child-1', 'en', 'Care team member').map((x) => x.role), ['Primary care doctor', 'Nurse', 'Mother']);
});

test('the patient is recognised by a full or versioned reference, and only that patient', () => {
  const members = (ref: string) => careTeamMembers([{ resourceType: 'CareTeam', participant: [{ member: { reference: ref, display: 'X' } }] }], 'child-1', 'en', 'Care team member');
  assert.equal(members('https://clinic.example.org/fhir/Patient/child-1').length, 0);
  assert.equal(members('Patient/child-1/_history/3').length, 0);
  assert.equal(members('Patient/child-10').length, 1);
  assert.equal(members('Patient/other').length, 1);
});

test('someone on two teams is listed once; no display falls back to plain words', () => {
  const second: CareTeam = { resourceType: 'CareTeam', participant: [team.participant![0], { member: { reference: 'Practitioner/p9' } }] };
  const list = careTeamMembers([team, second], 'child-1', 'en', 'Care team member');
  assert.equal(list.filter((x) => x.name === 'Dr. Sarah Chen').length, 1);
  assert.deepEqual(list.at(-1), { key: 'Practitioner/p9|', name: 'Care team member', role: undefined });
});

test('NUCC roles are named too; an unknown role keeps the record\'s words, none shows nothing', () => {
  assert.equal(careRoleName(role('363L00000X', 'Nurse Practitioner', 'http://nucc.org/provider-taxonomy')[0], 'es'), 'Enfermero o enfermera practicante');
  assert.equal(careRoleName(role('999999999', 'Chaplain')[0], 'es'), 'Chaplain');
  assert.equal(careRoleName({ coding: [{ system: SNOMED, code: '999999999' }] }, 'es'), undefined);
  assert.equal(careRoleName(undefined, 'en'), undefined);
});
