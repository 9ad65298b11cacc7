/**
 * Blood count (CBC with differential), clotting tests, hemoglobin types,
 * blood type, sed rate and blood lead.
 */
import type { LabTestExplanation } from './lab-tests.js';

const ASK_EN = 'Ask your care team what your result means for you.';
const ASK_ES = 'Pregunte a su equipo de atención médica qué significa su resultado para usted.';

export const bloodCountTests: LabTestExplanation[] = [
  {
    loinc: ['6690-2', '26464-8', '804-5'],
    en: {
      name: 'White blood cell count (WBC)',
      measures: 'White blood cells are part of your immune system. They help your body fight germs. This test counts how many are in a sample of your blood.',
      why: 'It is part of a complete blood count (CBC). It can help check for infection, swelling in the body, or other health problems.',
      highLow: `A high count can happen with infection, stress, or some medicines. A low count can happen with some viruses or medicines. ${ASK_EN}`,
    },
    es: {
      name: 'Conteo de glóbulos blancos (leucocitos)',
      measures: 'Los glóbulos blancos forman parte de sus defensas. Ayudan a su cuerpo a combatir los microbios. Esta prueba cuenta cuántos hay en una muestra de su sangre.',
      why: 'Forma parte del hemograma completo. Ayuda a buscar infecciones, inflamación u otros problemas de salud.',
      highLow: `Un conteo alto puede verse con infecciones, estrés o ciertos medicamentos. Un conteo bajo puede verse con algunos virus o medicamentos. ${ASK_ES}`,
    },
  },
  {
    loinc: ['789-8', '26453-1', '790-6'],
    en: {
      name: 'Red blood cell count (RBC)',
      measures: 'Red blood cells carry oxygen from your lungs to the rest of your body. This test counts how many red blood cells you have.',
      why: 'It is part of a complete blood count. It helps check for anemia, which means having too few healthy red blood cells.',
      highLow: `A low count can be a sign of anemia or blood loss. A high count can happen with dehydration or some lung and heart conditions. ${ASK_EN}`,
    },
    es: {
      name: 'Conteo de glóbulos rojos (eritrocitos)',
      measures: 'Los glóbulos rojos llevan oxígeno de los pulmones a todo el cuerpo. Esta prueba cuenta cuántos glóbulos rojos tiene usted.',
      why: 'Forma parte del hemograma completo. Ayuda a detectar anemia, es decir, tener muy pocos glóbulos rojos sanos.',
      highLow: `Un conteo bajo puede indicar anemia o pérdida de sangre. Un conteo alto puede verse cuando falta agua en el cuerpo o con algunas enfermedades del pulmón o del corazón. ${ASK_ES}`,
    },
  },
  {
    loinc: ['718-7', '30313-1', '20509-6'],
    en: {
      name: 'Hemoglobin (Hgb)',
      measures: 'Hemoglobin is the protein inside red blood cells that carries oxygen. This test measures how much hemoglobin is in your blood.',
      why: 'It is one of the main ways to check for anemia. It is part of a complete blood count.',
      highLow: `Low hemoglobin can make you feel tired or short of breath. High hemoglobin can happen if you smoke, live high in the mountains, or do not drink enough water. ${ASK_EN}`,
    },
    es: {
      name: 'Hemoglobina',
      measures: 'La hemoglobina es la proteína de los glóbulos rojos que transporta el oxígeno. Esta prueba mide cuánta hemoglobina hay en su sangre.',
      why: 'Es una de las formas principales de detectar anemia. Forma parte del hemograma completo.',
      highLow: `La hemoglobina baja puede causar cansancio o falta de aire. La hemoglobina alta puede verse en personas que fuman, que viven en lugares altos o que están deshidratadas. ${ASK_ES}`,
    },
  },
  {
    loinc: ['4544-3', '20570-8', '31100-1'],
    en: {
      name: 'Hematocrit (Hct)',
      measures: 'Hematocrit is the share of your blood that is made up of red blood cells. It is given as a percent.',
      why: 'It is part of a complete blood count. With hemoglobin, it helps check for anemia or for too little water in the body.',
      highLow: `A low percent can be linked to anemia. A high percent can be linked to dehydration or making too many red cells. ${ASK_EN}`,
    },
    es: {
      name: 'Hematocrito',
      measures: 'El hematocrito indica qué parte de su sangre está formada por glóbulos rojos. Se da como porcentaje.',
      why: 'Forma parte del hemograma completo. Junto con la hemoglobina, ayuda a ver si hay anemia o si le falta agua al cuerpo.',
      highLow: `Un porcentaje bajo puede relacionarse con anemia. Un porcentaje alto puede verse si le falta agua al cuerpo o si produce demasiados glóbulos rojos. ${ASK_ES}`,
    },
  },
  {
    loinc: ['787-2', '30428-7'],
    en: {
      name: 'Mean corpuscular volume (MCV)',
      measures: 'MCV is the average size of your red blood cells.',
      why: 'If you have anemia, the size of your red cells helps your care team find the cause. For example, small cells can point to low iron. Large cells can point to low vitamin B12 or folate.',
      highLow: ASK_EN,
    },
    es: {
      name: 'Volumen corpuscular medio (VCM)',
      measures: 'El VCM es el tamaño promedio de sus glóbulos rojos.',
      why: 'Si usted tiene anemia, el tamaño de los glóbulos rojos ayuda a encontrar la causa. Por ejemplo, glóbulos pequeños pueden indicar falta de hierro. Glóbulos grandes pueden indicar falta de vitamina B12 o de folato.',
      highLow: ASK_ES,
    },
  },
  {
    loinc: ['785-6', '28539-5'],
    en: {
      name: 'Mean corpuscular hemoglobin (MCH)',
      measures: 'MCH is the average amount of hemoglobin inside each red blood cell.',
      why: 'It is part of a complete blood count. It helps your care team understand the type of anemia, if you have one.',
    },
    es: {
      name: 'Hemoglobina corpuscular media (HCM)',
      measures: 'La HCM es la cantidad promedio de hemoglobina dentro de cada glóbulo rojo.',
      why: 'Forma parte del hemograma completo. Si usted tiene anemia, ayuda a saber de qué tipo es.',
    },
  },
  {
    loinc: ['786-4', '28540-3'],
    en: {
      name: 'Mean corpuscular hemoglobin concentration (MCHC)',
      measures: 'MCHC shows how packed with hemoglobin your red blood cells are, on average.',
      why: 'It is part of a complete blood count. It adds detail when your care team looks for the cause of anemia.',
    },
    es: {
      name: 'Concentración de hemoglobina corpuscular media (CHCM)',
      measures: 'La CHCM muestra, en promedio, qué tan llenos de hemoglobina están sus glóbulos rojos.',
      why: 'Forma parte del hemograma completo. Da más detalles cuando se busca la causa de una anemia.',
    },
  },
  {
    loinc: ['21000-5', '30385-9', '788-0'],
    en: {
      name: 'Red cell distribution width (RDW)',
      measures: 'RDW shows how much your red blood cells vary in size. Healthy red cells tend to be about the same size.',
      why: 'It is part of a complete blood count. Along with MCV, it can help find the cause of anemia.',
      highLow: `A high RDW means your red cells come in a wider mix of sizes. This can happen with low iron, B12 or folate. ${ASK_EN}`,
    },
    es: {
      name: 'Amplitud de distribución eritrocitaria (ADE o RDW)',
      measures: 'El ADE muestra cuánto varía el tamaño de sus glóbulos rojos. Los glóbulos rojos sanos suelen tener un tamaño parecido.',
      why: 'Forma parte del hemograma completo. Junto con el VCM, puede ayudar a encontrar la causa de una anemia.',
      highLow: `Un ADE alto quiere decir que sus glóbulos rojos tienen tamaños más variados. Esto puede pasar cuando falta hierro, vitamina B12 o folato. ${ASK_ES}`,
    },
  },
  {
    loinc: ['777-3', '26515-7', '778-1'],
    en: {
      name: 'Platelet count',
      measures: 'Platelets are tiny cells that help your blood clot and stop bleeding. This test counts how many you have.',
      why: 'It is part of a complete blood count. It helps check for bleeding or clotting problems.',
      highLow: `A low count can lead to easy bruising or bleeding. A high count can happen with infection, swelling in the body, or low iron. ${ASK_EN}`,
    },
    es: {
      name: 'Conteo de plaquetas',
      measures: 'Las plaquetas son células muy pequeñas que ayudan a que la sangre coagule y se detenga un sangrado. Esta prueba cuenta cuántas tiene.',
      why: 'Forma parte del hemograma completo. Ayuda a revisar problemas de sangrado o de coagulación.',
      highLow: `Un conteo bajo puede causar moretones o sangrados con facilidad. Un conteo alto puede verse con infecciones, inflamación o falta de hierro. ${ASK_ES}`,
    },
  },
  {
    loinc: ['32623-1', '28542-9'],
    en: {
      name: 'Mean platelet volume (MPV)',
      measures: 'MPV is the average size of your platelets. Young platelets are often a bit larger.',
      why: 'It gives your care team more detail when they look at your platelet count.',
    },
    es: {
      name: 'Volumen plaquetario medio (VPM)',
      measures: 'El VPM es el tamaño promedio de sus plaquetas. Las plaquetas nuevas suelen ser un poco más grandes.',
      why: 'Le da a su equipo médico más detalles al revisar su conteo de plaquetas.',
    },
  },
  {
    loinc: ['32207-3'],
    en: {
      name: 'Platelet distribution width (PDW)',
      measures: 'PDW shows how much your platelets vary in size.',
      why: 'It is an extra detail in some blood counts. Your care team reads it together with your platelet count and MPV.',
    },
    es: {
      name: 'Amplitud de distribución plaquetaria (ADP o PDW)',
      measures: 'El ADP muestra cuánto varía el tamaño de sus plaquetas.',
      why: 'Es un dato adicional en algunos hemogramas. Su equipo médico lo revisa junto con el conteo de plaquetas y el VPM.',
    },
  },
  {
    loinc: ['751-8', '770-8', '26499-4'],
    en: {
      name: 'Neutrophils',
      measures: 'Neutrophils are the most common type of white blood cell. They are the first cells to fight germs, most of all bacteria. The result may be a count or a percent of all white cells.',
      why: 'It is part of a CBC with differential, which sorts your white blood cells by type.',
      highLow: `High levels are common with bacterial infections or stress. Low levels can raise the chance of infection. ${ASK_EN}`,
    },
    es: {
      name: 'Neutrófilos',
      measures: 'Los neutrófilos son el tipo de glóbulo blanco más común. Son los primeros en responder a las infecciones, sobre todo las causadas por bacterias. El resultado puede ser un conteo o un porcentaje del total de glóbulos blancos.',
      why: 'Forma parte del hemograma con diferencial, que separa sus glóbulos blancos por tipo.',
      highLow: `Los niveles altos son comunes con infecciones por bacterias o con estrés. Los niveles bajos pueden aumentar el riesgo de infecciones. ${ASK_ES}`,
    },
  },
  {
    loinc: ['731-0', '736-9', '26474-7', '26478-8'],
    en: {
      name: 'Lymphocytes',
      measures: 'Lymphocytes are white blood cells that help fight viruses and make antibodies. The result may be a count or a percent of all white cells.',
      why: 'It is part of a CBC with differential.',
      highLow: `Levels can go up with some viral infections. They can go down with stress, steroid medicines, or some illnesses. ${ASK_EN}`,
    },
    es: {
      name: 'Linfocitos',
      measures: 'Los linfocitos son glóbulos blancos que ayudan a combatir los virus y producen anticuerpos. El resultado puede ser un conteo o un porcentaje del total de glóbulos blancos.',
      why: 'Forma parte del hemograma con diferencial.',
      highLow: `Pueden subir con algunas infecciones por virus. Pueden bajar con el estrés, con algunas enfermedades o con medicinas como los corticoides. ${ASK_ES}`,
    },
  },
  {
    loinc: ['742-7', '5905-5', '26484-6', '26485-3'],
    en: {
      name: 'Monocytes',
      measures: 'Monocytes are white blood cells that clean up germs and damaged cells. The result may be a count or a percent of all white cells.',
      why: 'It is part of a CBC with differential.',
      highLow: `Levels can rise during or after an infection or with long-lasting swelling in the body. ${ASK_EN}`,
    },
    es: {
      name: 'Monocitos',
      measures: 'Los monocitos son glóbulos blancos que limpian microbios y células dañadas. El resultado puede ser un conteo o un porcentaje del total de glóbulos blancos.',
      why: 'Forma parte del hemograma con diferencial.',
      highLow: `Pueden subir durante o después de una infección, o con inflamación que dura mucho tiempo. ${ASK_ES}`,
    },
  },
  {
    loinc: ['711-2', '713-8', '26449-9', '26450-7'],
    en: {
      name: 'Eosinophils',
      measures: 'Eosinophils are white blood cells that react to allergies and some parasites. The result may be a count or a percent of all white cells.',
      why: 'It is part of a CBC with differential.',
      highLow: `Levels often go up with allergies, asthma or eczema. ${ASK_EN}`,
    },
    es: {
      name: 'Eosinófilos',
      measures: 'Los eosinófilos son glóbulos blancos que reaccionan ante las alergias y algunos parásitos. El resultado puede ser un conteo o un porcentaje del total de glóbulos blancos.',
      why: 'Forma parte del hemograma con diferencial.',
      highLow: `Suelen subir con alergias, asma o eccema. ${ASK_ES}`,
    },
  },
  {
    loinc: ['704-7', '706-2', '26444-0', '30180-4'],
    en: {
      name: 'Basophils',
      measures: 'Basophils are the least common white blood cells. They take part in allergic reactions. The result may be a count or a percent of all white cells.',
      why: 'It is part of a CBC with differential.',
    },
    es: {
      name: 'Basófilos',
      measures: 'Los basófilos son los glóbulos blancos menos comunes. Participan en las reacciones alérgicas. El resultado puede ser un conteo o un porcentaje del total de glóbulos blancos.',
      why: 'Forma parte del hemograma con diferencial.',
    },
  },
  {
    loinc: ['764-1', '26508-2'],
    en: {
      name: 'Band neutrophils (bands)',
      measures: 'Bands are young neutrophils, a type of white blood cell. The result is a percent of all white cells.',
      why: 'More bands can mean your body is making white cells quickly, often to fight an infection.',
    },
    es: {
      name: 'Neutrófilos en banda (cayados)',
      measures: 'Los cayados son neutrófilos jóvenes, un tipo de glóbulo blanco. El resultado es un porcentaje del total de glóbulos blancos.',
      why: 'Tener más cayados puede indicar que su cuerpo está produciendo glóbulos blancos rápidamente, muchas veces para combatir una infección.',
    },
  },
  {
    loinc: ['71695-1', '53115-2'],
    en: {
      name: 'Immature granulocytes (IG)',
      measures: 'Immature granulocytes are young white blood cells that are usually found in the bone marrow, not in the blood.',
      why: 'A small number can show up during infection, pregnancy or healing. Your care team reads it with the rest of your blood count.',
    },
    es: {
      name: 'Granulocitos inmaduros',
      measures: 'Los granulocitos inmaduros son glóbulos blancos jóvenes. Normalmente se encuentran en la médula ósea y no en la sangre.',
      why: 'Puede aparecer un número pequeño durante una infección, un embarazo o un proceso de curación. Su equipo médico lo revisa junto con el resto del hemograma.',
    },
  },
  {
    loinc: ['4679-7', '17849-1'],
    en: {
      name: 'Reticulocyte count',
      measures: 'Reticulocytes are new, young red blood cells. This test shows how fast your bone marrow is making red cells.',
      why: 'It helps your care team learn why someone has anemia. It can also show if treatment for anemia is working.',
    },
    es: {
      name: 'Conteo de reticulocitos',
      measures: 'Los reticulocitos son glóbulos rojos nuevos. Esta prueba muestra qué tan rápido su médula ósea está produciendo glóbulos rojos.',
      why: 'Ayuda a entender la causa de una anemia. También puede mostrar si el tratamiento para la anemia está funcionando.',
    },
  },
  {
    loinc: ['5902-2'],
    en: {
      name: 'Prothrombin time (PT)',
      measures: 'PT measures how many seconds it takes a sample of your blood to form a clot.',
      why: 'It checks how well your blood clots. It is often done before surgery, for liver problems, or for people who take the blood thinner warfarin.',
      highLow: `A longer time means your blood takes longer to clot. This is expected with some blood thinners. ${ASK_EN}`,
    },
    es: {
      name: 'Tiempo de protrombina (TP)',
      measures: 'El TP mide cuántos segundos tarda una muestra de su sangre en formar un coágulo.',
      why: 'Revisa qué tan bien coagula su sangre. Se pide antes de una cirugía, por problemas del hígado o en personas que toman el anticoagulante warfarina.',
      highLow: `Un tiempo más largo quiere decir que su sangre tarda más en coagular. Esto se espera con algunos anticoagulantes. ${ASK_ES}`,
    },
  },
  {
    loinc: ['6301-6', '34714-6', '46418-0'],
    en: {
      name: 'INR (International Normalized Ratio)',
      measures: 'INR is a standard way to report the prothrombin time (PT). It lets results from different labs be compared.',
      why: 'It is used most often to adjust the dose of warfarin, a blood thinner. Your care team will tell you your target range.',
      highLow: `An INR above your target can raise the chance of bleeding. Below your target can raise the chance of clots. ${ASK_EN}`,
    },
    es: {
      name: 'INR (índice internacional normalizado)',
      measures: 'El INR es una forma estándar de informar el tiempo de protrombina (TP). Permite comparar resultados de distintos laboratorios.',
      why: 'Se usa sobre todo para ajustar la dosis de warfarina, un anticoagulante. Su equipo médico le dirá cuál es su rango meta.',
      highLow: `Un INR por encima de su meta puede aumentar el riesgo de sangrado. Por debajo de su meta puede aumentar el riesgo de coágulos. ${ASK_ES}`,
    },
  },
  {
    loinc: ['3173-2', '14979-9'],
    en: {
      name: 'Partial thromboplastin time (PTT or aPTT)',
      measures: 'PTT measures how long your blood takes to clot. It looks at a different part of the clotting process than PT.',
      why: 'It can check for bleeding problems. It is also used to watch the blood thinner heparin.',
    },
    es: {
      name: 'Tiempo de tromboplastina parcial (TTP o TTPa)',
      measures: 'El TTP mide cuánto tarda su sangre en coagular. Revisa una parte del proceso de coagulación distinta a la del TP.',
      why: 'Puede detectar problemas de sangrado. También se usa para vigilar la heparina, una medicina que hace la sangre más líquida.',
    },
  },
  {
    loinc: ['3255-7'],
    en: {
      name: 'Fibrinogen',
      measures: 'Fibrinogen is a protein made by the liver. It helps form blood clots.',
      why: 'It can help look into bleeding or clotting problems.',
    },
    es: {
      name: 'Fibrinógeno',
      measures: 'El fibrinógeno es una proteína que produce el hígado. Ayuda a formar coágulos.',
      why: 'Ayuda a buscar la causa de problemas de sangrado o de coágulos.',
    },
  },
  {
    loinc: ['48065-7', '48066-5'],
    en: {
      name: 'D-dimer',
      measures: 'D-dimer is a small piece of protein that is left over when a blood clot breaks down.',
      why: 'It can help rule out a serious blood clot, such as in the leg or lung. A normal result makes a clot less likely.',
      highLow: `A high result does not prove there is a clot. It can also rise after surgery, during pregnancy, or with age. ${ASK_EN}`,
    },
    es: {
      name: 'Dímero D',
      measures: 'El dímero D es un pedacito de proteína que queda cuando un coágulo se deshace.',
      why: 'Puede ayudar a descartar un coágulo grave, por ejemplo en la pierna o el pulmón. Un resultado normal hace menos probable un coágulo.',
      highLow: `Un resultado alto no confirma que haya un coágulo. También puede subir después de una cirugía, en el embarazo o con la edad. ${ASK_ES}`,
    },
  },
  {
    loinc: ['4551-8', '4552-6', '4576-5', '4625-0'],
    en: {
      name: 'Hemoglobin electrophoresis (hemoglobin types)',
      measures: 'This test sorts the different types of hemoglobin in your blood, such as hemoglobin A, A2, F and S. Each result is a percent of your total hemoglobin.',
      why: 'It can find blood problems passed down in families. Some are sickle cell disease, sickle cell trait and thalassemia. It may be done before or during pregnancy, or to explain anemia.',
    },
    es: {
      name: 'Electroforesis de hemoglobina (tipos de hemoglobina)',
      measures: 'Esta prueba separa los distintos tipos de hemoglobina de su sangre, como la hemoglobina A, A2, F y S. Cada resultado es un porcentaje de su hemoglobina total.',
      why: 'Puede detectar problemas de la sangre que se heredan, como la anemia de células falciformes, el rasgo falciforme o la talasemia. Puede hacerse antes o durante el embarazo, o para explicar una anemia.',
    },
  },
  {
    loinc: ['882-1', '883-9', '10331-7'],
    en: {
      name: 'Blood type (ABO and Rh)',
      measures: 'This test finds your blood group (A, B, AB or O) and whether you are Rh positive or Rh negative.',
      why: 'It is needed before a blood transfusion or some surgeries. It is also checked during pregnancy.',
    },
    es: {
      name: 'Grupo sanguíneo (ABO y Rh)',
      measures: 'Esta prueba indica su grupo de sangre (A, B, AB u O) y si usted es Rh positivo o Rh negativo.',
      why: 'Se necesita antes de una transfusión de sangre o de algunas cirugías. También se revisa durante el embarazo.',
    },
  },
  {
    loinc: ['4537-7', '30341-2'],
    en: {
      name: 'Erythrocyte sedimentation rate (ESR or sed rate)',
      measures: 'This test measures how fast red blood cells settle to the bottom of a tube. They settle faster when there is swelling (inflammation) in the body.',
      why: 'It is a general sign of inflammation. It can help follow conditions such as some types of arthritis.',
      highLow: `A high rate does not point to one cause. It can also rise with age, pregnancy or anemia. ${ASK_EN}`,
    },
    es: {
      name: 'Velocidad de sedimentación globular (VSG o eritrosedimentación)',
      measures: 'Esta prueba mide qué tan rápido bajan los glóbulos rojos al fondo de un tubo. Bajan más rápido cuando hay inflamación en el cuerpo.',
      why: 'Es una señal general de inflamación. Puede ayudar a dar seguimiento a enfermedades como algunos tipos de artritis.',
      highLow: `Un valor alto no indica una sola causa. También puede subir con la edad, el embarazo o la anemia. ${ASK_ES}`,
    },
  },
  {
    loinc: ['5671-3', '10368-9', '77307-7'],
    en: {
      name: 'Blood lead level',
      measures: 'This test measures the amount of lead in the blood. Lead is a metal that can harm the brain and body, especially in young children.',
      why: 'Many children are checked at ages 1 and 2, or if they may have been around old paint, dust or soil with lead. There is no safe level of lead.',
      highLow: `If lead is found, your care team can help you find the source and lower exposure. ${ASK_EN}`,
    },
    es: {
      name: 'Nivel de plomo en la sangre',
      measures: 'Esta prueba mide la cantidad de plomo en la sangre. El plomo es un metal que puede dañar el cerebro y el cuerpo, sobre todo en niños pequeños.',
      why: 'A muchos niños se les hace al año y a los 2 años de edad, o si pudieron estar cerca de pintura vieja, polvo o tierra con plomo. No hay un nivel de plomo que sea seguro.',
      highLow: `Si se encuentra plomo, su equipo médico puede ayudarle a encontrar de dónde viene y a reducir el contacto. ${ASK_ES}`,
    },
  },
];
