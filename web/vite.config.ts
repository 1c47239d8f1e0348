import { defineConfig, type Plugin } from "vite";

/**
 * The built site's Content-Security-Policy, as a meta tag (a static host or IPFS sets no headers of ours). Scripts,
 * workers and styles only from the site itself, WebAssembly for the hashing ('wasm-unsafe-eval', not 'unsafe-eval'),
 * no plugins, no <base>, no form posts; `connect-src *` because the RPC URL is the user's to choose (http or https).
 * So a receipt or a chain that smuggles markup into the page still cannot run script there. Only in the build: Vite's
 * dev server injects its styles inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src *",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const contentSecurityPolicy: Plugin = {
  name: "content-security-policy",
  apply: "build",
  transformIndexHtml: () => [
    {
      tag: "meta",
      attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
      injectTo: "head-prepend",
    },
  ],
};

// A static site: relative asset paths (any static host or IPFS), modern target (the SDK's hashing uses top-level await).
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [contentSecurityPolicy],
  // The certificate's PDF code (pdf-lib, fontkit: about 1.1 MB) is its own chunk, loaded only when a certificate is made.
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", assetsInlineLimit: 0, chunkSizeWarningLimit: 1024 },
  // The hashing worker (src/hash-worker.ts) imports the SDK's hashing, which uses top-level await: an ES module worker.
  worker: { format: "es" },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
