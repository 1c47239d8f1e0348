// Hashing a document in a Web Worker (web/src/hash-worker.ts) for the SDK's `hashBlob`: the page's thread reads the
// file's slices and transfers them; the worker hashes. In Chromium this was about 25% faster than hashing in the page,
// because a slice's read completes on the page's thread (see BLOB_SLICE_BYTES in src/verify.ts for the figures).
// Where a worker cannot start (a host or policy that forbids it) or does not answer its first message within
// WORKER_START_MS, the page hashes in its own thread instead, and keeps doing so for the rest of its life. A worker that
// stops answering later (WORKER_REPLY_MS) fails that document's hashing with a clear error rather than leaving it
// waiting.
import { createHasher, type AsyncHasher, type HashAlgorithmName, type HasherFactory } from "../../src/verify.js";
import type { HashWorkerReply, HashWorkerRequest } from "./hash-worker.js";

/**
 * How long a new worker may take to load the hashing and answer `init` before the page gives up on it. Loading takes
 * well under a second here; the limit is only there so that a worker that loads but never answers cannot hang the page.
 */
export const WORKER_START_MS = 10_000;

/** How long a started worker may take to answer a request (a 16 MiB slice hashes in well under a second). */
export const WORKER_REPLY_MS = 60_000;

interface Pending {
  resolve(reply: HashWorkerReply): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** A hasher in a fresh worker; rejects if the worker cannot start, cannot load its hasher or does not answer in time. */
async function startWorker(algorithm: HashAlgorithmName): Promise<AsyncHasher> {
  const worker = new Worker(new URL("./hash-worker.ts", import.meta.url), { type: "module" });
  // The worker answers each request in order, so replies settle the oldest pending request.
  const pending: Pending[] = [];
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const request of pending.splice(0)) {
      clearTimeout(request.timer);
      request.reject(failure);
    }
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<HashWorkerReply>) => {
    const reply = event.data;
    if (reply.type === "error") return fail(new Error(`hash worker: ${reply.message}`));
    const request = pending.shift();
    if (request === undefined) return;
    clearTimeout(request.timer);
    request.resolve(reply);
  };
  worker.onmessageerror = () => fail(new Error("hash worker: a reply could not be read"));
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error(`hash worker: ${event.message || "could not start"}`));
  };
  const send = (request: HashWorkerRequest, transfer: Transferable[] = []) =>
    new Promise<HashWorkerReply>((resolve, reject) => {
      if (failure !== undefined) return reject(failure);
      const limit = request.type === "init" ? WORKER_START_MS : WORKER_REPLY_MS;
      const timer = setTimeout(
        () => fail(new Error(`hash worker: no answer to "${request.type}" within ${limit / 1000} s`)),
        limit,
      );
      pending.push({ resolve, reject, timer });
      worker.postMessage(request, transfer);
    });

  await send({ type: "init", algorithm });
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
    close: () => fail(new Error("hash worker: closed")),
  };
}

/** Whether a worker has failed to start in this page: then every later document is hashed in the page's thread. */
let workersUnavailable = false;

/** The portal's `HasherFactory`: a worker per document, or this thread's hasher where no worker can start. */
export const workerHasher: HasherFactory = async (algorithm) => {
  if (!workersUnavailable) {
    try {
      return await startWorker(algorithm);
    } catch {
      workersUnavailable = true;
    }
  }
  return createHasher(algorithm);
};
