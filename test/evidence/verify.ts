// SDK verdicts (receipts and files against the chain: revoked, superseded, mismatched), record histories, and the
// client's refusal to report success for nothing (no code at the address, no event emitted).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import { DeploymentNotFoundError, InvalidInputError, SdkError } from "../../src/errors.js";
import { EvidenceClient, verifyReceipt, type EvidenceEvent } from "../../src/evidence/client.js";
import { hashBytes } from "../../src/hash.js";
import { formatEvidenceTime } from "../../src/evidence/verdict.js";
import { signCosign } from "../../src/evidence/signing.js";
import { addressOf } from "../helpers/addresses.js";

const { ethers, networkHelpers } = await network.create();

async function deployFixture() {
  const [submitter, witness1, witness2, relayer, other] = await ethers.getSigners();
  const registry = await ethers.deployContract("EvidenceRegistry");
  const address = await registry.getAddress();
  return {
    registry,
    address,
    client: new EvidenceClient(address, submitter),
    submitter,
    witness1,
    witness2,
    relayer,
    other,
  };
}

/** The events' names and their distinguishing fields, without locations. */
function summary(events: EvidenceEvent[]): Record<string, unknown>[] {
  return events.map((event) => {
    const { transaction, blockNumber, logIndex, ...rest } = event;
    expect(transaction).to.match(/^0x[0-9a-f]{64}$/);
    expect(blockNumber).to.be.greaterThan(0);
    expect(logIndex).to.be.at.least(0);
    return rest;
  });
}

