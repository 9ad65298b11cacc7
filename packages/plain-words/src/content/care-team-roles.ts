/**
 * Plain names of the roles people have on a patient's care team, in English and Spanish. Keyed by
 * the codes US Core's care team member roles use: SNOMED CT occupations and family relations, and
 * the NUCC provider taxonomy (the codes that end in "X"). Specialists are named by what they look
 * after, with the usual word in brackets, because that is how patients ask for them. Spanish uses
 * forms that fit any clinician ("Especialista", "Enfermero o enfermera") since the name beside it
 * may be a man's or a woman's.
 */
import type { PlainName } from './plain-name.js';

export const careTeamRoleNames: PlainName[] = [
  { codes: ['446050000'], en: 'Primary care doctor', es: 'Médico de atención primaria' },
  { codes: ['62247001', '207Q00000X'], en: 'Family doctor', es: 'Médico de familia' },
  { codes: ['309343006', '158965000', '112247003', '59058001'], en: 'Doctor', es: 'Médico' },
  { codes: ['39677007', '207R00000X'], en: 'Internal medicine doctor', es: 'Médico de medicina interna' },
  { codes: ['82296001', '208000000X'], en: "Children's doctor (pediatrician)", es: 'Pediatra' },
  { codes: ['17561000', '207RC0000X'], en: 'Heart doctor (cardiologist)', es: 'Especialista del corazón (cardiología)' },
  { codes: ['61894003'], en: 'Hormone and diabetes doctor (endocrinologist)', es: 'Especialista en hormonas y diabetes (endocrinología)' },
  { codes: ['11911009'], en: 'Kidney doctor (nephrologist)', es: 'Especialista de los riñones (nefrología)' },
  { codes: ['56397003'], en: 'Brain and nerve doctor (neurologist)', es: 'Especialista del cerebro y los nervios (neurología)' },
  { codes: ['18803008'], en: 'Skin doctor (dermatologist)', es: 'Especialista de la piel (dermatología)' },
  { codes: ['71838004'], en: 'Stomach and bowel doctor (gastroenterologist)', es: 'Especialista del aparato digestivo (gastroenterología)' },
  { codes: ['83685006', '309367003'], en: "Women's health doctor (gynecologist)", es: 'Especialista en salud de la mujer (ginecología)' },
  { codes: ['11935004'], en: 'Pregnancy doctor (obstetrician)', es: 'Especialista en embarazo y parto (obstetricia)' },
  { codes: ['80584001'], en: 'Mental health doctor (psychiatrist)', es: 'Especialista en salud mental (psiquiatría)' },
  { codes: ['59944000'], en: 'Psychologist', es: 'Psicólogo o psicóloga' },
  { codes: ['224535009', '106292003', '163W00000X'], en: 'Nurse', es: 'Enfermero o enfermera' },
  { codes: ['224571005', '363L00000X'], en: 'Nurse practitioner', es: 'Enfermero o enfermera practicante' },
  { codes: ['449161006', '363A00000X'], en: 'Physician assistant', es: 'Asistente médico (PA)' },
  { codes: ['22515006'], en: 'Medical assistant', es: 'Auxiliar médico' },
  { codes: ['75271001'], en: 'Midwife', es: 'Partera o partero' },
  { codes: ['46255001', '183500000X'], en: 'Pharmacist', es: 'Farmacéutico o farmacéutica' },
  { codes: ['40127002', '159033005'], en: 'Dietitian', es: 'Dietista' },
  { codes: ['36682004'], en: 'Physical therapist', es: 'Fisioterapeuta' },
  { codes: ['80546007'], en: 'Occupational therapist', es: 'Terapeuta ocupacional' },
  { codes: ['106328005'], en: 'Social worker', es: 'Trabajador o trabajadora social' },
  { codes: ['106289002'], en: 'Dentist', es: 'Dentista' },
  { codes: ['28229004'], en: 'Eye care provider (optometrist)', es: 'Optometrista' },
  { codes: ['133932002'], en: 'Caregiver', es: 'Cuidador o cuidadora' },
  { codes: ['72705000'], en: 'Mother', es: 'Madre' },
  { codes: ['66839005'], en: 'Father', es: 'Padre' },
  { codes: ['40683002'], en: 'Parent', es: 'Madre o padre' },
  { codes: ['394619001'], en: 'Guardian', es: 'Tutor legal' },
  { codes: ['127848009'], en: 'Spouse', es: 'Esposo o esposa' },
  { codes: ['67822003'], en: 'Son or daughter', es: 'Hijo o hija' },
  { codes: ['375005'], en: 'Brother or sister', es: 'Hermano o hermana' },
];
