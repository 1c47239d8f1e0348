// The page of bench/portal.ts: the portal's own hashing of a dropped file (`hashBlob` from the SDK's browser entry with
// the portal's Web Worker hasher, exactly as web/src/pages/verify.ts calls it through `verifyDocument`) over the file
// chosen in #file, timed in the page; and where the time goes. Type-checked with the portal (web/tsconfig.json).
import { BLOB_SLICE_BYTES, createHasher, hashBlob } from "../../src/verify.js";
import { workerHasher } from "../../web/src/worker-hasher.js";
import type { PageHash, PageParts } from "./types.js";

function chosenFile(): File {
  const file = document.querySelector<HTMLInputElement>("#file")?.files?.[0];
  if (file === undefined) throw new Error("no file chosen in #file");
  return file;
}

async function benchHash(algorithm: string): Promise<PageHash> {
  const file = chosenFile();
  const start = performance.now();
  const digest = await hashBlob(file, algorithm, { hasher: workerHasher });
  return { digest, ms: performance.now() - start, bytes: file.size };
}

async function benchParts(algorithm: string): Promise<PageParts> {
  const file = chosenFile();
  let start = performance.now();
  await hashBlob(file, algorithm);
  const inThreadMs = performance.now() - start;

  const buffer = new Uint8Array(1 << 20).fill(7);
  start = performance.now();
  const wasm = await createHasher(algorithm);
  for (let done = 0; done < file.size; done += buffer.length) wasm.update(buffer);
  wasm.digest();
  const wasmMs = performance.now() - start;

  start = performance.now();
  for (let offset = 0; offset < file.size; offset += BLOB_SLICE_BYTES) {
    await file.slice(offset, offset + BLOB_SLICE_BYTES).arrayBuffer();
  }
  return { inThreadMs, wasmMs, readMs: performance.now() - start, bytes: file.size };
}

Object.assign(globalThis, { benchHash, benchParts });
