import { expect } from "chai";

import {
  DAY,
  SHA256,
  authorsHash24,
  deployCopyright,
  digestOf,
  ethers,
  networkHelpers,
  terms,
  termsId,
} from "./fixture.js";

const { loadFixture, time } = networkHelpers;

describe("CopyrightDisputes", () => {
  async function fixture() {
    const base = await deployCopyright();
    const { registry, evidence, alice, eve, token, carol } = base;
    // eve registers a plagiarised copy of alice's song; alice anchors her original draft as evidence.
    const copy = digestOf("copied song");
    const workId = BigInt(copy);
    const eveAuthors = [{ account: eve.address, shares: 10_000 }];
    await registry.connect(eve).registerWork(copy, SHA256, "ipfs://copy", eveAuthors);
    const paid = terms({ currency: await token.getAddress(), fee: 1_000n, duration: DAY });
    await registry.registerTerms(paid);
    const paidId = termsId(paid);
    await registry.connect(eve).attachTerms(workId, paidId);
    await registry.connect(carol).purchaseLicense(workId, paidId, 1_000n, eveAuthors);
    const evidenceId = digestOf("original draft");
    await evidence.connect(alice).anchor(evidenceId, SHA256, ethers.ZeroHash);
    return { ...base, workId, eveAuthors, paidId, evidenceId };
  }

  it("raises a dispute citing anchored evidence", async () => {
    const { disputes, registry, evidence, alice, workId, evidenceId } = await loadFixture(fixture);
    const evidenceTime = (await evidence.verify(evidenceId)).time;
    const priorityTime = (await registry.getWork(workId)).priorityTime;
    await expect(disputes.connect(alice).raiseDispute(workId, evidenceId))
      .to.emit(disputes, "DisputeRaised")
      .withArgs(1n, workId, alice.address, evidenceId, evidenceTime, priorityTime);
    const dispute = await disputes.getDispute(1n);
    expect(dispute.workId).to.equal(workId);
    expect(dispute.evidenceId).to.equal(evidenceId);
    expect(dispute.claimant).to.equal(alice.address);
    expect(dispute.raisedAt).to.equal(BigInt(await time.latest()));
    expect(dispute.status).to.equal(1n);
    expect(await disputes.disputeCount()).to.equal(1n);
    expect(await disputes.copyrightRegistry()).to.equal(await registry.getAddress());
    expect(await disputes.evidenceRegistry()).to.equal(await evidence.getAddress());
  });

  it("rejects disputes on unknown works or citing unknown evidence", async () => {
    const { disputes, alice, workId, evidenceId } = await loadFixture(fixture);
    await expect(disputes.connect(alice).raiseDispute(1n, evidenceId))
      .to.be.revertedWithCustomError(disputes, "WorkNotFound")
      .withArgs(1n);
    const missing = digestOf("never anchored");
    await expect(disputes.connect(alice).raiseDispute(workId, missing))
      .to.be.revertedWithCustomError(disputes, "EvidenceNotFound")
      .withArgs(missing);
    expect(await disputes.disputeCount()).to.equal(0n);
  });

  it("refuses revoked evidence, and accepts a batch root as evidence", async () => {
    const { disputes, registry, evidence, alice, workId, evidenceId } = await loadFixture(fixture);
    await evidence.connect(alice).revoke(evidenceId, ethers.id("wrong file"));
    const revokedAt = BigInt(await time.latest());
    await expect(disputes.connect(alice).raiseDispute(workId, evidenceId))
      .to.be.revertedWithCustomError(disputes, "EvidenceRevoked")
      .withArgs(evidenceId, revokedAt);
    expect(await disputes.disputeCount()).to.equal(0n);
    const root = digestOf("batch of drafts");
    await evidence.connect(alice).anchorBatch(root, SHA256, 3n, ethers.ZeroHash);
    await expect(disputes.connect(alice).raiseDispute(workId, root))
      .to.emit(disputes, "DisputeRaised")
      .withArgs(
        1n,
        workId,
        alice.address,
        root,
        (await evidence.verify(root)).time,
        (await registry.getWork(workId)).priorityTime,
      );
  });

  it("gives the admin and arbitrator roles to the accounts named at deployment", async () => {
    const { registry, evidence, alice, bob } = await loadFixture(fixture);
    const separate = await ethers.deployContract("CopyrightDisputes", [
      alice.address,
      bob.address,
      await registry.getAddress(),
      await evidence.getAddress(),
    ]);
    const arbitrator = await separate.ARBITRATOR_ROLE();
    expect(await separate.hasRole(ethers.ZeroHash, alice.address)).to.equal(true);
    expect(await separate.hasRole(arbitrator, alice.address)).to.equal(false);
    expect(await separate.hasRole(arbitrator, bob.address)).to.equal(true);
    expect(await separate.hasRole(ethers.ZeroHash, bob.address)).to.equal(false);
    await expect(separate.connect(alice).resolveDispute(1n, false, ethers.ZeroAddress))
      .to.be.revertedWithCustomError(separate, "AccessControlUnauthorizedAccount")
      .withArgs(alice.address, arbitrator);
  });

  it("lets only arbitrators rule, once, and a rejection move nothing", async () => {
    const { disputes, registry, alice, eve, workId, evidenceId } = await loadFixture(fixture);
    await disputes.connect(alice).raiseDispute(workId, evidenceId);
    const role = await disputes.ARBITRATOR_ROLE();
    await expect(disputes.connect(alice).resolveDispute(1n, true, alice.address))
      .to.be.revertedWithCustomError(disputes, "AccessControlUnauthorizedAccount")
      .withArgs(alice.address, role);
    await expect(disputes.resolveDispute(2n, true, ethers.ZeroAddress))
      .to.be.revertedWithCustomError(disputes, "DisputeNotOpen")
      .withArgs(2n, 0);
    await expect(disputes.resolveDispute(1n, false, alice.address))
      .to.be.revertedWithCustomError(disputes, "InvalidRuling")
      .withArgs(1n, alice.address);
    const [admin] = await ethers.getSigners();
    const tx = disputes.resolveDispute(1n, false, ethers.ZeroAddress);
    await expect(tx)
      .to.emit(disputes, "DisputeResolved")
      .withArgs(1n, workId, admin.address, false, ethers.ZeroAddress);
    await expect(tx).not.to.emit(registry, "WorkFrozen");
    expect((await disputes.getDispute(1n)).status).to.equal(3n);
    expect((await registry.getWork(workId)).frozen).to.equal(false);
    expect(await registry.ownerOf(workId)).to.equal(eve.address);
    await expect(disputes.resolveDispute(1n, true, ethers.ZeroAddress))
      .to.be.revertedWithCustomError(disputes, "DisputeNotOpen")
      .withArgs(1n, 3);
  });

  it("freezes the work on an upheld dispute: no transfer, no terms, no license", async () => {
    const { disputes, registry, token, admin, alice, bob, carol, dave, eve, workId, eveAuthors, paidId, evidenceId } =
      await loadFixture(fixture);
    await disputes.connect(alice).raiseDispute(workId, evidenceId);
    const tx = disputes.resolveDispute(1n, true, ethers.ZeroAddress);
    await expect(tx).to.emit(disputes, "DisputeResolved").withArgs(1n, workId, admin.address, true, ethers.ZeroAddress);
    await expect(tx).to.emit(registry, "WorkFrozen").withArgs(workId, 1n, ethers.ZeroAddress);
    expect((await disputes.getDispute(1n)).status).to.equal(2n);
    expect((await registry.getWork(workId)).frozen).to.equal(true);
    await expect(registry.connect(eve).transferFrom(eve.address, dave.address, workId))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await expect(registry.connect(dave).purchaseLicense(workId, paidId, 1_000n, eveAuthors))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await expect(registry.connect(eve).grantLicense(workId, paidId, dave.address))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await expect(registry.connect(eve).attachTerms(workId, paidId))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await expect(registry.connect(alice).registerDerivative(digestOf("r"), SHA256, "", eveAuthors, [workId], [paidId]))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await expect(registry.connect(eve).setWorkRoyalty(workId, 100))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await expect(registry.connect(carol).sublicense(workId, paidId, dave.address))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await expect(registry.connect(dave).payRevenue(workId, await token.getAddress(), 100n, eveAuthors, []))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await expect(registry.connect(eve)["safeTransferFrom(address,address,uint256)"](eve.address, dave.address, workId))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await expect(
      registry.connect(eve)["safeTransferFrom(address,address,uint256,bytes)"](eve.address, dave.address, workId, "0x"),
    )
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    await registry.connect(eve).setApprovalForAll(bob.address, true);
    await expect(registry.connect(bob).transferFrom(eve.address, bob.address, workId))
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(workId);
    expect(await registry.ownerOf(workId)).to.equal(eve.address);
    expect(await registry.royaltyInfo(workId, 10_000n)).to.deep.equal([eve.address, 0n]);
    expect(await registry.isLicensed(workId, dave.address, paidId)).to.equal(false);
    // Running licenses stay valid; the owner cannot unfreeze; an arbitrator can.
    expect(await registry.isLicensed(workId, carol.address, paidId)).to.equal(true);
    const ruling = await registry.RULING_ROLE();
    await expect(registry.connect(eve).unfreeze(workId))
      .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
      .withArgs(eve.address, ruling);
    await expect(disputes.connect(eve).unfreeze(workId))
      .to.be.revertedWithCustomError(disputes, "AccessControlUnauthorizedAccount")
      .withArgs(eve.address, await disputes.ARBITRATOR_ROLE());
    await expect(disputes.unfreeze(workId)).to.emit(registry, "WorkUnfrozen").withArgs(workId);
    await expect(disputes.unfreeze(workId)).to.be.revertedWithCustomError(registry, "NotFrozen").withArgs(workId);
    await registry.connect(eve).transferFrom(eve.address, dave.address, workId);
  });

  it("moves the work to its rightful owner as sole payee, leaving credited fees alone", async () => {
    const { disputes, registry, token, alice, eve, workId, evidenceId } = await loadFixture(fixture);
    const tokenAddress = await token.getAddress();
    expect(await registry.creditOf(eve.address, tokenAddress)).to.equal(1_000n);
    await disputes.connect(alice).raiseDispute(workId, evidenceId);
    await disputes.connect(alice).raiseDispute(workId, evidenceId);
    const tx = disputes.resolveDispute(1n, true, alice.address);
    await expect(tx).to.emit(registry, "CopyrightTransferred").withArgs(workId, eve.address, alice.address);
    await expect(tx).to.emit(registry, "WorkFrozen").withArgs(workId, 1n, alice.address);
    const work = await registry.getWork(workId);
    expect(work.owner).to.equal(alice.address);
    expect(work.frozen).to.equal(true);
    expect(work.authorsHash).to.equal(authorsHash24([{ account: alice.address, shares: 10_000 }]));
    expect(await registry.creditOf(eve.address, tokenAddress)).to.equal(1_000n);
    // A later ruling may move a frozen work again; it stays frozen.
    const [, , bob] = await ethers.getSigners();
    await expect(disputes.resolveDispute(2n, true, bob.address))
      .to.emit(registry, "CopyrightTransferred")
      .withArgs(workId, alice.address, bob.address);
    expect((await registry.getWork(workId)).frozen).to.equal(true);
  });

  it("keeps a frozen work from being taken over by an earlier commit: the ruling decides", async () => {
    const { disputes, registry, alice, eve, evidenceId } = await loadFixture(fixture);
    const digest = digestOf("contested");
    const salt = ethers.id("salt");
    const c = ethers.keccak256(
      ethers.AbiCoder.defaultAbiCoder().encode(["bytes32", "bytes32", "address"], [digest, salt, alice.address]),
    );
    await registry.connect(alice).commit(c);
    await registry.connect(eve).registerWork(digest, SHA256, "", [{ account: eve.address, shares: 10_000 }]);
    await disputes.connect(alice).raiseDispute(BigInt(digest), evidenceId);
    await disputes.resolveDispute(1n, true, ethers.ZeroAddress);
    await expect(
      registry.connect(alice).revealWork(digest, SHA256, "", [{ account: alice.address, shares: 10_000 }], salt),
    )
      .to.be.revertedWithCustomError(registry, "Frozen")
      .withArgs(BigInt(digest));
    expect(await registry.ownerOf(BigInt(digest))).to.equal(eve.address);
  });

  it("lets only the ruling role enforce rulings, on registered works", async () => {
    const { registry, admin, alice, workId } = await loadFixture(fixture);
    const ruling = await registry.RULING_ROLE();
    await expect(registry.connect(alice).enforceRuling(workId, 1n, alice.address))
      .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
      .withArgs(alice.address, ruling);
    await registry.grantRole(ruling, admin.address);
    await expect(registry.enforceRuling(1n, 1n, ethers.ZeroAddress))
      .to.be.revertedWithCustomError(registry, "WorkNotFound")
      .withArgs(1n);
  });
});
