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
 * The digest of a stream (a browser `File.stream()`, chunk by chunk, never whole in memory) under a receipt's rule:
 * `H(content)`, or with a salt `H(tag ‖ salt ‖ H(content))` (format 2) or `H(salt ‖ content)` (format 1).
 */
export async function hashStream(
  stream: ReadableStream<Uint8Array>,
  algorithm: string,
  options: { salt?: Salt; rule?: DigestRule; onProgress?: HashProgress } = {},
): Promise<string> {
  const name = checkAlgorithm(algorithm);
  const rule = options.rule ?? 2;
  const hasher = await createHasher(name);
  if (options.salt !== undefined && rule === 1) hasher.update(saltBytes(options.salt));
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

/** What `verifyDocument` needs besides the provider: the registry the verifier trusts, never the receipt's. */
export interface DocumentCheck {
  /** The EvidenceRegistry the verifier trusts (pinned: a receipt naming another is refused). */
  registry: string;
  /** Whether `registry` is the package's known deployment on this chain (the caller knows its deployment list). */
  knownDeployment?: boolean;
  /** The document as a stream (e.g. `file.stream()`), hashed here under the receipt's rule. */
  document?: () => ReadableStream<Uint8Array>;
  /** The receipt; without one, the document's plain digest must be anchored directly, unsalted. */
  receipt?: EvidenceReceipt;
  /** The algorithm for a document without a receipt (default sha256). */
  algorithm?: HashAlgorithmName;
  onProgress?: HashProgress;
}

/**
 * The SDK's verdict on a document (and its receipt) from a browser: hashes the stream under the receipt's rule and
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
    const digest = await hashStream(check.document(), algorithm, { onProgress: check.onProgress });
    return judgeDigest(reader, digest, algorithm, check.knownDeployment ?? false);
  }
  const documentDigest =
    check.document === undefined
      ? undefined
      : await hashStream(check.document(), receipt.algorithm, {
          salt: receipt.salt,
          rule: receipt.version,
          onProgress: check.onProgress,
        });
  return reader.verifyReceipt(receipt, { documentDigest, knownDeployment: check.knownDeployment ?? false });
}
