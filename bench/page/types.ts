// What bench/page/main.ts (in Chromium) returns to bench/portal.ts (in Node).

/** One timed hash of the chosen file: its digest, the milliseconds it took and the bytes read. */
export interface PageHash {
  digest: string;
  ms: number;
  bytes: number;
}

/** Where the page's time goes, in milliseconds over the same file. */
export interface PageParts {
  /** `hashBlob` with the hasher in the page's own thread (no worker). */
  inThreadMs: number;
  /** hash-wasm alone over one reused 1 MiB buffer: the hasher's speed without any reading. */
  wasmMs: number;
  /** Reading the file in `hashBlob`'s slices, hashing nothing: the browser's ceiling for the page. */
  readMs: number;
  bytes: number;
}
