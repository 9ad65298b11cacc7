// Self-enrollment identity proofing: legal name, birth date, and either the medical record number
// or the last 4 digits of a phone number on file must match exactly one chart. The requester is
// anonymous, so the charts are read through the privileged door for 'identity-proofing' on their
// behalf, and the search is audited with every chart it looked at (those born that day).
import type { Patient } from '@medplum/fhirtypes';
import type { FhirRepository } from '../fhir/repository.js';
import { searchResources } from '../fhir/search/search.js';

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

/** Ids of the charts matching every answer; `repo` is a privileged repository for 'identity-proofing'. */
export async function matchCharts(repo: FhirRepository, answers: ProofingAnswers): Promise<string[]> {
  const matches: string[] = [];
  // The birth date narrows the search on its index; names and numbers are compared here, folded.
  let query: [string, string][] | undefined = [['birthdate', answers.birthDate], ['_count', '1000']];
  while (query) {
    const page = await searchResources(repo, 'Patient', query, { strict: true });
    for (const entry of page.entry ?? []) {
      const patient = entry.resource as Patient;
      if (entry.search?.mode !== 'match' || patient.birthDate !== answers.birthDate) continue;
      if (patient.active === false || !nameMatches(patient, answers.givenName, answers.familyName)) continue;
      if (answers.mrn ? mrnMatches(patient, answers.mrn) : answers.phoneLast4 ? phoneMatches(patient, answers.phoneLast4) : false) matches.push(patient.id as string);
    }
    const next = page.link?.find((l) => l.relation === 'next')?.url;
    query = next ? [...new URL(next).searchParams.entries()] : undefined;
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
