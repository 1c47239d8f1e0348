import { expect } from "chai";

import type { EvidenceRegistry } from "../../typechain-types/index.js";

import {
  SHA256,
  SM3,
  deployRegistry,
  digestOf,
  ethers,
  expectNoStateChange,
  minedAt,
  networkHelpers,
  plain,
} from "./helpers.js";

const { loadFixture } = networkHelpers;
const ZERO = ethers.ZeroHash;

/** alice anchored v1, v2 and v3 of a document; bob anchored his own. */
async function deployVersions() {
  const base = await deployRegistry();
  const { registry, alice, bob } = base;
  const v1 = digestOf("v1");
  const v2 = digestOf("v2");
  const v3 = digestOf("v3");
  const bobs = digestOf("bob's document");
  const v1At = await minedAt(await registry.connect(alice).anchor(v1, SHA256, ZERO));
  await registry.connect(alice).anchor(v2, SHA256, ZERO);
  await registry.connect(alice).anchorBatch(v3, SM3, 3, ZERO);
  await registry.connect(bob).anchor(bobs, SHA256, ZERO);
  return { ...base, v1, v2, v3, bobs, v1At };
}

/** Follows `supersededBy` from `id`; fails if it takes more than `maxLinks` links (a cycle never ends). */
async function latestVersion(registry: EvidenceRegistry, id: string, maxLinks: number): Promise<string> {
  let current = id;
  for (let links = 0; links <= maxLinks; links++) {
    const next = (await registry.verify(current)).supersededBy;
    if (next === ethers.ZeroHash) return current;
    current = next;
  }
  throw new Error(`supersededBy chain from ${id} is longer than ${maxLinks} links: a cycle`);
}

