/**
 * Infection screening (hepatitis, HIV, STIs, COVID-19), rheumatoid factor,
 * and allergy blood tests (IgE).
 */
import type { LabTestExplanation } from './lab-tests.js';

const ASK_EN = 'Ask your care team what your result means for you.';
const ASK_ES = 'Pregunte a su equipo de atención médica qué significa su resultado para usted.';

type AllergenKind = 'food' | 'airborne' | 'sting' | 'latex';

interface Allergen {
  loinc: string;
  kind: AllergenKind;
  /** English name used after "to", e.g. "peanut". */
  en: string;
  /** Spanish name with its article after "a", e.g. "al maní". */
  es: string;
}

const allergens: Allergen[] = [
  { loinc: '6206-7', kind: 'food', en: 'peanut', es: 'al maní (cacahuate)' },
  { loinc: '6273-7', kind: 'food', en: 'walnut', es: 'a la nuez de nogal' },
  { loinc: '6082-2', kind: 'food', en: 'codfish', es: 'al bacalao' },
  { loinc: '6246-3', kind: 'food', en: 'shrimp', es: 'al camarón' },
  { loinc: '6276-0', kind: 'food', en: 'wheat', es: 'al trigo' },
  { loinc: '6106-9', kind: 'food', en: 'egg white', es: 'a la clara de huevo' },
  { loinc: '6248-9', kind: 'food', en: 'soybean', es: 'a la soya' },
  { loinc: '7258-7', kind: 'food', en: "cow's milk", es: 'a la leche de vaca' },
  { loinc: '6189-5', kind: 'airborne', en: 'white oak pollen', es: 'al polen de roble blanco' },
  { loinc: '6085-5', kind: 'airborne', en: 'ragweed pollen', es: 'al polen de ambrosía' },
  { loinc: '6833-8', kind: 'airborne', en: 'cat dander', es: 'a la caspa de gato' },
  { loinc: '6095-4', kind: 'airborne', en: 'house dust mites', es: 'a los ácaros del polvo' },
  { loinc: '6075-6', kind: 'airborne', en: 'Cladosporium mold', es: 'al moho Cladosporium' },
  { loinc: '6844-5', kind: 'sting', en: 'honey bee venom', es: 'al veneno de abeja' },
  { loinc: '6158-0', kind: 'latex', en: 'latex', es: 'al látex' },
];

const WHY_EN: Record<AllergenKind, string> = {
  food: 'It can help show if your body may be sensitive to this food. A positive test alone does not prove a food allergy. Your care team reads it together with your symptoms.',
  airborne: 'It can help find what may be causing sneezing, a stuffy nose, itchy eyes or asthma. Your care team reads it together with your symptoms.',
  sting: 'It can help check for an allergy to bee stings. Your care team reads it together with any past reactions.',
  latex: 'It can help check for an allergy to latex, which is found in some gloves, balloons and medical supplies. Your care team reads it together with any past reactions.',
};

const WHY_ES: Record<AllergenKind, string> = {
  food: 'Puede ayudar a saber si su cuerpo es sensible a este alimento. Un resultado positivo por sí solo no confirma una alergia a alimentos. Su equipo médico lo revisa junto con sus síntomas.',
  airborne: 'Puede ayudar a encontrar qué le causa estornudos, nariz tapada, picazón en los ojos o asma. Su equipo médico lo revisa junto con sus síntomas.',
  sting: 'Puede ayudar a revisar si hay alergia a las picaduras de abeja. Su equipo médico lo revisa junto con las reacciones que haya tenido antes.',
  latex: 'Puede ayudar a revisar si hay alergia al látex, que se encuentra en algunos guantes, globos y materiales médicos. Su equipo médico lo revisa junto con las reacciones que haya tenido antes.',
};

function allergyTest(a: Allergen): LabTestExplanation {
  return {
    loinc: [a.loinc],
    en: {
      name: `Allergy blood test (IgE) to ${a.en}`,
      measures: `This test measures IgE antibodies to ${a.en} in your blood. IgE is the type of antibody linked to allergies.`,
      why: WHY_EN[a.kind],
      highLow: `A higher level means more sensitivity, but it does not always predict how strong a reaction will be. ${ASK_EN}`,
    },
    es: {
      name: `Prueba de alergia en sangre (IgE) ${a.es}`,
      measures: `Esta prueba mide en la sangre los anticuerpos IgE contra ${a.es.replace(/^al /, 'el ').replace(/^a la /, 'la ').replace(/^a los /, 'los ')}. La IgE es el tipo de anticuerpo relacionado con las alergias.`,
      why: WHY_ES[a.kind],
      highLow: `Un nivel más alto indica más sensibilidad, pero no siempre predice qué tan fuerte será una reacción. ${ASK_ES}`,
    },
  };
}

