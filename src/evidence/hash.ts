import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";

import { keccak_256 } from "@noble/hashes/sha3.js";
import { getBytes, hexlify, isHexString } from "ethers";

import { InvalidInputError } from "../errors.js";
import { checkBytes32 } from "../input.js";

/**
 * Hash algorithm ids as recorded on chain. The contract accepts any id from 1 to 127 (`MAX_ALGORITHM`); ids 1 to 63
 * name an algorithm, and the same id plus `SALTED_ALGORITHM_FLAG` (64) names a salted digest under that algorithm, so
 * that whether a record is salted is part of what is anchored. These are the algorithms the SDK computes.
 */
export const HashAlgorithm = {
  keccak256: 1,
  sha256: 2,
  "sha3-256": 3,
  sm3: 4,
} as const;

export type HashAlgorithmName = keyof typeof HashAlgorithm;

export const HASH_ALGORITHM_NAMES = Object.keys(HashAlgorithm) as HashAlgorithmName[];

/**
 * Set in an anchored algorithm id when the digest is salted (receipt format 2): `sha256` is 2, a salted SHA-256 digest
 * 66. A verifier compares it with the receipt, so a salted digest can never pass for an unsalted one or back.
 */
export const SALTED_ALGORITHM_FLAG = 0x40;

/** The on-chain id of an algorithm name (with the salted flag when `salted`); `InvalidInputError` for an unknown one. */
export function algorithmId(name: string, salted = false): number {
  const id = (HashAlgorithm as Record<string, number>)[name.toLowerCase()];
  if (id === undefined) {
    throw new InvalidInputError(`unknown hash algorithm "${name}" (known: ${HASH_ALGORITHM_NAMES.join(", ")})`);
  }
  return salted ? id | SALTED_ALGORITHM_FLAG : id;
}

/** Whether an on-chain algorithm id carries the salted flag. */
export function isSaltedAlgorithm(id: number | bigint): boolean {
  const n = Number(id);
  return n > SALTED_ALGORITHM_FLAG && n < 2 * SALTED_ALGORITHM_FLAG;
}

/** The name of an on-chain algorithm id without its salted flag, or `algorithm#<id>` for one the SDK does not compute. */
export function algorithmName(id: number | bigint): string {
  const base = isSaltedAlgorithm(id) ? Number(id) - SALTED_ALGORITHM_FLAG : Number(id);
  const entry = Object.entries(HashAlgorithm).find(([, value]) => value === base);
  return entry === undefined ? `algorithm#${base}` : entry[0];
}

interface IncrementalHash {
  update(chunk: Uint8Array): void;
  digest(): Uint8Array;
}

function incrementalHash(algorithm: HashAlgorithmName): IncrementalHash {
  if (algorithm === "keccak256") {
    const hash = keccak_256.create();
    return { update: (chunk) => void hash.update(chunk), digest: () => hash.digest() };
  }
  // Node's OpenSSL names: sha256, sha3-256, sm3.
  const hash = createHash(algorithm);
  return { update: (chunk) => void hash.update(chunk), digest: () => new Uint8Array(hash.digest()) };
}

function checkAlgorithm(algorithm: string): HashAlgorithmName {
  algorithmId(algorithm);
  return algorithm.toLowerCase() as HashAlgorithmName;
}

/** A salt is 32 bytes, hex-encoded. */
export type Salt = string;

/**
 * How a salted digest is computed, by receipt format. Format 2 (current): `H(tag ‖ salt ‖ H(content))` with
 * `SALTED_DIGEST_TAG`, anchored under the salted algorithm id. Format 1 (receipts written before it): `H(salt ‖
 * content)` under the plain id, which the chain cannot tell from an unsalted digest; verifiers still read it, saying so.
 */
export type DigestRule = 1 | 2;

/** The domain tag of a format-2 salted digest (ASCII, hashed before the salt). */
export const SALTED_DIGEST_TAG = "chainproof/evidence/salted-digest/v2";

/** A fresh random salt, for documents whose content could be guessed from their digest. */
export function randomSalt(): Salt {
  return hexlify(randomBytes(32));
}

function saltBytes(salt: Salt): Uint8Array {
  if (!isHexString(salt, 32))
    throw new InvalidInputError(`salt must be 32 bytes of hex (0x + 64 digits), got "${salt}"`);
  return getBytes(salt);
}

/**
 * The format-2 salted digest of a document from its plain digest `H(content)`: `H(tag ‖ salt ‖ H(content))`. Hashing
 * the content first lets a caller (a browser, a pipeline) stream the document once and derive both digests.
 */
export function saltedDigest(contentDigest: string, algorithm: string, salt: Salt): string {
  const hash = incrementalHash(checkAlgorithm(algorithm));
  hash.update(new TextEncoder().encode(SALTED_DIGEST_TAG));
  hash.update(saltBytes(salt));
  hash.update(getBytes(checkBytes32(contentDigest, "content digest")));
  return hexlify(hash.digest());
}

/**
 * Digest of in-memory bytes: `H(content)`, or with a salt the salted digest of `rule` (format 2 by default:
 * `H(tag ‖ salt ‖ H(content))`), so a low-entropy document (a short contract, an ID card) cannot be found by hashing
 * guesses; keep the salt with the document.
 */
export function hashBytes(
  content: Uint8Array | string,
  algorithm: string = "sha256",
  salt?: Salt,
  rule: DigestRule = 2,
): string {
  const name = checkAlgorithm(algorithm);
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const hash = incrementalHash(name);
  if (salt !== undefined && rule === 1) hash.update(saltBytes(salt));
  hash.update(bytes);
  const digest = hexlify(hash.digest());
  return salt !== undefined && rule === 2 ? saltedDigest(digest, name, salt) : digest;
}

/** Digest of a file, streamed in chunks (never read whole), optionally salted as in `hashBytes`. */
export async function hashFile(
  path: string,
  algorithm: string = "sha256",
  salt?: Salt,
  rule: DigestRule = 2,
): Promise<string> {
  const name = checkAlgorithm(algorithm);
  const hash = incrementalHash(name);
  const prefix = salt === undefined ? undefined : saltBytes(salt);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InvalidInputError(`file not found: ${path}`);
  }
  if (!info.isFile()) throw new InvalidInputError(`not a file: ${path}`);
  if (prefix !== undefined && rule === 1) hash.update(prefix);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const digest = hexlify(hash.digest());
  return salt !== undefined && rule === 2 ? saltedDigest(digest, name, salt) : digest;
}
