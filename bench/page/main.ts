// The page of bench/portal.ts: the portal's own streamed hashing (`hashStream` from the SDK's browser entry, as
// web/src/main.ts uses it through `verifyDocument`) over the file chosen in #file, timed in the page.
import { createHasher, hashStream } from "../../src/verify.js";

/** What the page needs of the DOM (the repository's tsconfig has no DOM library; the bundle runs in Chromium). */
interface PageFile {
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}
declare const document: { querySelector(selector: string): { files: ArrayLike<PageFile> | null } | null };

/** One timed hash of the chosen file: its digest, the milliseconds hashStream took and the bytes it read. */
export interface PageHash {
  digest: string;
  ms: number;
  bytes: number;
}

async function benchHash(algorithm: string): Promise<PageHash> {
  const file = document.querySelector("#file")?.files?.[0];
  if (file === undefined) throw new Error("no file chosen in #file");
  const start = performance.now();
  const digest = await hashStream(file.stream(), algorithm);
  return { digest, ms: performance.now() - start, bytes: file.size };
}

/** Where the page's time goes: the same hasher over the file read in 4 MiB slices, and over one reused 1 MiB buffer. */
async function benchParts(algorithm: string): Promise<{ slicedMs: number; wasmMs: number; bytes: number }> {
  const file = document.querySelector("#file")?.files?.[0];
  if (file === undefined) throw new Error("no file chosen in #file");
  const step = 4 << 20;
  let start = performance.now();
  const sliced = await createHasher(algorithm);
  for (let offset = 0; offset < file.size; offset += step) {
    sliced.update(new Uint8Array(await file.slice(offset, offset + step).arrayBuffer()));
  }
  sliced.digest();
  const slicedMs = performance.now() - start;
  const buffer = new Uint8Array(1 << 20).fill(7);
  start = performance.now();
  const wasm = await createHasher(algorithm);
  for (let done = 0; done < file.size; done += buffer.length) wasm.update(buffer);
  wasm.digest();
  return { slicedMs, wasmMs: performance.now() - start, bytes: file.size };
}

/** Reading the file through `file.stream()` alone, hashing nothing: the browser's share of the page's time. */
async function benchRead(): Promise<{ ms: number; bytes: number; chunks: number }> {
  const file = document.querySelector("#file")?.files?.[0];
  if (file === undefined) throw new Error("no file chosen in #file");
  const start = performance.now();
  const reader = file.stream().getReader();
  let bytes = 0;
  let chunks = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    bytes += r.value.byteLength;
    chunks++;
  }
  return { ms: performance.now() - start, bytes, chunks };
}

Object.assign(globalThis, { benchHash, benchParts, benchRead });