export const infectionImmuneTests: LabTestExplanation[] = [
  {
    loinc: ['5196-1', '5195-3'],
    en: {
      name: 'Hepatitis B surface antigen (HBsAg)',
      measures: 'This test looks for a piece of the hepatitis B virus in your blood. Hepatitis B is a virus that can infect the liver.',
      why: 'It checks for a current hepatitis B infection. It is a common screening test, including during pregnancy.',
      highLow: `A positive result is usually followed by more tests. ${ASK_EN}`,
    },
    es: {
      name: 'Antígeno de superficie de la hepatitis B (HBsAg)',
      measures: 'Esta prueba busca en la sangre una parte del virus de la hepatitis B. La hepatitis B es un virus que puede infectar el hígado.',
      why: 'Revisa si hay una infección actual por hepatitis B. Es una prueba de detección común, también durante el embarazo.',
      highLow: `Después de un resultado positivo, por lo general se hacen más pruebas. ${ASK_ES}`,
    },
  },
  {
    loinc: ['16935-9', '5193-8'],
    en: {
      name: 'Hepatitis B surface antibody (anti-HBs)',
      measures: 'This test looks for antibodies that protect against hepatitis B.',
      why: 'It shows whether you are protected, either from the vaccine or from a past infection that has cleared.',
    },
    es: {
      name: 'Anticuerpo de superficie de la hepatitis B (anti-HBs)',
      measures: 'Esta prueba busca anticuerpos que protegen contra la hepatitis B.',
      why: 'Muestra si usted está protegido, ya sea por la vacuna o por una infección pasada que ya se curó.',
    },
  },
  {
    loinc: ['16933-4', '13952-7'],
    en: {
      name: 'Hepatitis B core antibody (anti-HBc)',
      measures: 'This test looks for antibodies made after contact with the hepatitis B virus. The vaccine does not cause them.',
      why: 'It shows whether you have ever had hepatitis B. It is read with the other hepatitis B tests.',
    },
    es: {
      name: 'Anticuerpo contra el núcleo de la hepatitis B (anti-HBc)',
      measures: 'Esta prueba busca anticuerpos que se forman después del contacto con el virus de la hepatitis B. La vacuna no los produce.',
      why: 'Muestra si alguna vez tuvo hepatitis B. Se revisa junto con las otras pruebas de hepatitis B.',
    },
  },
  {
    loinc: ['16128-1', '13955-0'],
    en: {
      name: 'Hepatitis C antibody',
      measures: 'This test looks for antibodies to the hepatitis C virus, which can infect the liver.',
      why: 'Health experts advise that all adults be screened at least once. A positive result is followed by a test for the virus itself.',
      highLow: `Hepatitis C can be cured with medicine. ${ASK_EN}`,
    },
    es: {
      name: 'Anticuerpos contra la hepatitis C',
      measures: 'Esta prueba busca anticuerpos contra el virus de la hepatitis C, que puede infectar el hígado.',
      why: 'Los expertos en salud recomiendan que todos los adultos se hagan esta prueba al menos una vez. Si sale positiva, se hace otra prueba para buscar el virus.',
      highLow: `La hepatitis C se puede curar con medicamentos. ${ASK_ES}`,
    },
  },
  {
    loinc: ['75622-1', '56888-1', '7917-8'],
    en: {
      name: 'HIV screening test',
      measures: 'This test looks for antibodies to HIV and, in newer tests, a part of the virus itself. HIV is the virus that can lead to AIDS.',
      why: 'Health experts advise HIV testing for everyone at least once, and more often for some people. It is also part of pregnancy care.',
      highLow: `A reactive screening test is always checked with a second test. Effective treatment is available. ${ASK_EN}`,
    },
    es: {
      name: 'Prueba de detección del VIH',
      measures: 'Esta prueba busca anticuerpos contra el VIH y, en las pruebas más nuevas, una parte del virus. El VIH es el virus que puede causar el sida.',
      why: 'Los expertos en salud recomiendan que todas las personas se hagan la prueba del VIH al menos una vez, y algunas más seguido. También forma parte del control del embarazo.',
      highLow: `Un resultado reactivo siempre se confirma con una segunda prueba. Hay tratamiento eficaz. ${ASK_ES}`,
    },
  },
  {
    loinc: ['20507-0'],
    en: {
      name: 'Syphilis screening (RPR)',
      measures: 'This test looks for antibodies your body makes to fight syphilis. Syphilis is an infection spread by sex.',
      why: 'It is used for screening, including during pregnancy. A positive result is confirmed with another test.',
    },
    es: {
      name: 'Prueba de detección de sífilis (RPR)',
      measures: 'Esta prueba busca anticuerpos que el cuerpo produce contra la sífilis, una infección de transmisión sexual.',
      why: 'Se usa como prueba de detección, también durante el embarazo. Un resultado positivo se confirma con otra prueba.',
    },
  },
  {
    loinc: ['21613-5'],
    en: {
      name: 'Chlamydia test',
      measures: 'This test looks for the genes of chlamydia germs. Chlamydia is a common infection spread by sex. It uses a urine sample or a swab.',
      why: 'Chlamydia often causes no symptoms. Testing helps find and treat it early.',
    },
    es: {
      name: 'Prueba de clamidia',
      measures: 'Esta prueba busca el material genético de la clamidia, una infección de transmisión sexual común. Se hace con una muestra de orina o con un hisopo.',
      why: 'Muchas veces la clamidia no causa síntomas. La prueba ayuda a encontrarla y tratarla a tiempo.',
    },
  },
  {
    loinc: ['24111-7'],
    en: {
      name: 'Gonorrhea test',
      measures: 'This test looks for the genes of gonorrhea germs. Gonorrhea is an infection spread by sex. It uses a urine sample or a swab.',
      why: 'Gonorrhea may cause no symptoms. Testing helps find and treat it early.',
    },
    es: {
      name: 'Prueba de gonorrea',
      measures: 'Esta prueba busca el material genético de la gonorrea, una infección de transmisión sexual. Se hace con una muestra de orina o con un hisopo.',
      why: 'La gonorrea puede no causar síntomas. La prueba ayuda a encontrarla y tratarla a tiempo.',
    },
  },
  {
    loinc: ['94500-6'],
    en: {
      name: 'COVID-19 test (PCR)',
      measures: 'This test looks for the genetic material of the virus that causes COVID-19. It usually uses a nose swab.',
      why: 'It checks whether you have COVID-19 right now.',
    },
    es: {
      name: 'Prueba de COVID-19 (PCR)',
      measures: 'Esta prueba busca el material genético del virus que causa el COVID-19. Por lo general se hace con un hisopo de la nariz.',
      why: 'Revisa si usted tiene COVID-19 en este momento.',
    },
  },
  {
    loinc: ['11572-5'],
    en: {
      name: 'Rheumatoid factor (RF)',
      measures: 'Rheumatoid factor is an antibody that can attack the body\'s own tissues.',
      why: 'It can help look into joint pain and swelling, such as rheumatoid arthritis. Some healthy people also have it.',
    },
    es: {
      name: 'Factor reumatoide (FR)',
      measures: 'El factor reumatoide es un anticuerpo que puede atacar los propios tejidos del cuerpo.',
      why: 'Puede ayudar a estudiar el dolor y la hinchazón de las articulaciones, como en la artritis reumatoide. Algunas personas sanas también lo tienen.',
    },
  },
  {
    loinc: ['19113-0'],
    en: {
      name: 'Total IgE',
      measures: 'IgE is the type of antibody linked to allergies. This test measures the total amount in your blood.',
      why: 'It can support a look into allergies, asthma or eczema. It does not show what you are allergic to.',
    },
    es: {
      name: 'IgE total',
      measures: 'La IgE es el tipo de anticuerpo relacionado con las alergias. Esta prueba mide la cantidad total en su sangre.',
      why: 'Puede ayudar a estudiar alergias, asma o eccema. No muestra a qué es alérgico.',
    },
  },
  ...allergens.map(allergyTest),
];
