/**
 * Cholesterol (lipid panel), diabetes, thyroid, vitamins, iron,
 * inflammation markers, prostate and pregnancy tests.
 */
import type { LabTestExplanation } from './lab-tests.js';

const ASK_EN = 'Ask your care team what your result means for you.';
const ASK_ES = 'Pregunte a su equipo de atención médica qué significa su resultado para usted.';

export const metabolicTests: LabTestExplanation[] = [
  {
    loinc: ['2093-3'],
    en: {
      name: 'Total cholesterol',
      measures: 'Cholesterol is a waxy fat in your blood. Your body needs some, but too much can build up in blood vessels. This test measures all the cholesterol in your blood.',
      why: 'It is part of the lipid panel. It helps estimate your risk of heart disease and stroke.',
      highLow: `Your care team looks at total cholesterol together with HDL, LDL and your other health factors. ${ASK_EN}`,
    },
    es: {
      name: 'Colesterol total',
      measures: 'El colesterol es una grasa de la sangre parecida a la cera. El cuerpo necesita un poco, pero si hay demasiado se puede acumular en los vasos sanguíneos. Esta prueba mide todo el colesterol de su sangre.',
      why: 'Forma parte del perfil de lípidos. Ayuda a calcular su riesgo de enfermedad del corazón y de derrame cerebral.',
      highLow: `Su equipo médico revisa el colesterol total junto con el HDL, el LDL y otros datos de su salud. ${ASK_ES}`,
    },
  },
  {
    loinc: ['2085-9'],
    en: {
      name: 'HDL cholesterol ("good" cholesterol)',
      measures: 'HDL carries extra cholesterol away from your blood vessels to the liver, which removes it.',
      why: 'It is part of the lipid panel. It helps estimate your heart risk.',
      highLow: `In general, a higher HDL is better for the heart. Exercise and not smoking can raise it. ${ASK_EN}`,
    },
    es: {
      name: 'Colesterol HDL (colesterol "bueno")',
      measures: 'El HDL se lleva el colesterol de más de los vasos sanguíneos hacia el hígado, que lo elimina.',
      why: 'Forma parte del perfil de lípidos. Ayuda a calcular su riesgo del corazón.',
      highLow: `En general, un HDL más alto es mejor para el corazón. El ejercicio y no fumar pueden subirlo. ${ASK_ES}`,
    },
  },
  {
    loinc: ['18262-6', '13457-7', '2089-1'],
    en: {
      name: 'LDL cholesterol ("bad" cholesterol)',
      measures: 'LDL is the type of cholesterol that can build up in the walls of blood vessels. Over time this buildup can narrow them. The lab may measure LDL directly or calculate it from your other lipid results.',
      why: 'It is the main number used to decide on cholesterol treatment and to see if treatment is working.',
      highLow: `In general, a lower LDL is better for the heart. Your target depends on your own health risks. ${ASK_EN}`,
    },
    es: {
      name: 'Colesterol LDL (colesterol "malo")',
      measures: 'El LDL es el tipo de colesterol que se puede acumular en las paredes de los vasos sanguíneos. Con el tiempo, esto puede estrecharlos. El laboratorio puede medirlo o calcularlo con sus otros resultados de grasas en la sangre.',
      why: 'Es el número principal para decidir un tratamiento para el colesterol y para ver si está funcionando.',
      highLow: `En general, un LDL más bajo es mejor para el corazón. Su meta depende de sus propios riesgos de salud. ${ASK_ES}`,
    },
  },
  {
    loinc: ['43396-1'],
    en: {
      name: 'Non-HDL cholesterol',
      measures: 'To find it, the lab takes your HDL away from your total cholesterol. It adds up all the types of cholesterol that can clog blood vessels.',
      why: 'It helps estimate heart risk. It is useful even if you did not fast before the test.',
    },
    es: {
      name: 'Colesterol no HDL',
      measures: 'El colesterol no HDL es su colesterol total menos su HDL. Suma todos los tipos de colesterol que pueden tapar los vasos sanguíneos.',
      why: 'Ayuda a calcular el riesgo del corazón. Es útil aunque no haya estado en ayunas antes de la prueba.',
    },
  },
  {
    loinc: ['2571-8'],
    en: {
      name: 'Triglycerides',
      measures: 'Triglycerides are the most common type of fat in your blood. Your body stores extra calories as triglycerides.',
      why: 'It is part of the lipid panel. High levels can add to heart risk. Very high levels can affect the pancreas.',
      highLow: `Triglycerides go up after eating, so you may be asked to fast. Sugar, alcohol and diabetes can also raise them. ${ASK_EN}`,
    },
    es: {
      name: 'Triglicéridos',
      measures: 'Los triglicéridos son el tipo de grasa más común en la sangre. El cuerpo guarda las calorías de más en forma de triglicéridos.',
      why: 'Forman parte del perfil de lípidos. Los niveles altos pueden aumentar el riesgo del corazón. Los niveles muy altos pueden afectar el páncreas.',
      highLow: `Los triglicéridos suben después de comer, por eso a veces le piden ir en ayunas. El azúcar, el alcohol y la diabetes también pueden subirlos. ${ASK_ES}`,
    },
  },
  {
    loinc: ['9830-1'],
    en: {
      name: 'Cholesterol to HDL ratio',
      measures: 'This number is your total cholesterol divided by your HDL.',
      why: 'It is another way to look at heart risk. A lower ratio is generally better.',
    },
    es: {
      name: 'Relación colesterol total/HDL',
      measures: 'Este número es su colesterol total dividido entre su HDL.',
      why: 'Es otra forma de ver el riesgo del corazón. Por lo general, una relación más baja es mejor.',
    },
  },
  {
    loinc: ['13458-5'],
    en: {
      name: 'VLDL cholesterol',
      measures: 'VLDL is a tiny particle that carries fats called triglycerides in the blood. The lab most often works it out from your triglyceride result.',
      why: 'It adds detail to your cholesterol test (lipid panel).',
    },
    es: {
      name: 'Colesterol VLDL',
      measures: 'El VLDL es una partícula que transporta triglicéridos en la sangre. Casi siempre se calcula a partir del resultado de triglicéridos.',
      why: 'Da más detalle al perfil de lípidos.',
    },
  },
  {
    loinc: ['10835-7'],
    en: {
      name: 'Lipoprotein(a)',
      measures: 'Lipoprotein(a), or Lp(a), is a type of cholesterol particle. Your level is mostly set by your genes.',
      why: 'A high level can add to heart and stroke risk, especially if heart disease runs in your family. It is often checked only once.',
    },
    es: {
      name: 'Lipoproteína(a)',
      measures: 'La lipoproteína(a), o Lp(a), es un tipo de partícula de colesterol. Su nivel depende sobre todo de la herencia.',
      why: 'Un nivel alto puede aumentar el riesgo del corazón y de derrame cerebral, sobre todo si hay enfermedad del corazón en su familia. Muchas veces se mide una sola vez.',
    },
  },
  {
    loinc: ['4548-4', '17856-6', '4549-2', '59261-8'],
    en: {
      name: 'Hemoglobin A1c (HbA1c)',
      measures: 'A1c shows your average blood sugar over the past 2 to 3 months. It measures how much sugar is stuck to your hemoglobin. It is given as a percent.',
      why: 'It is used to check for prediabetes and diabetes. For people with diabetes, it shows how well the treatment plan is working over time.',
      highLow: `A higher A1c means higher average blood sugar. Some blood conditions can make the result less accurate. ${ASK_EN}`,
    },
    es: {
      name: 'Hemoglobina A1c (HbA1c)',
      measures: 'La A1c muestra el promedio de azúcar en su sangre durante los últimos 2 a 3 meses. Mide cuánto azúcar está pegado a su hemoglobina. Se da como porcentaje.',
      why: 'Se usa para detectar prediabetes y diabetes. En personas con diabetes, muestra qué tan bien funciona el tratamiento con el tiempo.',
      highLow: `Una A1c más alta quiere decir un promedio de azúcar más alto. Algunos problemas de la sangre pueden hacer que el resultado sea menos exacto. ${ASK_ES}`,
    },
  },
  {
    loinc: ['27353-2'],
    en: {
      name: 'Estimated average glucose (eAG)',
      measures: 'eAG turns your A1c percent into an average blood sugar number. It uses the same units as a home glucose meter.',
      why: 'It can make your A1c easier to compare with your daily sugar readings.',
    },
    es: {
      name: 'Glucosa promedio estimada (GPE)',
      measures: 'La GPE convierte el porcentaje de su A1c en un número de azúcar promedio. Usa las mismas unidades que un glucómetro de casa.',
      why: 'Puede hacer más fácil comparar su A1c con sus mediciones diarias de azúcar.',
    },
  },
  {
    loinc: ['20448-7'],
    en: {
      name: 'Insulin',
      measures: 'Insulin is a hormone made by the pancreas. It helps sugar move from your blood into your cells.',
      why: 'It may be checked to look at insulin resistance or the cause of low blood sugar.',
    },
    es: {
      name: 'Insulina',
      measures: 'La insulina es una hormona que produce el páncreas. Ayuda a que el azúcar pase de la sangre a las células.',
      why: 'Puede medirse para estudiar la resistencia a la insulina o la causa de un azúcar bajo.',
    },
  },
  {
    loinc: ['3016-3', '11580-8', '11579-0'],
    en: {
      name: 'Thyroid-stimulating hormone (TSH)',
      measures: 'TSH is made by a small gland in the brain called the pituitary. It tells your thyroid gland how much thyroid hormone to make.',
      why: 'It is usually the first test to check thyroid health. It is also used to adjust thyroid medicine.',
      highLow: `A high TSH often means the thyroid is underactive. A low TSH often means it is overactive. ${ASK_EN}`,
    },
    es: {
      name: 'Hormona estimulante de la tiroides (TSH)',
      measures: 'La TSH la produce una pequeña glándula del cerebro llamada hipófisis. Le indica a la tiroides cuánta hormona tiroidea debe producir.',
      why: 'Suele ser la primera prueba para revisar la tiroides. También se usa para ajustar la dosis del medicamento para la tiroides.',
      highLow: `Una TSH alta muchas veces indica que la tiroides trabaja poco. Una TSH baja muchas veces indica que trabaja de más. ${ASK_ES}`,
    },
  },
  {
    loinc: ['3024-7', '14920-3'],
    en: {
      name: 'Free T4 (free thyroxine)',
      measures: 'T4 is the main hormone made by the thyroid gland. Free T4 is the part that is active and ready for your body to use.',
      why: 'It is often checked when TSH is not in the usual range. It helps show how well your thyroid is working.',
    },
    es: {
      name: 'T4 libre (tiroxina libre)',
      measures: 'La T4 es la hormona principal que produce la tiroides. La T4 libre es la parte activa que el cuerpo puede usar.',
      why: 'Se revisa muchas veces cuando la TSH no está en el rango usual. Ayuda a ver qué tan bien funciona la tiroides.',
    },
  },
  {
    loinc: ['3026-2'],
    en: {
      name: 'Total T4 (thyroxine)',
      measures: 'This test measures all the T4 thyroid hormone in your blood, both free and attached to proteins.',
      why: 'It helps check thyroid function. Free T4 is used more often today.',
    },
    es: {
      name: 'T4 total (tiroxina total)',
      measures: 'Esta prueba mide toda la hormona tiroidea T4 de la sangre, tanto la libre como la unida a proteínas.',
      why: 'Ayuda a revisar cómo funciona la tiroides. Hoy se usa más la T4 libre.',
    },
  },
  {
    loinc: ['3053-6'],
    en: {
      name: 'T3 (triiodothyronine)',
      measures: 'T3 is the most active thyroid hormone. Much of it is made from T4 in the body.',
      why: 'It is most useful when your care team is checking for an overactive thyroid.',
    },
    es: {
      name: 'T3 (triyodotironina)',
      measures: 'La T3 es la hormona tiroidea más activa. Gran parte se forma en el cuerpo a partir de la T4.',
      why: 'Es más útil cuando su equipo médico busca una tiroides que trabaja de más.',
    },
  },
  {
    loinc: ['3051-0'],
    en: {
      name: 'Free T3',
      measures: 'Free T3 is the part of the T3 thyroid hormone that is active and not attached to proteins.',
      why: 'It may be checked along with TSH and free T4 to look at thyroid function.',
    },
    es: {
      name: 'T3 libre',
      measures: 'La T3 libre es la parte de la hormona tiroidea T3 que está activa y no unida a proteínas.',
      why: 'Puede medirse junto con la TSH y la T4 libre para revisar cómo funciona la tiroides.',
    },
  },
  {
    loinc: ['8099-4'],
    en: {
      name: 'Thyroid peroxidase antibodies (TPO antibodies)',
      measures: 'These are antibodies that can attack the thyroid gland. Antibodies are proteins made by the immune system.',
      why: 'They can show if an immune problem, such as Hashimoto disease, is affecting the thyroid.',
    },
    es: {
      name: 'Anticuerpos antiperoxidasa tiroidea (anti-TPO)',
      measures: 'Son anticuerpos que pueden atacar la tiroides. Los anticuerpos son proteínas que produce el sistema de defensas.',
      why: 'Pueden mostrar si un problema de las defensas, como la enfermedad de Hashimoto, está afectando la tiroides.',
    },
  },
  {
    loinc: ['1989-3', '62292-8'],
    en: {
      name: 'Vitamin D (25-hydroxy)',
      measures: 'This test measures the main form of vitamin D stored in your body. Vitamin D helps your body absorb calcium to keep bones strong.',
      why: 'It checks for low vitamin D, which is common. It may also be used to follow vitamin D supplements.',
      highLow: `Low levels can happen with little time in the sun, some diets and some health conditions. ${ASK_EN}`,
    },
    es: {
      name: 'Vitamina D (25-hidroxi)',
      measures: 'Esta prueba mide la forma principal de vitamina D que el cuerpo guarda. La vitamina D ayuda a absorber el calcio para mantener los huesos fuertes.',
      why: 'Sirve para detectar vitamina D baja, algo muy común. También puede usarse para dar seguimiento a los suplementos de vitamina D.',
      highLow: `Los niveles bajos pueden deberse a poco tiempo al sol, a algunas dietas o a ciertas enfermedades. ${ASK_ES}`,
    },
  },
  {
    loinc: ['2132-9'],
    en: {
      name: 'Vitamin B12',
      measures: 'Vitamin B12 helps your body make red blood cells and keeps your nerves healthy.',
      why: 'It may be checked if you have anemia with large red cells, or numbness or tingling. It may also be checked if you have taken a medicine like metformin for a long time.',
    },
    es: {
      name: 'Vitamina B12',
      measures: 'La vitamina B12 ayuda al cuerpo a producir glóbulos rojos y mantiene sanos los nervios.',
      why: 'Puede revisarse si tiene anemia con glóbulos rojos grandes, o si siente la piel dormida o con hormigueo. También si toma desde hace mucho tiempo una medicina como la metformina.',
    },
  },
  {
    loinc: ['2284-8'],
    en: {
      name: 'Folate (folic acid)',
      measures: 'Folate is a B vitamin. It helps your body make new cells, including red blood cells.',
      why: 'It may be checked to find the cause of anemia. Folate is also very important before and while you are pregnant.',
    },
    es: {
      name: 'Folato (ácido fólico)',
      measures: 'El folato es una vitamina del grupo B. Ayuda al cuerpo a formar células nuevas, como los glóbulos rojos.',
      why: 'Puede revisarse para encontrar la causa de una anemia. El folato también es muy importante antes y durante el embarazo.',
    },
  },
  {
    loinc: ['2276-4'],
    en: {
      name: 'Ferritin',
      measures: 'Ferritin is a protein that stores iron in your body. The ferritin level shows how much iron you have in storage.',
      why: 'It is one of the best tests to check for low iron. It can also show if there is too much iron.',
      highLow: `Low ferritin usually means low iron stores. Ferritin can rise with swelling or infection in the body, even when iron is not high. ${ASK_EN}`,
    },
    es: {
      name: 'Ferritina',
      measures: 'La ferritina es una proteína que guarda el hierro en el cuerpo. Su nivel muestra cuánto hierro tiene usted de reserva.',
      why: 'Es una de las mejores pruebas para detectar falta de hierro. También puede mostrar si hay demasiado hierro.',
      highLow: `La ferritina baja casi siempre indica reservas de hierro bajas. La ferritina puede subir con inflamación o infecciones, aunque el hierro no esté alto. ${ASK_ES}`,
    },
  },
  {
    loinc: ['2498-4'],
    en: {
      name: 'Iron (serum iron)',
      measures: 'This test measures the iron moving in your blood. Your body needs iron to make hemoglobin.',
      why: 'It is read with ferritin and TIBC to check for low or high iron.',
    },
    es: {
      name: 'Hierro sérico',
      measures: 'Esta prueba mide el hierro que circula en su sangre. El cuerpo necesita hierro para formar hemoglobina.',
      why: 'Se revisa junto con la ferritina y la CTFH para detectar hierro bajo o alto.',
    },
  },
  {
    loinc: ['2500-7'],
    en: {
      name: 'Total iron-binding capacity (TIBC)',
      measures: 'TIBC shows how much iron your blood could carry. It mostly reflects transferrin, the protein that carries iron.',
      why: 'It helps sort out low or high iron. TIBC often goes up when the body is low on iron.',
    },
    es: {
      name: 'Capacidad total de fijación de hierro (CTFH o TIBC)',
      measures: 'La CTFH muestra cuánto hierro podría transportar su sangre. Refleja sobre todo la transferrina, la proteína que lleva el hierro.',
      why: 'Ayuda a saber si hay poco o mucho hierro. La CTFH suele subir cuando al cuerpo le falta hierro.',
    },
  },
  {
    loinc: ['2502-3'],
    en: {
      name: 'Transferrin saturation (iron saturation)',
      measures: 'This percent shows how much of your iron-carrying protein is filled with iron.',
      why: 'It helps check for low iron or iron overload.',
    },
    es: {
      name: 'Saturación de transferrina',
      measures: 'Este porcentaje muestra qué parte de la proteína que transporta hierro está llena de hierro.',
      why: 'Ayuda a detectar falta de hierro o exceso de hierro.',
    },
  },
  {
    loinc: ['2857-1', '35741-8'],
    en: {
      name: 'Prostate-specific antigen (PSA)',
      measures: 'PSA is a protein made by the prostate gland. The prostate is a small gland in men below the bladder.',
      why: 'It may be used to screen for prostate cancer or to follow prostate problems. Talk with your care team about the pros and cons of screening.',
      highLow: `PSA can go up for many reasons other than cancer. Some are a larger prostate, an infection or recent activity. ${ASK_EN}`,
    },
    es: {
      name: 'Antígeno prostático específico (APE o PSA)',
      measures: 'El APE es una proteína que produce la próstata. La próstata es una glándula pequeña de los hombres que está debajo de la vejiga.',
      why: 'Puede usarse para buscar cáncer de próstata o para dar seguimiento a problemas de la próstata. Hable con su equipo médico sobre las ventajas y desventajas de hacerse esta prueba.',
      highLow: `El APE puede subir por muchas razones además del cáncer, como una próstata agrandada, una infección o actividad reciente. ${ASK_ES}`,
    },
  },
  {
    loinc: ['10886-0', '12841-3'],
    en: {
      name: 'Free PSA and percent free PSA',
      measures: 'Some PSA floats free in the blood and some is attached to proteins. This test measures the free part and its share of total PSA.',
      why: 'When total PSA is a bit high, this can help your care team decide if more tests are needed.',
    },
    es: {
      name: 'APE libre y porcentaje de APE libre',
      measures: 'Parte del APE circula libre en la sangre y otra parte va unida a proteínas. Esta prueba mide la parte libre y qué porcentaje representa del APE total.',
      why: 'Cuando el APE total está un poco alto, puede ayudar a decidir si hacen falta más estudios.',
    },
  },
  {
    loinc: ['1988-5'],
    en: {
      name: 'C-reactive protein (CRP)',
      measures: 'CRP is a protein made by the liver. Its level goes up when there is swelling (inflammation) or infection in the body.',
      why: 'It can help check for infection or inflammation and see how well treatment is working.',
      highLow: `CRP shows that inflammation is present, but not where or why. ${ASK_EN}`,
    },
    es: {
      name: 'Proteína C reactiva (PCR)',
      measures: 'La PCR es una proteína que produce el hígado. Su nivel sube cuando hay inflamación o infección en el cuerpo.',
      why: 'Puede ayudar a detectar una infección o inflamación y a ver si el tratamiento funciona.',
      highLow: `La PCR muestra que hay inflamación, pero no dónde está ni por qué. ${ASK_ES}`,
    },
  },
  {
    loinc: ['30522-7'],
    en: {
      name: 'High-sensitivity CRP (hs-CRP)',
      measures: 'This is a more sensitive version of the CRP test. It can pick up very small amounts of inflammation.',
      why: 'It is sometimes used with cholesterol tests to help estimate heart risk.',
    },
    es: {
      name: 'Proteína C reactiva ultrasensible (PCR-us)',
      measures: 'Es una versión más sensible de la prueba de PCR. Puede detectar cantidades muy pequeñas de inflamación.',
      why: 'A veces se usa junto con las pruebas de colesterol para calcular el riesgo del corazón.',
    },
  },
  {
    loinc: ['2106-3', '2118-8'],
    en: {
      name: 'Pregnancy test (hCG)',
      measures: 'hCG is a hormone made during pregnancy. The test can be done on urine or blood.',
      why: 'It checks for pregnancy. It may also be done before some X-rays, medicines or procedures.',
    },
    es: {
      name: 'Prueba de embarazo (hCG)',
      measures: 'La hCG es una hormona que se produce durante el embarazo. La prueba puede hacerse en orina o en sangre.',
      why: 'Sirve para saber si hay embarazo. También puede hacerse antes de ciertas pruebas de rayos X, medicinas o tratamientos.',
    },
  },
  {
    loinc: ['2986-8'],
    en: {
      name: 'Testosterone',
      measures: 'Testosterone is a hormone found in both men and women, in different amounts.',
      why: 'It may be checked if you have low energy or low sex drive. It may also be checked if you have trouble having a baby or your periods are not regular.',
    },
    es: {
      name: 'Testosterona',
      measures: 'La testosterona es una hormona que tienen tanto los hombres como las mujeres, en cantidades distintas.',
      why: 'Puede revisarse si tiene poca energía o poco deseo sexual. También si le cuesta tener un bebé o si sus reglas no son regulares.',
    },
  },
];