describe("EvidenceRegistry: revocation and supersession", function () {
  describe("revoke", function () {
    it("marks the record revoked at the block time and emits Revoked with the reason", async function () {
      const { registry, alice, v1, v1At } = await loadFixture(deployVersions);
      const reason = digestOf("signed under duress");
      await networkHelpers.time.increase(1000);

      const tx = await registry.connect(alice).revoke(v1, reason);
      await expect(tx).to.emit(registry, "Revoked").withArgs(v1, alice.address, reason);
      const { time } = await minedAt(tx);

      const verification = await registry.verify(v1);
      expect(verification.revoked).to.equal(true);
      expect(verification.revokedAt).to.equal(time);
      // History stays readable: the original record is untouched.
      expect(verification.exists).to.equal(true);
      expect(verification.time).to.equal(v1At.time);
      expect(verification.blockNumber).to.equal(v1At.blockNumber);
      expect(await registry.exists(v1)).to.equal(true);
      expect(plain(await registry.getRecord(v1))).to.deep.equal({
        submitter: alice.address,
        time: v1At.time,
        blockNumber: v1At.blockNumber,
        algorithm: BigInt(SHA256),
        batch: false,
      });
    });

    it("accepts a zero reason", async function () {
      const { registry, alice, v1 } = await loadFixture(deployVersions);
      await expect(registry.connect(alice).revoke(v1, ZERO))
        .to.emit(registry, "Revoked")
        .withArgs(v1, alice.address, ZERO);
    });

    it("revokes only the given record", async function () {
      const { registry, alice, v1, v2 } = await loadFixture(deployVersions);
      await registry.connect(alice).revoke(v1, ZERO);
      const other = await registry.verify(v2);
      expect(other.revoked).to.equal(false);
      expect(other.revokedAt).to.equal(0n);
    });

    it("reverts EvidenceRevoked(id, revokedAt) on a second revocation, keeping the first time", async function () {
      const { registry, alice, bob, v1 } = await loadFixture(deployVersions);
      const { time } = await minedAt(await registry.connect(alice).revoke(v1, ZERO));
      await networkHelpers.time.increase(500);
      await expectNoStateChange(registry, [v1], [alice.address, bob.address], async () => {
        await expect(registry.connect(alice).revoke(v1, digestOf("again")))
          .to.be.revertedWithCustomError(registry, "EvidenceRevoked")
          .withArgs(v1, time);
      });
      expect((await registry.verify(v1)).revokedAt).to.equal(time);
    });

    it("reverts NotSubmitter(id, caller, submitter) for anyone else", async function () {
      const { registry, alice, bob, relayer, v1 } = await loadFixture(deployVersions);
      await expectNoStateChange(registry, [v1], [alice.address, bob.address], async () => {
        for (const caller of [bob, relayer]) {
          await expect(registry.connect(caller).revoke(v1, ZERO))
            .to.be.revertedWithCustomError(registry, "NotSubmitter")
            .withArgs(v1, caller.address, alice.address);
        }
      });
    });

    it("checks the submitter before the revocation state", async function () {
      const { registry, alice, bob, v1 } = await loadFixture(deployVersions);
      await registry.connect(alice).revoke(v1, ZERO);
      await expect(registry.connect(bob).revoke(v1, ZERO))
        .to.be.revertedWithCustomError(registry, "NotSubmitter")
        .withArgs(v1, bob.address, alice.address);
    });

    it("reverts EvidenceNotFound for an unknown id, even the zero id", async function () {
      const { registry, alice } = await loadFixture(deployVersions);
      for (const id of [digestOf("unknown"), ZERO]) {
        await expect(registry.connect(alice).revoke(id, ZERO))
          .to.be.revertedWithCustomError(registry, "EvidenceNotFound")
          .withArgs(id);
      }
    });

    it("revokes a batch root", async function () {
      const { registry, alice, v3 } = await loadFixture(deployVersions);
      const { time } = await minedAt(await registry.connect(alice).revoke(v3, ZERO));
      const verification = await registry.verify(v3);
      expect(verification.batched).to.equal(true);
      expect(verification.revokedAt).to.equal(time);
    });
  });

  describe("supersede", function () {
    it("links the record to its successor and emits Superseded", async function () {
      const { registry, alice, v1, v2, v1At } = await loadFixture(deployVersions);
      await expect(registry.connect(alice).supersede(v1, v2))
        .to.emit(registry, "Superseded")
        .withArgs(v1, v2, alice.address);

      const old = await registry.verify(v1);
      expect(old.supersededBy).to.equal(v2);
      expect(old.exists).to.equal(true);
      expect(old.revoked).to.equal(false);
      expect(old.time).to.equal(v1At.time);
      expect((await registry.verify(v2)).supersededBy).to.equal(ZERO);
    });

    it("builds a readable chain of versions, batches included", async function () {
      const { registry, alice, v1, v2, v3 } = await loadFixture(deployVersions);
      await registry.connect(alice).supersede(v1, v2);
      await registry.connect(alice).supersede(v2, v3);
      expect((await registry.verify(v1)).supersededBy).to.equal(v2);
      expect((await registry.verify(v2)).supersededBy).to.equal(v3);
      expect((await registry.verify(v3)).supersededBy).to.equal(ZERO);
      for (const id of [v1, v2, v3]) expect(await registry.exists(id)).to.equal(true);
    });

    it("lets a revoked record be superseded, and a superseded one be revoked", async function () {
      const { registry, alice, v1, v2, v3 } = await loadFixture(deployVersions);
      await registry.connect(alice).revoke(v1, ZERO);
      await expect(registry.connect(alice).supersede(v1, v2)).to.emit(registry, "Superseded");
      await registry.connect(alice).supersede(v2, v3);
      await expect(registry.connect(alice).revoke(v2, ZERO)).to.emit(registry, "Revoked");
      const v1Check = await registry.verify(v1);
      expect([v1Check.revoked, v1Check.supersededBy]).to.deep.equal([true, v2]);
      const v2Check = await registry.verify(v2);
      expect([v2Check.revoked, v2Check.supersededBy]).to.deep.equal([true, v3]);
    });

    it("reverts SelfSupersession", async function () {
      const { registry, alice, bob, v1 } = await loadFixture(deployVersions);
      await expectNoStateChange(registry, [v1], [alice.address, bob.address], async () => {
        await expect(registry.connect(alice).supersede(v1, v1))
          .to.be.revertedWithCustomError(registry, "SelfSupersession")
          .withArgs(v1);
      });
    });

    it("reverts AlreadySuperseded(id, current): the link is set once", async function () {
      const { registry, alice, v1, v2, v3 } = await loadFixture(deployVersions);
      await registry.connect(alice).supersede(v1, v2);
      await expectNoStateChange(registry, [v1, v2, v3], [alice.address], async () => {
        for (const candidate of [v3, v2]) {
          await expect(registry.connect(alice).supersede(v1, candidate))
            .to.be.revertedWithCustomError(registry, "AlreadySuperseded")
            .withArgs(v1, v2);
        }
      });
    });

    it("reverts EvidenceNotFound(newId) for an unknown successor", async function () {
      const { registry, alice, v1 } = await loadFixture(deployVersions);
      const unknown = digestOf("unknown successor");
      await expectNoStateChange(registry, [v1, unknown], [alice.address], async () => {
        for (const newId of [unknown, ZERO]) {
          await expect(registry.connect(alice).supersede(v1, newId))
            .to.be.revertedWithCustomError(registry, "EvidenceNotFound")
            .withArgs(newId);
        }
      });
    });

    it("reverts EvidenceNotFound(id) for an unknown superseded record", async function () {
      const { registry, alice, v1 } = await loadFixture(deployVersions);
      const unknown = digestOf("unknown");
      await expect(registry.connect(alice).supersede(unknown, v1))
        .to.be.revertedWithCustomError(registry, "EvidenceNotFound")
        .withArgs(unknown);
      // The existence check comes before the self-supersession check.
      await expect(registry.connect(alice).supersede(unknown, unknown))
        .to.be.revertedWithCustomError(registry, "EvidenceNotFound")
        .withArgs(unknown);
    });

    it("reverts NotSubmitter(id, caller, submitter) when the caller does not own the superseded record", async function () {
      const { registry, alice, bob, v1, bobs } = await loadFixture(deployVersions);
      await expectNoStateChange(registry, [v1, bobs], [alice.address, bob.address], async () => {
        await expect(registry.connect(bob).supersede(v1, bobs))
          .to.be.revertedWithCustomError(registry, "NotSubmitter")
          .withArgs(v1, bob.address, alice.address);
      });
    });

    it("reverts NotSubmitter(newId, submitter, otherSubmitter) when the successor belongs to someone else", async function () {
      const { registry, alice, bob, v1, bobs } = await loadFixture(deployVersions);
      await expectNoStateChange(registry, [v1, bobs], [alice.address, bob.address], async () => {
        await expect(registry.connect(alice).supersede(v1, bobs))
          .to.be.revertedWithCustomError(registry, "NotSubmitter")
          .withArgs(bobs, alice.address, bob.address);
      });
    });

    // A superseded successor could close a cycle (v1 -> v2 -> v1): "the latest version" would no longer exist and a
    // client walking `supersededBy` would loop forever.
    it("refuses a successor that is already superseded, so version chains cannot loop", async function () {
      const { registry, alice, v1, v2, v3 } = await loadFixture(deployVersions);
      await registry.connect(alice).supersede(v1, v2);
      await expectNoStateChange(registry, [v1, v2, v3], [alice.address], async () => {
        await expect(registry.connect(alice).supersede(v2, v1))
          .to.be.revertedWithCustomError(registry, "AlreadySuperseded")
          .withArgs(v1, v2);
      });
      await registry.connect(alice).supersede(v2, v3);
      await expect(registry.connect(alice).supersede(v3, v1))
        .to.be.revertedWithCustomError(registry, "AlreadySuperseded")
        .withArgs(v1, v2);
    });

    it("refuses to close a 3-cycle whichever link comes last, and every chain ends at the current version", async function () {
      const { registry, alice, v1, v2, v3 } = await loadFixture(deployVersions);
      // Each order of the three links v1 -> v2, v2 -> v3, v3 -> v1: the last one to be added always fails.
      const links: [string, string][] = [
        [v1, v2],
        [v2, v3],
        [v3, v1],
      ];
      for (let rotation = 0; rotation < links.length; rotation++) {
        const snapshot = await networkHelpers.takeSnapshot();
        const [[a, b], [c, d], [e, f]] = [0, 1, 2].map((i) => links[(rotation + i) % links.length]);
        await registry.connect(alice).supersede(a, b);
        await registry.connect(alice).supersede(c, d);
        // The closing link points back at the first link's source, superseded by the first link's target.
        expect([b, f]).to.deep.equal([c, a]);
        await expectNoStateChange(registry, [v1, v2, v3], [alice.address], async () => {
          await expect(registry.connect(alice).supersede(e, f))
            .to.be.revertedWithCustomError(registry, "AlreadySuperseded")
            .withArgs(a, b);
        });
        for (const start of [v1, v2, v3]) expect(await latestVersion(registry, start, 2)).to.equal(d);
        await snapshot.restore();
      }
    });

    it("reverts EvidenceRevoked(newId, revokedAt) for a revoked successor", async function () {
      const { registry, alice, bob, v1, v2 } = await loadFixture(deployVersions);
      const { time } = await minedAt(await registry.connect(alice).revoke(v2, ZERO));
      await networkHelpers.time.increase(100);
      await expectNoStateChange(registry, [v1, v2], [alice.address, bob.address], async () => {
        await expect(registry.connect(alice).supersede(v1, v2))
          .to.be.revertedWithCustomError(registry, "EvidenceRevoked")
          .withArgs(v2, time);
      });
      expect((await registry.verify(v1)).supersededBy).to.equal(ZERO);
    });

    it("checks a revoked successor's owner and supersession before its revocation", async function () {
      const { registry, alice, bob, v1, v2, v3, bobs } = await loadFixture(deployVersions);
      await registry.connect(alice).supersede(v2, v3);
      await registry.connect(alice).revoke(v2, ZERO);
      await registry.connect(bob).revoke(bobs, ZERO);
      await expectNoStateChange(registry, [v1, v2, v3, bobs], [alice.address, bob.address], async () => {
        await expect(registry.connect(alice).supersede(v1, bobs))
          .to.be.revertedWithCustomError(registry, "NotSubmitter")
          .withArgs(bobs, alice.address, bob.address);
        await expect(registry.connect(alice).supersede(v1, v2))
          .to.be.revertedWithCustomError(registry, "AlreadySuperseded")
          .withArgs(v2, v3);
      });
    });

    it("still accepts a successor revoked only after the link was made", async function () {
      const { registry, alice, v1, v2 } = await loadFixture(deployVersions);
      await registry.connect(alice).supersede(v1, v2);
      const { time } = await minedAt(await registry.connect(alice).revoke(v2, ZERO));
      expect((await registry.verify(v1)).supersededBy).to.equal(v2);
      const latest = await registry.verify(v2);
      expect([latest.revoked, latest.revokedAt, latest.supersededBy]).to.deep.equal([true, time, ZERO]);
    });
  });
});
