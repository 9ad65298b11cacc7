// Brotli and gzip copies of the web app's hashed text assets, made once after `vite build`
// (`npm run build:web`), so the server sends a phone about a third of the bytes without spending
// CPU on every request (static.ts serves `x.js.br` / `x.js.gz` to clients that accept them).
// Only assets/ is compressed: its names carry a content hash, so a copy can never be stale. The
// other files (index.html, sw.js, manifest) are each a few KB and must be revalidated.
// Usage: `tsx apps/server/src/web/precompress.ts [distDir]`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(?:js|mjs|css|svg|json|txt|html|webmanifest|map)$/;
/** Below this, the headers cost more than the saving. */
const MIN_BYTES = 1024;

export const defaultDistDir = () => resolve(import.meta.dirname, '../../../web/dist');

export function precompressAssets(distDir: string): { files: number; bytes: number; brotliBytes: number } {
  const assets = join(distDir, 'assets');
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  for (const name of readdirSync(assets)) {
    if (!TEXT.test(name)) continue;
    const source = readFileSync(join(assets, name));
    if (source.length < MIN_BYTES) continue;
    const br = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } });
    const gz = gzipSync(source, { level: 9 });
    // A copy that is not smaller is not written: the server then falls back to the original.
    if (br.length < source.length) writeFileSync(join(assets, `${name}.br`), br);
    if (gz.length < source.length) writeFileSync(join(assets, `${name}.gz`), gz);
    files++;
    bytes += source.length;
    brotliBytes += Math.min(br.length, source.length);
  }
  return { files, bytes, brotliBytes };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dist = resolve(process.argv[2] ?? defaultDistDir());
  const { files, bytes, brotliBytes } = precompressAssets(dist);
  console.log(`Precompressed ${files} assets: ${(bytes / 1024).toFixed(0)} KB -> ${(brotliBytes / 1024).toFixed(0)} KB brotli`);
}