describe("evidence SDK: verdicts, histories, deployments", function () {
  let dir: string;
  let counter = 0;

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "evidence-verify-"));
  });

  async function document(content: string): Promise<string> {
    const file = path.join(dir, `doc-${counter++}.txt`);
    await writeFile(file, content);
    return file;
  }

  describe("verifyReceipt", function () {
    it("is valid for a matching document, and says so field by field", async function () {
      const { client, submitter, address } = await networkHelpers.loadFixture(deployFixture);
      const file = await document("a deed");
      const { receipt } = await client.anchorFile(file, { algorithm: "sm3", salt: true });
      const result = await verifyReceipt(receipt, ethers.provider, { registry: address, file });
      expect(result).to.include({
        status: "verified",
        valid: true,
        salted: true,
        receiptVersion: 2,
        chainId: receipt.chainId,
        registry: address,
        knownDeployment: false,
        contentMatches: true,
        anchored: true,
        exists: true,
        revoked: false,
        revocationReason: null,
        supersededBy: null,
        submitter: submitter.address,
        algorithmName: "sm3",
        blockNumber: receipt.blockNumber,
        digest: receipt.digest,
      });
      expect(result.reason).to.equal(undefined);
      expect(result.transaction).to.deep.equal({
        hash: receipt.transaction,
        found: true,
        blockNumber: receipt.blockNumber,
        from: submitter.address,
        to: address,
        anchorsRecord: true,
      });
      expect(result.summary).to.equal(
        `VERIFIED: the document's sm3 digest ${receipt.digest} was anchored ${formatEvidenceTime(result.time)} by ` +
          `${submitter.address}, on chain ${receipt.chainId}, registry ${address} (NOT a known deployment)`,
      );
      // Without the document, the anchor is checked but the verdict is not "verified".
      expect(await client.verifyReceipt(receipt)).to.include({
        status: "document-not-checked",
        valid: false,
        contentMatches: null,
        anchored: true,
        reason: "the anchor is genuine, but no document was compared with it",
      });
    });

    it("is not valid for a revoked record, and gives the revocation's time and reason hash", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const file = await document("revoked deed");
      const { receipt } = await client.anchorFile(file);
      const mined = await client.revoke(receipt.digest, "issued in error");
      const revokedAt = (await ethers.provider.getBlock(mined.blockNumber))!.timestamp;

      const result = await client.verifyReceipt(receipt, file);
      expect(result).to.include({
        valid: false,
        contentMatches: true,
        anchored: true,
        revoked: true,
        revokedAt,
        revocationReason: ethers.id("issued in error"),
        status: "revoked",
        reason: `revoked at ${formatEvidenceTime(revokedAt)} by its submitter (reason ${ethers.id("issued in error")})`,
      });
      expect(await client.revocationReason(receipt.digest)).to.equal(ethers.id("issued in error"));
    });

    it("stays valid for a superseded record and names its successor", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const v1 = await document("version 1");
      const v2 = await document("version 2");
      const { receipt } = await client.anchorFile(v1);
      const { receipt: next } = await client.anchorFile(v2);
      await client.supersede(receipt.digest, next.digest);
      expect(await client.verifyReceipt(receipt, v1)).to.include({ valid: true, supersededBy: next.digest });
      expect(await client.verifyReceipt(next, v2)).to.include({ valid: true, supersededBy: null });
    });

    it("fails when the chain's algorithm or block differs from the receipt's", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const file = await document("algorithm and block");
      const { receipt } = await client.anchorFile(file, { algorithm: "sha256" });

      const otherAlgorithm = await client.verifyReceipt({ ...receipt, algorithm: "sm3" });
      expect(otherAlgorithm).to.include({
        valid: false,
        exists: true,
        anchored: false,
        reason: "the chain records algorithm sha256, not sm3",
      });
      const otherBlock = await client.verifyReceipt({ ...receipt, blockNumber: receipt.blockNumber + 1 });
      expect(otherBlock).to.include({
        valid: false,
        anchored: false,
        reason: `the chain records the anchor in block ${receipt.blockNumber}, the receipt says block ${receipt.blockNumber + 1}`,
      });
    });

    it("fails for a tampered proof or a tampered document, and a revoked batch fails for every member", async function () {
      const { client } = await networkHelpers.loadFixture(deployFixture);
      const folder = await mkdtemp(path.join(dir, "batch-"));
      for (let i = 0; i < 4; i++) await writeFile(path.join(folder, `member-${i}.txt`), `member ${i}`);
      const batch = await client.anchorFolder(folder);
      const receipt = batch.receipts[1];
      const file = path.join(folder, receipt.fileName!);
      expect(await client.verifyReceipt(receipt, file)).to.include({ valid: true, batched: true });

      const proof = [...receipt.batch!.proof];
      proof[0] = hashBytes("not a sibling");
      const tampered = await client.verifyReceipt({ ...receipt, batch: { root: receipt.batch!.root, proof } }, file);
      expect(tampered).to.include({
        valid: false,
        exists: false,
        anchored: false,
        contentMatches: true,
        status: "not-anchored",
        reason: `the receipt's proof does not place digest ${receipt.digest} under batch root ${receipt.batch!.root}`,
      });

      const forged = await document("member 1, altered");
      const altered = await client.verifyReceipt(receipt, forged);
      expect(altered).to.include({ status: "content-mismatch", valid: false, contentMatches: false, anchored: true });
      expect(altered.reason).to.equal(
        `the document's sha256 digest ${hashBytes("member 1, altered")} is not the receipt's digest ${receipt.digest}`,
      );

      await client.revoke(batch.root, "batch withdrawn");
      for (const member of batch.receipts) {
        expect(await client.verifyReceipt(member, path.join(folder, member.fileName!))).to.include({
          valid: false,
          revoked: true,
          revocationReason: ethers.id("batch withdrawn"),
        });
      }
    });
  });

  describe("verifyFile", function () {
    it("judges an unsalted document by its digest alone", async function () {
      const { client, submitter } = await networkHelpers.loadFixture(deployFixture);
      const file = await document("plain document");
      const { receipt } = await client.anchorFile(file, { algorithm: "keccak256" });
      expect(await client.verifyFile(file, "keccak256")).to.include({
        valid: true,
        contentMatches: true,
        anchored: true,
        digest: receipt.digest,
        submitter: submitter.address,
      });

      const unknown = await document("never anchored");
      const missing = await client.verifyFile(unknown);
      expect(missing).to.include({ valid: false, exists: false, anchored: false });
      expect(missing.reason).to.equal(`the chain has no anchor of sha256 digest ${hashBytes("never anchored")}`);

      await client.revoke(receipt.digest);
      expect(await client.verifyFile(file, "keccak256")).to.include({
        valid: false,
        revoked: true,
        revocationReason: ethers.ZeroHash,
      });
    });
  });

  describe("history", function () {
    it("lists a record's events in order: anchor, URI, witnesses, co-signatures, witnessed, superseded, revoked", async function () {
      const { registry, address, client, submitter, witness1, witness2, relayer } =
        await networkHelpers.loadFixture(deployFixture);
      const id = hashBytes("history");
      const newId = hashBytes("history, version 2");
      const uri = "ipfs://bafy/history.json";
      await client.anchor(id, "sm3", { uri });
      const witnesses = [witness1.address, witness2.address];
      await client.requireWitnesses(id, witnesses, 2);
      await new EvidenceClient(address, witness1).cosign(id);
      const signed = await signCosign(witness2, registry, {
        id,
        deadline: BigInt((await networkHelpers.time.latest()) + 600),
      });
      await new EvidenceClient(address, relayer).relayCosign(signed);
      await client.anchor(newId, "sm3", { metadata: "v2" });
      await client.supersede(id, newId);
      await client.revoke(id, "withdrawn");

      const s = submitter.address;
      expect(summary(await client.history(id))).to.deep.equal([
        { name: "Anchored", submitter: s, algorithm: 4, algorithmName: "sm3", metadata: ethers.id(uri) },
        { name: "MetadataURI", submitter: s, uri },
        { name: "WitnessesRequired", submitter: s, witnesses, threshold: 2, deadline: 0 },
        { name: "Cosigned", submitter: s, witness: witness1.address, signatures: 1 },
        { name: "Cosigned", submitter: s, witness: witness2.address, signatures: 2 },
        { name: "Witnessed", submitter: s },
        { name: "Superseded", submitter: s, supersededBy: newId },
        { name: "Revoked", submitter: s, reason: ethers.id("withdrawn") },
      ]);
      expect(summary(await client.history(newId))).to.deep.equal([
        { name: "Anchored", submitter: s, algorithm: 4, algorithmName: "sm3", metadata: ethers.id("v2") },
        { name: "Supersedes", submitter: s, previous: id },
      ]);
      // Ordered by block, then by position in the block.
      const events = await client.history(id);
      for (let i = 1; i < events.length; i++) {
        const [a, b] = [events[i - 1], events[i]];
        expect(a.blockNumber < b.blockNumber || (a.blockNumber === b.blockNumber && a.logIndex < b.logIndex)).to.equal(
          true,
        );
      }
    });

    it("lists a batch root's events, and nothing for an unknown id or a member digest", async function () {
      const { client, submitter } = await networkHelpers.loadFixture(deployFixture);
      const digests = [hashBytes("m0"), hashBytes("m1"), hashBytes("m2")];
      const batch = await client.anchorBatch(digests, "sha256", { metadata: "manifest" });
      expect(summary(await client.history(batch.root))).to.deep.equal([
        {
          name: "Anchored",
          submitter: submitter.address,
          algorithm: 2,
          algorithmName: "sha256",
          metadata: ethers.id("manifest"),
        },
        { name: "BatchAnchored", submitter: submitter.address, size: 3n },
      ]);
      expect(await client.history(digests[0])).to.deep.equal([]);
      expect(await client.history(hashBytes("unknown"))).to.deep.equal([]);
      await expect(client.verify("0x12")).to.be.rejectedWith(
        InvalidInputError,
        'evidence id must be 32 bytes of hex, got "0x12"',
      );
      await expect(client.history("0x12")).to.be.rejectedWith(InvalidInputError, "evidence id must be 32 bytes of hex");
    });
  });

  describe("deployments and events", function () {
    it("refuses an address without code with DeploymentNotFoundError, for sends, views and receipts", async function () {
      const { client, submitter } = await networkHelpers.loadFixture(deployFixture);
      const { chainId } = await ethers.provider.getNetwork();
      const empty = addressOf("no registry here");
      const nowhere = new EvidenceClient(empty, submitter);
      const message = `no EvidenceRegistry at ${empty} on chain ${chainId}: wrong network or address?`;
      const nonceBefore = await ethers.provider.getTransactionCount(submitter.address);
      await expect(nowhere.anchor(hashBytes("lost"), "sha256")).to.be.rejectedWith(DeploymentNotFoundError, message);
      await expect(nowhere.verify(hashBytes("lost"))).to.be.rejectedWith(DeploymentNotFoundError, message);
      await expect(nowhere.history(hashBytes("lost"))).to.be.rejectedWith(DeploymentNotFoundError, message);
      expect(await ethers.provider.getTransactionCount(submitter.address)).to.equal(nonceBefore);

      const file = await document("receipt for nowhere");
      const { receipt } = await client.anchorFile(file);
      await expect(
        verifyReceipt({ ...receipt, contract: empty }, ethers.provider, { registry: empty, file }),
      ).to.be.rejectedWith(DeploymentNotFoundError, message);
    });

    it("checks again after a refusal, so a later deployment at the address is found", async function () {
      const { registry, submitter } = await networkHelpers.loadFixture(deployFixture);
      const later = addressOf("deployed later");
      const client = new EvidenceClient(later, submitter);
      await expect(client.verify(hashBytes("x"))).to.be.rejectedWith(DeploymentNotFoundError);
      await networkHelpers.setCode(later, (await ethers.provider.getCode(await registry.getAddress()))!);
      expect(await client.verify(hashBytes("x"))).to.include({ exists: false });
    });

    it("reports a transaction that emitted no registry event as an error, not a success", async function () {
      const { submitter } = await networkHelpers.loadFixture(deployFixture);
      // Code that stops at once: every call succeeds and emits nothing.
      const silent = addressOf("silent contract");
      await networkHelpers.setCode(silent, "0x00");
      const client = new EvidenceClient(silent, submitter);
      const id = hashBytes("silently dropped");
      const s = submitter.address;
      const unsigned = { nonce: 0n, deadline: 1n, signature: "0x" };
      const failures: [string, () => Promise<unknown>][] = [
        ["Anchored", () => client.anchor(id, "sha256")],
        ["Anchored", () => client.anchor(id, "sha256", { uri: "ipfs://x" })],
        ["Anchored", () => client.anchorBatch([id], "sha256")],
        ["WitnessesRequired", () => client.requireWitnesses(id, [submitter.address], 1)],
        ["Cosigned", () => client.cosign(id)],
        ["Revoked", () => client.revoke(id)],
        ["Superseded", () => client.supersede(id, hashBytes("next"))],
        ["Anchored", () => client.relayAnchor({ ...unsigned, digest: id, algorithm: 2, metadata: id, submitter: s })],
        ["Cosigned", () => client.relayCosign({ ...unsigned, id, witness: s })],
      ];
      for (const [event, send] of failures) {
        const error = await send().then(
          () => expect.fail(`expected no ${event}`),
          (e: unknown) => e,
        );
        expect(error).to.be.instanceOf(SdkError);
        expect((error as SdkError).code).to.equal("EVENT_NOT_EMITTED");
        expect((error as SdkError).message).to.match(
          new RegExp(`^transaction 0x[0-9a-f]{64} succeeded but ${silent} emitted no ${event} for 0x[0-9a-f]{64}`),
        );
      }
    });
  });
});
