// Vite builds the browser SPA (index.html at the repo root → dist/web). The server serves dist/web with an SPA
// fallback for every non-/api path; in development the dev server proxies /api to the API on port 3000.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // The CSP allows no inline script and no data: fonts: keep every asset a file of its own.
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    // Pages are lazy chunks (src/web/router.tsx). Libraries go to a few long-lived chunks instead of many small shared
    // ones: React, what the shell needs at start, and what only the lazy pages use.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // the world map's boundary file and projection: only the map page loads them
            { name: "world-map", test: /[\\/]node_modules[\\/](world-atlas|topojson-client|d3-geo|d3-array)[\\/]/, priority: 4 },
            { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: "vendor", test: /[\\/]node_modules[\\/]/, tags: ["$initial"], priority: 2 },
            { name: "vendor-pages", test: /[\\/]node_modules[\\/]/, priority: 1 },
            { name: "shell", test: /[\\/]src[\\/]/, tags: ["$initial"], priority: 0 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
});
