// Self-enrollment identity proofing: legal name, birth date, and either the medical record number
// or the last 4 digits of a phone number on file must match exactly one chart. Runs as the system
// (the requester is anonymous) and is audited with the charts it looked at.
import type { Patient } from '@medplum/fhirtypes';
import type { Queryable } from '../db/pool.js';

export interface ProofingAnswers {
  givenName: string;
  familyName: string;
  birthDate: string;
  mrn?: string;
  phoneLast4?: string;
}

export const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function nameMatches(patient: Patient, given: string, family: string): boolean {
  const g = fold(given);
  const f = fold(family);
  return (patient.name ?? []).some((n) => n.use !== 'old' && fold(n.family ?? '') === f && (n.given ?? []).some((x) => fold(x) === g));
}

function mrnMatches(patient: Patient, mrn: string): boolean {
  const want = mrn.trim();
  return (patient.identifier ?? []).some((id) => {
    const typed = id.type?.coding?.some((c) => c.code === 'MR');
    return id.value === want && (typed || !id.type);
  });
}

function phoneMatches(patient: Patient, last4: string): boolean {
  return (patient.telecom ?? []).some((t) => t.system === 'phone' && (t.value ?? '').replace(/\D/g, '').endsWith(last4));
}

/** Ids of the charts matching every answer. */
export async function matchCharts(db: Queryable, answers: ProofingAnswers): Promise<string[]> {
  const { rows } = await db.query<{ id: string; content: string }>(
    `SELECT id, content FROM fhir_resource WHERE resource_type = 'Patient' AND NOT deleted AND content::jsonb ->> 'birthDate' = $1`,
    [answers.birthDate],
  );
  const matches: string[] = [];
  for (const row of rows) {
    const patient = JSON.parse(row.content) as Patient;
    if (patient.active === false || !nameMatches(patient, answers.givenName, answers.familyName)) continue;
    if (answers.mrn ? mrnMatches(patient, answers.mrn) : answers.phoneLast4 ? phoneMatches(patient, answers.phoneLast4) : false) matches.push(row.id);
  }
  return matches;
}

export function patientDisplayName(patient: Patient): string {
  const name = patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
  if (!name) return 'Patient';
  return name.text ?? [...(name.given ?? []), name.family].filter(Boolean).join(' ');
}

export function patientNames(patient: Patient): string[] {
  return (patient.name ?? []).flatMap((n) => [...(n.given ?? []), n.family ?? '']).filter(Boolean);
}
