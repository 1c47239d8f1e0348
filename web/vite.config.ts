import { defineConfig } from "vite";

// A static site: relative asset paths (any static host or IPFS), modern target (the SDK's hashing uses top-level await).
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  // The certificate's PDF code (pdf-lib, fontkit: about 1.1 MB) is its own chunk, loaded only when a certificate is made.
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0, chunkSizeWarningLimit: 1024 },
  // The hashing worker (src/hash-worker.ts) imports the SDK's hashing, which uses top-level await: an ES module worker.
  worker: { format: "es" },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
