// The browser-safe entry of the SDK (`@chainproof/contracts/verify`): receipt parsing, hashing (also streamed),
// Merkle proofs, the registry reader, the verdict logic and anchoring a digest with a wallet (`EvidenceAnchorer`),
// exactly the code the CLI and the SDK use. Nothing here imports a `node:` module (test/portal/browser-entry.ts checks
// the import graph), so a browser page can verify and anchor.
import type { Provider } from "ethers";

import { InvalidInputError } from "./errors.js";
import { checkAlgorithm, createHasher, finishDigest, saltBytes, type DigestRule, type Salt } from "./hash.js";
import { EvidenceReader } from "./evidence/reader.js";
import type { EvidenceReceipt } from "./evidence/receipt-format.js";
import type { EvidenceVerification } from "./evidence/verdict.js";
import { judgeDigest } from "./evidence/verifier.js";
import type { HashAlgorithmName } from "./hash.js";

export * from "./errors.js";
export * from "./hash.js";
export { jsonRpcProvider, rememberDeploymentBlock } from "./logs.js";
export { blockTimes, chainTimeToDate, timeUnitOf } from "./time.js";
export * from "./evidence/receipt-format.js";
export { MerkleTree } from "./evidence/merkle.js";
export * from "./evidence/verdict.js";
export { judgeDigest, judgeReceipt, type ReceiptDigestOptions } from "./evidence/verifier.js";
export {
  EvidenceReader,
  toStatus,
  type EventLocation,
  type EvidenceEvent,
  type EvidenceEventName,
  type EvidenceTimelineEntry,
} from "./evidence/reader.js";
// The look-up pages' readers: a work and a bill package, read-only.
export * from "./copyright/reader.js";
export type { Author } from "./copyright/authors.js";
export type { Terms } from "./copyright/terms.js";
export * from "./bills/reader.js";
export { formatTokenYuan, formatYuan } from "./bills/amount.js";
export { describeBillEvent, type BillEvent, type PackageStatus, type PartState } from "./bills/history.js";
// The certificate's link helpers carry no QR or PDF code; certificate.ts loads those only when a certificate is made.
export * from "./evidence/certificate-link.js";
export * from "./evidence/certificate.js";
export {
  EvidenceAnchorer,
  buildReceipt,
  receiptJson,
  type AnchorOptions,
  type ReceiptFields,
} from "./evidence/anchor.js";

/** Progress of a streamed hash: bytes hashed so far. */
export type HashProgress = (hashedBytes: number) => void;

/**
 * The start shared by `hashStream` and `hashBlob`: the algorithm and salt checked before anything is read, a fresh
 * hasher, and for a format-1 salt the salt fed before the content.
 */
async function startDigest<H extends AsyncHasher>(
  algorithm: string,
  options: { salt?: Salt; rule?: DigestRule },
  makeHasher: (name: HashAlgorithmName) => Promise<H>,
): Promise<{ name: HashAlgorithmName; rule: DigestRule; hasher: H }> {
  const name = checkAlgorithm(algorithm);
  const rule = options.rule ?? 2;
  const salt = options.salt === undefined ? undefined : saltBytes(options.salt);
  const hasher = await makeHasher(name);
  if (salt !== undefined && rule === 1) await hasher.update(salt);
  return { name, rule, hasher };
}

/**
 * The digest of a stream (chunk by chunk, never whole in memory) under a receipt's rule: `H(content)`, or with a salt
 * `H(tag ‖ salt ‖ H(content))` (format 2) or `H(salt ‖ content)` (format 1). For a browser `File`, `hashBlob` is
 * faster.
 */
export async function hashStream(
  stream: ReadableStream<Uint8Array>,
  algorithm: string,
  options: { salt?: Salt; rule?: DigestRule; onProgress?: HashProgress } = {},
): Promise<string> {
  const { name, rule, hasher } = await startDigest(algorithm, options, createHasher);
  const reader = stream.getReader();
  let hashed = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hasher.update(value);
    hashed += value.byteLength;
    options.onProgress?.(hashed);
  }
  return finishDigest(hasher.digest(), name, options.salt, rule);
}

