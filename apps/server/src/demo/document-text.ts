// Plain-text bodies for the documents that restate other resources: procedure notes, the surgical
// pathology report, the laboratory report of a visit and the patient summary (the CCD that
// $docref returns). Built from the resources themselves, so a document never contradicts the
// structured data next to it.
import type { AllergyIntolerance, Condition, DiagnosticReport, Immunization, MedicationRequest, Observation, Resource } from '@medplum/fhirtypes';
import { fhirDate } from './fhir-helpers.js';
import type { Rng } from './rng.js';

export type ProcedureNoteKind = 'pacemaker' | 'kneeReplacement' | 'colonoscopy';

export interface ColonoscopyFindings {
  polyp: boolean;
  histology?: 'tubular adenoma' | 'hyperplastic polyp';
  sizeMm?: number;
}

export function colonoscopyFindings(rng: Rng): ColonoscopyFindings {
  if (!rng.chance(0.65)) return { polyp: false };
  return { polyp: true, histology: rng.chance(0.6) ? 'tubular adenoma' : 'hyperplastic polyp', sizeMm: rng.int(3, 9) };
}

export function procedureNoteText(kind: ProcedureNoteKind, patientName: string, date: Date, operator: string, rng: Rng, colon?: ColonoscopyFindings): string {
  const head = `PROCEDURE NOTE\nPatient: ${patientName}\nDate: ${fhirDate(date)}\nOperator: ${operator}\n`;
  switch (kind) {
    case 'pacemaker':
      return `${head}PROCEDURE: Dual-chamber permanent pacemaker implantation.\nINDICATION: Symptomatic bradycardia with atrial fibrillation (tachy-brady syndrome).\nANESTHESIA: Local lidocaine 1% with moderate sedation.\nDESCRIPTION: Left subclavian venous access under fluoroscopy. Atrial and ventricular leads positioned with satisfactory sensing and thresholds (RV threshold ${(0.5 + rng.float(0, 0.5)).toFixed(1)} V at 0.4 ms). Generator placed in a left pectoral pocket; layered closure.\nESTIMATED BLOOD LOSS: Minimal.\nCOMPLICATIONS: None.\nDISPOSITION: Chest X-ray to exclude pneumothorax; device check in 2 weeks.`;
    case 'kneeReplacement':
      return `${head}PROCEDURE: Total knee arthroplasty, ${rng.pick(['right', 'left'])}.\nINDICATION: End-stage osteoarthritis with pain limiting walking despite conservative care.\nANESTHESIA: Spinal with adductor canal block.\nDESCRIPTION: Medial parapatellar approach; femoral and tibial cuts with cemented components; patella resurfaced. Good range of motion 0-120 degrees and stable ligaments.\nESTIMATED BLOOD LOSS: ${rng.int(100, 250)} mL.\nCOMPLICATIONS: None.\nDISPOSITION: Physical therapy from day 0; anticoagulation for 4 weeks.`;
    case 'colonoscopy':
      return `${head}PROCEDURE: Colonoscopy to the cecum.\nINDICATION: Average-risk colorectal cancer screening.\nPREPARATION: ${rng.pick(['Good', 'Excellent'])} (Boston Bowel Preparation Scale ${rng.int(7, 9)}).\nFINDINGS: ${colon?.polyp ? `One ${colon.sizeMm} mm sessile polyp in the ${rng.pick(['sigmoid colon', 'ascending colon', 'transverse colon'])}, removed with cold snare and retrieved for pathology.` : 'Normal colonic mucosa throughout. No polyps.'} Small internal hemorrhoids.\nCOMPLICATIONS: None.\nRECOMMENDATION: ${colon?.polyp ? 'Await pathology; repeat colonoscopy interval per pathology result.' : 'Repeat screening colonoscopy in 10 years.'}`;
  }
}

