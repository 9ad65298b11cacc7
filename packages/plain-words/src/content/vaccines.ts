/**
 * Plain names of vaccines, in English and Spanish, keyed by CVX code (the CDC's vaccine codes).
 * Records name a vaccine by its CVX long name ("Influenza, injectable, quadrivalent, preservative
 * free"), which tells a clinic the product and tells a patient little; these say what the vaccine
 * protects against, the way a school form or a pharmacy sign does. Combination vaccines keep the
 * short letters (DTaP, MMR) that parents see on schedules.
 */
import type { PlainName } from './plain-name.js';

/** Codes as the CDC writes them ("03", "08", "115"). */
export const vaccineNames: PlainName[] = [
  // Flu: one name for the many yearly formulations, with the two a patient can tell apart.
  { codes: ['88', '140', '141', '144', '150', '153', '155', '158', '161', '166', '168', '171', '185', '186', '205', '320'], en: 'Flu vaccine', es: 'Vacuna contra la gripe' },
  { codes: ['135', '197'], en: 'Flu vaccine (high dose)', es: 'Vacuna contra la gripe (dosis alta)' },
  { codes: ['111', '149'], en: 'Flu vaccine (nasal spray)', es: 'Vacuna contra la gripe (en la nariz)' },
  {
    codes: ['207', '208', '210', '211', '212', '213', '217', '218', '219', '221', '225', '228', '229', '300', '301', '302', '308', '309', '310', '311', '312', '313'],
    en: 'COVID-19 vaccine',
    es: 'Vacuna contra el COVID-19',
  },
  { codes: ['20', '106', '107'], en: 'Diphtheria, tetanus and whooping cough vaccine (DTaP)', es: 'Vacuna contra la difteria, el tétanos y la tos ferina (DTaP)' },
  { codes: ['115'], en: 'Tetanus, diphtheria and whooping cough booster (Tdap)', es: 'Refuerzo contra el tétanos, la difteria y la tos ferina (Tdap)' },
  { codes: ['09', '113', '139', '196'], en: 'Tetanus and diphtheria booster (Td)', es: 'Refuerzo contra el tétanos y la difteria (Td)' },
  { codes: ['28'], en: 'Diphtheria and tetanus vaccine for children (DT)', es: 'Vacuna contra la difteria y el tétanos para niños (DT)' },
  { codes: ['35'], en: 'Tetanus vaccine', es: 'Vacuna contra el tétanos' },
  { codes: ['110'], en: 'Combined vaccine: DTaP, hepatitis B and polio', es: 'Vacuna combinada: DTaP, hepatitis B y polio' },
  { codes: ['120'], en: 'Combined vaccine: DTaP, Hib and polio', es: 'Vacuna combinada: DTaP, Hib y polio' },
  { codes: ['130'], en: 'Combined vaccine: DTaP and polio', es: 'Vacuna combinada: DTaP y polio' },
  { codes: ['146'], en: 'Combined vaccine: DTaP, polio, Hib and hepatitis B', es: 'Vacuna combinada: DTaP, polio, Hib y hepatitis B' },
  { codes: ['10', '89'], en: 'Polio vaccine', es: 'Vacuna contra la polio' },
  { codes: ['17', '46', '47', '48', '49'], en: 'Hib vaccine', es: 'Vacuna contra la Hib' },
  { codes: ['51'], en: 'Combined vaccine: Hib and hepatitis B', es: 'Vacuna combinada: Hib y hepatitis B' },
  { codes: ['03'], en: 'Measles, mumps and rubella vaccine (MMR)', es: 'Vacuna contra el sarampión, las paperas y la rubéola (MMR)' },
  { codes: ['94'], en: 'Measles, mumps, rubella and chickenpox vaccine (MMRV)', es: 'Vacuna contra el sarampión, las paperas, la rubéola y la varicela (MMRV)' },
  { codes: ['21'], en: 'Chickenpox vaccine', es: 'Vacuna contra la varicela' },
  { codes: ['08', '42', '43', '44', '45', '189', '220'], en: 'Hepatitis B vaccine', es: 'Vacuna contra la hepatitis B' },
  { codes: ['52', '83', '84', '85'], en: 'Hepatitis A vaccine', es: 'Vacuna contra la hepatitis A' },
  { codes: ['104'], en: 'Hepatitis A and B vaccine', es: 'Vacuna contra la hepatitis A y B' },
  { codes: ['62', '118', '137', '165'], en: 'HPV vaccine', es: 'Vacuna contra el VPH' },
  { codes: ['100', '133'], en: 'Pneumonia vaccine (PCV13)', es: 'Vacuna contra la neumonía (PCV13)' },
  { codes: ['215'], en: 'Pneumonia vaccine (PCV15)', es: 'Vacuna contra la neumonía (PCV15)' },
  { codes: ['216'], en: 'Pneumonia vaccine (PCV20)', es: 'Vacuna contra la neumonía (PCV20)' },
  { codes: ['327'], en: 'Pneumonia vaccine (PCV21)', es: 'Vacuna contra la neumonía (PCV21)' },
  { codes: ['33'], en: 'Pneumonia vaccine (PPSV23)', es: 'Vacuna contra la neumonía (PPSV23)' },
  { codes: ['109', '152'], en: 'Pneumonia vaccine', es: 'Vacuna contra la neumonía' },
  { codes: ['116', '119', '122'], en: 'Rotavirus vaccine', es: 'Vacuna contra el rotavirus' },
  { codes: ['121', '187', '188'], en: 'Shingles vaccine', es: 'Vacuna contra la culebrilla (herpes zóster)' },
  { codes: ['32', '114', '136', '147', '203'], en: 'Meningitis vaccine (MenACWY)', es: 'Vacuna contra la meningitis (MenACWY)' },
  { codes: ['162', '163', '164'], en: 'Meningitis B vaccine (MenB)', es: 'Vacuna contra la meningitis B (MenB)' },
  { codes: ['316', '328'], en: 'Meningitis vaccine (MenABCWY)', es: 'Vacuna contra la meningitis (MenABCWY)' },
  { codes: ['303', '305', '314', '326'], en: 'RSV vaccine', es: 'Vacuna contra el VRS' },
  // Nirsevimab and clesrovimab are antibodies given to babies, not vaccines; parents know them as an RSV shot.
  { codes: ['306', '307', '315', '332'], en: 'RSV antibody shot for babies', es: 'Inyección de anticuerpos contra el VRS para bebés' },
  { codes: ['304'], en: 'RSV shot', es: 'Inyección contra el VRS' },
  { codes: ['25', '41', '53', '91', '101'], en: 'Typhoid vaccine', es: 'Vacuna contra la fiebre tifoidea' },
  { codes: ['37', '184'], en: 'Yellow fever vaccine', es: 'Vacuna contra la fiebre amarilla' },
  { codes: ['39', '134'], en: 'Japanese encephalitis vaccine', es: 'Vacuna contra la encefalitis japonesa' },
  { codes: ['18', '40', '90'], en: 'Rabies vaccine', es: 'Vacuna contra la rabia' },
  { codes: ['206'], en: 'Mpox and smallpox vaccine', es: 'Vacuna contra la mpox y la viruela' },
  { codes: ['75'], en: 'Smallpox vaccine', es: 'Vacuna contra la viruela' },
  { codes: ['19'], en: 'Tuberculosis vaccine (BCG)', es: 'Vacuna contra la tuberculosis (BCG)' },
  { codes: ['26', '174'], en: 'Cholera vaccine', es: 'Vacuna contra el cólera' },
];
