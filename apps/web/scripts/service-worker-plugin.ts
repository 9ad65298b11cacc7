// Builds dist/sw.js from src/features/offline/service-worker.js with the list of files to save on
// install, taken from the bundle itself (its chunk graph), never from a hand-kept list: a new screen
// is precached the day it is added. Everything a patient can open is listed: the entry, every chunk
// it imports or loads lazily, their CSS, and the icons. Chunks reachable only through a staff screen
// are left out (a patient's phone never downloads them; routes/staff-screens.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, Rolldown } from 'vite';

const STAFF_SCREEN = /[\\/]routes[\\/]staff-[^\\/]*$/;

type Chunk = Pick<Rolldown.OutputChunk, 'type' | 'fileName' | 'isEntry' | 'imports' | 'dynamicImports' | 'facadeModuleId'> & { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } };
type Asset = Pick<Rolldown.OutputAsset, 'type' | 'fileName'>;

/** The files (as absolute paths) the service worker saves on install, sorted. */
export function precacheList(bundle: Record<string, Chunk | Asset>): string[] {
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return;
    if (!chunk.isEntry && chunk.facadeModuleId && STAFF_SCREEN.test(chunk.facadeModuleId)) return;
    files.add(fileName);
    for (const f of [...(chunk.viteMetadata?.importedCss ?? []), ...(chunk.viteMetadata?.importedAssets ?? [])]) files.add(f);
    for (const f of [...chunk.imports, ...chunk.dynamicImports]) visit(f);
  };
  for (const item of Object.values(bundle)) if (item.type === 'chunk' && item.isEntry) visit(item.fileName);
  // Images emitted beside the code (the manifest's PNG icons); CSS and pages come through the graph.
  for (const item of Object.values(bundle)) if (item.type === 'asset' && /\.(png|svg|webp|woff2?)$/.test(item.fileName)) files.add(item.fileName);
  return [...files].map((f) => `/${f}`).sort();
}

/** The service worker's text: the list and its version, then the hand-written worker. */
export function serviceWorkerSource(template: string, precache: string[]): string {
  const version = createHash('sha256').update(precache.join('\n')).update(template).digest('hex').slice(0, 12);
  return `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = '${version}';\n${template}`;
}

export function serviceWorkerPlugin(): Plugin {
  const templatePath = join(import.meta.dirname, '..', 'src', 'features', 'offline', 'service-worker.js');
  return {
    name: 'portico-service-worker',
    apply: 'build',
    generateBundle: {
      // After the other plugins have added their files (the icons, the CSS).
      order: 'post',
      handler(_options, bundle: Rolldown.OutputBundle) {
        const source = serviceWorkerSource(readFileSync(templatePath, 'utf8'), precacheList(bundle as Record<string, Chunk | Asset>));
        this.emitFile({ type: 'asset', fileName: 'sw.js', source });
      },
    },
  };
}
