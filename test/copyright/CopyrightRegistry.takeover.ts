// Takeovers (a reveal with an earlier commit, or a ruling that moves a work) void everything the previous holder set
// up: licenses, exclusivity locks, attached terms and the royalty rate. The exploit they close: a copier front-runs a
// creator's reveal, registers the digest and locks the work with a free perpetual exclusive license to itself. Since
// finding 11 that license is refused outright (`WorkNotSettled`): the copier's work settles only after every earlier
// commitment's window, so before a reveal it can carry terms and a royalty rate, never a license.
import { expect } from "chai";
import type { Interface } from "ethers";

import {
  DAY,
  MAX_UINT64,
  SHA256,
  commitment,
  deployCopyright,
  digestOf,
  ethers,
  networkHelpers,
  settle,
  terms,
  termsId,
} from "./fixture.js";

const { loadFixture, time } = networkHelpers;
const ZERO_LICENSE = [0n, 0n, false];

describe("CopyrightRegistry: takeovers", () => {
  describe("a copier front-running a reveal", () => {
    async function squatFixture() {
      const base = await deployCopyright();
      const { registry, alice } = base;
      const digest = digestOf("the creator's song");
      const workId = BigInt(digest);
      const salt = ethers.id("salt");
      await registry.connect(alice).commit(commitment(digest, salt, alice.address));
      const committedAt = BigInt(await time.latest());
      // The copier sees the reveal in the mempool and gets in first.
      const copier = await ethers.deployContract("CopyrightCopier");
      const copierAddress = await copier.getAddress();
      const registryAddress = await registry.getAddress();
      const call = (name: string, args: unknown[]) =>
        copier.execute(registryAddress, (registry.interface as Interface).encodeFunctionData(name, args));
      const copierAuthors = [{ account: copierAddress, shares: 10_000 }];
      await call("registerWork", [digest, SHA256, "ipfs://copy", copierAuthors]);
      // What it may do before settlement: offer exclusive terms, set a 100% royalty rate, derive from its copy.
      const exclusive = terms({ exclusive: true, sublicensable: true, derivativesAllowed: true });
      await registry.registerTerms(exclusive);
      const exclusiveId = termsId(exclusive);
      await call("attachTerms", [workId, exclusiveId]);
      await call("setWorkRoyalty", [workId, 10_000]);
      const derivative = BigInt(digestOf("the copier's remix"));
      await call("registerDerivative", [
        digestOf("the copier's remix"),
        SHA256,
        "",
        copierAuthors,
        [workId],
        [ethers.ZeroHash],
      ]);
      const solo = [{ account: alice.address, shares: 10_000 }];
      return {
        ...base,
        digest,
        workId,
        salt,
        committedAt,
        copier,
        copierAddress,
        call,
        exclusiveId,
        derivative,
        solo,
      };
    }

    it("cannot lock the work before the reveal: no license, grant or transfer until it is settled", async () => {
      const { registry, eve, workId, copier, copierAddress, call, exclusiveId } = await loadFixture(squatFixture);
      const settlesAt = await registry.settledAt(workId);
      expect(await registry.isSettled(workId)).to.equal(false);
      const refused = (tx: Promise<unknown>) =>
        expect(tx).to.be.revertedWithCustomError(registry, "WorkNotSettled").withArgs(workId, settlesAt);
      await refused(call("purchaseLicense", [workId, exclusiveId, 0n, [{ account: copierAddress, shares: 10_000 }]]));
      await refused(call("grantLicense", [workId, exclusiveId, eve.address]));
      await refused(call("transferFrom", [copierAddress, eve.address, workId]));
      expect(await registry.isLicensed(workId, eve.address, exclusiveId)).to.equal(false);
      // The whole squat in one transaction (register, attach, buy the exclusive license) fails on a fresh digest too.
      const other = digestOf("another pending reveal");
      const at = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(at);
      await expect(copier.squat(await registry.getAddress(), other))
        .to.be.revertedWithCustomError(registry, "WorkNotSettled")
        .withArgs(BigInt(other), at + DAY + 1n);
      expect(await registry.exists(BigInt(other))).to.equal(false);
    });

    it("is undone by the reveal: the copier's terms and royalty rate are void", async () => {
      const { registry, alice, digest, workId, salt, committedAt, copierAddress, exclusiveId, solo } =
        await loadFixture(squatFixture);
      expect(await registry.royaltyInfo(workId, 10_000n)).to.deep.equal([copierAddress, 10_000n]);
      expect(await registry.getWorkTerms(workId)).to.deep.equal([[exclusiveId], [true]]);
      const tx = registry.connect(alice).revealWork(digest, SHA256, "ipfs://song", solo, salt);
      await expect(tx).to.emit(registry, "PriorityClaimed").withArgs(workId, copierAddress, alice.address, committedAt);
      await expect(tx).to.emit(registry, "RightsReset").withArgs(workId, 1);
      await expect(tx).to.emit(registry, "CopyrightTransferred").withArgs(workId, copierAddress, alice.address);
      await expect(tx).not.to.emit(registry, "PayeeSet");
      expect(await registry.ownerOf(workId)).to.equal(alice.address);
      expect([...(await registry.getLicense(workId, copierAddress, exclusiveId))]).to.deep.equal(ZERO_LICENSE);
      expect(await registry.getWorkTerms(workId)).to.deep.equal([[], []]);
      expect(await registry.royaltyInfo(workId, 10_000n)).to.deep.equal([alice.address, 0n]);
      // Settled from the end of the commitment's window on.
      expect(await registry.settledAt(workId)).to.equal(committedAt + DAY + 1n);
    });

    it("lets the rightful owner license once settled, exclusively or not", async () => {
      const { registry, token, alice, carol, dave, digest, workId, salt, exclusiveId, solo } =
        await loadFixture(squatFixture);
      await registry.connect(alice).revealWork(digest, SHA256, "", solo, salt);
      await settle(registry, workId);
      const paid = terms({ currency: await token.getAddress(), fee: 1_000n, duration: DAY });
      await registry.registerTerms(paid);
      await expect(registry.connect(alice).attachTerms(workId, termsId(paid)))
        .to.emit(registry, "TermsAttached")
        .withArgs(workId, termsId(paid));
      const tokenAddress = await token.getAddress();
      await expect(registry.connect(carol).purchaseLicense(workId, termsId(paid), 1_000n, solo))
        .to.emit(registry, "Credited")
        .withArgs(alice.address, tokenAddress, workId, 1_000n);
      expect(await registry.isLicensed(workId, carol.address, termsId(paid))).to.equal(true);
      // The copier's own exclusive terms, now the owner's to offer: the running license of this epoch blocks them.
      await registry.connect(alice).attachTerms(workId, exclusiveId);
      const until = (await registry.getLicense(workId, carol.address, termsId(paid))).end;
      await expect(registry.connect(dave).purchaseLicense(workId, exclusiveId, 0n, solo))
        .to.be.revertedWithCustomError(registry, "LicenseOverlap")
        .withArgs(workId, termsId(paid), until);
      await time.increaseTo(until);
      await registry.connect(dave).purchaseLicense(workId, exclusiveId, 0n, solo);
      expect(await registry.isLicensed(workId, dave.address, exclusiveId)).to.equal(true);
      expect(await registry.getWorkTerms(workId)).to.deep.equal([
        [termsId(paid), exclusiveId],
        [true, true],
      ]);
    });

    it("leaves the copier no license to sublicense or derive on", async () => {
      const { registry, alice, bob, copierAddress, call, digest, workId, salt, exclusiveId, solo } =
        await loadFixture(squatFixture);
      await registry.connect(alice).revealWork(digest, SHA256, "", solo, salt);
      await expect(call("sublicense", [workId, exclusiveId, bob.address]))
        .to.be.revertedWithCustomError(registry, "NotLicensed")
        .withArgs(workId, copierAddress, exclusiveId);
      const remix = digestOf("another remix");
      await expect(
        call("registerDerivative", [
          remix,
          SHA256,
          "",
          [{ account: copierAddress, shares: 10_000 }],
          [workId],
          [exclusiveId],
        ]),
      )
        .to.be.revertedWithCustomError(registry, "NotLicensed")
        .withArgs(workId, copierAddress, exclusiveId);
      expect(await registry.exists(BigInt(remix))).to.equal(false);
    });

    it("caps the derivative it registered on its copy at zero: it can never be licensed", async () => {
      const { registry, alice, carol, call, copierAddress, digest, salt, derivative, solo } =
        await loadFixture(squatFixture);
      await registry.connect(alice).revealWork(digest, SHA256, "", solo, salt);
      expect((await registry.getWork(derivative)).parentLicenseUntil).to.equal(0n);
      const free = terms();
      await registry.registerTerms(free);
      await call("attachTerms", [derivative, termsId(free)]);
      await settle(registry, derivative);
      await expect(
        registry
          .connect(carol)
          .purchaseLicense(derivative, termsId(free), 0n, [{ account: copierAddress, shares: 10_000 }]),
      )
        .to.be.revertedWithCustomError(registry, "ParentLicenseExpired")
        .withArgs(derivative, 0n);
      expect(await registry.isLicensed(derivative, carol.address, termsId(free))).to.equal(false);
    });
  });

  describe("a ruling that moves the work", () => {
    async function rulingFixture() {
      const base = await deployCopyright();
      const { registry, evidence, disputes, alice, eve, dave } = base;
      const copy = digestOf("plagiarised copy");
      const workId = BigInt(copy);
      const eveAuthors = [{ account: eve.address, shares: 10_000 }];
      await registry.connect(eve).registerWork(copy, SHA256, "", eveAuthors);
      await settle(registry, workId);
      const exclusive = terms({ exclusive: true, sublicensable: true, derivativesAllowed: true });
      await registry.registerTerms(exclusive);
      const exclusiveId = termsId(exclusive);
      await registry.connect(eve).attachTerms(workId, exclusiveId);
      await registry.connect(dave).purchaseLicense(workId, exclusiveId, 0n, eveAuthors);
      await registry.connect(eve).setWorkRoyalty(workId, 500);
      const evidenceId = digestOf("original stems");
      await evidence.connect(alice).anchor(evidenceId, SHA256, ethers.ZeroHash);
      await disputes.connect(alice).raiseDispute(workId, evidenceId);
      await disputes.connect(alice).raiseDispute(workId, evidenceId);
      return { ...base, workId, exclusiveId, eveAuthors };
    }

    it("voids the copier's licenses, lock, terms and royalty rate, and makes the rightful owner sole payee", async () => {
      const { registry, disputes, alice, carol, eve, dave, workId, exclusiveId } = await loadFixture(rulingFixture);
      const tx = disputes.resolveDispute(1n, true, alice.address);
      await expect(tx).to.emit(registry, "CopyrightTransferred").withArgs(workId, eve.address, alice.address);
      await expect(tx).to.emit(registry, "PayeeSet").withArgs(workId, alice.address);
      await expect(tx).to.emit(registry, "RightsReset").withArgs(workId, 1);
      await expect(tx).to.emit(registry, "WorkFrozen").withArgs(workId, 1n, alice.address);
      expect(await registry.isLicensed(workId, dave.address, exclusiveId)).to.equal(false);
      expect([...(await registry.getLicense(workId, dave.address, exclusiveId))]).to.deep.equal(ZERO_LICENSE);
      expect(await registry.getWorkTerms(workId)).to.deep.equal([[], []]);
      expect(await registry.royaltyInfo(workId, 10_000n)).to.deep.equal([alice.address, 0n]);

      // Once unfrozen, the rightful owner licenses freely: the copier's exclusive license no longer blocks it.
      await disputes.unfreeze(workId);
      const solo = [{ account: alice.address, shares: 10_000 }];
      await registry.connect(alice).attachTerms(workId, exclusiveId);
      await registry.connect(alice).grantLicense(workId, exclusiveId, alice.address);
      await expect(registry.connect(carol).purchaseLicense(workId, exclusiveId, 0n, solo))
        .to.be.revertedWithCustomError(registry, "ExclusiveLicenseActive")
        .withArgs(workId, ethers.ZeroHash, MAX_UINT64);
    });

    it("starts a further epoch at each further move, and never on a freeze alone", async () => {
      const { registry, disputes, alice, bob, carol, workId, exclusiveId } = await loadFixture(rulingFixture);
      await disputes.resolveDispute(1n, true, alice.address);
      await disputes.unfreeze(workId);
      await registry.connect(alice).grantLicense(workId, exclusiveId, carol.address);
      expect(await registry.isLicensed(workId, carol.address, exclusiveId)).to.equal(true);
      await expect(disputes.resolveDispute(2n, true, bob.address))
        .to.emit(registry, "RightsReset")
        .withArgs(workId, 2);
      expect(await registry.isLicensed(workId, carol.address, exclusiveId)).to.equal(false);
      expect(await registry.getWorkTerms(workId)).to.deep.equal([[], []]);
    });

    it("voids the links of derivatives registered on the previous holder's licenses, but not later ones", async () => {
      const { registry, disputes, evidence, alice, bob, carol, eve } = await loadFixture(deployCopyright);
      const workId = BigInt(digestOf("copied song"));
      await registry
        .connect(eve)
        .registerWork(digestOf("copied song"), SHA256, "", [{ account: eve.address, shares: 10_000 }]);
      await settle(registry, workId);
      const evidenceId = digestOf("the original");
      await evidence.connect(alice).anchor(evidenceId, SHA256, ethers.ZeroHash);
      await disputes.connect(alice).raiseDispute(workId, evidenceId);
      await disputes.connect(alice).raiseDispute(workId, evidenceId);
      const remixTerms = terms({ derivativesAllowed: true, duration: 10n * DAY });
      await registry.registerTerms(remixTerms);
      const remixId = termsId(remixTerms);
      await registry.connect(eve).grantLicense(workId, remixId, carol.address);
      const carolAuthors = [{ account: carol.address, shares: 10_000 }];
      const before = BigInt(digestOf("remix before the ruling"));
      await registry
        .connect(carol)
        .registerDerivative(digestOf("remix before the ruling"), SHA256, "", carolAuthors, [workId], [remixId]);
      const end = (await registry.getLicense(workId, carol.address, remixId)).end;
      expect((await registry.getWork(before)).parentLicenseUntil).to.equal(end);

      await disputes.resolveDispute(1n, true, alice.address);
      await disputes.unfreeze(workId);
      expect((await registry.getWork(before)).parentLicenseUntil).to.equal(0n);
      // The rightful owner licenses carol anew: a new derivative rests on it, the old link stays void.
      await registry.connect(alice).grantLicense(workId, remixId, carol.address);
      const renewed = (await registry.getLicense(workId, carol.address, remixId)).end;
      const after = BigInt(digestOf("remix after the ruling"));
      await registry
        .connect(carol)
        .registerDerivative(digestOf("remix after the ruling"), SHA256, "", carolAuthors, [workId], [remixId]);
      expect((await registry.getWork(after)).parentLicenseUntil).to.equal(renewed);
      expect((await registry.getWork(before)).parentLicenseUntil).to.equal(0n);
      // A further takeover voids the new link too.
      await disputes.resolveDispute(2n, true, bob.address);
      expect((await registry.getWork(after)).parentLicenseUntil).to.equal(0n);
    });

    it("keeps licenses when the ruling only freezes", async () => {
      const { registry, disputes, dave, workId, exclusiveId } = await loadFixture(rulingFixture);
      const tx = disputes.resolveDispute(1n, true, ethers.ZeroAddress);
      await expect(tx).not.to.emit(registry, "RightsReset");
      await expect(tx).not.to.emit(registry, "PayeeSet");
      expect(await registry.isLicensed(workId, dave.address, exclusiveId)).to.equal(true);
      expect(await registry.getWorkTerms(workId)).to.deep.equal([[exclusiveId], [true]]);
    });
  });
});
