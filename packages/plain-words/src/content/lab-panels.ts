/**
 * Short, familiar names of lab panels (groups of tests ordered together), in English and Spanish,
 * keyed by LOINC code. Single tests take their names from the explanations in lab-tests.ts.
 */
export const labPanelNames: Record<string, { en: string; es: string }> = {
  '58410-2': { en: 'Complete blood count (CBC)', es: 'Hemograma completo' },
  '24323-8': { en: 'Comprehensive metabolic panel (CMP)', es: 'Panel metabólico completo' },
  '51990-0': { en: 'Basic metabolic panel (BMP)', es: 'Panel metabólico básico' },
  '24331-1': { en: 'Cholesterol panel (lipid panel)', es: 'Panel de colesterol (lípidos)' },
  '57698-3': { en: 'Cholesterol panel (lipid panel)', es: 'Panel de colesterol (lípidos)' },
  '24362-6': { en: 'Kidney function panel', es: 'Panel de función de los riñones' },
  '50190-8': { en: 'Iron tests', es: 'Pruebas de hierro' },
  '24357-6': { en: 'Urine test (urinalysis)', es: 'Análisis de orina' },
  '78012-2': { en: 'Rapid strep test', es: 'Prueba rápida de estreptococo' },
};
