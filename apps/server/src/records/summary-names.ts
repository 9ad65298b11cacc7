// What the printed record calls each item: the plain name from the tables the web app uses, in the
// reader's language; else the record's words without SNOMED CT semantic tags ("(disorder)"); else
// an "Unnamed …" word. Never a bare code: a patient cannot read one, and the web app shows none.
import type { AllergyIntolerance, CodeableConcept, Condition, DocumentReference, Encounter, Immunization, Observation, Procedure, Reference } from '@medplum/fhirtypes';
import { LOINC, codeIn } from '#fhir/concepts.js';
import { allergyReactions, allergySubstanceName } from '#plain-words/allergy-name.js';
import { medicineName } from '#plain-words/medicine-name.js';
import { problemName } from '#plain-words/problem-name.js';
import { procedureName } from '#plain-words/procedure-name.js';
import { recordName, type ShownName } from '#plain-words/record-name.js';
import { labTestName } from '#plain-words/test-name.js';
import { officialVaccineName, vaccineName } from '#plain-words/vaccine-name.js';
import { documentTypeName, visitTypeName } from '#plain-words/visit-type-name.js';
import type { SummaryLocale, SummaryWords } from './summary-text.js';

export type SummaryNames = ReturnType<typeof summaryNames>;

export function summaryNames(locale: SummaryLocale, w: SummaryWords) {
  const u = w.unnamed;
  return {
    problem: (c: Condition): ShownName => problemName(c.code, locale, u.problem),
    allergy: (a: AllergyIntolerance): ShownName => allergySubstanceName(a.code, locale, u.allergy),
    reactions: (a: AllergyIntolerance): string[] => allergyReactions(a, locale),
    // The prescription's own words with the dose form in the reader's language ("lisinopril 10 MG tableta oral"), as the web app shows them.
    medicine: (concept: CodeableConcept | undefined, reference: Reference | undefined): string => {
      const name = recordName(concept, '') || reference?.display?.trim();
      return name ? medicineName(name, locale) : u.medicine;
    },
    // The printed record keeps the product's name: schools and clinics ask for it.
    vaccine: (i: Immunization): ShownName => ({ name: vaccineName(i.vaccineCode, locale, u.vaccine), official: officialVaccineName(i.vaccineCode, locale) }),
    procedure: (p: Procedure): ShownName => procedureName(p.code, locale, u.procedure),
    test: (o: Observation): string => labTestName(o.code, locale, u.test),
    vital: (o: Observation): string => w.vitalNames[codeIn(o.code, LOINC) ?? ''] ?? labTestName(o.code, locale, u.test),
    visit: (e: Encounter): string => visitTypeName(e.type, locale) ?? (recordName(e.type?.[0], '') || w.visitKinds[e.class?.code ?? ''] || u.visit),
    // A known type wins over the attachment's title, which feeds fill with the same LOINC display.
    document: (d: DocumentReference): string =>
      documentTypeName(d.type, locale) ?? (d.content?.find((c) => c.attachment?.title?.trim())?.attachment.title?.trim() || recordName(d.type, '') || u.document),
    /** A coded result ("Positive (qualifier value)"); undefined when it has no words. */
    value: (c: CodeableConcept | undefined): string | undefined => recordName(c, '') || undefined,
  };
}

/** The group a result belongs to: its LOINC code, so two tests that share a plain name stay apart. */
export function testKey(o: Observation, names: SummaryNames): string {
  const loinc = codeIn(o.code, LOINC);
  return loinc ? `loinc:${loinc}` : `name:${names.test(o)}`;
}
