/**
 * Urinalysis (dipstick and microscope), urine albumin, urine culture and
 * stool blood tests.
 */
import type { LabTestExplanation } from './lab-tests.js';

const ASK_EN = 'Ask your care team what your result means for you.';
const ASK_ES = 'Pregunte a su equipo de atención médica qué significa su resultado para usted.';

export const urineStoolTests: LabTestExplanation[] = [
  {
    loinc: ['5778-6'],
    en: {
      name: 'Urine color',
      measures: 'This notes the color of your urine, such as pale yellow or dark yellow.',
      why: 'It is part of a urinalysis. Color can change with how much water you drink, foods, vitamins and medicines.',
    },
    es: {
      name: 'Color de la orina',
      measures: 'Indica el color de su orina, por ejemplo amarillo claro o amarillo oscuro.',
      why: 'Forma parte del examen general de orina. El color puede cambiar según cuánta agua toma, los alimentos, las vitaminas y los medicamentos.',
    },
  },
  {
    loinc: ['5767-9', '32167-9'],
    en: {
      name: 'Urine clarity (appearance)',
      measures: 'This notes whether your urine looks clear or cloudy.',
      why: 'It is part of a urinalysis. Cloudy urine can come from many things. Some are an infection, crystals, or a sample that sat out too long.',
    },
    es: {
      name: 'Aspecto de la orina',
      measures: 'Indica si su orina se ve clara o turbia.',
      why: 'Forma parte del examen general de orina. La orina turbia puede deberse a muchas cosas, como una infección, cristales o que la muestra esperó mucho tiempo.',
    },
  },
  {
    loinc: ['5811-5', '2965-2'],
    en: {
      name: 'Urine specific gravity',
      measures: 'It shows how strong or how watery your urine is. It compares your urine to plain water.',
      why: 'It is part of a urinalysis. It can show how well your kidneys concentrate urine and whether you may be low on fluids.',
      highLow: `A higher number means more concentrated urine, which is common if you have not had much to drink. ${ASK_EN}`,
    },
    es: {
      name: 'Densidad de la orina',
      measures: 'La densidad muestra qué tan concentrada está su orina. Compara su orina con el agua pura.',
      why: 'Forma parte del examen general de orina. Puede mostrar qué tan bien concentran la orina sus riñones y si le pueden faltar líquidos.',
      highLow: `Un número más alto quiere decir orina más concentrada, algo común si no ha tomado mucha agua. ${ASK_ES}`,
    },
  },
  {
    loinc: ['5803-2', '2756-5'],
    en: {
      name: 'Urine pH',
      measures: 'pH shows how acidic or basic your urine is.',
      why: 'It is part of a urinalysis. Diet, medicines, kidney stones and some infections can change urine pH.',
    },
    es: {
      name: 'pH de la orina',
      measures: 'El pH muestra qué tan ácida o alcalina está su orina.',
      why: 'Forma parte del examen general de orina. La dieta, los medicamentos, los cálculos en los riñones y algunas infecciones pueden cambiar el pH.',
    },
  },
  {
    loinc: ['5804-0', '2888-6', '20454-5'],
    en: {
      name: 'Urine protein',
      measures: 'This test looks for protein in your urine. Healthy kidneys keep most protein in the blood.',
      why: 'It is part of a urinalysis. Protein in the urine can be an early sign of kidney stress.',
      highLow: `A small amount can show up after exercise, fever or stress. ${ASK_EN}`,
    },
    es: {
      name: 'Proteínas en la orina',
      measures: 'Esta prueba busca proteínas en la orina. Los riñones sanos mantienen casi todas las proteínas en la sangre.',
      why: 'Forma parte del examen general de orina. Las proteínas en la orina pueden ser una señal temprana de que los riñones están afectados.',
      highLow: `Puede aparecer una cantidad pequeña después de hacer ejercicio, tener fiebre o estrés. ${ASK_ES}`,
    },
  },
  {
    loinc: ['5792-7', '25428-4', '2350-7'],
    en: {
      name: 'Urine glucose (sugar)',
      measures: 'This test looks for sugar in your urine. Sugar usually spills into the urine only when blood sugar is quite high.',
      why: 'It is part of a urinalysis. It can be a clue to high blood sugar. Some diabetes medicines also cause sugar in the urine on purpose.',
    },
    es: {
      name: 'Glucosa en la orina (azúcar)',
      measures: 'Esta prueba busca azúcar en la orina. Por lo general, el azúcar pasa a la orina solo cuando el azúcar en la sangre está bastante alto.',
      why: 'Forma parte del examen general de orina. Puede ser una pista de azúcar alto en la sangre. Algunos medicamentos para la diabetes también hacen que haya azúcar en la orina a propósito.',
    },
  },
  {
    loinc: ['5797-6', '2514-8'],
    en: {
      name: 'Urine ketones',
      measures: 'Ketones are made when your body burns fat for energy instead of sugar.',
      why: 'It is part of a urinalysis. Ketones can show up with fasting, low-carb diets, vomiting, or diabetes that is out of control.',
    },
    es: {
      name: 'Cetonas en la orina',
      measures: 'Las cetonas se forman cuando el cuerpo quema grasa para obtener energía en lugar de azúcar.',
      why: 'Forma parte del examen general de orina. Pueden aparecer si no come, si sigue una dieta con pocos carbohidratos, si vomita o si su diabetes no está bajo control.',
    },
  },
  {
    loinc: ['5794-3'],
    en: {
      name: 'Urine blood',
      measures: 'This dipstick test looks for blood in the urine, even in amounts too small to see.',
      why: 'It is part of a urinalysis. Blood can come from an infection, kidney stones, hard exercise, your period, or other causes.',
      highLow: `A positive result is often checked again later. ${ASK_EN}`,
    },
    es: {
      name: 'Sangre en la orina',
      measures: 'Esta prueba con tira reactiva busca sangre en la orina, incluso en cantidades tan pequeñas que no se ven.',
      why: 'Forma parte del examen general de orina. La sangre puede venir de una infección, cálculos en los riñones, ejercicio intenso, la menstruación u otras causas.',
      highLow: `Un resultado positivo muchas veces se vuelve a revisar más adelante. ${ASK_ES}`,
    },
  },
  {
    loinc: ['5799-2'],
    en: {
      name: 'Leukocyte esterase (urine)',
      measures: 'Leukocyte esterase is a substance made by white blood cells. Finding it in urine suggests white cells are present.',
      why: 'It is part of a urinalysis. It can be a sign of a urinary tract infection (UTI).',
    },
    es: {
      name: 'Esterasa leucocitaria en la orina',
      measures: 'La esterasa leucocitaria es una sustancia que producen los glóbulos blancos. Si aparece en la orina, es probable que haya glóbulos blancos.',
      why: 'Forma parte del examen general de orina. Puede ser una señal de infección de las vías urinarias.',
    },
  },
  {
    loinc: ['5802-4'],
    en: {
      name: 'Nitrite (urine)',
      measures: 'Some bacteria change nitrate in urine into nitrite. This test looks for nitrite.',
      why: 'It is part of a urinalysis. A positive result can point to a bladder infection. A negative result does not fully rule one out.',
    },
    es: {
      name: 'Nitritos en la orina',
      measures: 'Algunas bacterias convierten los nitratos de la orina en nitritos. Esta prueba busca nitritos.',
      why: 'Forma parte del examen general de orina. Un resultado positivo puede indicar una infección de la vejiga. Un resultado negativo no la descarta por completo.',
    },
  },
  {
    loinc: ['5770-3'],
    en: {
      name: 'Urine bilirubin',
      measures: 'This test looks for bilirubin, a yellow substance from the liver, in your urine.',
      why: 'It is part of a urinalysis. Bilirubin in the urine can be a sign of a liver or bile duct problem.',
    },
    es: {
      name: 'Bilirrubina en la orina',
      measures: 'Esta prueba busca bilirrubina en la orina. La bilirrubina es una sustancia amarilla que procesa el hígado.',
      why: 'Forma parte del examen general de orina. La bilirrubina en la orina puede ser señal de un problema del hígado o de las vías biliares.',
    },
  },
  {
    loinc: ['5818-0', '20405-7'],
    en: {
      name: 'Urobilinogen (urine)',
      measures: 'It is made from bilirubin in your gut. A small amount in urine is normal.',
      why: 'It is part of a urinalysis. Unusual amounts can give clues about the liver or red blood cells.',
    },
    es: {
      name: 'Urobilinógeno en la orina',
      measures: 'El urobilinógeno se forma a partir de la bilirrubina en el intestino. Es normal tener un poco en la orina.',
      why: 'Forma parte del examen general de orina. Cantidades fuera de lo común pueden dar pistas sobre el hígado o los glóbulos rojos.',
    },
  },
  {
    loinc: ['13945-1'],
    en: {
      name: 'Red blood cells in urine (microscope)',
      measures: 'A lab worker counts red blood cells seen under a microscope in a small amount of urine.',
      why: 'It confirms and measures blood found on the dipstick test.',
    },
    es: {
      name: 'Glóbulos rojos en la orina (microscopio)',
      measures: 'Una persona del laboratorio cuenta los glóbulos rojos que ve con el microscopio en una pequeña cantidad de orina.',
      why: 'Confirma y mide la sangre que se encontró con la tira reactiva.',
    },
  },
  {
    loinc: ['5821-4'],
    en: {
      name: 'White blood cells in urine (microscope)',
      measures: 'A lab worker counts white blood cells seen under a microscope in a small amount of urine.',
      why: 'More white cells than usual can be a sign of an infection or swelling in the bladder or kidneys.',
    },
    es: {
      name: 'Glóbulos blancos en la orina (microscopio)',
      measures: 'Una persona del laboratorio cuenta los glóbulos blancos que ve con el microscopio en una pequeña cantidad de orina.',
      why: 'Tener más glóbulos blancos de lo normal puede ser señal de infección o inflamación en las vías urinarias.',
    },
  },
  {
    loinc: ['5769-5'],
    en: {
      name: 'Bacteria in urine (microscope)',
      measures: 'This test looks at a small amount of your urine under a microscope to see if there are bacteria.',
      why: 'It can be a sign of a bladder or kidney infection. Bacteria can also come from the skin when the sample is taken.',
    },
    es: {
      name: 'Bacterias en la orina (microscopio)',
      measures: 'Indica si se ven bacterias con el microscopio en su muestra de orina.',
      why: 'Puede apoyar el diagnóstico de una infección urinaria. Las bacterias también pueden venir de la piel al tomar la muestra.',
    },
  },
  {
    loinc: ['630-4'],
    en: {
      name: 'Urine culture',
      measures: 'The lab places urine in a dish to see if bacteria grow. If they do, the lab finds which kind they are.',
      why: 'It confirms a urinary tract infection. It also helps choose an antibiotic that will work.',
    },
    es: {
      name: 'Urocultivo',
      measures: 'El laboratorio coloca la orina en un medio especial para ver si crecen bacterias. Si crecen, averigua de qué tipo son.',
      why: 'Confirma una infección urinaria. También ayuda a escoger un antibiótico que funcione.',
    },
  },
  {
    loinc: ['14957-5', '1754-1'],
    en: {
      name: 'Urine albumin (microalbumin)',
      measures: 'This test measures small amounts of albumin, a protein, in your urine.',
      why: 'It can find early kidney damage, most of all in people with diabetes or high blood pressure.',
    },
    es: {
      name: 'Albúmina en la orina (microalbúmina)',
      measures: 'Esta prueba mide cantidades pequeñas de albúmina, una proteína, en la orina.',
      why: 'Puede detectar daño temprano en los riñones, sobre todo en personas con diabetes o presión alta.',
    },
  },
  {
    loinc: ['14959-1', '9318-7'],
    en: {
      name: 'Urine albumin-to-creatinine ratio (UACR)',
      measures: 'This test compares the albumin in your urine to the creatinine in the same sample. This gives a reliable result from a single urine sample.',
      why: 'It is a key yearly test for people with diabetes. It finds early kidney damage, often before other tests change.',
      highLow: `A raised result is often repeated to confirm it. Exercise, fever or infection can raise it for a short time. ${ASK_EN}`,
    },
    es: {
      name: 'Relación albúmina/creatinina en la orina',
      measures: 'Esta prueba compara la albúmina de la orina con la creatinina de la misma muestra. Así se obtiene un resultado confiable con una sola muestra.',
      why: 'Es una prueba importante cada año para personas con diabetes. Detecta daño temprano en los riñones, muchas veces antes de que cambien otras pruebas.',
      highLow: `Si el resultado sale alto, casi siempre se repite para estar seguros. El ejercicio, la fiebre o una infección pueden subirlo por poco tiempo. ${ASK_ES}`,
    },
  },
  {
    loinc: ['2161-8'],
    en: {
      name: 'Creatinine (urine)',
      measures: 'This test measures creatinine, a waste product from your muscles, in your urine.',
      why: 'It is most often used to adjust other urine results for how strong or watery the sample is.',
    },
    es: {
      name: 'Creatinina en la orina',
      measures: 'Esta prueba mide la creatinina, un desecho de los músculos, en la orina.',
      why: 'Se usa sobre todo para ajustar otros resultados de orina según qué tan concentrada esté la muestra.',
    },
  },
  {
    loinc: ['57905-2', '29771-3', '2335-8'],
    en: {
      name: 'Stool test for hidden blood (FIT or FOBT)',
      measures: 'This test looks for tiny amounts of blood in a stool (poop) sample that you cannot see.',
      why: 'It is used to screen for colon cancer and polyps. It is often done at home every year.',
      highLow: `A positive result does not mean you have cancer. It usually means a colonoscopy is needed to find the cause. ${ASK_EN}`,
    },
    es: {
      name: 'Prueba de sangre oculta en heces (FIT o SOH)',
      measures: 'Esta prueba busca cantidades muy pequeñas de sangre que no se ven en una muestra de excremento.',
      why: 'Se usa para detectar a tiempo el cáncer de colon y los pólipos. Muchas veces se hace en casa una vez al año.',
      highLow: `Un resultado positivo no quiere decir que tenga cáncer. Por lo general indica que hace falta una colonoscopia para encontrar la causa. ${ASK_ES}`,
    },
  },
];
