// The page of bench/portal.ts: the portal's own streamed hashing (`hashStream` from the SDK's browser entry, as
// web/src/main.ts uses it through `verifyDocument`) over the file chosen in #file, timed in the page.
import { hashStream } from "../../src/verify.js";

/** What the page needs of the DOM (the repository's tsconfig has no DOM library; the bundle runs in Chromium). */
interface PageFile {
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
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

(globalThis as { benchHash?: typeof benchHash }).benchHash = benchHash;
