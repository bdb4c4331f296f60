import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The playground is served from 127.0.0.1: crypto.subtle exists only in secure contexts,
// and loopback counts as one.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
