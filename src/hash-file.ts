// Node file hashing. A small file (up to `SMALL_FILE_LIMIT`) is read in one call into a buffer the caller may pool; a
// large one is read 1 MiB at a time into that one reused buffer and hashed as it comes. SHA-256,
// SHA3-256 and SM3 use Node's OpenSSL; keccak256 (which OpenSSL lacks) uses hash-wasm's WebAssembly keccak.
import { createHash } from "node:crypto";
import { close, closeSync, fstat, fstatSync, open, openSync, read, readSync, type Stats } from "node:fs";

import { InvalidInputError } from "./errors.js";
import {
  checkAlgorithm,
  createHasher,
  digestOf,
  finishDigest,
  saltBytes,
  type DigestRule,
  type HashAlgorithmName,
  type Hasher,
  type Salt,
} from "./hash.js";

export * from "./hash.js";

/** Longest synchronous stretch (reading and hashing chunks of a large file) between turns of the event loop. */
const YIELD_MS = 10;

/** Files up to this size are read in one call; larger ones in chunks of this size. */
export const SMALL_FILE_LIMIT = 1 << 20;

/** A buffer for `hashFile`'s `buffer` option (one per concurrent hash; reused from file to file). */
export function fileBuffer(): Buffer {
  return Buffer.allocUnsafe(SMALL_FILE_LIMIT);
}

/** A file hasher: Node's OpenSSL for sha256, sha3-256 and sm3; WebAssembly for keccak256. */
async function fileHasher(algorithm: HashAlgorithmName): Promise<Hasher> {
  if (algorithm === "keccak256") return createHasher(algorithm);
  const hash = createHash(algorithm);
  return { update: (chunk) => void hash.update(chunk), digest: () => new Uint8Array(hash.digest()) };
}

const call = <T>(run: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));

const openFile = (path: string) => call<number>((done) => open(path, "r", done));
const statFile = (fd: number) => call<Stats>((done) => fstat(fd, done));
const readAt = (fd: number, buffer: Buffer, length: number, position: number) =>
  call<number>((done) => read(fd, buffer, 0, length, position, done));
const closeFile = (fd: number) => call<void>((done) => close(fd, (error) => done(error, undefined)));

export interface HashFileOptions {
  /** A reused buffer of `SMALL_FILE_LIMIT` bytes (`fileBuffer()`), so hashing many files allocates nothing per file. */
  buffer?: Buffer;
}

/**
 * Digest of a file, optionally salted as in `hashBytes`. Never holds more than 1 MiB of it: a small file is read in one
 * call, a large one in 1 MiB chunks. `InvalidInputError` if the path is missing or not a file.
 */
export async function hashFile(
  path: string,
  algorithm: string = "sha256",
  salt?: Salt,
  rule: DigestRule = 2,
  options: HashFileOptions = {},
): Promise<string> {
  const name = checkAlgorithm(algorithm);
  const prefix = salt !== undefined && rule === 1 ? saltBytes(salt) : undefined;
  let fd: number;
  try {
    fd = await openFile(path);
  } catch {
    throw new InvalidInputError(`file not found: ${path}`);
  }
  try {
    const info = await statFile(fd);
    if (!info.isFile()) throw new InvalidInputError(`not a file: ${path}`);
    const buffer = options.buffer ?? Buffer.allocUnsafe(Math.min(info.size, SMALL_FILE_LIMIT));
    if (info.size <= buffer.length) {
      let length = 0;
      while (length < info.size) {
        const n = await readAt(fd, buffer.subarray(length), info.size - length, length);
        if (n === 0) break;
        length += n;
      }
      return finishDigest(contentDigest(name, prefix, buffer.subarray(0, length)), name, salt, rule);
    }
    const hash = await fileHasher(name);
    if (prefix !== undefined) hash.update(prefix);
    // Chunks read synchronously into the one buffer and hashed at once: on a busy machine a thread-pool round trip per
    // chunk costs more than the read of a cached MiB. The event loop gets a turn every YIELD_MS.
    let position = 0;
    let slice = Date.now();
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, position)) > 0; position += n) {
      hash.update(buffer.subarray(0, n));
      if (Date.now() - slice >= YIELD_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        slice = Date.now();
      }
    }
    return finishDigest(hash.digest(), name, salt, rule);
  } finally {
    await closeFile(fd);
  }
}

/**
 * Digest of a small file read synchronously in one call into `buffer`: one `open`, `fstat`, `read` and `close` of a
 * page-cached file cost a few microseconds each, less than a round trip through libuv's thread pool, so a folder of
 * many small files hashes at the disk cache's pace. Returns `undefined` (having read nothing) for a file larger than
 * `buffer`, which the caller hashes with `hashFile`. `InvalidInputError` if the path is missing or not a file.
 */
export function hashSmallFileSync(
  path: string,
  algorithm: string,
  buffer: Buffer,
  salt?: Salt,
  rule: DigestRule = 2,
): string | undefined {
  const name = checkAlgorithm(algorithm);
  const prefix = salt !== undefined && rule === 1 ? saltBytes(salt) : undefined;
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    throw new InvalidInputError(`file not found: ${path}`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InvalidInputError(`not a file: ${path}`);
    if (info.size > buffer.length) return undefined;
    let length = 0;
    while (length < info.size) {
      const n = readSync(fd, buffer, length, info.size - length, length);
      if (n === 0) break;
      length += n;
    }
    return finishDigest(contentDigest(name, prefix, buffer.subarray(0, length)), name, salt, rule);
  } finally {
    closeSync(fd);
  }
}

function contentDigest(name: HashAlgorithmName, prefix: Uint8Array | undefined, content: Uint8Array): Uint8Array {
  // A shared WebAssembly instance for keccak (synchronous, so never interleaved), OpenSSL otherwise.
  if (name === "keccak256") return prefix === undefined ? digestOf(name, content) : digestOf(name, prefix, content);
  return nodeDigest(name, prefix, content);
}

function nodeDigest(name: HashAlgorithmName, prefix: Uint8Array | undefined, content: Uint8Array): Uint8Array {
  const hash = createHash(name);
  if (prefix !== undefined) hash.update(prefix);
  hash.update(content);
  return new Uint8Array(hash.digest());
}
