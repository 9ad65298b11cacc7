// Prints the gzipped size of what a phone downloads before the first screen (the entry script,
// the chunks it preloads and the CSS named in index.html) and fails the build above the budget.
// Lighthouse needs a network; this is the offline stand-in for its "JavaScript size" audit.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

let js = 0;
let css = 0;
for (const file of initial) {
  const size = gz(file);
  if (file.endsWith('.js')) js += size;
  else css += size;
  console.log(`  initial  ${kb(size).padStart(9)} gz  ${file}`);
}
const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
const lazyTotal = lazy.reduce((sum, f) => sum + gz(`assets/${f}`), 0);
console.log(`Initial JS: ${kb(js)} gzipped (budget ${BUDGET_KB} KB); initial CSS: ${kb(css)} gzipped; ${lazy.length} lazy chunks, ${kb(lazyTotal)} gzipped in all`);
if (js > BUDGET_KB * 1024) {
  console.error(`The initial JavaScript is over the ${BUDGET_KB} KB budget: lazy-load more.`);
  process.exit(1);
}