/** What `hashBlob` reads: a browser `File` or `Blob` (Node's `Blob` too), by slices. */
export interface BlobLike {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * An incremental hasher that may run elsewhere, e.g. in a Web Worker: `update` may return a promise that settles
 * once the chunk is hashed (it may take ownership of the chunk's buffer), and `digest` may too.
 */
export interface AsyncHasher {
  update(chunk: Uint8Array): void | Promise<void>;
  digest(): Uint8Array | Promise<Uint8Array>;
  /** Frees what the hasher holds (a worker is terminated); `hashBlob` calls it once done, also after an error. */
  close?(): void;
}

/** Makes a fresh `AsyncHasher` for an algorithm; `createHasher` (hash-wasm, in this thread) is the default. */
export type HasherFactory = (algorithm: HashAlgorithmName) => Promise<AsyncHasher>;

/**
 * The slice `hashBlob` reads at a time. Measured in Chromium 150 on a 200 MB file: reading alone ran at 157–188 MB/s
 * in 4 MiB slices and 240–296 MB/s in 16–32 MiB slices; 16 MiB keeps two slices in flight under 50 MB of memory.
 */
export const BLOB_SLICE_BYTES = 16 << 20;

/** Hashed slices waiting in a hasher at most (with one more being read): bounds memory, keeps the hasher busy. */
const SLICES_IN_FLIGHT = 2;

/**
 * The digest of a `Blob` or `File` under a receipt's rule (as `hashStream`), read in `BLOB_SLICE_BYTES` slices with
 * the next slice read while the last one is hashed. With `hasher` (a factory of hashers in a Web Worker, as the
 * portal passes) the page's thread only reads, which in Chromium was about 25% faster than hashing in the page
 * (188–207 against 145–169 MB/s for SHA-256 of a 200 MB file), because a slice's read completes on the page's thread.
 * `InvalidInputError` for an unknown algorithm or a bad salt (before anything is read), and if the file changes size
 * while it is read.
 */
export async function hashBlob(
  blob: BlobLike,
  algorithm: string,
  options: { salt?: Salt; rule?: DigestRule; onProgress?: HashProgress; hasher?: HasherFactory } = {},
): Promise<string> {
  const { name, rule, hasher } = await startDigest<AsyncHasher>(algorithm, options, options.hasher ?? createHasher);
  const size = blob.size;
  const read = (start: number) => {
    const end = Math.min(start + BLOB_SLICE_BYTES, size);
    return blob
      .slice(start, end)
      .arrayBuffer()
      .then((buffer) => {
        if (buffer.byteLength !== end - start)
          throw new InvalidInputError(
            `the file changed while it was read: bytes ${start}–${end} gave ${buffer.byteLength} bytes`,
          );
        return new Uint8Array(buffer);
      });
  };
  const inFlight: Promise<number>[] = [];
  let hashed = 0;
  const settleOldest = async () => {
    hashed += await inFlight.shift()!;
    options.onProgress?.(hashed);
  };
  // A read or an update may fail while another is awaited: the loop meets the failure when it awaits that promise.
  const later = <T>(promise: Promise<T>) => (promise.catch(() => undefined), promise);
  try {
    let next = size > 0 ? later(read(0)) : undefined;
    for (let start = 0; start < size; start += BLOB_SLICE_BYTES) {
      const chunk = await next!;
      next = start + BLOB_SLICE_BYTES < size ? later(read(start + BLOB_SLICE_BYTES)) : undefined;
      if (inFlight.length >= SLICES_IN_FLIGHT) await settleOldest();
      const length = chunk.byteLength; // taken before update, which may transfer the buffer away
      inFlight.push(later(Promise.resolve(hasher.update(chunk)).then(() => length)));
    }
    while (inFlight.length > 0) await settleOldest();
    return finishDigest(await hasher.digest(), name, options.salt, rule);
  } finally {
    hasher.close?.();
  }
}

/** What `verifyDocument` needs besides the provider: the registry the verifier trusts, never the receipt's. */
export interface DocumentCheck {
  /** The EvidenceRegistry the verifier trusts (pinned: a receipt naming another is refused). */
  registry: string;
  /** Whether `registry` is the package's known deployment on this chain (the caller knows its deployment list). */
  knownDeployment?: boolean;
  /** The document (a browser `File` or any `Blob`), hashed here under the receipt's rule by `hashBlob`. */
  document?: BlobLike;
  /** Where the document is hashed (e.g. a Web Worker); default: in this thread. */
  hasher?: HasherFactory;
  /** The receipt; without one, the document's plain digest must be anchored directly, unsalted. */
  receipt?: EvidenceReceipt;
  /** The algorithm for a document without a receipt (default sha256). */
  algorithm?: HashAlgorithmName;
  onProgress?: HashProgress;
}

/**
 * The SDK's verdict on a document (and its receipt) from a browser: hashes the document under the receipt's rule and
 * judges it against the trusted registry, as `EvidenceClient.verifyReceipt` does for a file. Throws
 * `WrongNetworkError` for a receipt of another chain and `UntrustedRegistryError` for one naming another registry.
 */
export async function verifyDocument(provider: Provider, check: DocumentCheck): Promise<EvidenceVerification> {
  const reader = new EvidenceReader(check.registry, provider);
  const { receipt } = check;
  if (receipt === undefined) {
    if (check.document === undefined)
      throw new InvalidInputError("nothing to verify: give a document, a receipt or both");
    const algorithm = check.algorithm ?? "sha256";
    const digest = await hashBlob(check.document, algorithm, { onProgress: check.onProgress, hasher: check.hasher });
    return judgeDigest(reader, digest, algorithm, check.knownDeployment ?? false);
  }
  const documentDigest =
    check.document === undefined
      ? undefined
      : await hashBlob(check.document, receipt.algorithm, {
          salt: receipt.salt,
          rule: receipt.version,
          onProgress: check.onProgress,
          hasher: check.hasher,
        });
  return reader.verifyReceipt(receipt, { documentDigest, knownDeployment: check.knownDeployment ?? false });
}
