// The portal's hashing thread: a document's slices arrive here (transferred, not copied) and are hashed with the SDK's
// own hasher (`createHasher`), so the page's thread only reads the file. One worker per document. Messages, in order:
// `init` (answered `ready`), `chunk` (answered `hashed` once hashed), `digest` (answered with the 32 bytes).
// The SDK's hashing is imported dynamically: it has top-level await, and a module worker whose evaluation is suspended
// on one drops the messages that arrive before its `onmessage` is set. So `onmessage` is set first, synchronously.
import type { Hasher } from "../../src/hash.js";

const hashing = import("../../src/hash.js");

export type HashWorkerRequest =
  { type: "init"; algorithm: string } | { type: "chunk"; chunk: Uint8Array } | { type: "digest" };

export type HashWorkerReply =
  { type: "ready" } | { type: "hashed" } | { type: "digest"; digest: Uint8Array } | { type: "error"; message: string };

/** The worker's global scope, as far as this file needs it (the portal's tsconfig has the DOM library, not WebWorker). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<HashWorkerRequest>) => void) | null;
  postMessage(message: HashWorkerReply, transfer?: Transferable[]): void;
};

let hasher: Hasher | undefined;
// Messages are handled one after another: `init` awaits the WebAssembly module, later messages wait for it.
let queue: Promise<void> = Promise.resolve();

async function handle(request: HashWorkerRequest): Promise<HashWorkerReply> {
  if (request.type === "init") {
    hasher = await (await hashing).createHasher(request.algorithm);
    return { type: "ready" };
  }
  if (hasher === undefined) throw new Error(`hash worker: "${request.type}" before "init"`);
  if (request.type === "chunk") {
    hasher.update(request.chunk);
    return { type: "hashed" };
  }
  return { type: "digest", digest: hasher.digest() };
}

scope.onmessage = (event) => {
  queue = queue.then(async () => {
    try {
      const reply = await handle(event.data);
      scope.postMessage(reply, reply.type === "digest" ? [reply.digest.buffer as ArrayBuffer] : []);
    } catch (error) {
      scope.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
    }
  });
};
