/**
 * Blood chemistry: basic and comprehensive metabolic panel (BMP/CMP),
 * kidney and liver tests, minerals, pancreas and heart tests.
 */
import type { LabTestExplanation } from './lab-tests.js';

const ASK_EN = 'Ask your care team what your result means for you.';
const ASK_ES = 'Pregunte a su equipo de atención médica qué significa su resultado para usted.';

export const chemistryTests: LabTestExplanation[] = [
  {
    loinc: ['2345-7', '2339-0', '1558-6', '41653-7', '14749-6', '15074-8'],
    en: {
      name: 'Glucose (blood sugar)',
      measures: 'Glucose is the main sugar in your blood. It gives your body energy. This test measures how much glucose is in your blood at the time of the test.',
      why: 'It helps check for diabetes and prediabetes. It is also used to follow diabetes care. It may be done fasting, which means not eating for about 8 hours before.',
      highLow: `Glucose is higher after meals. A high fasting value can be a sign of diabetes. A low value can cause shakiness or sweating. ${ASK_EN}`,
    },
    es: {
      name: 'Glucosa (azúcar en la sangre)',
      measures: 'La glucosa es el azúcar principal de la sangre. Le da energía a su cuerpo. Esta prueba mide cuánta glucosa tiene en la sangre en el momento de la prueba.',
      why: 'Ayuda a detectar diabetes y prediabetes. También sirve para dar seguimiento a la diabetes. A veces se hace en ayunas, es decir, sin comer unas 8 horas antes.',
      highLow: `La glucosa sube después de comer. Un valor alto en ayunas puede ser señal de diabetes. Un valor bajo puede causar temblores o sudor. ${ASK_ES}`,
    },
  },
  {
    loinc: ['3094-0', '6299-2'],
    en: {
      name: 'Blood urea nitrogen (BUN)',
      measures: 'Urea is a waste product made when your body breaks down protein. Your kidneys remove it from the blood. BUN measures how much is in your blood.',
      why: 'It helps check how well your kidneys are working. It is part of the basic and comprehensive metabolic panels.',
      highLow: `BUN can be high with kidney problems, dehydration or a high-protein diet. ${ASK_EN}`,
    },
    es: {
      name: 'Nitrógeno ureico en sangre (BUN)',
      measures: 'La urea es un desecho que se forma cuando el cuerpo usa las proteínas. Los riñones la sacan de la sangre. El BUN mide cuánta hay en su sangre.',
      why: 'Ayuda a revisar qué tan bien funcionan sus riñones. Forma parte del panel metabólico básico y del completo.',
      highLow: `El BUN puede subir con problemas de los riñones, falta de agua en el cuerpo o una dieta con mucha proteína. ${ASK_ES}`,
    },
  },
  {
    loinc: ['2160-0', '38483-4', '14682-9'],
    en: {
      name: 'Creatinine (blood)',
      measures: 'Creatinine is a waste product from normal muscle use. Healthy kidneys filter it out of the blood.',
      why: 'It is one of the main tests of kidney function. It is also used to figure out your eGFR.',
      highLow: `Creatinine can be higher when the kidneys are not filtering well. Muscle size, diet and some medicines also affect it. ${ASK_EN}`,
    },
    es: {
      name: 'Creatinina en sangre',
      measures: 'La creatinina es un desecho que producen los músculos al trabajar. Los riñones sanos la filtran de la sangre.',
      why: 'Es una de las pruebas principales para ver cómo funcionan los riñones. También se usa para calcular la TFGe.',
      highLow: `La creatinina puede subir cuando los riñones no filtran bien. El tamaño de los músculos, la dieta y algunos medicamentos también la afectan. ${ASK_ES}`,
    },
  },
  {
    loinc: ['3097-3'],
    en: {
      name: 'BUN to creatinine ratio',
      measures: 'This number compares your BUN to your creatinine.',
      why: 'It can help your care team tell if a kidney test change is more likely from dehydration or from the kidneys themselves.',
    },
    es: {
      name: 'Relación BUN/creatinina',
      measures: 'Este número compara su BUN con su creatinina.',
      why: 'Puede ayudar a saber si un cambio en las pruebas del riñón se debe más bien a falta de agua en el cuerpo o a los riñones mismos.',
    },
  },
  {
    loinc: ['33914-3', '62238-1', '48642-3', '48643-1', '50044-7', '98979-8'],
    en: {
      name: 'Estimated glomerular filtration rate (eGFR)',
      measures: 'eGFR estimates how much blood your kidneys filter each minute. It is figured out from your blood creatinine, age and sometimes other factors.',
      why: 'It is the main number used to check kidney health and to find and stage chronic kidney disease. It also helps set safe doses for some medicines.',
      highLow: `A higher eGFR generally means better filtering. eGFR often goes down slowly with age. ${ASK_EN}`,
    },
    es: {
      name: 'Tasa de filtración glomerular estimada (TFGe)',
      measures: 'La TFGe calcula cuánta sangre filtran sus riñones cada minuto. Se obtiene a partir de la creatinina en sangre, la edad y a veces otros datos.',
      why: 'Es el número principal para revisar la salud de los riñones y para detectar y clasificar la enfermedad renal crónica. También ayuda a elegir la dosis segura de algunas medicinas.',
      highLow: `Por lo general, una TFGe más alta quiere decir que los riñones filtran mejor. La TFGe suele bajar poco a poco con la edad. ${ASK_ES}`,
    },
  },
  {
    loinc: ['2951-2', '2947-0'],
    en: {
      name: 'Sodium',
      measures: 'Sodium is a mineral and electrolyte. It helps control the water balance in your body and helps nerves and muscles work.',
      why: 'It is part of the basic and comprehensive metabolic panels. It can show problems with fluid balance, kidneys or some medicines.',
      highLow: `Sodium can change with how much water you drink, vomiting or diarrhea, and some medicines such as water pills. ${ASK_EN}`,
    },
    es: {
      name: 'Sodio',
      measures: 'El sodio es un mineral y un electrolito. Ayuda a controlar el equilibrio de agua en el cuerpo y a que funcionen los nervios y los músculos.',
      why: 'Forma parte del panel metabólico básico y del completo. Puede mostrar problemas con el balance de líquidos, los riñones o algunos medicamentos.',
      highLow: `El sodio puede cambiar según cuánta agua toma, si tiene vómitos o diarrea, o por algunos medicamentos como los diuréticos. ${ASK_ES}`,
    },
  },
  {
    loinc: ['2823-3', '6298-4'],
    en: {
      name: 'Potassium',
      measures: 'Potassium is a mineral and electrolyte. It helps your heart, nerves and muscles work the right way.',
      why: 'It is part of the basic and comprehensive metabolic panels. It is often checked for people who take some blood pressure medicines or water pills.',
      highLow: `Both high and low potassium can affect the heartbeat. Kidney function, diet and medicines can change it. ${ASK_EN}`,
    },
    es: {
      name: 'Potasio',
      measures: 'El potasio es un mineral y un electrolito. Ayuda a que el corazón, los nervios y los músculos funcionen bien.',
      why: 'Forma parte del panel metabólico básico y del completo. Se revisa seguido en personas que toman ciertos medicamentos para la presión o diuréticos.',
      highLow: `Tanto el potasio alto como el bajo pueden afectar el ritmo del corazón. La función de los riñones, la dieta y los medicamentos pueden cambiarlo. ${ASK_ES}`,
    },
  },
  {
    loinc: ['2075-0', '2069-3'],
    en: {
      name: 'Chloride',
      measures: 'Chloride is a mineral in your blood. It works with sodium to keep your body fluids and acid in balance.',
      why: 'It is part of the basic and comprehensive metabolic panels.',
    },
    es: {
      name: 'Cloruro',
      measures: 'El cloruro es un electrolito que trabaja junto con el sodio para mantener en equilibrio los líquidos y la acidez del cuerpo.',
      why: 'Forma parte del panel metabólico básico y del completo.',
    },
  },
  {
    loinc: ['2028-9', '20565-8', '1963-8'],
    en: {
      name: 'Carbon dioxide (CO2 or bicarbonate)',
      measures: 'This test measures bicarbonate in your blood. Bicarbonate helps keep your blood from becoming too acidic or too basic.',
      why: 'It is part of the basic and comprehensive metabolic panels. It can show problems with breathing, kidneys or acid balance.',
    },
    es: {
      name: 'Dióxido de carbono (CO2 o bicarbonato)',
      measures: 'Esta prueba mide el bicarbonato en la sangre. El bicarbonato ayuda a que la sangre no se vuelva demasiado ácida ni demasiado alcalina.',
      why: 'Forma parte del panel metabólico básico y del completo. Puede mostrar problemas de la respiración, de los riñones o del equilibrio ácido.',
    },
  },
  {
    loinc: ['33037-3', '1863-0'],
    en: {
      name: 'Anion gap',
      measures: 'The anion gap is a number worked out from your sodium, chloride and bicarbonate results. It is not measured directly.',
      why: 'It helps your care team check the acid balance in your blood.',
    },
    es: {
      name: 'Brecha aniónica (anion gap)',
      measures: 'La brecha aniónica es un número que se calcula con sus resultados de sodio, cloruro y bicarbonato. No se mide directamente.',
      why: 'Ayuda a su equipo médico a revisar el equilibrio ácido de la sangre.',
    },
  },
  {
    loinc: ['17861-6', '49765-1'],
    en: {
      name: 'Calcium',
      measures: 'Calcium is a mineral that builds bones and teeth. It also helps your heart, muscles and nerves work.',
      why: 'It is part of the basic and comprehensive metabolic panels. It can point to problems with bones, kidneys or the glands that control calcium.',
      highLow: `Your albumin level can affect the calcium result. ${ASK_EN}`,
    },
    es: {
      name: 'Calcio',
      measures: 'El calcio es un mineral que forma los huesos y los dientes. También ayuda a que funcionen el corazón, los músculos y los nervios.',
      why: 'Forma parte del panel metabólico básico y del completo. Puede indicar problemas de los huesos, de los riñones o de las glándulas que controlan el calcio.',
      highLow: `Su nivel de albúmina puede afectar el resultado del calcio. ${ASK_ES}`,
    },
  },
  {
    loinc: ['1994-3', '1995-0'],
    en: {
      name: 'Ionized calcium',
      measures: 'This test measures the calcium in your blood that is free and active, not attached to proteins.',
      why: 'It gives a more exact calcium level. It may be used during a hospital stay or when protein levels are unusual.',
    },
    es: {
      name: 'Calcio iónico',
      measures: 'Esta prueba mide el calcio libre y activo de la sangre, el que no está unido a proteínas.',
      why: 'Da un nivel de calcio más exacto. Puede usarse en el hospital o cuando los niveles de proteína están fuera de lo común.',
    },
  },
  {
    loinc: ['2885-2'],
    en: {
      name: 'Total protein',
      measures: 'This test measures all the protein in the liquid part of your blood. The two main groups are albumin and globulin.',
      why: 'It is part of the comprehensive metabolic panel. It gives clues about nutrition, liver health and kidney health.',
    },
    es: {
      name: 'Proteínas totales',
      measures: 'Esta prueba mide todas las proteínas de la parte líquida de la sangre. Los dos grupos principales son la albúmina y las globulinas.',
      why: 'Forma parte del panel metabólico completo. Da pistas sobre la nutrición y la salud del hígado y de los riñones.',
    },
  },
  {
    loinc: ['1751-7'],
    en: {
      name: 'Albumin (blood)',
      measures: 'Albumin is the main protein made by your liver. It keeps fluid inside your blood vessels and carries vitamins, hormones and medicines.',
      why: 'It is part of the comprehensive metabolic panel. It helps check liver health, kidney health and nutrition.',
      highLow: `Low albumin can happen with liver or kidney problems, poor nutrition, or a recent illness. ${ASK_EN}`,
    },
    es: {
      name: 'Albúmina en sangre',
      measures: 'La albúmina es la proteína principal que produce el hígado. Mantiene el líquido dentro de los vasos sanguíneos y transporta vitaminas, hormonas y medicamentos.',
      why: 'Forma parte del panel metabólico completo. Ayuda a revisar la salud del hígado, de los riñones y la nutrición.',
      highLow: `La albúmina baja puede verse con problemas del hígado o de los riñones, mala nutrición o una enfermedad reciente. ${ASK_ES}`,
    },
  },
  {
    loinc: ['10834-0', '2336-6'],
    en: {
      name: 'Globulin',
      measures: 'Globulins are a group of blood proteins. Many of them help fight infection. The lab usually finds it by taking the albumin away from the total protein.',
      why: 'It is often part of the CMP, a common set of blood tests. It can give clues about the immune system and the liver.',
    },
    es: {
      name: 'Globulinas',
      measures: 'Las globulinas son un grupo de proteínas de la sangre. Muchas ayudan a combatir infecciones. Casi siempre se calculan restando la albúmina a las proteínas totales.',
      why: 'Suele formar parte del panel metabólico completo. Puede dar pistas sobre el sistema de defensas y el hígado.',
    },
  },
  {
    loinc: ['1759-0'],
    en: {
      name: 'Albumin to globulin ratio (A/G ratio)',
      measures: 'This number compares the amount of albumin to the amount of globulin in your blood.',
      why: 'It adds detail to your protein results. Your care team reads it with your other liver and kidney tests.',
    },
    es: {
      name: 'Relación albúmina/globulina (A/G)',
      measures: 'Este número compara la cantidad de albúmina con la cantidad de globulinas en su sangre.',
      why: 'Da más detalle a sus resultados de proteínas. Su equipo médico lo revisa junto con las demás pruebas del hígado y los riñones.',
    },
  },
  {
    loinc: ['1975-2', '42719-5', '14631-6'],
    en: {
      name: 'Total bilirubin',
      measures: 'Bilirubin is a yellow substance made when old red blood cells break down. Your liver clears it from the body.',
      why: 'It is part of the comprehensive metabolic panel. It helps check the liver and bile ducts. It is also checked in newborns.',
      highLow: `High bilirubin can cause yellow skin or eyes (jaundice). A mild rise is common and often harmless in some people. ${ASK_EN}`,
    },
    es: {
      name: 'Bilirrubina total',
      measures: 'La bilirrubina es una sustancia amarilla que se forma cuando se descomponen los glóbulos rojos viejos. El hígado la saca del cuerpo.',
      why: 'Forma parte del panel metabólico completo. Ayuda a revisar el hígado y las vías biliares. También se mide en los recién nacidos.',
      highLow: `La bilirrubina alta puede poner amarilla la piel o los ojos (ictericia). En algunas personas es común una leve subida que muchas veces no causa daño. ${ASK_ES}`,
    },
  },
  {
    loinc: ['1968-7'],
    en: {
      name: 'Direct bilirubin',
      measures: 'It is the part of bilirubin that your liver has already worked on.',
      why: 'With total bilirubin, it helps your care team tell if a high level comes from the liver, the bile ducts or the blood.',
    },
    es: {
      name: 'Bilirrubina directa',
      measures: 'La bilirrubina directa es la parte de la bilirrubina que el hígado ya procesó.',
      why: 'Junto con la bilirrubina total, ayuda a saber si un nivel alto viene del hígado, de las vías biliares o de la sangre.',
    },
  },
  {
    loinc: ['6768-6'],
    en: {
      name: 'Alkaline phosphatase (ALP)',
      measures: 'ALP is an enzyme found mostly in the liver and bones. An enzyme is a protein that speeds up chemical steps in the body.',
      why: 'It is part of the comprehensive metabolic panel. It helps check the liver, bile ducts and bones.',
      highLow: `ALP is normally higher in growing children and during pregnancy. ${ASK_EN}`,
    },
    es: {
      name: 'Fosfatasa alcalina (FA)',
      measures: 'La FA es una enzima que está sobre todo en el hígado y los huesos. Una enzima es una proteína que ayuda a que ocurran procesos químicos en el cuerpo.',
      why: 'Forma parte del panel metabólico completo. Ayuda a revisar el hígado, las vías biliares y los huesos.',
      highLow: `La FA normalmente es más alta en niños que están creciendo y durante el embarazo. ${ASK_ES}`,
    },
  },
  {
    loinc: ['1742-6', '1743-4'],
    en: {
      name: 'Alanine aminotransferase (ALT)',
      measures: 'ALT is an enzyme found mainly in the liver. When liver cells are irritated or hurt, more ALT leaks into the blood.',
      why: 'It is part of the comprehensive metabolic panel. It is one of the main tests of liver health.',
      highLow: `ALT can go up for many reasons. Some are fat in the liver, liver swelling, alcohol, hard exercise or some medicines. ${ASK_EN}`,
    },
    es: {
      name: 'Alanina aminotransferasa (ALT o TGP)',
      measures: 'La ALT es una enzima que está sobre todo en el hígado. Cuando las células del hígado se irritan o se dañan, sale más ALT a la sangre.',
      why: 'Forma parte del panel metabólico completo. Es una de las pruebas principales de la salud del hígado.',
      highLow: `La ALT puede subir por muchas razones. Algunas son el hígado graso, la hepatitis, el alcohol, el ejercicio fuerte o ciertas medicinas. ${ASK_ES}`,
    },
  },
  {
    loinc: ['1920-8', '30239-8'],
    en: {
      name: 'Aspartate aminotransferase (AST)',
      measures: 'AST is an enzyme found in the liver, heart and muscles. It leaks into the blood when these cells are hurt.',
      why: 'It is part of the comprehensive metabolic panel. It is read together with ALT to check liver health.',
      highLow: `AST can also go up after hard exercise or a muscle injury. ${ASK_EN}`,
    },
    es: {
      name: 'Aspartato aminotransferasa (AST o TGO)',
      measures: 'La AST es una enzima que está en el hígado, el corazón y los músculos. Sale a la sangre cuando estas células se dañan.',
      why: 'Forma parte del panel metabólico completo. Se revisa junto con la ALT para ver la salud del hígado.',
      highLow: `La AST también puede subir después de ejercicio intenso o una lesión muscular. ${ASK_ES}`,
    },
  },
  {
    loinc: ['2324-2'],
    en: {
      name: 'Gamma-glutamyl transferase (GGT)',
      measures: 'GGT is an enzyme found mostly in the liver and bile ducts.',
      why: 'It can help find out why ALP is high. It can also be a sign of liver stress from alcohol or some medicines.',
    },
    es: {
      name: 'Gamma-glutamil transferasa (GGT)',
      measures: 'La GGT es una enzima que está sobre todo en el hígado y las vías biliares.',
      why: 'Puede ayudar a entender por qué la FA está alta. También puede ser una señal de que el hígado está afectado por el alcohol o algunos medicamentos.',
    },
  },
  {
    loinc: ['19123-9', '2601-3'],
    en: {
      name: 'Magnesium',
      measures: 'Magnesium is a mineral that helps your muscles, nerves and heart work. It also helps keep bones strong.',
      why: 'It may be checked if you have muscle cramps or an uneven heartbeat. It may also be checked if you take medicines that change magnesium, such as water pills.',
    },
    es: {
      name: 'Magnesio',
      measures: 'El magnesio es un mineral que ayuda a que funcionen los músculos, los nervios y el corazón. También ayuda a mantener los huesos fuertes.',
      why: 'Puede revisarse si tiene calambres, latidos irregulares o si toma medicamentos que cambian el magnesio, como los diuréticos.',
    },
  },
  {
    loinc: ['2777-1'],
    en: {
      name: 'Phosphorus (phosphate)',
      measures: 'Phosphorus is a mineral that works with calcium to build bones and teeth. It also helps your body store energy.',
      why: 'It is often checked with calcium, most of all in people with kidney disease.',
    },
    es: {
      name: 'Fósforo (fosfato)',
      measures: 'El fósforo es un mineral que trabaja junto con el calcio para formar huesos y dientes. También ayuda al cuerpo a guardar energía.',
      why: 'Se revisa muchas veces junto con el calcio, sobre todo en personas con enfermedad de los riñones.',
    },
  },
  {
    loinc: ['3084-1'],
    en: {
      name: 'Uric acid',
      measures: 'Uric acid is a waste product made when the body breaks down certain foods and cells. The kidneys remove most of it.',
      why: 'It can help find and follow gout, a type of painful joint swelling. It may also be checked for kidney stones.',
      highLow: `A high level does not always cause symptoms. ${ASK_EN}`,
    },
    es: {
      name: 'Ácido úrico',
      measures: 'El ácido úrico es un desecho que se forma cuando el cuerpo descompone ciertos alimentos y células. Los riñones eliminan la mayor parte.',
      why: 'Puede ayudar a detectar y dar seguimiento a la gota, un tipo de inflamación dolorosa de las articulaciones. También puede revisarse por cálculos en los riñones.',
      highLow: `Un nivel alto no siempre causa síntomas. ${ASK_ES}`,
    },
  },
  {
    loinc: ['1798-8'],
    en: {
      name: 'Amylase',
      measures: 'Amylase is an enzyme that helps digest starches. It is made mostly by the pancreas and the glands that make saliva.',
      why: 'It may be checked when someone has strong belly pain, to look at the pancreas.',
    },
    es: {
      name: 'Amilasa',
      measures: 'La amilasa es una enzima que ayuda a digerir los almidones. La producen sobre todo el páncreas y las glándulas de la saliva.',
      why: 'Puede pedirse cuando una persona tiene un dolor fuerte de estómago, para revisar el páncreas.',
    },
  },
  {
    loinc: ['3040-3'],
    en: {
      name: 'Lipase',
      measures: 'Lipase is an enzyme made by the pancreas. It helps your body digest fats.',
      why: 'It is the main blood test used to check for pancreatitis, which is swelling of the pancreas.',
    },
    es: {
      name: 'Lipasa',
      measures: 'La lipasa es una enzima que produce el páncreas. Ayuda al cuerpo a digerir las grasas.',
      why: 'Es la prueba de sangre principal para detectar pancreatitis, que es la inflamación del páncreas.',
    },
  },
  {
    loinc: ['10839-9', '42757-5', '89579-7', '6598-7', '67151-1'],
    en: {
      name: 'Troponin',
      measures: 'Troponin is a protein found in heart muscle. When the heart muscle is hurt, troponin leaks into the blood.',
      why: 'It is the main blood test to check for a heart attack. It is often repeated over several hours to see if the level changes.',
      highLow: `Other conditions that strain the heart or kidneys can also raise troponin. ${ASK_EN}`,
    },
    es: {
      name: 'Troponina',
      measures: 'La troponina es una proteína del músculo del corazón. Cuando ese músculo se daña, la troponina sale a la sangre.',
      why: 'Es la prueba de sangre principal para detectar un infarto. Muchas veces se repite durante varias horas para ver si el nivel cambia.',
      highLow: `Otras enfermedades que afectan el corazón o los riñones también pueden subir la troponina. ${ASK_ES}`,
    },
  },
  {
    loinc: ['30934-4'],
    en: {
      name: 'B-type natriuretic peptide (BNP)',
      measures: 'BNP is a hormone released by the heart when it has to work harder than normal to pump blood.',
      why: 'It helps check for heart failure and follow how it responds to treatment. It can also help find the cause of shortness of breath.',
    },
    es: {
      name: 'Péptido natriurético tipo B (BNP)',
      measures: 'El BNP es una hormona que el corazón libera cuando tiene que esforzarse más de lo normal para bombear la sangre.',
      why: 'Ayuda a detectar insuficiencia cardíaca y a ver cómo responde al tratamiento. También puede ayudar a encontrar la causa de la falta de aire.',
    },
  },
  {
    loinc: ['33762-6'],
    en: {
      name: 'NT-proBNP',
      measures: 'NT-proBNP is a piece of protein released along with BNP when the heart is under strain.',
      why: 'Like BNP, it helps check for heart failure and follow treatment. Normal values depend on age and kidney function.',
      highLow: ASK_EN,
    },
    es: {
      name: 'NT-proBNP',
      measures: 'El NT-proBNP es un fragmento de proteína que se libera junto con el BNP cuando el corazón está sobrecargado.',
      why: 'Igual que el BNP, ayuda a detectar insuficiencia cardíaca y a dar seguimiento al tratamiento. Los valores normales dependen de la edad y de la función de los riñones.',
      highLow: ASK_ES,
    },
  },
  {
    loinc: ['2157-6'],
    en: {
      name: 'Creatine kinase (CK)',
      measures: 'CK is an enzyme found mostly in muscles, including the heart.',
      why: 'It can check for muscle damage. It may be ordered if you have muscle pain while taking some cholesterol medicines.',
    },
    es: {
      name: 'Creatina cinasa (CK o CPK)',
      measures: 'La CK es una enzima que está sobre todo en los músculos, incluido el corazón.',
      why: 'Sirve para buscar daño en los músculos. Puede pedirse si tiene dolor muscular mientras toma algunos medicamentos para el colesterol.',
    },
  },
  {
    loinc: ['2532-0', '14804-9'],
    en: {
      name: 'Lactate dehydrogenase (LDH)',
      measures: 'LDH is an enzyme found in almost all cells of the body. It goes up in the blood when cells are damaged.',
      why: 'It is a general sign of tissue damage. It may be used with other tests to follow some blood problems or cancers.',
    },
    es: {
      name: 'Deshidrogenasa láctica (LDH)',
      measures: 'La LDH es una enzima que está en casi todas las células del cuerpo. Sube en la sangre cuando hay células dañadas.',
      why: 'Es una señal general de daño en los tejidos. Puede usarse junto con otras pruebas para dar seguimiento a algunos problemas de la sangre o algunos tipos de cáncer.',
    },
  },
];