export function pathologyText(colon: ColonoscopyFindings): { text: string; conclusion: string } {
  const adenoma = colon.histology === 'tubular adenoma';
  const conclusion = adenoma ? 'Colon, sigmoid, polypectomy: tubular adenoma. Negative for high-grade dysplasia and malignancy.' : 'Colon, polypectomy: hyperplastic polyp. Negative for dysplasia.';
  const text = `SURGICAL PATHOLOGY REPORT\nSPECIMEN: Colon polyp, cold snare polypectomy.\nGROSS DESCRIPTION: Received in formalin is a tan-pink polypoid fragment measuring ${colon.sizeMm} x ${Math.max(2, (colon.sizeMm ?? 4) - 2)} x 2 mm, entirely submitted in one cassette.\nMICROSCOPIC DESCRIPTION: ${adenoma ? 'Colonic mucosa with crowded, elongated, hyperchromatic glands showing low-grade dysplasia.' : 'Colonic mucosa with serrated crypts limited to the upper portion, without cytologic dysplasia.'}\nDIAGNOSIS: ${conclusion}\nCOMMENT: ${adenoma ? 'Surveillance colonoscopy in 7 to 10 years is suggested for 1-2 small tubular adenomas.' : 'Repeat screening at the usual interval.'}`;
  return { text, conclusion };
}

/** The lab report of one visit: every panel with its results, flags and reference ranges. */
export function labReportText(resources: Resource[], patientName: string): string {
  const obs = new Map(resources.filter((r): r is Observation => r.resourceType === 'Observation').map((o) => [`Observation/${o.id}`, o]));
  const reports = resources.filter((r): r is DiagnosticReport => r.resourceType === 'DiagnosticReport');
  const lines = [`LABORATORY REPORT\nPortico Clinical Laboratory\nPatient: ${patientName}\nCollected: ${reports[0]?.effectiveDateTime ?? ''}\n`];
  for (const report of reports) {
    lines.push(`${report.code.text ?? report.code.coding?.[0]?.display}`);
    for (const r of report.result ?? []) {
      const o = obs.get(r.reference as string);
      if (!o) continue;
      const value = o.valueQuantity ? `${o.valueQuantity.value} ${o.valueQuantity.unit ?? ''}`.trim() : o.valueCodeableConcept?.text ?? '';
      const flag = o.interpretation?.[0]?.coding?.[0]?.code;
      lines.push(`  ${o.code.text}: ${value}${flag && flag !== 'N' ? ` [${flag}]` : ''}${o.referenceRange?.[0]?.text ? `  (ref ${o.referenceRange[0].text})` : ''}`);
    }
    if (report.conclusion) lines.push(`  ${report.conclusion}`);
  }
  return lines.join('\n');
}

/** A summary of the chart as of its last signed visit (the document $docref returns by default). */
export function summaryText(resources: Resource[], patientName: string, birthDate: string, asOf: Date): string {
  const text = (c?: { text?: string; coding?: Array<{ display?: string }> }) => c?.text ?? c?.coding?.[0]?.display ?? '';
  const conditions = resources.filter((r): r is Condition => r.resourceType === 'Condition' && r.category?.[0]?.coding?.[0]?.code === 'problem-list-item');
  const meds = resources.filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest' && r.status === 'active');
  const allergies = resources.filter((r): r is AllergyIntolerance => r.resourceType === 'AllergyIntolerance');
  const shots = resources.filter((r): r is Immunization => r.resourceType === 'Immunization').slice(-8);
  const visits = resources.filter((r) => r.resourceType === 'Encounter').length;
  return [
    'SUMMARY OF CARE',
    `Patient: ${patientName}    Date of birth: ${birthDate}    As of: ${fhirDate(asOf)}`,
    `Visits on record: ${visits}`,
    '',
    'PROBLEMS:',
    ...(conditions.length ? conditions.map((c) => `  - ${text(c.code)} (since ${String(c.onsetDateTime ?? '').slice(0, 10)})`) : ['  - None recorded']),
    'MEDICATIONS:',
    ...(meds.length ? meds.map((m) => `  - ${m.medicationReference?.display ?? text(m.medicationCodeableConcept)}: ${m.dosageInstruction?.[0]?.text ?? ''}`) : ['  - None']),
    'ALLERGIES:',
    ...(allergies.length ? allergies.map((a) => `  - ${text(a.code)}${a.criticality ? ` (criticality ${a.criticality})` : ''}`) : ['  - No known allergies']),
    'RECENT IMMUNIZATIONS:',
    ...(shots.length ? shots.map((i) => `  - ${text(i.vaccineCode)} ${String(i.occurrenceDateTime ?? '').slice(0, 10)}`) : ['  - None recorded']),
  ].join('\n');
}
