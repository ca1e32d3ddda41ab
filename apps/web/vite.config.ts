import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { serviceWorkerPlugin } from './serviceWorkerPlugin'

/** Where the Rapporteur server listens during development (`pnpm dev:server`). */
const serverTarget = 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [react(), serviceWorkerPlugin()],
  resolve: {
    // One copy of each shared CRDT/editor runtime, or `instanceof` checks break across copies.
    dedupe: [
      'yjs',
      'y-protocols',
      'y-websocket',
      'lib0',
      '@tiptap/core',
      '@tiptap/pm',
      '@tiptap/y-tiptap',
      'react',
      'react-dom',
    ],
  },
  server: {
    proxy: {
      '/api': serverTarget,
      '/healthz': serverTarget,
      '/collab': { target: serverTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The report page's lazy chunk holds the whole editor stack (Tiptap, ProseMirror, Yjs): ~530 kB.
    chunkSizeWarningLimit: 600,
  },
})
