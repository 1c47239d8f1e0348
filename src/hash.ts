// Browser-safe hashing: algorithm names and ids, digests of bytes, salted digests and incremental hashers. No `node:`
// imports, so the browser verifier uses this very code; `hash-file.ts` adds the Node file hashing beside it.
import { createKeccak, createSHA256, createSHA3, createSM3, type IHasher } from "hash-wasm";
import { getBytes, hexlify, isHexString } from "ethers";

import { InvalidInputError } from "./errors.js";
import { checkBytes32 } from "./input.js";

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

/** The algorithm name for `algorithm` (any case); `InvalidInputError` for an unknown one. */
export function checkAlgorithm(algorithm: string): HashAlgorithmName {
  algorithmId(algorithm);
  return algorithm.toLowerCase() as HashAlgorithmName;
}

/** An incremental hash: feed chunks with `update`, then take the 32-byte `digest` once. */
export interface Hasher {
  update(chunk: Uint8Array): void;
  digest(): Uint8Array;
}

const WASM: Record<HashAlgorithmName, () => Promise<IHasher>> = {
  keccak256: () => createKeccak(256),
  sha256: () => createSHA256(),
  "sha3-256": () => createSHA3(256),
  sm3: () => createSM3(),
};

/**
 * A fresh incremental hasher (WebAssembly, from `hash-wasm`), for streaming a document of any size, e.g. a browser
 * `File` read slice by slice. Each call makes its own instance, so hashers never share state.
 */
export async function createHasher(algorithm: string): Promise<Hasher> {
  const hash = (await WASM[checkAlgorithm(algorithm)]()).init();
  return { update: (chunk) => void hash.update(chunk), digest: () => hash.digest("binary") };
}

// One instance per algorithm for whole-buffer digests, which run start to end without yielding, so never interleave.
const shared = Object.fromEntries(
  await Promise.all(HASH_ALGORITHM_NAMES.map(async (name) => [name, await WASM[name]()] as const)),
) as Record<HashAlgorithmName, IHasher>;

/** The digest of whole bytes (synchronous; `parts` are hashed one after the other, as if concatenated). */
export function digestOf(algorithm: string, ...parts: Uint8Array[]): Uint8Array {
  const hash = shared[checkAlgorithm(algorithm)].init();
  for (const part of parts) hash.update(part);
  return hash.digest("binary");
}

/** keccak256 of bytes, as bytes (WebAssembly; the Merkle tree's hash). */
export function keccak256Bytes(...parts: Uint8Array[]): Uint8Array {
  const hash = shared.keccak256.init();
  for (const part of parts) hash.update(part);
  return hash.digest("binary");
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
const TAG_BYTES = new TextEncoder().encode(SALTED_DIGEST_TAG);

/** A fresh random salt, for documents whose content could be guessed from their digest. */
export function randomSalt(): Salt {
  return hexlify(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** The bytes of a salt; `InvalidInputError` unless it is 32 bytes of hex. */
export function saltBytes(salt: Salt): Uint8Array {
  if (!isHexString(salt, 32))
    throw new InvalidInputError(`salt must be 32 bytes of hex (0x + 64 digits), got "${salt}"`);
  return getBytes(salt);
}

/**
 * The format-2 salted digest of a document from its plain digest `H(content)`: `H(tag ‖ salt ‖ H(content))`. Hashing
 * the content first lets a caller (a browser, a pipeline) stream the document once and derive both digests.
 */
export function saltedDigest(contentDigest: string, algorithm: string, salt: Salt): string {
  const digest = getBytes(checkBytes32(contentDigest, "content digest"));
  return hexlify(digestOf(algorithm, TAG_BYTES, saltBytes(salt), digest));
}

/**
 * The final digest from a content hash: plain `H(content)` without a salt, else the salted digest of `rule` (for
 * rule 1 the caller has already fed the salt before the content). Shared by `hashBytes` and the file hashers.
 */
export function finishDigest(
  content: Uint8Array,
  algorithm: HashAlgorithmName,
  salt?: Salt,
  rule: DigestRule = 2,
): string {
  const digest = hexlify(content);
  return salt !== undefined && rule === 2 ? saltedDigest(digest, algorithm, salt) : digest;
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
  const parts = salt !== undefined && rule === 1 ? [saltBytes(salt), bytes] : [bytes];
  return finishDigest(digestOf(name, ...parts), name, salt, rule);
}
