// The browser's hashing of a dropped file (`hashBlob` from the SDK's browser entry), run in Node over Node's `Blob`:
// the same digest as the SDK's `hashFile` for every algorithm and salt rule, across slice boundaries; progress; a
// hasher from elsewhere (the portal's Web Worker) used and closed; bad input refused before anything is read.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { InvalidInputError } from "../../src/errors.js";
import { hashFile } from "../../src/hash-file.js";
import {
  BLOB_SLICE_BYTES,
  HASH_ALGORITHM_NAMES,
  createHasher,
  hashBlob,
  hashStream,
  randomSalt,
  type AsyncHasher,
  type BlobLike,
  type HashAlgorithmName,
} from "../../src/verify.js";

describe("evidence SDK: hashBlob (the portal's hashing of a file)", function () {
  this.timeout(300_000); // hashes about 34 MB four times; the assertions do not depend on speed
  // Two whole slices and a remainder, so that the pipeline's every branch (prefetch, in-flight limit, tail) runs.
  const content = randomBytes(2 * BLOB_SLICE_BYTES + 12_345);
  const blob = new Blob([content]);
  let dir: string;
  let file: string;

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "hash-blob-"));
    file = path.join(dir, "document.bin");
    await writeFile(file, content);
  });
  after(async function () {
    await rm(dir, { recursive: true, force: true });
  });

  for (const algorithm of HASH_ALGORITHM_NAMES) {
    it(`gives hashFile's ${algorithm} digest, unsalted and salted by rules 1 and 2`, async function () {
      const salt = randomSalt();
      expect(await hashBlob(blob, algorithm)).to.equal(await hashFile(file, algorithm));
      expect(await hashBlob(blob, algorithm, { salt, rule: 1 })).to.equal(await hashFile(file, algorithm, salt, 1));
      const salted = await hashBlob(blob, algorithm, { salt });
      expect(salted).to.equal(await hashFile(file, algorithm, salt, 2));
      expect(salted).to.not.equal(await hashBlob(blob, algorithm));
      // hashStream, which shares hashBlob's start (algorithm, salt, rule), agrees on the same bytes.
      expect(await hashStream(blob.stream(), algorithm, { salt, rule: 1 })).to.equal(
        await hashFile(file, algorithm, salt, 1),
      );
      expect(await hashStream(blob.stream(), algorithm, { salt })).to.equal(salted);
    });
  }

  it("hashes an empty file and one smaller than a slice", async function () {
    const empty = path.join(dir, "empty.bin");
    await writeFile(empty, new Uint8Array());
    expect(await hashBlob(new Blob([]), "sm3")).to.equal(await hashFile(empty, "sm3"));
    const small = path.join(dir, "small.bin");
    await writeFile(small, content.subarray(0, 1000));
    expect(await hashBlob(new Blob([content.subarray(0, 1000)]), "sha256")).to.equal(await hashFile(small, "sha256"));
  });

  it("reports progress slice by slice, rising to the file's size", async function () {
    const seen: number[] = [];
    await hashBlob(blob, "keccak256", { onProgress: (done) => seen.push(done) });
    expect(seen).to.deep.equal([BLOB_SLICE_BYTES, 2 * BLOB_SLICE_BYTES, content.length]);
  });

  it("hashes with the hasher it is given (asynchronous, taking the chunks' buffers) and closes it, also on failure", async function () {
    const log: string[] = [];
    // A stand-in for the portal's worker hasher: answers later, and detaches each chunk as a transfer would.
    const elsewhere = async (algorithm: HashAlgorithmName): Promise<AsyncHasher> => {
      const inner = await createHasher(algorithm);
      return {
        async update(chunk) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          inner.update(chunk.slice());
          structuredClone(chunk.buffer, { transfer: [chunk.buffer as ArrayBuffer] });
          log.push(`update ${algorithm}`);
        },
        async digest() {
          log.push("digest");
          return inner.digest();
        },
        close: () => log.push("close"),
      };
    };
    const salt = randomSalt();
    expect(await hashBlob(blob, "sha3-256", { salt, rule: 1, hasher: elsewhere })).to.equal(
      await hashFile(file, "sha3-256", salt, 1),
    );
    expect(log).to.deep.equal([...Array(4).fill("update sha3-256"), "digest", "close"]); // salt, then three slices

    log.length = 0;
    const failing: BlobLike = {
      size: blob.size,
      slice: (start, end) => ({
        arrayBuffer: () =>
          start === 0 ? blob.slice(start, end).arrayBuffer() : Promise.reject(new Error("the disk went away")),
      }),
    };
    await expectRejected(hashBlob(failing, "sha3-256", { hasher: elsewhere }), Error, "the disk went away");
    expect(log.at(-1)).to.equal("close");
    expect(log).to.not.include("digest");
  });

  it("refuses a file that changes size while it is read, with InvalidInputError", async function () {
    const shrinking: BlobLike = {
      size: blob.size,
      slice: (start, end) => ({
        arrayBuffer: () => blob.slice(start, Math.min(end, BLOB_SLICE_BYTES + 10)).arrayBuffer(),
      }),
    };
    await expectRejected(
      hashBlob(shrinking, "sha256"),
      InvalidInputError,
      `the file changed while it was read: bytes ${BLOB_SLICE_BYTES}–${2 * BLOB_SLICE_BYTES} gave 10 bytes`,
    );
  });

  it("refuses an unknown algorithm or a bad salt before reading anything", async function () {
    let reads = 0;
    const watched: BlobLike = {
      size: blob.size,
      slice: (start, end) => {
        reads++;
        return blob.slice(start, end);
      },
    };
    let made = 0;
    const counting = async (algorithm: HashAlgorithmName) => (made++, createHasher(algorithm));
    await expectRejected(hashBlob(watched, "md5", { hasher: counting }), InvalidInputError, "md5");
    await expectRejected(hashBlob(watched, "sm3", { salt: "0x1234", hasher: counting }), InvalidInputError, "0x1234");
    expect({ reads, made }).to.deep.equal({ reads: 0, made: 0 });
  });
});

async function expectRejected(promise: Promise<unknown>, type: new (...args: never[]) => Error, text: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(type);
  expect((error as Error).message).to.include(text);
}
