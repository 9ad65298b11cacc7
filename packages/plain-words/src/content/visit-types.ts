/**
 * Plain names of the kinds of visit (Encounter.type, SNOMED CT) and of documents (DocumentReference
 * type, LOINC), in English and Spanish. Records carry terminology displays such as "Encounter for
 * symptom" or "Summary of episode note", which read as jargon and are always English.
 */
import type { PlainName } from './plain-name.js';

export const visitTypeNames: PlainName[] = [
  // 410620009 is "Well child visit", but clinics (and the demo) use it for adults' check-ups too.
  { codes: ['185349003', '410620009', '162673000', '86013001'], en: 'Check-up', es: 'Chequeo' },
  { codes: ['3391000175108'], en: "Child's office visit", es: 'Consulta pediátrica en el consultorio' },
  { codes: ['390906007', '185389009'], en: 'Follow-up visit', es: 'Consulta de seguimiento' },
  { codes: ['170579000'], en: 'Blood pressure follow-up visit', es: 'Consulta de seguimiento de la presión arterial' },
  { codes: ['394701000'], en: 'Asthma follow-up visit', es: 'Consulta de seguimiento del asma' },
  { codes: ['439740005'], en: 'Follow-up visit after surgery', es: 'Consulta de seguimiento después de una cirugía' },
  { codes: ['185345009'], en: 'Visit for a new problem', es: 'Consulta por un problema nuevo' },
  { codes: ['185347001'], en: 'Visit for a health problem', es: 'Consulta por un problema de salud' },
  { codes: ['270427003'], en: 'Visit you asked for', es: 'Consulta que usted pidió' },
  { codes: ['185463005'], en: 'After-hours visit', es: 'Consulta fuera del horario normal' },
  { codes: ['448337001'], en: 'Video visit', es: 'Consulta por video' },
  { codes: ['185317003'], en: 'Phone visit', es: 'Consulta por teléfono' },
  { codes: ['11429006'], en: 'Visit with a specialist', es: 'Consulta con un especialista' },
  { codes: ['698314001', '223484005'], en: 'Visit to talk about treatment', es: 'Consulta para hablar del tratamiento' },
  { codes: ['371883000'], en: 'Visit for a procedure', es: 'Consulta para un procedimiento' },
  { codes: ['33879002'], en: 'Vaccine visit', es: 'Consulta para vacunarse' },
  { codes: ['424441002'], en: 'First pregnancy check-up', es: 'Primer chequeo del embarazo' },
  { codes: ['424619006'], en: 'Pregnancy check-up', es: 'Chequeo del embarazo' },
  { codes: ['169762003'], en: 'Check-up after giving birth', es: 'Chequeo después del parto' },
  { codes: ['50849002', '773093006'], en: 'Emergency room visit', es: 'Visita a la sala de emergencias' },
  { codes: ['32485007', '394656005', '183801001'], en: 'Hospital stay', es: 'Estancia en el hospital' },
  { codes: ['305408004'], en: 'Hospital stay for surgery', es: 'Estancia en el hospital por una cirugía' },
  { codes: ['305351004'], en: 'Stay in intensive care', es: 'Estancia en cuidados intensivos' },
  { codes: ['308335008'], en: 'Visit', es: 'Consulta' },
];

export const documentTypeNames: PlainName[] = [
  { codes: ['11506-3'], en: 'Visit note', es: 'Nota de la consulta' },
  { codes: ['34109-9'], en: 'Note', es: 'Nota' },
  { codes: ['34746-8'], en: "Nurse's note", es: 'Nota de enfermería' },
  { codes: ['34117-2'], en: 'Health history and exam note', es: 'Nota de historia de salud y examen' },
  { codes: ['11488-4'], en: "Specialist's note", es: 'Nota del especialista' },
  { codes: ['57133-1'], en: 'Referral to another clinician', es: 'Envío a otro profesional de salud' },
  { codes: ['34111-5'], en: 'Emergency room note', es: 'Nota de la sala de emergencias' },
  { codes: ['18842-5'], en: 'Summary of your hospital stay', es: 'Resumen de su estancia en el hospital' },
  { codes: ['28570-0'], en: 'Procedure note', es: 'Nota del procedimiento' },
  { codes: ['11504-8'], en: 'Surgery note', es: 'Nota de la cirugía' },
  { codes: ['11526-1', '11529-5'], en: 'Tissue test report (pathology)', es: 'Informe del análisis de tejido (patología)' },
  { codes: ['11502-2'], en: 'Lab test report', es: 'Informe de análisis de laboratorio' },
  { codes: ['18748-4'], en: 'Imaging report (X-ray or scan)', es: 'Informe de imágenes (radiografía o escáner)' },
  { codes: ['11524-6'], en: 'Heart rhythm test (EKG)', es: 'Prueba del ritmo del corazón (electrocardiograma)' },
  { codes: ['34552-0'], en: 'Heart ultrasound (echo)', es: 'Ecografía del corazón' },
  { codes: ['34133-9'], en: 'Summary of your care', es: 'Resumen de su atención' },
  { codes: ['60591-5'], en: 'Health summary', es: 'Resumen de salud' },
  { codes: ['18776-5'], en: 'Care plan', es: 'Plan de atención' },
  { codes: ['11369-6'], en: 'Vaccine record', es: 'Registro de vacunas' },
  { codes: ['42348-3'], en: 'Your wishes for future care (advance directive)', es: 'Sus deseos para su atención futura (voluntades anticipadas)' },
];
