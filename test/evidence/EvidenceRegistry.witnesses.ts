import { expect } from "chai";

import {
  MAX_WITNESSES,
  SHA256,
  addressOf,
  deployRegistry,
  digestOf,
  ethers,
  expectNoStateChange,
  futureDeadline,
  minedAt,
  networkHelpers,
  plain,
} from "./helpers.js";

const { loadFixture } = networkHelpers;
const ZERO = ethers.ZeroHash;

async function deployAnchored() {
  const base = await deployRegistry();
  const id = digestOf("witnessed document");
  await base.registry.connect(base.alice).anchor(id, SHA256, ZERO);
  return { ...base, id };
}

/** alice's record requiring 2 of bob, carol, dave, with a co-signing deadline. */
async function deployWithPolicy() {
  const base = await deployAnchored();
  const { registry, alice, bob, carol, dave, id } = base;
  const witnesses = [bob.address, carol.address, dave.address];
  const deadline = await futureDeadline(86_400);
  await registry.connect(alice).requireWitnesses(id, witnesses, 2, deadline);
  return { ...base, witnesses, deadline };
}

describe("EvidenceRegistry: witnesses", function () {
  describe("requireWitnesses", function () {
    it("stores the policy and emits WitnessesRequired with its arguments", async function () {
      const { registry, id, alice, bob, carol, dave } = await loadFixture(deployAnchored);
      const witnesses = [bob.address, carol.address, dave.address];
      const deadline = await futureDeadline();

      await expect(registry.connect(alice).requireWitnesses(id, witnesses, 2, deadline))
        .to.emit(registry, "WitnessesRequired")
        .withArgs(id, alice.address, witnesses, 2, deadline);

      const policy = await registry.getWitnessPolicy(id);
      expect(policy.threshold).to.equal(2n);
      expect(policy.signatures).to.equal(0n);
      expect(policy.deadline).to.equal(deadline);
      expect(policy.witnesses).to.deep.equal(witnesses);
      for (const witness of witnesses) expect(await registry.hasCosigned(id, witness)).to.equal(false);
      const verification = await registry.verify(id);
      expect(verification.witnessThreshold).to.equal(2n);
      expect(verification.witnessSignatures).to.equal(0n);
      expect(verification.witnessed).to.equal(false);
      expect(verification.revoked).to.equal(false);
      expect((await registry.getRecord(id)).batch).to.equal(false);
    });

    it("accepts no deadline (0) and a deadline equal to the block time", async function () {
      const { registry, id, alice, bob } = await loadFixture(deployAnchored);
      await expect(registry.connect(alice).requireWitnesses(id, [bob.address], 1, 0))
        .to.emit(registry, "WitnessesRequired")
        .withArgs(id, alice.address, [bob.address], 1, 0);
      expect((await registry.getWitnessPolicy(id)).deadline).to.equal(0n);

      const other = digestOf("deadline now");
      await registry.connect(alice).anchor(other, SHA256, ZERO);
      const now = BigInt(await networkHelpers.time.latest()) + 10n;
      await networkHelpers.time.setNextBlockTimestamp(now);
      await expect(registry.connect(alice).requireWitnesses(other, [bob.address], 1, now))
        .to.emit(registry, "WitnessesRequired")
        .withArgs(other, alice.address, [bob.address], 1, now);
    });

    it("accepts exactly MAX_WITNESSES witnesses with an all-of-them threshold", async function () {
      const { registry, id, alice } = await loadFixture(deployAnchored);
      const witnesses = Array.from({ length: MAX_WITNESSES }, (_, i) => addressOf(`witness ${i}`));
      await expect(registry.connect(alice).requireWitnesses(id, witnesses, MAX_WITNESSES, 0))
        .to.emit(registry, "WitnessesRequired")
        .withArgs(id, alice.address, witnesses, MAX_WITNESSES, 0);
      expect((await registry.getWitnessPolicy(id)).witnesses).to.deep.equal(witnesses);
    });

    it("reverts EvidenceNotFound for an unknown id", async function () {
      const { registry, alice, bob } = await loadFixture(deployAnchored);
      const unknown = digestOf("unknown");
      await expect(registry.connect(alice).requireWitnesses(unknown, [bob.address], 1, 0))
        .to.be.revertedWithCustomError(registry, "EvidenceNotFound")
        .withArgs(unknown);
    });

    it("reverts NotSubmitter(id, caller, submitter) for anyone but the submitter", async function () {
      const { registry, id, alice, bob, carol } = await loadFixture(deployAnchored);
      await expectNoStateChange(registry, [id], [bob.address, carol.address], async () => {
        await expect(registry.connect(bob).requireWitnesses(id, [carol.address], 1, 0))
          .to.be.revertedWithCustomError(registry, "NotSubmitter")
          .withArgs(id, bob.address, alice.address);
      });
    });

    it("reverts EvidenceRevoked(id, revokedAt) for a revoked record", async function () {
      const { registry, id, alice, bob } = await loadFixture(deployAnchored);
      const { time } = await minedAt(await registry.connect(alice).revoke(id, ZERO));
      await expectNoStateChange(registry, [id], [bob.address], async () => {
        await expect(registry.connect(alice).requireWitnesses(id, [bob.address], 1, 0))
          .to.be.revertedWithCustomError(registry, "EvidenceRevoked")
          .withArgs(id, time);
      });
    });

    it("reverts WitnessesAlreadyRequired: the policy is set once", async function () {
      const { registry, id, alice, bob, carol, dave, witnesses } = await loadFixture(deployWithPolicy);
      await expectNoStateChange(registry, [id], witnesses, async () => {
        await expect(registry.connect(alice).requireWitnesses(id, [bob.address], 1, 0))
          .to.be.revertedWithCustomError(registry, "WitnessesAlreadyRequired")
          .withArgs(id);
        await expect(registry.connect(alice).requireWitnesses(id, [carol.address, dave.address], 1, 0))
          .to.be.revertedWithCustomError(registry, "WitnessesAlreadyRequired")
          .withArgs(id);
      });
    });

    it("reverts TooManyWitnesses(33, 32), before looking at the threshold", async function () {
      const { registry, id, alice } = await loadFixture(deployAnchored);
      const witnesses = Array.from({ length: MAX_WITNESSES + 1 }, (_, i) => addressOf(`witness ${i}`));
      await expectNoStateChange(registry, [id], witnesses, async () => {
        await expect(registry.connect(alice).requireWitnesses(id, witnesses, 1, 0))
          .to.be.revertedWithCustomError(registry, "TooManyWitnesses")
          .withArgs(MAX_WITNESSES + 1, MAX_WITNESSES);
        await expect(registry.connect(alice).requireWitnesses(id, witnesses, 0, 0))
          .to.be.revertedWithCustomError(registry, "TooManyWitnesses")
          .withArgs(MAX_WITNESSES + 1, MAX_WITNESSES);
      });
    });

    it("reverts InvalidThreshold(threshold, count) for 0 and for more than the witnesses", async function () {
      const { registry, id, alice, bob, carol, dave } = await loadFixture(deployAnchored);
      const witnesses = [bob.address, carol.address, dave.address];
      await expectNoStateChange(registry, [id], witnesses, async () => {
        for (const [list, threshold] of [
          [witnesses, 0],
          [witnesses, 4],
          [witnesses, 255],
          [[], 0],
          [[], 1],
        ] as const) {
          await expect(registry.connect(alice).requireWitnesses(id, [...list], threshold, 0))
            .to.be.revertedWithCustomError(registry, "InvalidThreshold")
            .withArgs(threshold, list.length);
        }
      });
    });

    it("reverts InvalidWitnessDeadline for a deadline in the past", async function () {
      const { registry, id, alice, bob } = await loadFixture(deployAnchored);
      const now = BigInt(await networkHelpers.time.latest()) + 10n;
      await networkHelpers.time.setNextBlockTimestamp(now);
      await expect(registry.connect(alice).requireWitnesses(id, [bob.address], 1, now - 1n))
        .to.be.revertedWithCustomError(registry, "InvalidWitnessDeadline")
        .withArgs(now - 1n);
      await expect(registry.connect(alice).requireWitnesses(id, [bob.address], 1, 1))
        .to.be.revertedWithCustomError(registry, "InvalidWitnessDeadline")
        .withArgs(1);
      expect((await registry.getWitnessPolicy(id)).threshold).to.equal(0n);
    });

    it("reverts InvalidWitness for the zero address or the submitter, wherever it is listed", async function () {
      const { registry, id, alice, bob, carol } = await loadFixture(deployAnchored);
      const accounts = [alice.address, bob.address, carol.address];
      await expectNoStateChange(registry, [id], accounts, async () => {
        for (const bad of [ethers.ZeroAddress, alice.address]) {
          for (const list of [
            [bad, bob.address],
            [bob.address, carol.address, bad],
          ]) {
            await expect(registry.connect(alice).requireWitnesses(id, list, 1, 0))
              .to.be.revertedWithCustomError(registry, "InvalidWitness")
              .withArgs(bad);
          }
        }
      });
      // Nothing of the reverted lists stuck: bob is not a half-registered duplicate.
      await expect(registry.connect(alice).requireWitnesses(id, [bob.address, carol.address], 1, 0)).to.emit(
        registry,
        "WitnessesRequired",
      );
    });

    it("reverts DuplicateWitness for a witness named twice", async function () {
      const { registry, id, alice, bob, carol } = await loadFixture(deployAnchored);
      await expectNoStateChange(registry, [id], [bob.address, carol.address], async () => {
        await expect(registry.connect(alice).requireWitnesses(id, [bob.address, carol.address, bob.address], 2, 0))
          .to.be.revertedWithCustomError(registry, "DuplicateWitness")
          .withArgs(bob.address);
        await expect(registry.connect(alice).requireWitnesses(id, [carol.address, carol.address], 1, 0))
          .to.be.revertedWithCustomError(registry, "DuplicateWitness")
          .withArgs(carol.address);
      });
    });

    it("keeps policies per record", async function () {
      const { registry, id, alice, bob, carol } = await loadFixture(deployWithPolicy);
      const other = digestOf("other");
      await registry.connect(alice).anchor(other, SHA256, ZERO);
      await expect(registry.connect(bob).cosign(other))
        .to.be.revertedWithCustomError(registry, "NotAWitness")
        .withArgs(other, bob.address);
      // The same witnesses can be named again on another record.
      await registry.connect(alice).requireWitnesses(other, [carol.address, bob.address], 1, 0);
      await registry.connect(bob).cosign(other);
      expect(await registry.hasCosigned(other, bob.address)).to.equal(true);
      expect(await registry.hasCosigned(id, bob.address)).to.equal(false);
      expect((await registry.getWitnessPolicy(id)).signatures).to.equal(0n);
    });
  });

  describe("cosign", function () {
    it("counts co-signatures and emits Witnessed exactly once, at the threshold", async function () {
      const { registry, id, alice, bob, carol, dave } = await loadFixture(deployWithPolicy);

      const first = registry.connect(bob).cosign(id);
      await expect(first).to.emit(registry, "Cosigned").withArgs(id, alice.address, bob.address, 1);
      await expect(first).not.to.emit(registry, "Witnessed");
      expect((await registry.verify(id)).witnessed).to.equal(false);

      const second = registry.connect(carol).cosign(id);
      await expect(second).to.emit(registry, "Cosigned").withArgs(id, alice.address, carol.address, 2);
      await expect(second).to.emit(registry, "Witnessed").withArgs(id, alice.address);
      expect((await registry.verify(id)).witnessed).to.equal(true);

      // Signing past the threshold still counts, but the record is witnessed only once.
      const third = registry.connect(dave).cosign(id);
      await expect(third).to.emit(registry, "Cosigned").withArgs(id, alice.address, dave.address, 3);
      await expect(third).not.to.emit(registry, "Witnessed");
      expect((await registry.verify(id)).witnessed).to.equal(true);

      expect(await registry.queryFilter(registry.filters.Witnessed(id))).to.have.length(1);
      const policy = await registry.getWitnessPolicy(id);
      expect(policy.threshold).to.equal(2n);
      expect(policy.signatures).to.equal(3n);
      for (const witness of [bob, carol, dave]) expect(await registry.hasCosigned(id, witness.address)).to.equal(true);
      const verification = await registry.verify(id);
      expect(verification.witnessThreshold).to.equal(2n);
      expect(verification.witnessSignatures).to.equal(3n);
      expect(verification.witnessed).to.equal(true);
    });

    it("witnesses on the first signature with a threshold of 1", async function () {
      const { registry, id, alice, bob, carol } = await loadFixture(deployAnchored);
      await registry.connect(alice).requireWitnesses(id, [bob.address, carol.address], 1, 0);
      const tx = registry.connect(carol).cosign(id);
      await expect(tx).to.emit(registry, "Cosigned").withArgs(id, alice.address, carol.address, 1);
      await expect(tx).to.emit(registry, "Witnessed").withArgs(id, alice.address);
      expect(await registry.hasCosigned(id, bob.address)).to.equal(false);
    });

    it("keeps the batch bit when a batch root is witnessed", async function () {
      const { registry, alice, bob } = await loadFixture(deployRegistry);
      const root = digestOf("batch");
      await registry.connect(alice).anchorBatch(root, SHA256, 8, ZERO);
      await registry.connect(alice).requireWitnesses(root, [bob.address], 1, 0);
      await registry.connect(bob).cosign(root);
      const record = await registry.getRecord(root);
      expect(record.batch).to.equal(true);
      expect(record.algorithm).to.equal(SHA256);
      expect(record.submitter).to.equal(alice.address);
      const verification = await registry.verify(root);
      expect(verification.batched).to.equal(true);
      expect(verification.witnessed).to.equal(true);
    });

    it("leaves the anchored record untouched when the record becomes witnessed", async function () {
      const { registry, id, bob, carol } = await loadFixture(deployWithPolicy);
      const before = plain(await registry.getRecord(id));
      await registry.connect(bob).cosign(id);
      await networkHelpers.mine(5);
      await registry.connect(carol).cosign(id);
      expect(plain(await registry.getRecord(id))).to.deep.equal(before);
      expect((await registry.verify(id)).witnessed).to.equal(true);
    });

    it("reverts NotAWitness for an account not named, the submitter included", async function () {
      const { registry, id, alice, outsider, witnesses } = await loadFixture(deployWithPolicy);
      await expectNoStateChange(registry, [id], [...witnesses, alice.address, outsider.address], async () => {
        for (const account of [outsider, alice]) {
          await expect(registry.connect(account).cosign(id))
            .to.be.revertedWithCustomError(registry, "NotAWitness")
            .withArgs(id, account.address);
        }
      });
    });

    it("reverts NotAWitness on a record without a witness policy", async function () {
      const { registry, id, bob } = await loadFixture(deployAnchored);
      await expect(registry.connect(bob).cosign(id))
        .to.be.revertedWithCustomError(registry, "NotAWitness")
        .withArgs(id, bob.address);
    });

    it("reverts AlreadyCosigned for a second signature by the same witness", async function () {
      const { registry, id, bob, witnesses } = await loadFixture(deployWithPolicy);
      await registry.connect(bob).cosign(id);
      await expectNoStateChange(registry, [id], witnesses, async () => {
        await expect(registry.connect(bob).cosign(id))
          .to.be.revertedWithCustomError(registry, "AlreadyCosigned")
          .withArgs(id, bob.address);
      });
    });

    it("accepts a signature at the deadline and reverts CosignDeadlinePassed after it", async function () {
      const { registry, id, alice, bob, carol, dave, deadline, witnesses } = await loadFixture(deployWithPolicy);
      await networkHelpers.time.setNextBlockTimestamp(deadline);
      await expect(registry.connect(bob).cosign(id))
        .to.emit(registry, "Cosigned")
        .withArgs(id, alice.address, bob.address, 1);

      await expectNoStateChange(registry, [id], witnesses, async () => {
        await expect(registry.connect(carol).cosign(id))
          .to.be.revertedWithCustomError(registry, "CosignDeadlinePassed")
          .withArgs(id, deadline);
        await networkHelpers.time.increase(365 * 86_400);
        await expect(registry.connect(dave).cosign(id))
          .to.be.revertedWithCustomError(registry, "CosignDeadlinePassed")
          .withArgs(id, deadline);
      });
      expect((await registry.verify(id)).witnessed).to.equal(false);
    });

    it("reports AlreadyCosigned and NotAWitness ahead of a passed deadline", async function () {
      const { registry, id, bob, outsider, deadline } = await loadFixture(deployWithPolicy);
      await registry.connect(bob).cosign(id);
      await networkHelpers.time.increaseTo(deadline + 1n);
      await expect(registry.connect(bob).cosign(id))
        .to.be.revertedWithCustomError(registry, "AlreadyCosigned")
        .withArgs(id, bob.address);
      await expect(registry.connect(outsider).cosign(id))
        .to.be.revertedWithCustomError(registry, "NotAWitness")
        .withArgs(id, outsider.address);
    });

    it("never expires without a deadline", async function () {
      const { registry, id, alice, bob } = await loadFixture(deployAnchored);
      await registry.connect(alice).requireWitnesses(id, [bob.address], 1, 0);
      await networkHelpers.time.increase(10 * 365 * 86_400);
      await expect(registry.connect(bob).cosign(id)).to.emit(registry, "Witnessed").withArgs(id, alice.address);
    });

    it("reverts EvidenceRevoked(id, revokedAt) for a pending witness once the record is revoked", async function () {
      const { registry, id, alice, bob, carol, dave, witnesses } = await loadFixture(deployWithPolicy);
      await registry.connect(bob).cosign(id);
      const { time } = await minedAt(await registry.connect(alice).revoke(id, ZERO));
      await expectNoStateChange(registry, [id], witnesses, async () => {
        for (const account of [carol, dave]) {
          await expect(registry.connect(account).cosign(id))
            .to.be.revertedWithCustomError(registry, "EvidenceRevoked")
            .withArgs(id, time);
        }
      });
      expect((await registry.getWitnessPolicy(id)).signatures).to.equal(1n);
    });

    it("on a revoked record, reports NotAWitness and AlreadyCosigned ahead of the revocation", async function () {
      const { registry, id, alice, bob, outsider, witnesses } = await loadFixture(deployWithPolicy);
      await registry.connect(bob).cosign(id);
      await registry.connect(alice).revoke(id, ZERO);
      await expectNoStateChange(registry, [id], [...witnesses, alice.address, outsider.address], async () => {
        for (const account of [outsider, alice]) {
          await expect(registry.connect(account).cosign(id))
            .to.be.revertedWithCustomError(registry, "NotAWitness")
            .withArgs(id, account.address);
        }
        await expect(registry.connect(bob).cosign(id))
          .to.be.revertedWithCustomError(registry, "AlreadyCosigned")
          .withArgs(id, bob.address);
      });
    });

    it("reports EvidenceRevoked ahead of a passed deadline", async function () {
      const { registry, id, alice, carol, deadline, witnesses } = await loadFixture(deployWithPolicy);
      await networkHelpers.time.increaseTo(deadline + 1n);
      const { time } = await minedAt(await registry.connect(alice).revoke(id, ZERO));
      await expectNoStateChange(registry, [id], witnesses, async () => {
        await expect(registry.connect(carol).cosign(id))
          .to.be.revertedWithCustomError(registry, "EvidenceRevoked")
          .withArgs(id, time);
      });
    });

    it("keeps the witness policy intact through a revocation sharing its storage", async function () {
      const { registry, id, alice, bob, carol, witnesses, deadline } = await loadFixture(deployWithPolicy);
      await registry.connect(bob).cosign(id);
      await registry.connect(carol).cosign(id);
      const policy = plain(await registry.getWitnessPolicy(id));
      expect(policy).to.deep.equal({ threshold: 2n, signatures: 2n, deadline, witnesses });
      const { time } = await minedAt(await registry.connect(alice).revoke(id, ZERO));

      expect(plain(await registry.getWitnessPolicy(id))).to.deep.equal(policy);
      const verification = await registry.verify(id);
      expect([verification.revokedAt, verification.witnessSignatures, verification.witnessed]).to.deep.equal([
        time,
        2n,
        true,
      ]);
    });

    it("reverts EvidenceNotFound for an unknown id", async function () {
      const { registry, bob } = await loadFixture(deployWithPolicy);
      const unknown = digestOf("unknown");
      await expect(registry.connect(bob).cosign(unknown))
        .to.be.revertedWithCustomError(registry, "EvidenceNotFound")
        .withArgs(unknown);
    });

    it("keeps the witnessed state through revocation and supersession", async function () {
      const { registry, id, alice, bob, carol } = await loadFixture(deployWithPolicy);
      await registry.connect(bob).cosign(id);
      await registry.connect(carol).cosign(id);
      const next = digestOf("next version");
      await registry.connect(alice).anchor(next, SHA256, ZERO);
      await registry.connect(alice).supersede(id, next);
      await registry.connect(alice).revoke(id, ZERO);

      const verification = await registry.verify(id);
      expect(verification.witnessed).to.equal(true);
      expect(verification.witnessSignatures).to.equal(2n);
      expect(verification.revoked).to.equal(true);
      expect(verification.supersededBy).to.equal(next);
      expect((await registry.getWitnessPolicy(id)).signatures).to.equal(2n);
    });
  });
});
