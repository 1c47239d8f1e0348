import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { network } from "hardhat";

import { InvalidInputError } from "../../src/errors.js";
import { EvidenceClient, receiptFileName, type AnchorFolderProgress } from "../../src/evidence/client.js";
import { parseReceipt } from "../../src/evidence/receipt.js";
import { hashBytes, hashFile, SMALL_FILE_LIMIT } from "../../src/hash-file.js";

const { ethers, networkHelpers } = await network.create();

async function deployFixture() {
  const [submitter] = await ethers.getSigners();
  const registry = await ethers.deployContract("EvidenceRegistry");
  const client = new EvidenceClient(await registry.getAddress(), submitter);
  return { client };
}

describe("anchorFolder: bounded hashing, receipts streamed to disk, progress by phase", function () {
  let dir: string;
  let folder: string;
  const contents = new Map<string, Uint8Array>();

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "anchor-folder-"));
    folder = await mkdtemp(path.join(dir, "docs-"));
    // Small files read in one call, an empty one, and two larger than one buffer read in chunks.
    for (let i = 0; i < 20; i++) contents.set(`doc-${String(i).padStart(2, "0")}.txt`, Buffer.from(`document ${i}`));
    contents.set("empty.bin", new Uint8Array(0));
    contents.set(
      "large.bin",
      Uint8Array.from({ length: 2 * SMALL_FILE_LIMIT + 12345 }, (_, i) => (i * 31) & 0xff),
    );
    contents.set(
      "exact.bin",
      Uint8Array.from({ length: SMALL_FILE_LIMIT }, (_, i) => (i * 7) & 0xff),
    );
    for (const [name, bytes] of contents) await writeFile(path.join(folder, name), bytes);
  });

  it("hashes every file as hashBytes does, small or chunked, for every algorithm", async function () {
    for (const algorithm of ["sha256", "sha3-256", "sm3", "keccak256"]) {
      for (const [name, bytes] of contents) {
        expect(await hashFile(path.join(folder, name), algorithm), `${algorithm} of ${name}`).to.equal(
          hashBytes(bytes, algorithm),
        );
      }
    }
    await expect(hashFile(path.join(folder, "nope"))).to.be.rejectedWith(InvalidInputError, "file not found");
    await expect(hashFile(dir)).to.be.rejectedWith(InvalidInputError, "not a file");
  });

  it("writes each receipt to receiptsDir as it is made, returns none, and every one verifies", async function () {
    const { client } = await networkHelpers.loadFixture(deployFixture);
    const receiptsDir = path.join(dir, "receipts");
    const phases: AnchorFolderProgress[] = [];
    const hashed: number[] = [];
    const result = await client.anchorFolder(folder, {
      algorithm: "keccak256",
      concurrency: 3,
      receiptsDir,
      onPhase: (p) => phases.push(p),
      onProgress: (n) => hashed.push(n),
    });
    const names = [...contents.keys()].sort();
    expect(result.receipts).to.deep.equal([]);
    expect(result).to.include({ size: names.length, receiptsDir });
    expect(await readdir(receiptsDir)).to.have.members(names.map(receiptFileName));

    // The root is OZ's over the files' digests in name order.
    const digests = names.map((name) => hashBytes(contents.get(name)!, "keccak256"));
    const oz = StandardMerkleTree.of(
      digests.map((d) => [d]),
      ["bytes32"],
    );
    expect(result.root).to.equal(oz.root);
    for (const [i, name] of names.entries()) {
      const receipt = parseReceipt(await readFile(path.join(receiptsDir, receiptFileName(name)), "utf8"));
      expect(receipt).to.include({ digest: digests[i], algorithm: "keccak256", fileName: name });
      expect(receipt.batch).to.deep.equal({ root: oz.root, proof: oz.getProof(i) });
      const check = await client.verifyReceipt(receipt, path.join(folder, name));
      expect(check, name).to.include({ valid: true, batched: true });
    }

    // Phases in order, each ending complete; the hash phase counts every file, as onProgress does.
    const order = phases.map((p) => p.phase).filter((phase, i, all) => all[i - 1] !== phase);
    expect(order).to.deep.equal(["hash", "tree", "anchor", "receipts"]);
    for (const phase of order) {
      const last = phases.filter((p) => p.phase === phase).at(-1)!;
      expect(last.done, phase).to.equal(last.total);
    }
    expect(phases.filter((p) => p.phase === "receipts").at(-1)!.total).to.equal(names.length);
    expect(hashed).to.deep.equal(names.map((_, i) => i + 1));
  });

  it("gives the same root and receipts at any concurrency, salted ones each with their own salt", async function () {
    const { client } = await networkHelpers.loadFixture(deployFixture);
    const { client: another } = await deployFixture();
    const one = await client.anchorFolder(folder, { concurrency: 1 });
    const many = await another.anchorFolder(folder, { concurrency: 64 });
    expect(many.root).to.equal(one.root);
    expect(many.receipts.map((r) => r.batch)).to.deep.equal(one.receipts.map((r) => r.batch));

    const salted = await client.anchorFolder(folder, { salt: true, concurrency: 2 });
    expect(new Set(salted.receipts.map((r) => r.salt)).size).to.equal(contents.size);
    for (const receipt of salted.receipts) {
      expect(receipt.digest).to.equal(hashBytes(contents.get(receipt.fileName!)!, "sha256", receipt.salt));
    }
    const check = await client.verifyReceipt(salted.receipts[0], path.join(folder, salted.receipts[0].fileName!));
    expect(check).to.include({ valid: true, batched: true, salted: true });
  });

  it("streams receipts as JSON Lines to receiptsFile, one per document in name order, each verifying", async function () {
    const { client } = await networkHelpers.loadFixture(deployFixture);
    const receiptsFile = path.join(dir, "jsonl", "receipts.jsonl");
    const result = await client.anchorFolder(folder, { algorithm: "sm3", salt: true, receiptsFile });
    expect(result.receipts).to.deep.equal([]);
    expect(result.receiptsFile).to.equal(receiptsFile);
    const lines = (await readFile(receiptsFile, "utf8")).split("\n");
    expect(lines.pop()).to.equal("");
    const receipts = lines.map((line) => parseReceipt(line));
    expect(receipts.map((r) => r.fileName)).to.deep.equal([...contents.keys()].sort());
    for (const receipt of receipts) {
      expect(receipt.digest).to.equal(hashBytes(contents.get(receipt.fileName!)!, "sm3", receipt.salt));
      expect(receipt.batch!.root).to.equal(result.root);
    }
    const check = await client.verifyReceipt(receipts[5], path.join(folder, receipts[5].fileName!));
    expect(check).to.include({ valid: true, batched: true, salted: true });
    await expect(client.anchorFolder(folder, { receiptsFile, receiptsDir: path.join(dir, "both") })).to.be.rejectedWith(
      InvalidInputError,
      "give receiptsDir or receiptsFile, not both",
    );
  });

  it("refuses a concurrency that is not a positive integer, before reading anything", async function () {
    const { client } = await networkHelpers.loadFixture(deployFixture);
    for (const concurrency of [0, -1, 1.5]) {
      await expect(client.anchorFolder(folder, { concurrency })).to.be.rejectedWith(
        InvalidInputError,
        `concurrency must be a positive integer, got ${concurrency}`,
      );
    }
  });
});
