import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The democratic services dashboard: built into dist/tab and served by the bot under /tab/ (src/http/tab.ts).
 *   npm run build:tab
 */
export default defineConfig({
  root: __dirname,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: path.resolve(__dirname, '..', '..', 'dist', 'tab'),
    emptyOutDir: true,
    // The bot's Content-Security-Policy allows scripts from its own origin only: no inline module preload polyfill.
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
});
