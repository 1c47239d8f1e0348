// The evidence verifier, attacked as a forger would with only a receipt file, a document and ordinary transactions
// (issue 14): every forgery is refused, or the verdict says exactly what is wrong.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import { DeploymentNotFoundError, UntrustedRegistryError } from "../../src/errors.js";
import { EvidenceClient, verifyReceipt } from "../../src/evidence/client.js";
import { hashBytes } from "../../src/hash.js";
import type { EvidenceReceipt } from "../../src/evidence/receipt.js";
import { describeVerdict, formatEvidenceTime, verdictJson } from "../../src/evidence/verdict.js";

const { ethers, networkHelpers } = await network.create();

async function deployFixture() {
  const [submitter, forger, witness1, witness2] = await ethers.getSigners();
  const registry = await ethers.deployContract("EvidenceRegistry");
  const address = await registry.getAddress();
  return {
    registry,
    address,
    client: new EvidenceClient(address, submitter),
    forgerClient: new EvidenceClient(address, forger),
    submitter,
    forger,
    witness1,
    witness2,
  };
}

describe("evidence verifier: forged receipts", function () {
  let dir: string;
  let counter = 0;

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "evidence-forgery-"));
  });

  async function document(content: string | Uint8Array): Promise<string> {
    const file = path.join(dir, `doc-${counter++}.bin`);
    await writeFile(file, content);
    return file;
  }

  describe("finding 1: a look-alike registry named by the receipt", function () {
    /** A receipt naming the forger's contract, with a real transaction that emitted a look-alike `Anchored`. */
    async function forgedReceipt(file: string) {
      const { address, forger } = await networkHelpers.loadFixture(deployFixture);
      const lookalike = await ethers.deployContract("LookalikeEvidenceRegistry", forger);
      const digest = hashBytes("a contract never signed");
      const invented = ethers.Wallet.createRandom().address;
      // The answer names the block of the look-alike anchor that follows it (one transaction per block here).
      await lookalike.setAnswer({
        exists: true,
        batched: false,
        algorithm: 2,
        submitter: invented,
        time: 1_556_668_800n, // 2019-05-01
        blockNumber: BigInt((await ethers.provider.getBlockNumber()) + 2),
        witnessThreshold: 2,
        witnessSignatures: 2,
        witnessed: true,
        revoked: false,
        revokedAt: 0n,
        supersededBy: ethers.ZeroHash,
      });
      const mined = (await (await lookalike.anchor(digest, 2, ethers.ZeroHash)).wait())!;
      await writeFile(file, "a contract never signed");
      const receipt: EvidenceReceipt = {
        version: 2,
        digest,
        algorithm: "sha256",
        chainId: (await ethers.provider.getNetwork()).chainId.toString(),
        contract: await lookalike.getAddress(),
        transaction: mined.hash,
        blockNumber: mined.blockNumber,
      };
      return { receipt, genuine: address, lookalike: await lookalike.getAddress() };
    }

    it("refuses a receipt naming another registry than the trusted one, with UntrustedRegistryError", async function () {
      const file = path.join(dir, "lookalike.txt");
      const { receipt, genuine, lookalike } = await forgedReceipt(file);
      await expect(verifyReceipt(receipt, ethers.provider, { registry: genuine, file })).to.be.rejectedWith(
        UntrustedRegistryError,
        `the receipt names registry ${lookalike}, but the EvidenceRegistry trusted on chain 31337 is ${genuine}: ` +
          "refusing the receipt's contract",
      );
      await expect(new EvidenceClient(genuine, ethers.provider).verifyReceipt(receipt, file)).to.be.rejectedWith(
        UntrustedRegistryError,
      );
    });

    it("never falls back to the receipt's contract when no registry is known for the chain", async function () {
      const file = path.join(dir, "lookalike-no-registry.txt");
      const { receipt } = await forgedReceipt(file);
      await expect(verifyReceipt(receipt, ethers.provider, { file })).to.be.rejectedWith(
        DeploymentNotFoundError,
        "no known EvidenceRegistry deployment on chain 31337: pass the registry you trust ({ registry }), not the " +
          "receipt's own contract",
      );
    });

    it("names the chain and the registry, and says NOT a known deployment, when the caller picks the registry", async function () {
      const file = path.join(dir, "lookalike-accepted.txt");
      const { receipt, lookalike } = await forgedReceipt(file);
      const verdict = await verifyReceipt(receipt, ethers.provider, { registry: lookalike, file });
      // The forger's contract answers anything, so its verdict reads well; the only defence is who picked the
      // registry, and the verdict says it is not the known deployment.
      expect(verdict).to.include({
        status: "verified",
        chainId: "31337",
        registry: lookalike,
        knownDeployment: false,
      });
      expect(verdict.summary).to.match(
        new RegExp(`, on chain 31337, registry ${lookalike} \\(NOT a known deployment\\)$`),
      );
      expect(describeVerdict(verdict)[1]).to.equal(
        `  network:     chain 31337, registry ${lookalike} (NOT a known deployment)`,
      );
      const known = await verifyReceipt(receipt, ethers.provider, { registry: lookalike, file, knownDeployment: true });
      expect(known.summary).to.contain("(the known deployment)");
    });
  });

  describe("finding 2: a shifted salt", function () {
    const header = ethers.toUtf8Bytes("DRAFT - NOT VALID - DO NOT SIGN!");
    const body = ethers.toUtf8Bytes("the final agreement, as signed");

    it("cannot move the first 32 bytes of a plain anchor's document into a format-2 salt", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      expect(header.length).to.equal(32);
      const draft = await document(ethers.getBytes(ethers.concat([header, body])));
      const { receipt } = await client.anchorFile(draft);
      const final = await document(body);
      const shifted = { ...receipt, salt: ethers.hexlify(header) };
      const verdict = await client.verifyReceipt(shifted, final);
      expect(verdict).to.include({ status: "content-mismatch", valid: false, contentMatches: false });
      // Even a receipt whose digest were made to match would fail: the chain records the anchor as unsalted.
      const bare = await client.verifyReceipt(shifted);
      expect(bare).to.include({
        status: "not-anchored",
        anchored: false,
        reason: "the receipt says the digest is salted, but the chain records an unsalted digest (algorithm id 2)",
      });
    });

    it("refuses a salted record's receipt stripped of its salt, and the file salt ‖ document", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const deed = await document(body);
      const { receipt } = await client.anchorFile(deed, { salt: ethers.hexlify(header) });
      expect(await client.verify(receipt.digest)).to.include({ salted: true, algorithm: 2 | 64 });
      const { salt: _salt, ...stripped } = receipt;
      expect(await client.verifyReceipt(stripped)).to.include({
        status: "not-anchored",
        reason: "the chain records a salted digest (algorithm id 66), but the receipt has no salt",
      });
      const prefixed = await document(ethers.getBytes(ethers.concat([header, body])));
      const verdict = await client.verifyFile(prefixed);
      expect(verdict).to.include({ status: "not-anchored", valid: false });
    });

    it("reads a format-1 receipt under its old rule, and says in the summary and a note what that cannot rule out", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const draft = await document(ethers.getBytes(ethers.concat([header, body])));
      const { receipt } = await client.anchorFile(draft);
      const final = await document(body);
      const legacy: EvidenceReceipt = { ...receipt, version: 1, salt: ethers.hexlify(header) };
      const verdict = await client.verifyReceipt(legacy, final);
      expect(verdict).to.include({ status: "verified", receiptVersion: 1 });
      expect(verdict.summary).to.match(/^VERIFIED under receipt format 1's salt rule \(see its note\): /);
      expect(verdict.notes[0]).to.match(
        /^receipt format 1: its salted digest H\(salt ‖ content\) is not marked salted/,
      );
    });
  });

  describe("finding 3: the receipt's transaction", function () {
    it("refuses a borrowed transaction that anchored something else", async function () {
      const { client, address } = await networkHelpers.loadFixture(deployFixture);
      const file = await document("the real deed");
      const { receipt } = await client.anchorFile(file);
      const { receipt: other } = await client.anchorFile(await document("another deed"));
      expect(other.blockNumber).to.equal(receipt.blockNumber + 1);
      const verdict = await client.verifyReceipt({ ...receipt, transaction: other.transaction }, file);
      expect(verdict).to.include({
        status: "not-anchored",
        valid: false,
        reason: `the receipt's transaction ${other.transaction} was mined in block ${other.blockNumber}, not ${receipt.blockNumber}`,
      });
      expect(verdict.transaction).to.deep.equal({
        hash: other.transaction,
        found: true,
        blockNumber: other.blockNumber,
        from: (await ethers.getSigners())[0].address,
        to: address,
        anchorsRecord: false,
      });
    });

    it("refuses a borrowed transaction from the same block that did not anchor the record", async function () {
      const { client, forgerClient, address } = await networkHelpers.loadFixture(deployFixture);
      const file = await document("same-block deed");
      await ethers.provider.send("evm_setAutomine", [false]);
      try {
        const genuine = client.anchorFile(file);
        const decoy = forgerClient.anchorFile(await document("decoy in the same block"));
        // Mine once both transactions wait in the pool.
        for (;;) {
          const pending = await ethers.provider.send("eth_getBlockByNumber", ["pending", false]);
          if ((pending as { transactions: string[] }).transactions.length === 2) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await ethers.provider.send("evm_mine", []);
        const [{ receipt }, { receipt: other }] = await Promise.all([genuine, decoy]);
        expect(other.blockNumber).to.equal(receipt.blockNumber);
        const verdict = await client.verifyReceipt({ ...receipt, transaction: other.transaction }, file);
        expect(verdict).to.include({
          status: "not-anchored",
          reason: `the receipt's transaction ${other.transaction} did not anchor ${receipt.digest} in registry ${address}`,
        });
      } finally {
        await ethers.provider.send("evm_setAutomine", [true]);
      }
    });

    it("refuses a made-up transaction, and prints the transaction it checked", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const file = await document("deed with a made-up transaction");
      const { receipt } = await client.anchorFile(file);
      const madeUp = hashBytes("no such transaction");
      const verdict = await client.verifyReceipt({ ...receipt, transaction: madeUp }, file);
      expect(verdict).to.include({
        status: "not-anchored",
        reason: `the receipt's transaction ${madeUp} is not on chain 31337`,
      });
      expect(describeVerdict(verdict)).to.include(`  transaction: ${madeUp} (not found on this chain)`);
    });

    it("says DOCUMENT NOT CHECKED, never VERIFIED, for a receipt checked without its document", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const { receipt } = await client.anchorFile(await document("unseen document"));
      const verdict = await client.verifyReceipt(receipt);
      expect(verdict).to.include({ status: "document-not-checked", valid: false, contentMatches: null });
      expect(verdict.summary).to.match(/^DOCUMENT NOT CHECKED: the anchor is genuine, but no document was compared/);
      expect(JSON.parse(verdictJson(verdict))).to.include({ status: "document-not-checked", valid: false });
    });
  });

  describe("finding 4: a batch over a revoked or superseded digest", function () {
    it("reports the digest's own revocation through a batch anchored later by anyone", async function () {
      const { client, forgerClient, submitter } = await networkHelpers.loadFixture(deployFixture);
      const file = await document("a will, revoked");
      const { receipt } = await client.anchorFile(file);
      const revoked = await client.revoke(receipt.digest, "superseded by a later will");
      const revokedAt = (await ethers.provider.getBlock(revoked.blockNumber))!.timestamp;
      const anchoredAt = (await ethers.provider.getBlock(receipt.blockNumber))!.timestamp;

      const batch = await forgerClient.anchorBatch([receipt.digest, hashBytes("filler")], "sha256");
      const verdict = await forgerClient.verifyReceipt(batch.receipts[0], file);
      expect(verdict).to.include({ status: "revoked", valid: false, anchored: true, batched: true });
      expect(verdict.reason).to.equal(
        `the document's own record (anchored directly ${formatEvidenceTime(anchoredAt)} by ${submitter.address}) was ` +
          `revoked at ${formatEvidenceTime(revokedAt)} (reason ${ethers.id("superseded by a later will")}); a batch ` +
          "anchored since does not restore it",
      );
      expect(verdict.documentRecord).to.include({ revoked: true, submitter: submitter.address });
    });

    it("notes the digest's own supersession and its earlier priority", async function () {
      const { client, forgerClient, submitter } = await networkHelpers.loadFixture(deployFixture);
      const file = await document("version 1");
      const { receipt } = await client.anchorFile(file);
      const { receipt: next } = await client.anchorFile(await document("version 2"));
      await client.supersede(receipt.digest, next.digest);
      const batch = await forgerClient.anchorBatch([hashBytes("filler"), receipt.digest], "sha256");
      const verdict = await forgerClient.verifyReceipt(batch.receipts[1], file);
      expect(verdict.status).to.equal("verified");
      expect(verdict.notes).to.include(`the document's own record was superseded by ${next.digest}`);
      expect(verdict.notes.some((n) => n.startsWith("the digest was anchored directly before this batch"))).to.equal(
        true,
      );
      expect(verdict.notes.join("\n")).to.contain(submitter.address);
    });
  });

  describe("finding 5: a batch root passed off as a document", function () {
    it("refuses the 64-byte preimage of a keccak256 batch root, by file and by direct receipt", async function () {
      const { client, forgerClient } = await networkHelpers.loadFixture(deployFixture);
      const digests = [hashBytes("member a", "keccak256"), hashBytes("member b", "keccak256")];
      const batch = await client.anchorBatch(digests, "keccak256");
      const leaves = digests
        .map((d) => ethers.keccak256(ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(["bytes32"], [d]))))
        .sort();
      const preimage = await document(ethers.getBytes(ethers.concat(leaves)));
      expect(hashBytes(ethers.getBytes(ethers.concat(leaves)), "keccak256")).to.equal(batch.root);

      const reason = `${batch.root} is anchored as a batch root, not as a document's digest: a document needs a direct anchor or a batch proof`;
      expect(await forgerClient.verifyFile(preimage, "keccak256")).to.include({ status: "not-anchored", reason });
      const { batch: _batch, ...direct } = batch.receipts[0];
      const forged = { ...direct, digest: batch.root };
      expect(await forgerClient.verifyReceipt(forged, preimage)).to.include({ status: "not-anchored", reason });
    });

    it("refuses a batch receipt whose root is a single document's anchor", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const { receipt } = await client.anchorFile(await document("a single document"));
      const member = hashBytes("claimed member");
      const file = await document("claimed member");
      const forged = { ...receipt, digest: member, batch: { root: receipt.digest, proof: [] } };
      expect(await client.verifyReceipt(forged, file)).to.include({ status: "not-anchored", valid: false });
    });
  });

  describe("finding 6: the witness policy", function () {
    async function witnessedRecord() {
      const fixture = await networkHelpers.loadFixture(deployFixture);
      const file = await document("a witnessed deed");
      const { receipt } = await fixture.client.anchorFile(file);
      const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
      await fixture.client.requireWitnesses(
        receipt.digest,
        [fixture.witness1.address, fixture.witness2.address],
        2,
        deadline,
      );
      return { ...fixture, file, receipt, deadline: Number(deadline) };
    }

    it("is WITNESSES PENDING before the deadline, naming who signed and when", async function () {
      const { address, witness1, witness2, file, receipt, deadline } = await witnessedRecord();
      const cosigned = await new EvidenceClient(address, witness1).cosign(receipt.digest);
      const signedAt = (await ethers.provider.getBlock(cosigned.blockNumber))!.timestamp;
      const verdict = await new EvidenceClient(address, ethers.provider).verifyReceipt(receipt, file);
      expect(verdict).to.include({
        status: "witnesses-pending",
        valid: false,
        reason: `1 of the 2 required witnesses signed so far (deadline ${formatEvidenceTime(deadline)})`,
        witnessDeadline: deadline,
      });
      expect(verdict.witnesses).to.deep.equal([
        { address: witness1.address, signed: true, signedAt, transaction: cosigned.transaction },
        { address: witness2.address, signed: false, signedAt: null, transaction: null },
      ]);
      const lines = describeVerdict(verdict);
      expect(lines).to.include(`               ${witness1.address} signed ${formatEvidenceTime(signedAt)}`);
      expect(lines).to.include(`               ${witness2.address} not signed`);
    });

    it("is WITNESSES NOT MET once the deadline passed without enough co-signatures", async function () {
      const { address, file, receipt, deadline } = await witnessedRecord();
      await networkHelpers.time.increaseTo(deadline + 1);
      await networkHelpers.mine(1);
      const verdict = await new EvidenceClient(address, ethers.provider).verifyReceipt(receipt, file);
      expect(verdict).to.include({
        status: "witnesses-not-met",
        valid: false,
        reason: `0 of the 2 required witnesses signed before the deadline ${formatEvidenceTime(deadline)}`,
      });
      expect(verdict.summary).to.match(/^WITNESSES NOT MET: /);
    });

    it("is VERIFIED once the threshold is met, listing both witnesses", async function () {
      const { address, witness1, witness2, file, receipt } = await witnessedRecord();
      await new EvidenceClient(address, witness1).cosign(receipt.digest);
      await new EvidenceClient(address, witness2).cosign(receipt.digest);
      const verdict = await new EvidenceClient(address, ethers.provider).verifyReceipt(receipt, file);
      expect(verdict).to.include({ status: "verified", witnessed: true, witnessSignatures: 2 });
      expect(verdict.witnesses.map((w) => [w.address, w.signed])).to.deep.equal([
        [witness1.address, true],
        [witness2.address, true],
      ]);
    });
  });
});
