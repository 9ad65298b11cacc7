// What the importer prints: a progress bar on a terminal (plain lines otherwise) and a summary table.
import type { ImportProgress, ImportRun } from './run-import.js';
import type { TypeCounts } from './types.js';

export function progressPrinter(out: NodeJS.WriteStream): (p: ImportProgress) => void {
  let lastLine = 0;
  return (p) => {
    const fraction = p.bytesTotal ? Math.min(1, p.bytesDone / p.bytesTotal) : 1;
    const rate = p.elapsedMs > 0 ? Math.round((p.resources / p.elapsedMs) * 1000) : 0;
    const text = `${p.filesDone}/${p.filesTotal} files  ${p.resources.toLocaleString('en-US')} resources  ${rate.toLocaleString('en-US')} resources/s`;
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(fraction * 100)}%  ${text}\u001b[K`);
    } else if (p.elapsedMs - lastLine > 2000 || p.filesDone === p.filesTotal) {
      lastLine = p.elapsedMs;
      out.write(`${Math.round(fraction * 100)}%  ${text}\n`);
    }
  };
}

const COLUMNS: (keyof TypeCounts)[] = ['created', 'updated', 'unchanged', 'skipped', 'failed'];

export function formatSummary(run: ImportRun, maxProblems = 50): string {
  const lines: string[] = [];
  const types = Object.keys(run.counts).sort();
  const totals: TypeCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  const rows = types.map((type) => {
    const c = run.counts[type];
    for (const k of COLUMNS) totals[k] += c[k];
    return [type, ...COLUMNS.map((k) => String(c[k]))];
  });
  rows.push(['Total', ...COLUMNS.map((k) => String(totals[k]))]);
  const header = ['Resource type', ...COLUMNS];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  lines.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(0, -1).map(fmt), widths.map((w) => '-'.repeat(w)).join('  '), fmt(rows[rows.length - 1]));
  const seconds = run.elapsedMs / 1000;
  const written = totals.created + totals.updated + totals.unchanged;
  lines.push('', `${written.toLocaleString('en-US')} resources in ${seconds.toFixed(1)} s: ${Math.round(written / Math.max(seconds, 0.001)).toLocaleString('en-US')} resources/s`);
  if (run.problems.length) {
    lines.push('', `Problems (${run.problems.length}):`);
    for (const p of run.problems.slice(0, maxProblems)) {
      lines.push(`  ${p.file} ${p.position}:`);
      for (const text of p.problems.slice(0, 10)) lines.push(`    - ${text}`);
    }
    if (run.problems.length > maxProblems) lines.push(`  … and ${run.problems.length - maxProblems} more`);
  }
  if (run.unresolved.length) {
    lines.push('', `References that resolve to nothing stored (${run.unresolved.length}; the resources holding them were stored):`);
    for (const u of run.unresolved.slice(0, maxProblems)) lines.push(`  ${u.file} ${u.position}: ${u.reference}`);
  }
  return lines.join('\n');
}

export function importFailed(run: ImportRun): boolean {
  return run.problems.length > 0 || run.unresolved.length > 0 || Object.values(run.counts).some((c) => c.failed > 0);
}
