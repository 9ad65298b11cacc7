/**
 * Plain names of procedures, tests and operations, in English and Spanish, keyed by SNOMED CT
 * concept ids and CPT codes (five characters; SNOMED CT ids have six digits or more, so the two
 * never collide). A CPT long name ("Arthroplasty, knee, condyle and plateau; medial and lateral
 * compartments") is written for billing; these say what was done the way the patient would tell
 * a new doctor about it.
 */
import type { PlainName } from './plain-name.js';

export const procedureNames: PlainName[] = [
  // Tests and scans
  { codes: ['28520004', '36415'], en: 'Blood draw', es: 'Extracción de sangre' },
  { codes: ['29303009', '268400002', '93000'], en: 'Heart rhythm test (ECG)', es: 'Prueba del ritmo del corazón (electrocardiograma)' },
  { codes: ['40701008', '433236007', '93306'], en: 'Heart ultrasound (echocardiogram)', es: 'Ecografía del corazón (ecocardiograma)' },
  { codes: ['76746007', '93015'], en: 'Heart stress test', es: 'Prueba de esfuerzo del corazón' },
  { codes: ['33367005', '93458'], en: 'X-ray of the heart arteries (angiogram)', es: 'Radiografía de las arterias del corazón (angiografía)' },
  { codes: ['399208008', '71045', '71046'], en: 'Chest X-ray', es: 'Radiografía del pecho' },
  { codes: ['71651007', '24623002', '241055006', '77065', '77066', '77067'], en: 'Mammogram (breast X-ray)', es: 'Mamografía (radiografía de los senos)' },
  { codes: ['312681000', '77080'], en: 'Bone density scan', es: 'Prueba de densidad de los huesos' },
  { codes: ['303653007', '70450'], en: 'CT scan of the head', es: 'Tomografía de la cabeza' },
  { codes: ['76700'], en: 'Ultrasound of the belly', es: 'Ecografía del abdomen' },
  { codes: ['127783003', '94010'], en: 'Breathing test (spirometry)', es: 'Prueba de respiración (espirometría)' },
  { codes: ['54550000', '95816'], en: 'Brain wave test (EEG)', es: 'Prueba de las ondas del cerebro (EEG)' },
  { codes: ['398171003', '92551'], en: 'Hearing test', es: 'Prueba de audición' },
  { codes: ['16830007', '99173'], en: 'Vision test', es: 'Prueba de la vista' },
  { codes: ['722161008'], en: 'Eye exam for diabetes', es: 'Examen de los ojos por la diabetes' },
  { codes: ['104435004', '82270'], en: 'Stool test for hidden blood', es: 'Prueba de sangre oculta en las heces' },
  { codes: ['395142003', '95004'], en: 'Allergy skin test', es: 'Prueba de alergia en la piel' },
  { codes: ['90226004'], en: 'Pap test (cervical cancer screening)', es: 'Papanicolaou (prueba de cáncer de cuello uterino)' },
  { codes: ['171207006', '715252007'], en: 'Depression check', es: 'Evaluación de la depresión' },
  { codes: ['35025007'], en: 'Pelvic exam', es: 'Examen pélvico' },
  // Looking inside with a camera
  { codes: ['73761001', '45378', '45380', '45385'], en: 'Colonoscopy (a look inside the colon)', es: 'Colonoscopia (revisión del interior del colon)' },
  { codes: ['43235', '43239'], en: 'Upper endoscopy (a look inside the stomach)', es: 'Endoscopia alta (revisión del interior del estómago)' },
  { codes: ['85765000', '31622'], en: 'A look inside the airways (bronchoscopy)', es: 'Revisión del interior de las vías respiratorias (broncoscopia)' },
  // Operations
  { codes: ['609588000', '27447'], en: 'Knee replacement', es: 'Reemplazo de rodilla' },
  { codes: ['52734007', '27130'], en: 'Hip replacement', es: 'Reemplazo de cadera' },
  { codes: ['307280005', '33206', '33207', '33208'], en: 'Pacemaker put in', es: 'Colocación de un marcapasos' },
  { codes: ['415070008', '92928'], en: 'Opening a blocked heart artery (stent)', es: 'Apertura de una arteria del corazón tapada (stent)' },
  { codes: ['232717009', '418824004', '414088005', '33533'], en: 'Heart bypass surgery', es: 'Cirugía de bypass del corazón' },
  { codes: ['26212005', '773996000', '33361'], en: 'Heart valve replacement', es: 'Reemplazo de una válvula del corazón' },
  { codes: ['180325003', '92960'], en: 'Shock to reset the heartbeat (cardioversion)', es: 'Descarga para normalizar el latido (cardioversión)' },
  { codes: ['38102005', '45595009', '47562'], en: 'Gallbladder removal', es: 'Cirugía para quitar la vesícula' },
  { codes: ['80146002', '44950', '44970'], en: 'Appendix removal', es: 'Cirugía para quitar el apéndice' },
  { codes: ['49505'], en: 'Hernia repair in the groin', es: 'Reparación de una hernia en la ingle' },
  { codes: ['42826'], en: 'Tonsil removal', es: 'Cirugía para quitar las amígdalas' },
  { codes: ['66984'], en: 'Cataract surgery', es: 'Cirugía de cataratas' },
  { codes: ['64721'], en: 'Carpal tunnel surgery', es: 'Cirugía del túnel carpiano' },
  { codes: ['11466000', '59510'], en: 'C-section', es: 'Cesárea' },
  { codes: ['22523008', '55250'], en: 'Vasectomy', es: 'Vasectomía' },
  { codes: ['287664005'], en: 'Tubes tied (tubal ligation)', es: 'Ligadura de trompas' },
  { codes: ['392021009', '19301'], en: 'Removal of a breast lump (lumpectomy)', es: 'Cirugía para quitar un bulto del seno' },
  { codes: ['70536003', '50360'], en: 'Kidney transplant', es: 'Trasplante de riñón' },
  { codes: ['173291009'], en: 'Tooth pulled', es: 'Extracción de un diente' },
  { codes: ['65546002'], en: 'Wisdom tooth removed', es: 'Extracción de una muela del juicio' },
  // Small procedures and treatments
  { codes: ['122548005'], en: 'Breast biopsy (a small tissue sample)', es: 'Biopsia de seno (muestra pequeña de tejido)' },
  { codes: ['65575008', '55700'], en: 'Prostate biopsy (a small tissue sample)', es: 'Biopsia de próstata (muestra pequeña de tejido)' },
  { codes: ['11102'], en: 'Skin biopsy (a small skin sample)', es: 'Biopsia de piel (muestra pequeña de piel)' },
  { codes: ['288086009', '12001', '12002'], en: 'Stitches for a cut', es: 'Puntos para cerrar una herida' },
  { codes: ['17110'], en: 'Wart removal', es: 'Eliminación de verrugas' },
  { codes: ['69210'], en: 'Ear wax removal', es: 'Limpieza de cera del oído' },
  { codes: ['20610'], en: 'Shot or fluid drawn from a large joint', es: 'Inyección o extracción de líquido de una articulación grande' },
  { codes: ['76601001', '96372'], en: 'Shot (injection)', es: 'Inyección' },
  { codes: ['65200003', '58300'], en: 'IUD put in (birth control)', es: 'Colocación de un DIU (anticonceptivo)' },
  { codes: ['1263416007', '58301'], en: 'IUD taken out', es: 'Retiro de un DIU' },
  { codes: ['169553002', '11981'], en: 'Birth control implant put in', es: 'Colocación de un implante anticonceptivo' },
  { codes: ['180256009'], en: 'Allergy shots', es: 'Vacunas para la alergia (inmunoterapia)' },
  { codes: ['91251008', '97110'], en: 'Physical therapy', es: 'Fisioterapia' },
  { codes: ['265764009', '302497006', '90935'], en: 'Kidney dialysis', es: 'Diálisis' },
  { codes: ['71493000', '116863004', '36430'], en: 'Blood transfusion', es: 'Transfusión de sangre' },
];
