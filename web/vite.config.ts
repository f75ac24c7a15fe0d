// Vite build of the Parley web UI (web/ → web/dist), served by `parley serve` at /.
// The browser bundle imports the pure core (src/model, src/engine, src/analysis, src/report/charts)
// directly with its `.ts` specifiers; nothing under src/ that touches Node may be imported here.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // cross-origin isolated like `parley serve` (src/server/webUi.ts), so the what-if workers share
  // a SharedArrayBuffer counter in development too
  server: { fs: { allow: [repo] }, proxy: proxyApi(), headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // vega-embed is loaded lazily in its own chunk (about 1 MB); the app chunk stays small
    chunkSizeWarningLimit: 1400,
  },
});

/** `npm run dev:web` proxies the API to a running `parley serve` (PARLEY_API, default :7878). */
function proxyApi(): Record<string, string> {
  const target = process.env.PARLEY_API ?? 'http://127.0.0.1:7878';
  const paths = [
    '/scenarios',
    '/runs',
    '/schema',
    '/cases',
    '/analogues',
    '/insights',
    '/analyses',
    '/health',
  ];
  return Object.fromEntries(paths.map((p) => [p, target]));
}
