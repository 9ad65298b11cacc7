// Writes the lab test names out of the explanations (lab-tests.ts) as a small module of their own,
// lab-test-names.ts. Home and Test results show only the names; the explanations are about 90 KB
// that only a result's detail needs, and a bundler cannot take one field out of a table. The
// explanations stay the one place names are written: `npm run gen:lab-test-names` rewrites the
// module and a test fails when it is out of date.
import type { LabTestExplanation } from './lab-tests.js';

export function renderLabTestNames(tests: readonly LabTestExplanation[]): string {
  const rows = tests.map((t) => `  { codes: ${JSON.stringify(t.loinc)}, en: ${JSON.stringify(t.en.name)}, es: ${JSON.stringify(t.es.name)} },`);
  return [
    '// Generated from lab-tests.ts by `npm run gen:lab-test-names` (render-lab-test-names.ts): do not edit.',
    '// The plain names of the lab tests explained there, for screens that show names only.',
    "import type { PlainName } from './plain-name.js';",
    '',
    'export const labTestNames: PlainName[] = [',
    ...rows,
    '];',
    '',
  ].join('\n');
}
