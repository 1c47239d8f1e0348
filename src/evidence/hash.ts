import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";

import { keccak_256 } from "@noble/hashes/sha3.js";
import { getBytes, hexlify, isHexString } from "ethers";

import { InvalidInputError } from "../errors.js";

/**
 * Hash algorithm ids as recorded on chain. The contract accepts any id from 1 to 127 (`MAX_ALGORITHM`), so more can
 * come; these are the ones the SDK computes.
 */
export const HashAlgorithm = {
  keccak256: 1,
  sha256: 2,
  "sha3-256": 3,
  sm3: 4,
} as const;

export type HashAlgorithmName = keyof typeof HashAlgorithm;

export const HASH_ALGORITHM_NAMES = Object.keys(HashAlgorithm) as HashAlgorithmName[];

/** The on-chain id of an algorithm name; throws `InvalidInputError` for an unknown one. */
export function algorithmId(name: string): number {
  const id = (HashAlgorithm as Record<string, number>)[name.toLowerCase()];
  if (id === undefined) {
    throw new InvalidInputError(`unknown hash algorithm "${name}" (known: ${HASH_ALGORITHM_NAMES.join(", ")})`);
  }
  return id;
}

/** The name of an on-chain algorithm id, or `algorithm#<id>` for one the SDK does not compute. */
export function algorithmName(id: number | bigint): string {
  const entry = Object.entries(HashAlgorithm).find(([, value]) => BigInt(value) === BigInt(id));
  return entry === undefined ? `algorithm#${id}` : entry[0];
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
 * Digest of in-memory bytes. With a salt the digest is H(salt ‖ content), so a low-entropy document (a short
 * contract, an ID card) cannot be found by hashing guesses; keep the salt with the document.
 */
export function hashBytes(content: Uint8Array | string, algorithm: string = "sha256", salt?: Salt): string {
  const hash = incrementalHash(checkAlgorithm(algorithm));
  if (salt !== undefined) hash.update(saltBytes(salt));
  hash.update(typeof content === "string" ? new TextEncoder().encode(content) : content);
  return hexlify(hash.digest());
}

/** Digest of a file, streamed in chunks (never read whole), optionally salted as in `hashBytes`. */
export async function hashFile(path: string, algorithm: string = "sha256", salt?: Salt): Promise<string> {
  const hash = incrementalHash(checkAlgorithm(algorithm));
  const prefix = salt === undefined ? undefined : saltBytes(salt);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InvalidInputError(`file not found: ${path}`);
  }
  if (!info.isFile()) throw new InvalidInputError(`not a file: ${path}`);
  if (prefix !== undefined) hash.update(prefix);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hexlify(hash.digest());
}
