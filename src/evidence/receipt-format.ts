// The receipt format and its parser: browser-safe (no `node:` imports); `receipt.ts` adds reading a receipt file.
import { isAddress, isHexString } from "ethers";

import { InvalidInputError } from "../errors.js";
import { HASH_ALGORITHM_NAMES, type DigestRule, type HashAlgorithmName } from "../hash.js";

/** The receipt format the SDK writes: 2, whose salted digests are domain-separated and flagged on chain. */
export const RECEIPT_VERSION = 2;

/**
 * Everything needed to prove, later and by anyone, that a document was anchored: with the receipt, the document, an
 * RPC URL and the registry one trusts (never the receipt's own word for it), `verifyReceipt` gives the verdict.
 */
export interface EvidenceReceipt {
  /**
   * The format, which says how a salted digest was computed (`DigestRule`): 2 (current) `H(tag ‖ salt ‖ H(content))`
   * anchored under the salted algorithm id; 1 (older receipts) `H(salt ‖ content)` under the plain id.
   */
  version: DigestRule;
  /** The document's digest (salted if `salt` is set). */
  digest: string;
  algorithm: HashAlgorithmName;
  /** The 32-byte salt the digest was computed with, if any. Keep it as private as the document. */
  salt?: string;
  /** For a batched document: the anchored Merkle root and the digest's proof under it. */
  batch?: { root: string; proof: string[] };
  chainId: string;
  /** The EvidenceRegistry address the receipt claims; a verifier checks it against the registry it trusts. */
  contract: string;
  /** The anchoring transaction. */
  transaction: string;
  blockNumber: number;
  /** The document's file name when it was anchored, for people; not part of the proof. */
  fileName?: string;
}

export { EvidenceBatch } from "./merkle.js";

/** Parses and checks a receipt; throws `InvalidInputError` naming the first bad field. */
export function parseReceipt(json: string | unknown): EvidenceReceipt {
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch {
      throw new InvalidInputError("receipt is not valid JSON");
    }
  }
  const r = value as Partial<EvidenceReceipt> | null;
  const fail = (field: string): never => {
    throw new InvalidInputError(`receipt field "${field}" is missing or malformed`);
  };
  if (r === null || typeof r !== "object") return fail("(root)");
  if (r.version !== 1 && r.version !== 2) fail("version");
  if (!isHexString(r.digest, 32)) fail("digest");
  if (!HASH_ALGORITHM_NAMES.includes(r.algorithm as HashAlgorithmName)) fail("algorithm");
  if (r.salt !== undefined && !isHexString(r.salt, 32)) fail("salt");
  if (r.batch !== undefined) {
    if (!isHexString(r.batch.root, 32)) fail("batch.root");
    if (!Array.isArray(r.batch.proof) || !r.batch.proof.every((p) => isHexString(p, 32))) fail("batch.proof");
  }
  if (typeof r.chainId !== "string" || !/^\d+$/.test(r.chainId)) fail("chainId");
  if (!isAddress(r.contract)) fail("contract");
  if (!isHexString(r.transaction, 32)) fail("transaction");
  if (!Number.isInteger(r.blockNumber)) fail("blockNumber");
  return r as EvidenceReceipt;
}
