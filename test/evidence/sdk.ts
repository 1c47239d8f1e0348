import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import { ContractRevertError, InvalidInputError, UntrustedRegistryError, WrongNetworkError } from "../../src/errors.js";
import { EvidenceClient, verifyReceipt } from "../../src/evidence/client.js";
import { toBytes32 } from "../../src/input.js";
import { algorithmId, algorithmName, hashBytes, hashFile, randomSalt } from "../../src/hash-file.js";
import { EvidenceBatch, parseReceipt, readReceipt } from "../../src/evidence/receipt.js";

const { ethers, networkHelpers } = await network.create();

async function deployFixture() {
  const [submitter, relayer, other] = await ethers.getSigners();
  const registry = await ethers.deployContract("EvidenceRegistry");
  const address = await registry.getAddress();
  const client = new EvidenceClient(address, submitter);
  return { registry, address, client, submitter, relayer, other };
}

describe("evidence SDK", function () {
  let dir: string;

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "evidence-sdk-"));
  });

  describe("hashing", function () {
    // Published test vectors for "abc".
    const vectors: Record<string, string> = {
      sha256: "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "sha3-256": "0x3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
      sm3: "0x66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
      keccak256: "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
    };

    for (const [algorithm, expected] of Object.entries(vectors)) {
      it(`computes ${algorithm} of bytes and of a streamed file alike`, async function () {
        expect(hashBytes("abc", algorithm)).to.equal(expected);
        const file = path.join(dir, `abc-${algorithm}.txt`);
        await writeFile(file, "abc");
        expect(await hashFile(file, algorithm)).to.equal(expected);
      });
    }

    it("streams a file larger than one chunk to the same digest as hashing it whole", async function () {
      const content = new Uint8Array(1_000_000).map((_, i) => (i * 31) % 251);
      const file = path.join(dir, "large.bin");
      await writeFile(file, content);
      expect(await hashFile(file, "sm3")).to.equal(hashBytes(content, "sm3"));
      expect(hashBytes(content, "keccak256")).to.equal(ethers.keccak256(content));
    });

    it("salts as H(tag ‖ salt ‖ H(content)) in format 2, and as H(salt ‖ content) in format 1", async function () {
      const salt = randomSalt();
      const tag = ethers.toUtf8Bytes("chainproof/evidence/salted-digest/v2");
      expect(hashBytes("abc", "sha256", salt)).to.equal(
        ethers.sha256(ethers.concat([tag, salt, ethers.sha256(ethers.toUtf8Bytes("abc"))])),
      );
      expect(hashBytes("abc", "sha256", salt, 1)).to.equal(
        ethers.sha256(ethers.concat([salt, ethers.toUtf8Bytes("abc")])),
      );
      const file = path.join(dir, "salted.txt");
      await writeFile(file, "abc");
      expect(await hashFile(file, "sha256", salt)).to.equal(hashBytes("abc", "sha256", salt));
      expect(await hashFile(file, "sha256", salt, 1)).to.equal(hashBytes("abc", "sha256", salt, 1));
      expect(hashBytes("abc", "sha256", salt)).to.not.equal(hashBytes("abc", "sha256", randomSalt()));
    });

    it("rejects unknown algorithms, bad salts and missing files with clear errors", async function () {
      expect(() => hashBytes("abc", "md5")).to.throw(InvalidInputError, 'unknown hash algorithm "md5"');
      expect(() => hashBytes("abc", "sha256", "0x1234")).to.throw(InvalidInputError, "salt must be 32 bytes");
      await expect(hashFile(path.join(dir, "missing.txt"))).to.be.rejectedWith(InvalidInputError, "file not found");
      await expect(hashFile(dir)).to.be.rejectedWith(InvalidInputError, "not a file");
    });

    it("maps algorithm names and ids both ways", function () {
      expect(algorithmId("SM3")).to.equal(4);
      expect(algorithmName(2)).to.equal("sha256");
      expect(algorithmName(9)).to.equal("algorithm#9");
    });
  });

  describe("receipts", function () {
    it("rejects malformed receipts naming the field", function () {
      expect(() => parseReceipt("{")).to.throw(InvalidInputError, "not valid JSON");
      expect(() => parseReceipt({ version: 3 })).to.throw(InvalidInputError, '"version"');
      const good = {
        version: 1,
        digest: ethers.ZeroHash.replace(/0$/, "1"),
        algorithm: "sha256",
        chainId: "31337",
        contract: ethers.ZeroAddress,
        transaction: ethers.ZeroHash,
        blockNumber: 1,
      };
      expect(parseReceipt(JSON.stringify(good))).to.deep.equal(good);
      expect(() => parseReceipt({ ...good, algorithm: "md5" })).to.throw(InvalidInputError, '"algorithm"');
      expect(() => parseReceipt({ ...good, batch: { root: good.digest, proof: ["0x12"] } })).to.throw(
        InvalidInputError,
        '"batch.proof"',
      );
    });

    it("rejects empty batches and non-digests", function () {
      expect(() => new EvidenceBatch([])).to.throw(InvalidInputError, "at least one digest");
      expect(() => new EvidenceBatch(["0x12"])).to.throw(InvalidInputError, "not a 32-byte digest");
    });
  });

  describe("client", function () {
    it("anchors a file and verifies it from its receipt alone", async function () {
      const { client, address } = await networkHelpers.loadFixture(deployFixture);
      const file = path.join(dir, "deed.txt");
      await writeFile(file, "deed of sale");
      const { receipt } = await client.anchorFile(file, { algorithm: "sm3", salt: true });
      expect(receipt.salt).to.match(/^0x[0-9a-f]{64}$/);
      const result = await verifyReceipt(parseReceipt(JSON.stringify(receipt)), ethers.provider, {
        registry: address,
        file,
      });
      expect(result).to.include({ valid: true, exists: true, algorithmName: "sm3", batched: false });

      await writeFile(path.join(dir, "forged.txt"), "deed of gift");
      const forged = await verifyReceipt(receipt, ethers.provider, {
        registry: address,
        file: path.join(dir, "forged.txt"),
      });
      expect(forged.valid).to.equal(false);
      expect(forged.reason).to.contain("is not the receipt's");
    });

    it("anchors a folder as one batch whose every receipt verifies", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const folder = await mkdtemp(path.join(dir, "folder-"));
      for (let i = 0; i < 12; i++) await writeFile(path.join(folder, `doc-${i}.txt`), `document ${i}`);
      const progress: number[] = [];
      const result = await client.anchorFolder(folder, { salt: true, onProgress: (n) => progress.push(n) });
      expect(result.receipts).to.have.length(12);
      expect(progress.at(-1)).to.equal(12);
      for (const receipt of result.receipts) {
        const check = await client.verifyReceipt(receipt, path.join(folder, receipt.fileName!));
        expect(check).to.include({ valid: true, batched: true });
      }
      await expect(client.anchorFolder(path.join(dir, "nope"))).to.be.rejectedWith(
        InvalidInputError,
        "folder not found",
      );
    });

    it("turns reverts into typed errors carrying the custom error's arguments", async function () {
      const { client, submitter } = await networkHelpers.loadFixture(deployFixture);
      const digest = hashBytes("twice");
      const first = await client.anchor(digest, "sha256");
      const block = await ethers.provider.getBlock(first.blockNumber);
      const error = await client.anchor(digest, "sha256").catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ContractRevertError);
      const revert = error as ContractRevertError;
      expect(revert.errorName).to.equal("AlreadyAnchored");
      expect(revert.args).to.deep.equal({ id: digest, submitter: submitter.address, time: BigInt(block!.timestamp) });
      expect(revert.message).to.equal(
        `AlreadyAnchored(id=${digest}, submitter=${submitter.address}, time=${block!.timestamp})`,
      );
    });

    it("refuses a receipt from another chain or contract", async function () {
      const { client, registry } = await networkHelpers.loadFixture(deployFixture);
      const file = path.join(dir, "chain.txt");
      await writeFile(file, "chain check");
      const { receipt } = await client.anchorFile(file);
      await expect(client.verifyReceipt({ ...receipt, chainId: "1" })).to.be.rejectedWith(WrongNetworkError, "chain 1");
      const other = await ethers.deployContract("EvidenceRegistry");
      await expect(
        new EvidenceClient(await other.getAddress(), ethers.provider).verifyReceipt(receipt),
      ).to.be.rejectedWith(
        UntrustedRegistryError,
        `the receipt names registry ${await registry.getAddress()}, but the EvidenceRegistry trusted on chain 31337 is ` +
          `${await other.getAddress()}: refusing the receipt's contract`,
      );
    });

    it("validates ids and addresses before sending", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      await expect(client.revoke("0x1234")).to.be.rejectedWith(InvalidInputError, "evidence id must be 32 bytes");
      await expect(client.requireWitnesses(hashBytes("x"), ["nope"], 1)).to.be.rejectedWith(
        InvalidInputError,
        '"nope"',
      );
      expect(() => new EvidenceClient("0x12", ethers.provider)).to.throw(InvalidInputError, "not an address");
      expect(toBytes32("")).to.equal(ethers.ZeroHash);
      expect(toBytes32("reason")).to.equal(ethers.id("reason"));
    });

    it("reads receipts from disk with clear errors", async function () {
      await expect(readReceipt(path.join(dir, "none.json"))).to.be.rejectedWith(InvalidInputError, "receipt not found");
    });
  });
});
