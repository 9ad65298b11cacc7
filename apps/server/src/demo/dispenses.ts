// US Core MedicationDispense (6.1.0): the community pharmacy's fills of the clinic's prescriptions,
// a first fill a day or two after the prescription and refills each time the supply runs out,
// up to the refills allowed and never past the stop date or "today". Long-term prescriptions
// point at the Medication (medicationReference); short courses carry the RxNorm code inline
// (medicationCodeableConcept), so both US Core choices occur.
import type { MedicationDispense, MedicationRequest, Reference } from '@medplum/fhirtypes';
import { SYS, addDays, addMinutes, concept, fhirDateTime, qty, ref, usCore } from './fhir-helpers.js';
import { FORMULARY } from './medications.js';
import type { Rng } from './rng.js';

/** At most this many refills are generated per prescription, to keep charts readable. */
const MAX_REFILLS = 3;

const FILL = {
  first: concept(SYS.actCode, 'FF', 'First Fill'),
  refill: concept(SYS.actCode, 'RF', 'Refill'),
};

export interface DispenseContext {
  next(): string;
  rng: Rng;
  patient: Reference<any>;
  pharmacy: Reference<any>;
  asOf: Date;
}

export function dispensesFor(requests: MedicationRequest[], c: DispenseContext): MedicationDispense[] {
  const out: MedicationDispense[] = [];
  for (const mr of requests) {
    const authored = new Date(mr.authoredOn as string);
    const supplyDays = mr.dispenseRequest?.expectedSupplyDuration?.value ?? 30;
    const end = mr.dispenseRequest?.validityPeriod?.end ? new Date(mr.dispenseRequest.validityPeriod.end) : c.asOf;
    const until = end < c.asOf ? end : c.asOf;
    const refills = Math.min(MAX_REFILLS, mr.dispenseRequest?.numberOfRepeatsAllowed ?? 0);
    const display = mr.medicationReference?.display as string;
    const drug = FORMULARY.find((d) => d.display === display);
    const shortCourse = supplyDays <= 14;
    for (let fill = 0; fill <= refills; fill++) {
      const prepared = addMinutes(addDays(authored, fill * (supplyDays - 3) + (fill === 0 ? c.rng.int(0, 1) : c.rng.int(-2, 2))), 60 + c.rng.int(0, 300));
      if (prepared >= until && fill > 0) break;
      if (prepared >= c.asOf) break;
      const handedOver = addMinutes(prepared, c.rng.int(20, 60 * 26));
      const pickedUp = handedOver < c.asOf;
      out.push({
        resourceType: 'MedicationDispense',
        id: c.next(),
        meta: { profile: [usCore('us-core-medicationdispense')] },
        status: pickedUp ? 'completed' : 'in-progress',
        ...(shortCourse && drug
          ? { medicationCodeableConcept: concept(SYS.rxnorm, drug.rxnorm, drug.display) }
          : { medicationReference: mr.medicationReference }),
        subject: c.patient,
        ...(mr.encounter ? { context: mr.encounter } : {}),
        performer: [{ function: concept('http://terminology.hl7.org/CodeSystem/medicationdispense-performer-function', 'finalchecker', 'Final Checker'), actor: c.pharmacy }],
        authorizingPrescription: [ref('MedicationRequest', mr.id as string)],
        type: fill === 0 ? FILL.first : FILL.refill,
        quantity: mr.dispenseRequest?.quantity,
        daysSupply: qty(supplyDays, 'd', 'days'),
        whenPrepared: fhirDateTime(prepared),
        ...(pickedUp ? { whenHandedOver: fhirDateTime(handedOver) } : {}),
        ...(mr.dosageInstruction ? { dosageInstruction: mr.dosageInstruction } : {}),
        substitution: { wasSubstituted: false },
      } as MedicationDispense);
    }
  }
  return out;
}
