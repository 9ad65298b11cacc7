// `npm run gen:lab-test-names`: rewrites content/lab-test-names.ts from the lab explanations.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { labTests } from '../src/content/lab-tests.js';
import { renderLabTestNames } from '../src/content/render-lab-test-names.js';

const target = fileURLToPath(new URL('../src/content/lab-test-names.ts', import.meta.url));
writeFileSync(target, renderLabTestNames(labTests));
console.log(`Wrote ${labTests.length} lab test names to ${target}`);
