// Hashing a document in a Web Worker (web/src/hash-worker.ts) for the SDK's `hashBlob`: the page's thread reads the
// file's slices and transfers them; the worker hashes. In Chromium this was about 25% faster than hashing in the page,
// because a slice's read completes on the page's thread (see BLOB_SLICE_BYTES in src/verify.ts for the figures).
// Where a worker cannot start (a host or policy that forbids it) or does not answer its first message within
// WORKER_START_MS, the page hashes in its own thread instead: slower, never stuck.
import { createHasher, type AsyncHasher, type HashAlgorithmName, type HasherFactory } from "../../src/verify.js";
import type { HashWorkerReply, HashWorkerRequest } from "./hash-worker.js";

/**
 * How long a new worker may take to load the hashing and answer `init` before the page gives up on it. Loading takes
 * well under a second here; the limit is only there so that a worker that loads but never answers cannot hang the page.
 */
export const WORKER_START_MS = 10_000;

interface Pending {
  resolve(reply: HashWorkerReply): void;
  reject(error: Error): void;
}

/** A hasher in a fresh worker; rejects if the worker cannot start, cannot load its hasher or does not answer in time. */
async function startWorker(algorithm: HashAlgorithmName): Promise<AsyncHasher> {
  const worker = new Worker(new URL("./hash-worker.ts", import.meta.url), { type: "module" });
  // The worker answers each request in order, so replies settle the oldest pending request.
  const pending: Pending[] = [];
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const request of pending.splice(0)) request.reject(failure);
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<HashWorkerReply>) => {
    const reply = event.data;
    if (reply.type === "error") fail(new Error(`hash worker: ${reply.message}`));
    else pending.shift()?.resolve(reply);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(`hash worker: ${event.message || "could not start"}`));
  };
  const send = (request: HashWorkerRequest, transfer: Transferable[] = []) =>
    new Promise<HashWorkerReply>((resolve, reject) => {
      if (failure !== undefined) return reject(failure);
      pending.push({ resolve, reject });
      worker.postMessage(request, transfer);
    });

  const silent = setTimeout(
    () => fail(new Error(`hash worker: no answer to "init" within ${WORKER_START_MS / 1000} s`)),
    WORKER_START_MS,
  );
  try {
    await send({ type: "init", algorithm });
  } finally {
    clearTimeout(silent);
  }
  return {
    async update(chunk) {
      // A chunk that owns its whole buffer is transferred (hashBlob's slices do); a view into a larger one is copied.
      const owns = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
      await send({ type: "chunk", chunk }, owns ? [chunk.buffer as ArrayBuffer] : []);
    },
    async digest() {
      const reply = await send({ type: "digest" });
      if (reply.type !== "digest") throw new Error(`hash worker: expected the digest, got "${reply.type}"`);
      return reply.digest;
    },
    close: () => worker.terminate(),
  };
}

/** The portal's `HasherFactory`: a worker per document, or this thread's hasher where no worker can start. */
export const workerHasher: HasherFactory = async (algorithm) => {
  try {
    return await startWorker(algorithm);
  } catch {
    return createHasher(algorithm);
  }
};
