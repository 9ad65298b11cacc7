// Words for the printable summary (English and Spanish, plain language like the web app).
export type SummaryLocale = 'en' | 'es';

const en = {
  title: 'My health record',
  subtitle: 'A summary of your health record in Portico',
  born: 'Date of birth',
  printed: 'Made on',
  privacy: 'This document has private health information. Keep it somewhere safe.',
  problems: 'Health problems',
  pastProblems: 'Past health problems',
  allergies: 'Allergies',
  medicines: 'Medicines you take now',
  pastMedicines: 'Past medicines',
  vaccines: 'Vaccines',
  vitals: 'Vital signs (latest)',
  results: 'Test results',
  resultsIntro: 'Newest first. "High" or "Low" means outside the normal range.',
  procedures: 'Procedures',
  visits: 'Visits',
  goals: 'Goals',
  carePlans: 'Care plans',
  none: 'Nothing on file.',
  since: 'since',
  reaction: 'reaction',
  range: 'normal range',
  high: 'High',
  low: 'Low',
  abnormal: 'Outside the normal range',
  with: 'with',
  page: (n: number, of: number) => `Page ${n} of ${of}`,
  more: (n: number) => `…and ${n} more`,
};
export type SummaryWords = typeof en;

const es: SummaryWords = {
  title: 'Mi expediente de salud',
  subtitle: 'Un resumen de su expediente de salud en Portico',
  born: 'Fecha de nacimiento',
  printed: 'Hecho el',
  privacy: 'Este documento tiene información de salud privada. Guárdelo en un lugar seguro.',
  problems: 'Problemas de salud',
  pastProblems: 'Problemas de salud pasados',
  allergies: 'Alergias',
  medicines: 'Medicinas que toma ahora',
  pastMedicines: 'Medicinas pasadas',
  vaccines: 'Vacunas',
  vitals: 'Signos vitales (los más recientes)',
  results: 'Resultados de pruebas',
  resultsIntro: 'Los más nuevos primero. "Alto" o "Bajo" quiere decir fuera del rango normal.',
  procedures: 'Procedimientos',
  visits: 'Visitas',
  goals: 'Metas',
  carePlans: 'Planes de cuidado',
  none: 'No hay nada registrado.',
  since: 'desde',
  reaction: 'reacción',
  range: 'rango normal',
  high: 'Alto',
  low: 'Bajo',
  abnormal: 'Fuera del rango normal',
  with: 'con',
  page: (n, of) => `Página ${n} de ${of}`,
  more: (n) => `…y ${n} más`,
};

export function summaryWords(locale: string | undefined): { locale: SummaryLocale; w: SummaryWords } {
  return locale?.toLowerCase().startsWith('es') ? { locale: 'es', w: es } : { locale: 'en', w: en };
}
