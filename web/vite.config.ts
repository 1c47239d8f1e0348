import { defineConfig } from "vite";

// A static site: relative asset paths (any static host or IPFS), modern target (the SDK's hashing uses top-level await).
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0 },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
