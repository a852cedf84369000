import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  // Tauri serves the files from disk: relative paths, no dev-server assumptions.
  base: './',
  clearScreen: false,
  build: { target: 'safari15', outDir: 'dist', emptyOutDir: true },
});
