import react from "@vitejs/plugin-react";
import postcssPresetMantine from "postcss-preset-mantine";
import { defineConfig } from "vite";

/**
 * Staff app build. The server serves `dist/app` under `/app` with an SPA fallback, so the
 * bundle is built with base `/app/`. PostCSS is configured inline so the repo root needs no
 * extra config file.
 */
export default defineConfig({
  root: "app",
  base: "/app/",
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: "../dist/app",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // In development the API runs on its own port; the browser still sees one origin.
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
