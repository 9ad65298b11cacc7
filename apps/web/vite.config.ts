// Vite builds the patient web app into apps/web/dist, which the Fastify server serves from the same
// origin (apps/server/src/web/static.ts). No inline scripts: the server's CSP is script-src 'self'.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { manifestIcons } from './scripts/icons.js';
import { serviceWorkerPlugin } from './scripts/service-worker-plugin.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.PORTICO_DEV_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    {
      // The manifest's PNG icons are drawn at build time from the same shapes as icon.svg.
      name: 'portico-png-icons',
      generateBundle() {
        for (const [fileName, source] of Object.entries(manifestIcons())) this.emitFile({ type: 'asset', fileName, source });
      },
    },
    // dist/sw.js, precaching every file a patient's screens need, listed from this bundle.
    serviceWorkerPlugin(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be bundled (not inlined), but every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // Small modules shared by several screens (formatting, plain names, the FHIR client,
              // cards) travel as one file instead of a dozen: each file is a request, and on a
              // phone over HTTP/1.1 (six connections) a dozen of them cost two round trips before
              // the first screen can ask for its data. Big content tables keep their own files.
              name: 'shared',
              // Only code the screens load lazily: the first download (the entry) stays as it is.
              // plain-words' plural.ts is left out: the message catalogues in the entry count with it.
              test: /[\\/](features[\\/](records|account)|fhir-client[\\/](fhir|batch)|ui[\\/](use-async|field|copy-value)|content|plain-words[\\/]src(?![\\/]plural\.))[\\/.]/,
              minShareCount: 2,
              maxModuleSize: 16 * 1024,
              // Their imports (React, i18n, the HTTP client) stay in the entry. These modules only
              // define tables and functions, so the order chunks run in cannot change what they do.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite apps/web` during development: API calls go to a running Portico server.
    proxy: { '/fhir': api, '/api': api, '/healthz': api },
  },
});
