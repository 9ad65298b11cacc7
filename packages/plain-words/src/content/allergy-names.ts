/**
 * Plain names of what a patient is allergic to and of what happens when they meet it, in English
 * and Spanish. Substances are keyed by SNOMED CT substance ids (`codes`) and, for medicines, by
 * RxNorm ingredient ids (`rxnorm`): records code a drug allergy either way. The two are kept
 * apart because both are plain numbers and could coincide. Reactions are SNOMED CT findings.
 * The worst reaction is named for what it is to the patient ("Severe allergic reaction") with
 * the word the emergency room will use in brackets.
 */
import type { PlainName } from './plain-name.js';

export interface AllergySubstanceName extends PlainName {
  /** RxNorm ingredient ids of a medicine. */
  rxnorm?: string[];
}

export const allergySubstanceNames: AllergySubstanceName[] = [
  // Medicines
  { codes: ['764146007'], rxnorm: ['7980', '7984'], en: 'Penicillin', es: 'Penicilina' },
  { codes: [], rxnorm: ['723'], en: 'Amoxicillin (a penicillin)', es: 'Amoxicilina (una penicilina)' },
  { codes: [], rxnorm: ['733'], en: 'Ampicillin (a penicillin)', es: 'Ampicilina (una penicilina)' },
  { codes: [], rxnorm: ['2231'], en: 'Cephalexin (Keflex)', es: 'Cefalexina (Keflex)' },
  { codes: [], rxnorm: ['25037'], en: 'Cefdinir (an antibiotic)', es: 'Cefdinir (un antibiótico)' },
  { codes: [], rxnorm: ['18631'], en: 'Azithromycin (Z-Pak)', es: 'Azitromicina (Z-Pak)' },
  { codes: [], rxnorm: ['4053'], en: 'Erythromycin (an antibiotic)', es: 'Eritromicina (un antibiótico)' },
  { codes: [], rxnorm: ['2551'], en: 'Ciprofloxacin (Cipro)', es: 'Ciprofloxacino (Cipro)' },
  { codes: ['387406002'], rxnorm: ['10180', '10831'], en: 'Sulfa drugs', es: 'Medicamentos con sulfa' },
  { codes: [], rxnorm: ['2670'], en: 'Codeine', es: 'Codeína' },
  { codes: [], rxnorm: ['7052'], en: 'Morphine', es: 'Morfina' },
  { codes: ['387458008'], rxnorm: ['1191'], en: 'Aspirin', es: 'Aspirina' },
  { codes: [], rxnorm: ['5640'], en: 'Ibuprofen (Advil, Motrin)', es: 'Ibuprofeno (Advil, Motrin)' },
  { codes: [], rxnorm: ['7258'], en: 'Naproxen (Aleve)', es: 'Naproxeno (Aleve)' },
  { codes: [], rxnorm: ['29046'], en: 'Lisinopril (a blood pressure medicine)', es: 'Lisinopril (una medicina para la presión)' },
  // Foods
  { codes: ['762952008'], en: 'Peanuts', es: 'Cacahuates (maní)' },
  { codes: ['442571000124108'], en: 'Tree nuts (such as almonds and walnuts)', es: 'Frutos secos (como almendras y nueces)' },
  { codes: ['735029006'], en: 'Shellfish (such as shrimp and crab)', es: 'Mariscos (como camarones y cangrejo)' },
  { codes: ['735971005'], en: 'Fish', es: 'Pescado' },
  { codes: ['44027008'], en: 'Seafood', es: 'Pescados y mariscos' },
  { codes: ['102263004'], en: 'Eggs', es: 'Huevo' },
  { codes: ['3718001', '10827009'], en: "Cow's milk", es: 'Leche de vaca' },
  { codes: ['412071004'], en: 'Wheat', es: 'Trigo' },
  { codes: ['89811004'], en: 'Gluten', es: 'Gluten' },
  { codes: ['256355007', '7791007'], en: 'Soy', es: 'Soya' },
  { codes: ['102261002'], en: 'Strawberries', es: 'Fresas' },
  { codes: ['51963001'], en: 'Sulfites (in wine and dried fruit)', es: 'Sulfitos (en el vino y la fruta seca)' },
  // Around us
  { codes: ['111088007'], en: 'Latex (rubber)', es: 'Látex (hule)' },
  { codes: ['288328004'], en: 'Bee stings', es: 'Picaduras de abeja' },
  { codes: ['256259004'], en: 'Pollen', es: 'Polen' },
  { codes: ['782576004'], en: 'Tree pollen', es: 'Polen de árboles' },
  { codes: ['256277009'], en: 'Grass pollen', es: 'Polen de pasto' },
  { codes: ['84489001'], en: 'Mold', es: 'Moho' },
  { codes: ['264287008'], en: 'Pet dander (flakes of skin and fur)', es: 'Caspa de animales (piel y pelo)' },
  { codes: ['260147004'], en: 'Dust mites', es: 'Ácaros del polvo' },
  { codes: ['128488006'], en: 'House dust', es: 'Polvo de la casa' },
  { codes: ['33396006'], en: 'Nickel (a metal in jewelry)', es: 'Níquel (un metal de las joyas)' },
];

export const allergyReactionNames: PlainName[] = [
  { codes: ['39579001'], en: 'Severe allergic reaction (anaphylaxis)', es: 'Reacción alérgica grave (anafilaxia)' },
  { codes: ['247472004', '126485001'], en: 'Hives', es: 'Ronchas' },
  { codes: ['271807003'], en: 'Rash', es: 'Sarpullido' },
  { codes: ['21626009'], en: 'Skin reaction', es: 'Reacción en la piel' },
  { codes: ['40275004'], en: 'Itchy rash where it touched the skin', es: 'Sarpullido con picazón donde tocó la piel' },
  { codes: ['418290006'], en: 'Itching', es: 'Picazón' },
  { codes: ['41291007', '402387002'], en: 'Swelling of the face, lips or throat', es: 'Hinchazón de la cara, los labios o la garganta' },
  { codes: ['267038008'], en: 'Swelling', es: 'Hinchazón' },
  { codes: ['267036007'], en: 'Trouble breathing', es: 'Dificultad para respirar' },
  { codes: ['56018004'], en: 'Wheezing', es: 'Silbido al respirar' },
  { codes: ['23924001'], en: 'Tight chest', es: 'Opresión en el pecho' },
  { codes: ['49727002'], en: 'Cough', es: 'Tos' },
  { codes: ['76067001'], en: 'Sneezing', es: 'Estornudos' },
  { codes: ['267101005'], en: 'Runny nose', es: 'Moqueo' },
  { codes: ['878820003'], en: 'Runny nose and itchy, watery eyes', es: 'Moqueo y ojos llorosos con picazón' },
  { codes: ['703630003'], en: 'Red eyes', es: 'Ojos rojos' },
  { codes: ['422587007'], en: 'Upset stomach (nausea)', es: 'Náuseas' },
  { codes: ['300359004', '422400008'], en: 'Vomiting', es: 'Vómitos' },
  { codes: ['62315008'], en: 'Diarrhea', es: 'Diarrea' },
  { codes: ['21522001'], en: 'Stomach pain', es: 'Dolor de estómago' },
  { codes: ['404640003'], en: 'Dizziness', es: 'Mareo' },
  { codes: ['25064002'], en: 'Headache', es: 'Dolor de cabeza' },
  { codes: ['68962001'], en: 'Muscle pain', es: 'Dolor muscular' },
];
