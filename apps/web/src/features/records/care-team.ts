// "Your care team": the people on the patient's care teams with their roles in plain words. The
// patient is a participant of their own CareTeam in US Core records (role "Patient"), which is true
// for the record but reads oddly in a list of the people looking after them, so they are left out.
import type { CareTeam, CodeableConcept, Reference } from '@medplum/fhirtypes';
import { careTeamRoleNames } from '#plain-words/content/care-team-roles.js';
import { conceptText, referenceText } from './format-common.js';
import { plainNameLookup, type Locale } from '#plain-words/plain-name.js';

// US Core CareTeam.participant.role: SNOMED CT occupations and relations, and the NUCC taxonomy.
const lookup = plainNameLookup(careTeamRoleNames, ['http://snomed.info/sct', 'http://nucc.org/provider-taxonomy']);

export interface CareTeamMember {
  key: string;
  name: string;
  role?: string;
}

export function careRoleName(role: CodeableConcept | undefined, locale: Locale): string | undefined {
  return lookup(role, locale) ?? (conceptText(role, '') || undefined);
}

/** True when the reference points at this patient ("Patient/1", a full URL, or a versioned one). */
function isPatient(member: Reference | undefined, patientId: string | undefined): boolean {
  const ref = member?.reference;
  return Boolean(patientId && ref && new RegExp(`(^|/)Patient/${patientId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/_history/[^/]+)?$`).test(ref));
}

/** Everyone on the patient's care teams but the patient, once each even when on several teams. */
export function careTeamMembers(teams: CareTeam[], patientId: string | undefined, locale: Locale, fallbackPerson: string): CareTeamMember[] {
  const seen = new Set<string>();
  const members: CareTeamMember[] = [];
  for (const team of teams) {
    for (const p of team.participant ?? []) {
      if (isPatient(p.member, patientId)) continue;
      const name = referenceText(p.member, fallbackPerson);
      const role = careRoleName(p.role?.[0], locale);
      const key = `${p.member?.reference ?? name}|${role ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      members.push({ key, name, role });
    }
  }
  return members;
}
