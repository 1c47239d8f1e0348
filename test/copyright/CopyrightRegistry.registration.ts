import { expect } from "chai";
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";

import {
  DAY,
  SHA256,
  SM3,
  authorsHash,
  authorsHash24,
  commitment,
  deployCopyright,
  digestOf,
  ethers,
  networkHelpers,
  terms,
  termsId,
} from "./fixture.js";

const { loadFixture, time } = networkHelpers;
const URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
// Written out rather than imported from the SDK, so a drift between the SDK and the contract fails here.
const REGISTER_WORK_TYPES = {
  RegisterWork: [
    { name: "digest", type: "bytes32" },
    { name: "algorithm", type: "uint8" },
    { name: "uri", type: "string" },
    { name: "authorsHash", type: "bytes32" },
    { name: "creator", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/** A creator's EIP-712 registration for the relay, signed with the types written out above. */
async function signRegistration(
  signer: Awaited<ReturnType<typeof ethers.getSigners>>[number],
  relayAddress: string,
  digest: string,
  uri: string,
  hash: string,
  nonce: bigint,
  deadline: bigint,
  creator: string = signer.address,
) {
  const { chainId } = await ethers.provider.getNetwork();
  return signer.signTypedData(
    { name: "CopyrightRelay", version: "1", chainId, verifyingContract: relayAddress },
    REGISTER_WORK_TYPES,
    { digest, algorithm: SHA256, uri, authorsHash: hash, creator, nonce, deadline },
  );
}

describe("CopyrightRegistry: registration", () => {
  async function fixture() {
    const base = await deployCopyright();
    const { alice, bob } = base;
    const solo = [{ account: alice.address, shares: 10_000 }];
    const duo = [
      { account: alice.address, shares: 6_000 },
      { account: bob.address, shares: 4_000 },
    ];
    return { ...base, solo, duo };
  }

  describe("registerWork", () => {
    it("mints the work to the caller, keyed by its digest, with the priority time of the block", async () => {
      const { registry, alice, duo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const workId = BigInt(digest);
      const tx = registry.connect(alice).registerWork(digest, SM3, URI, duo);
      await expect(tx).to.emit(registry, "Transfer").withArgs(ethers.ZeroAddress, alice.address, workId);
      const now = BigInt(await time.latest());
      await expect(tx)
        .to.emit(registry, "WorkRegistered")
        .withArgs(workId, alice.address, SM3, now, URI, [
          [alice.address, 6_000n],
          [duo[1].account, 4_000n],
        ]);
      await expect(tx).not.to.emit(registry, "CopyrightTransferred");
      expect(await registry.ownerOf(workId)).to.equal(alice.address);
      expect(await registry.exists(workId)).to.equal(true);
      const work = await registry.getWork(workId);
      expect(work.owner).to.equal(alice.address);
      expect(work.priorityTime).to.equal(now);
      expect(work.algorithm).to.equal(SM3);
      expect(work.frozen).to.equal(false);
      expect(work.authorsHash).to.equal(authorsHash24(duo));
      expect(work.parents).to.deep.equal([]);
      expect(work.parentLicenseUntil).to.equal(0n);
    });

    it("rejects a second registration of a digest with the existing work id, owner and priority time", async () => {
      const { registry, alice, bob, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      await registry.connect(alice).registerWork(digest, SHA256, URI, solo);
      const first = BigInt(await time.latest());
      await time.increase(100);
      await expect(
        registry.connect(bob).registerWork(digest, SHA256, "other", [{ account: bob.address, shares: 10_000 }]),
      )
        .to.be.revertedWithCustomError(registry, "WorkAlreadyRegistered")
        .withArgs(BigInt(digest), alice.address, first);
      expect(await registry.ownerOf(BigInt(digest))).to.equal(alice.address);
      expect(await registry.balanceOf(bob.address)).to.equal(0n);
    });

    it("validates the digest, algorithm and authors", async () => {
      const { registry, alice, bob, solo } = await loadFixture(fixture);
      const d = digestOf("x");
      await expect(registry.registerWork(ethers.ZeroHash, SHA256, URI, solo)).to.be.revertedWithCustomError(
        registry,
        "ZeroDigest",
      );
      await expect(registry.registerWork(d, 0, URI, solo))
        .to.be.revertedWithCustomError(registry, "UnknownAlgorithm")
        .withArgs(0);
      await expect(registry.registerWork(d, 128, URI, solo))
        .to.be.revertedWithCustomError(registry, "UnknownAlgorithm")
        .withArgs(128);
      await expect(registry.registerWork(d, SHA256, URI, []))
        .to.be.revertedWithCustomError(registry, "InvalidAuthorCount")
        .withArgs(0, 16);
      const many = Array.from({ length: 17 }, (_, i) => ({
        account: ethers.getAddress(ethers.toBeHex(i + 1, 20)),
        shares: i === 0 ? 10_000 - 16 : 1,
      }));
      await expect(registry.registerWork(d, SHA256, URI, many))
        .to.be.revertedWithCustomError(registry, "InvalidAuthorCount")
        .withArgs(17, 16);
      await expect(registry.registerWork(d, SHA256, URI, [{ account: ethers.ZeroAddress, shares: 10_000 }]))
        .to.be.revertedWithCustomError(registry, "InvalidAuthor")
        .withArgs(ethers.ZeroAddress, 10_000);
      await expect(
        registry.registerWork(d, SHA256, URI, [
          { account: alice.address, shares: 10_000 },
          { account: bob.address, shares: 0 },
        ]),
      )
        .to.be.revertedWithCustomError(registry, "InvalidAuthor")
        .withArgs(bob.address, 0);
      await expect(
        registry.registerWork(d, SHA256, URI, [
          { account: alice.address, shares: 5_000 },
          { account: alice.address, shares: 5_000 },
        ]),
      )
        .to.be.revertedWithCustomError(registry, "DuplicateAuthor")
        .withArgs(alice.address);
      await expect(
        registry.registerWork(d, SHA256, URI, [
          { account: alice.address, shares: 5_000 },
          { account: bob.address, shares: 4_999 },
        ]),
      )
        .to.be.revertedWithCustomError(registry, "InvalidShareTotal")
        .withArgs(9_999);
      expect(await registry.exists(BigInt(d))).to.equal(false);
      await expect(registry.getWork(BigInt(d)))
        .to.be.revertedWithCustomError(registry, "WorkNotFound")
        .withArgs(BigInt(d));
    });

    it("is paused by the pauser and only by the pauser", async () => {
      const { registry, admin, alice, solo } = await loadFixture(fixture);
      const role = await registry.PAUSER_ROLE();
      await expect(registry.connect(alice).pause())
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, role);
      await expect(registry.connect(admin).pause()).to.emit(registry, "Paused").withArgs(admin.address);
      await expect(
        registry.connect(alice).registerWork(digestOf("p"), SHA256, URI, solo),
      ).to.be.revertedWithCustomError(registry, "EnforcedPause");
      await expect(registry.connect(alice).unpause())
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, role);
      await expect(registry.connect(admin).unpause()).to.emit(registry, "Unpaused").withArgs(admin.address);
      await registry.connect(alice).registerWork(digestOf("p"), SHA256, URI, solo);
    });

    it("refuses commits, reveals and relayed registrations while paused", async () => {
      const { registry, relay, admin, alice, carol, solo } = await loadFixture(fixture);
      const digest = digestOf("paused");
      const salt = ethers.id("salt");
      const c = commitment(digest, salt, alice.address);
      await registry.connect(alice).commit(c);
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signRegistration(alice, await relay.getAddress(), digest, URI, authorsHash(solo), 0n, deadline);
      await registry.connect(admin).pause();
      await expect(registry.connect(alice).commit(ethers.id("other"))).to.be.revertedWithCustomError(
        registry,
        "EnforcedPause",
      );
      await expect(registry.connect(alice).revealWork(digest, SHA256, URI, solo, salt)).to.be.revertedWithCustomError(
        registry,
        "EnforcedPause",
      );
      await expect(
        relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, 0n, deadline, sig),
      ).to.be.revertedWithCustomError(registry, "EnforcedPause");
      await registry.grantRole(await registry.REGISTRAR_ROLE(), admin.address);
      await expect(
        registry.connect(admin).registerWorkFor(alice.address, digest, SHA256, URI, solo),
      ).to.be.revertedWithCustomError(registry, "EnforcedPause");
      expect(await registry.exists(BigInt(digest))).to.equal(false);
      expect(await registry.commitmentTime(ethers.id("other"))).to.equal(0n);
      expect(await relay.isNonceUsed(alice.address, 0n)).to.equal(false);
      // Once the pause lifts, the same signed request registers the work.
      await registry.connect(admin).unpause();
      await relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, 0n, deadline, sig);
      expect(await registry.ownerOf(BigInt(digest))).to.equal(alice.address);
    });
  });

  describe("transfers", () => {
    async function soldFixture() {
      const base = await fixture();
      const { registry, token, alice, carol, duo } = base;
      const workId = BigInt(digestOf("song"));
      await registry.connect(alice).registerWork(digestOf("song"), SHA256, URI, duo);
      const paid = terms({ currency: await token.getAddress(), fee: 1_000n, duration: DAY, derivativesAllowed: true });
      await registry.registerTerms(paid);
      const paidId = termsId(paid);
      await registry.connect(alice).attachTerms(workId, paidId);
      await registry.connect(carol).purchaseLicense(workId, paidId, 1_000n, duo);
      return { ...base, workId, paidId };
    }

    it("assigns the copyright and its fee income to the new holder; licenses survive", async () => {
      const { registry, token, alice, bob, carol, dave, duo, workId, paidId } = await loadFixture(soldFixture);
      const tx = registry.connect(alice).transferFrom(alice.address, dave.address, workId);
      await expect(tx).to.emit(registry, "CopyrightTransferred").withArgs(workId, alice.address, dave.address);
      await expect(tx).to.emit(registry, "Transfer").withArgs(alice.address, dave.address, workId);
      await expect(tx).to.emit(registry, "PayeeSet").withArgs(workId, dave.address);
      await expect(tx).not.to.emit(registry, "RightsReset");
      const sole = [{ account: dave.address, shares: 10_000 }];
      const work = await registry.getWork(workId);
      expect(work.owner).to.equal(dave.address);
      expect(work.authorsHash).to.equal(authorsHash24(sole));
      // The license sold before the assignment stays valid, and the terms stay on sale.
      expect(await registry.isLicensed(workId, carol.address, paidId)).to.equal(true);
      expect((await registry.getWorkTerms(workId))[1]).to.deep.equal([true]);
      // The registration event keeps the authors for attribution.
      const [registered] = await registry.queryFilter(registry.filters.WorkRegistered(workId));
      expect(registered.args.authors.map((a) => [a.account, a.shares])).to.deep.equal([
        [alice.address, 6_000n],
        [bob.address, 4_000n],
      ]);
      // New fees go to the new holder: the old authors list no longer matches.
      const tokenAddress = await token.getAddress();
      await expect(registry.connect(carol).purchaseLicense(workId, paidId, 1_000n, duo))
        .to.be.revertedWithCustomError(registry, "AuthorsMismatch")
        .withArgs(workId, authorsHash24(sole), authorsHash24(duo));
      const before = await Promise.all([alice, bob, dave].map((s) => registry.creditOf(s.address, tokenAddress)));
      expect(before).to.deep.equal([600n, 400n, 0n]);
      await expect(registry.connect(carol).purchaseLicense(workId, paidId, 1_000n, sole))
        .to.emit(registry, "Credited")
        .withArgs(dave.address, tokenAddress, workId, 1_000n);
      const after = await Promise.all([alice, bob, dave].map((s) => registry.creditOf(s.address, tokenAddress)));
      expect(after).to.deep.equal([600n, 400n, 1_000n]);
    });

    it("pays a derivative's royalties to the parent's new holder", async () => {
      const { registry, token, alice, carol, dave, eve, workId } = await loadFixture(soldFixture);
      const royalty = terms({ currency: await token.getAddress(), derivativesAllowed: true, royaltyBps: 1_000 });
      await registry.registerTerms(royalty);
      await registry.connect(alice).grantLicense(workId, termsId(royalty), carol.address);
      const remixAuthors = [{ account: carol.address, shares: 10_000 }];
      const remix = BigInt(digestOf("remix"));
      await registry
        .connect(carol)
        .registerDerivative(digestOf("remix"), SHA256, "", remixAuthors, [workId], [termsId(royalty)]);
      await registry.connect(alice).transferFrom(alice.address, dave.address, workId);
      const tokenAddress = await token.getAddress();
      const tx = registry
        .connect(eve)
        .payRevenue(remix, tokenAddress, 1_000n, remixAuthors, [[{ account: dave.address, shares: 10_000 }]]);
      await expect(tx).to.emit(registry, "Credited").withArgs(dave.address, tokenAddress, workId, 100n);
      await expect(tx).to.emit(registry, "Credited").withArgs(carol.address, tokenAddress, remix, 900n);
      expect(await registry.creditOf(dave.address, tokenAddress)).to.equal(100n);
    });

    it("assigns the payee on both safeTransferFrom overloads and on an approved operator's transfer", async () => {
      const { registry, alice, bob, carol, dave, workId } = await loadFixture(soldFixture);
      await expect(
        registry.connect(alice)["safeTransferFrom(address,address,uint256)"](alice.address, bob.address, workId),
      )
        .to.emit(registry, "PayeeSet")
        .withArgs(workId, bob.address);
      await expect(
        registry
          .connect(bob)
          ["safeTransferFrom(address,address,uint256,bytes)"](bob.address, carol.address, workId, "0x"),
      )
        .to.emit(registry, "PayeeSet")
        .withArgs(workId, carol.address);
      await registry.connect(carol).approve(dave.address, workId);
      await expect(registry.connect(dave).transferFrom(carol.address, dave.address, workId))
        .to.emit(registry, "PayeeSet")
        .withArgs(workId, dave.address);
      expect((await registry.getWork(workId)).authorsHash).to.equal(
        authorsHash24([{ account: dave.address, shares: 10_000 }]),
      );
    });

    // Audit F3: a transfer to oneself made the holder sole payee, cutting the co-authors out.
    it("keeps the payees on a transfer to the holder itself, by the holder or an operator", async () => {
      const { registry, token, alice, bob, carol, dave, duo, workId, paidId } = await loadFixture(soldFixture);
      const tx = registry.connect(alice).transferFrom(alice.address, alice.address, workId);
      await expect(tx).to.emit(registry, "Transfer").withArgs(alice.address, alice.address, workId);
      await expect(tx).not.to.emit(registry, "PayeeSet");
      await registry.connect(alice).setApprovalForAll(dave.address, true);
      await expect(
        registry.connect(dave)["safeTransferFrom(address,address,uint256)"](alice.address, alice.address, workId),
      ).not.to.emit(registry, "PayeeSet");
      expect((await registry.getWork(workId)).authorsHash).to.equal(authorsHash24(duo));
      expect(await registry.ownerOf(workId)).to.equal(alice.address);
      // The holder alone is not the payee list: fees still split among the authors.
      const sole = [{ account: alice.address, shares: 10_000 }];
      await expect(registry.connect(carol).purchaseLicense(workId, paidId, 1_000n, sole))
        .to.be.revertedWithCustomError(registry, "AuthorsMismatch")
        .withArgs(workId, authorsHash24(duo), authorsHash24(sole));
      const tokenAddress = await token.getAddress();
      const tx2 = registry.connect(carol).purchaseLicense(workId, paidId, 1_000n, duo);
      await expect(tx2).to.emit(registry, "Credited").withArgs(alice.address, tokenAddress, workId, 600n);
      await expect(tx2).to.emit(registry, "Credited").withArgs(bob.address, tokenAddress, workId, 400n);
      expect(await registry.creditOf(alice.address, tokenAddress)).to.equal(1_200n);
      expect(await registry.creditOf(bob.address, tokenAddress)).to.equal(800n);
    });

    it("refuses a transfer by someone neither owner nor approved, changing nothing", async () => {
      const { registry, alice, eve, duo, workId } = await loadFixture(soldFixture);
      await expect(registry.connect(eve).transferFrom(alice.address, eve.address, workId))
        .to.be.revertedWithCustomError(registry, "ERC721InsufficientApproval")
        .withArgs(eve.address, workId);
      expect((await registry.getWork(workId)).authorsHash).to.equal(authorsHash24(duo));
    });
  });

  describe("commit-reveal", () => {
    it("records a commitment once", async () => {
      const { registry, alice, bob } = await loadFixture(fixture);
      const c = commitment(digestOf("song"), ethers.id("salt"), alice.address);
      await expect(registry.connect(bob).commit(c)).to.emit(registry, "Committed").withArgs(c, bob.address);
      const at = BigInt(await time.latest());
      expect(await registry.commitmentTime(c)).to.equal(at);
      await expect(registry.connect(alice).commit(c))
        .to.be.revertedWithCustomError(registry, "CommitmentExists")
        .withArgs(c, at);
    });

    it("lets an expired commitment be made again, with a fresh window", async () => {
      const { registry, alice, bob, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const salt = ethers.id("salt");
      const c = commitment(digest, salt, alice.address);
      await registry.connect(alice).commit(c);
      const first = BigInt(await time.latest());
      // Still open at the last instant of the window.
      await time.setNextBlockTimestamp(first + DAY);
      await expect(registry.connect(bob).commit(c))
        .to.be.revertedWithCustomError(registry, "CommitmentExists")
        .withArgs(c, first);
      expect(await registry.commitmentTime(c)).to.equal(first);
      await time.setNextBlockTimestamp(first + DAY + 1n);
      await expect(registry.connect(alice).commit(c)).to.emit(registry, "Committed").withArgs(c, alice.address);
      const second = first + DAY + 1n;
      expect(await registry.commitmentTime(c)).to.equal(second);
      await expect(registry.connect(alice).commit(c))
        .to.be.revertedWithCustomError(registry, "CommitmentExists")
        .withArgs(c, second);
      await expect(registry.connect(alice).revealWork(digest, SHA256, URI, solo, salt))
        .to.emit(registry, "WorkRegistered")
        .withArgs(BigInt(digest), alice.address, SHA256, second, URI, anyValue);
    });

    it("registers on reveal with the commit time as priority time", async () => {
      const { registry, alice, duo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const salt = ethers.id("salt");
      const c = commitment(digest, salt, alice.address);
      await registry.connect(alice).commit(c);
      const committedAt = BigInt(await time.latest());
      await time.increase(3_600);
      await expect(registry.connect(alice).revealWork(digest, SM3, URI, duo, salt))
        .to.emit(registry, "WorkRegistered")
        .withArgs(BigInt(digest), alice.address, SM3, committedAt, URI, anyValue);
      expect((await registry.getWork(BigInt(digest))).priorityTime).to.equal(committedAt);
      expect(await registry.commitmentTime(c)).to.equal(0n);
      await expect(registry.connect(alice).revealWork(digest, SM3, URI, duo, salt))
        .to.be.revertedWithCustomError(registry, "CommitmentNotFound")
        .withArgs(c);
    });

    it("rejects mismatched and expired reveals", async () => {
      const { registry, alice, bob, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const salt = ethers.id("salt");
      const c = commitment(digest, salt, alice.address);
      await registry.connect(alice).commit(c);
      const committedAt = BigInt(await time.latest());
      await expect(registry.connect(alice).revealWork(digest, SHA256, URI, solo, ethers.id("wrong")))
        .to.be.revertedWithCustomError(registry, "CommitmentNotFound")
        .withArgs(commitment(digest, ethers.id("wrong"), alice.address));
      await expect(registry.connect(bob).revealWork(digest, SHA256, URI, solo, salt))
        .to.be.revertedWithCustomError(registry, "CommitmentNotFound")
        .withArgs(commitment(digest, salt, bob.address));
      await time.increaseTo(committedAt + DAY + 1n);
      await expect(registry.connect(alice).revealWork(digest, SHA256, URI, solo, salt))
        .to.be.revertedWithCustomError(registry, "CommitmentExpired")
        .withArgs(c, committedAt + DAY);
      expect(await registry.exists(BigInt(digest))).to.equal(false);
    });

    // Audit F2: a pause longer than the reveal window used to expire the commitment, forfeiting the priority.
    it("extends the reveal window by the time paused since the commit, so a pause cannot forfeit a priority", async () => {
      const { registry, admin, alice, eve, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const workId = BigInt(digest);
      const salt = ethers.id("salt");
      const c = commitment(digest, salt, alice.address);
      // A pause that ended before the commit does not count.
      await registry.connect(admin).pause();
      await time.increase(DAY);
      await registry.connect(admin).unpause();
      await registry.connect(alice).commit(c);
      const committedAt = BigInt(await time.latest());
      await registry.connect(eve).registerWork(digest, SHA256, URI, [{ account: eve.address, shares: 10_000 }]);
      // Two pauses after the commit, the first longer than the window: 3 days and 1 hour in all.
      await time.setNextBlockTimestamp(committedAt + 100n);
      await registry.connect(admin).pause();
      await time.setNextBlockTimestamp(committedAt + 100n + 3n * DAY);
      await registry.connect(admin).unpause();
      await time.setNextBlockTimestamp(committedAt + 200n + 3n * DAY);
      await registry.connect(admin).pause();
      await time.setNextBlockTimestamp(committedAt + 200n + 3n * DAY + 3_600n);
      await registry.connect(admin).unpause();
      const deadline = committedAt + DAY + 3n * DAY + 3_600n;
      // Still live: the same commitment cannot be made again.
      await expect(registry.connect(alice).commit(c))
        .to.be.revertedWithCustomError(registry, "CommitmentExists")
        .withArgs(c, committedAt);
      const reveal = () => registry.connect(alice).revealWork(digest, SHA256, URI, solo, salt);
      const snapshot = await networkHelpers.takeSnapshot();
      await time.setNextBlockTimestamp(deadline + 1n);
      await expect(reveal()).to.be.revertedWithCustomError(registry, "CommitmentExpired").withArgs(c, deadline);
      expect(await registry.ownerOf(workId)).to.equal(eve.address);
      await snapshot.restore();
      // At the last instant of the extended window, the reveal takes the work back with the commit's priority.
      await time.setNextBlockTimestamp(deadline);
      await expect(reveal())
        .to.emit(registry, "PriorityClaimed")
        .withArgs(workId, eve.address, alice.address, committedAt);
      expect(await registry.ownerOf(workId)).to.equal(alice.address);
      expect((await registry.getWork(workId)).priorityTime).to.equal(committedAt);
    });

    it("does not revive an expired commitment by a pause after its window", async () => {
      const { registry, admin, alice, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const salt = ethers.id("salt");
      const c = commitment(digest, salt, alice.address);
      await registry.connect(alice).commit(c);
      const committedAt = BigInt(await time.latest());
      await time.setNextBlockTimestamp(committedAt + DAY + 1n);
      await registry.connect(admin).pause();
      await time.setNextBlockTimestamp(committedAt + 3n * DAY + 1n);
      await registry.connect(admin).unpause();
      // The window ended before the pause; the pause extends it by 2 days, which are already over too.
      await expect(registry.connect(alice).revealWork(digest, SHA256, URI, solo, salt))
        .to.be.revertedWithCustomError(registry, "CommitmentExpired")
        .withArgs(c, committedAt + 3n * DAY);
      await expect(registry.connect(alice).commit(c)).to.emit(registry, "Committed").withArgs(c, alice.address);
      expect(await registry.commitmentTime(c)).to.equal(BigInt(await time.latest()));
    });

    it("takes the work from a copier who registered the digest after the commit", async () => {
      const { registry, alice, bob, eve, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const workId = BigInt(digest);
      const salt = ethers.id("salt");
      await registry.connect(alice).commit(commitment(digest, salt, alice.address));
      const committedAt = BigInt(await time.latest());
      const copier = [{ account: eve.address, shares: 10_000 }];
      await registry.connect(eve).registerWork(digest, SHA256, "copy", copier);
      const tx = registry.connect(alice).revealWork(digest, SHA256, URI, solo, salt);
      await expect(tx).to.emit(registry, "PriorityClaimed").withArgs(workId, eve.address, alice.address, committedAt);
      await expect(tx).to.emit(registry, "CopyrightTransferred").withArgs(workId, eve.address, alice.address);
      const work = await registry.getWork(workId);
      expect(work.owner).to.equal(alice.address);
      expect(work.priorityTime).to.equal(committedAt);
      expect(work.authorsHash).to.equal(authorsHash24(solo));
      void bob;
    });

    it("does not displace a registration that predates the commit", async () => {
      const { registry, alice, eve, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      await registry.connect(eve).registerWork(digest, SHA256, URI, [{ account: eve.address, shares: 10_000 }]);
      const registeredAt = BigInt(await time.latest());
      const salt = ethers.id("salt");
      await registry.connect(alice).commit(commitment(digest, salt, alice.address));
      await expect(registry.connect(alice).revealWork(digest, SHA256, URI, solo, salt))
        .to.be.revertedWithCustomError(registry, "WorkAlreadyRegistered")
        .withArgs(BigInt(digest), eve.address, registeredAt);
    });
  });

  describe("gasless registration (CopyrightRelay)", () => {
    it("signs the documented EIP-712 type, creator included", async () => {
      const { relay } = await loadFixture(fixture);
      expect(await relay.REGISTER_TYPEHASH()).to.equal(
        ethers.id(
          "RegisterWork(bytes32 digest,uint8 algorithm,string uri,bytes32 authorsHash,address creator,uint256 nonce," +
            "uint256 deadline)",
        ),
      );
    });

    it("registers for the signer, not the relayer, and consumes the nonce", async () => {
      const { registry, relay, alice, carol, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signRegistration(alice, await relay.getAddress(), digest, URI, authorsHash(solo), 0n, deadline);
      await expect(relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, 0n, deadline, sig))
        .to.emit(registry, "WorkRegistered")
        .withArgs(BigInt(digest), alice.address, SHA256, anyValue, URI, anyValue);
      expect(await registry.ownerOf(BigInt(digest))).to.equal(alice.address);
      expect(await relay.isNonceUsed(alice.address, 0n)).to.equal(true);
      expect(await relay.copyrightRegistry()).to.equal(await registry.getAddress());
      // A replay finds its nonce used.
      await expect(relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, 0n, deadline, sig))
        .to.be.revertedWithCustomError(relay, "NonceAlreadyUsed")
        .withArgs(alice.address, 0n);
    });

    it("accepts an ERC-1271 contract wallet as creator, by a request naming the wallet", async () => {
      const { registry, relay, alice, carol } = await loadFixture(fixture);
      const wallet = await ethers.deployContract("CopyrightTestWallet", [alice.address]);
      const owner = await wallet.getAddress();
      const authors = [{ account: owner, shares: 10_000 }];
      const digest = digestOf("wallet song");
      const deadline = BigInt(await time.latest()) + 3_600n;
      const relayAddress = await relay.getAddress();
      const sig = await signRegistration(alice, relayAddress, digest, URI, authorsHash(authors), 0n, deadline, owner);
      await expect(relay.connect(carol).registerWorkBySig(digest, SHA256, URI, authors, owner, 0n, deadline, sig))
        .to.emit(registry, "WorkRegistered")
        .withArgs(BigInt(digest), owner, SHA256, anyValue, URI, anyValue);
      expect(await registry.ownerOf(BigInt(digest))).to.equal(owner);
      expect(await relay.isNonceUsed(owner, 0n)).to.equal(true);
      expect(await relay.isNonceUsed(alice.address, 0n)).to.equal(false);
    });

    // Audit F1: the wallet accepts its owner's raw signatures, so a request that did not name the creator let the
    // relayer choose between the owner and the wallet.
    it("refuses a request signed for the owner when relayed for its wallet, and the reverse", async () => {
      const { registry, relay, alice, carol } = await loadFixture(fixture);
      const wallet = await ethers.deployContract("CopyrightTestWallet", [alice.address]);
      const walletAddress = await wallet.getAddress();
      const relayAddress = await relay.getAddress();
      const authors = [{ account: walletAddress, shares: 10_000 }];
      const hash = authorsHash(authors);
      const digest = digestOf("wallet song");
      const workId = BigInt(digest);
      const deadline = BigInt(await time.latest()) + 3_600n;
      // Nonce 0 is the next nonce of both accounts, so only the named creator tells the requests apart.
      const forWallet = await signRegistration(alice, relayAddress, digest, URI, hash, 0n, deadline, walletAddress);
      const forOwner = await signRegistration(alice, relayAddress, digest, URI, hash, 0n, deadline, alice.address);
      await expect(
        relay.connect(carol).registerWorkBySig(digest, SHA256, URI, authors, alice.address, 0n, deadline, forWallet),
      )
        .to.be.revertedWithCustomError(relay, "InvalidSignature")
        .withArgs(alice.address);
      await expect(
        relay.connect(carol).registerWorkBySig(digest, SHA256, URI, authors, walletAddress, 0n, deadline, forOwner),
      )
        .to.be.revertedWithCustomError(relay, "InvalidSignature")
        .withArgs(walletAddress);
      expect(await registry.exists(workId)).to.equal(false);
      expect(await relay.isNonceUsed(alice.address, 0n)).to.equal(false);
      expect(await relay.isNonceUsed(walletAddress, 0n)).to.equal(false);
      // Each request registers for the account it names.
      await relay
        .connect(carol)
        .registerWorkBySig(digest, SHA256, URI, authors, walletAddress, 0n, deadline, forWallet);
      expect(await registry.ownerOf(workId)).to.equal(walletAddress);
      const other = digestOf("owner song");
      const ownerSig = await signRegistration(alice, relayAddress, other, URI, hash, 0n, deadline);
      await relay.connect(carol).registerWorkBySig(other, SHA256, URI, authors, alice.address, 0n, deadline, ownerSig);
      expect(await registry.ownerOf(BigInt(other))).to.equal(alice.address);
    });

    it("rejects expired, forged and tampered requests", async () => {
      const { registry, relay, alice, bob, carol, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const deadline = BigInt(await time.latest()) + 10n;
      const relayAddress = await relay.getAddress();
      const sig = await signRegistration(alice, relayAddress, digest, URI, authorsHash(solo), 0n, deadline);
      await expect(
        relay.connect(carol).registerWorkBySig(digest, SHA256, "tampered", solo, alice.address, 0n, deadline, sig),
      )
        .to.be.revertedWithCustomError(relay, "InvalidSignature")
        .withArgs(alice.address);
      const forged = await signRegistration(bob, relayAddress, digest, URI, authorsHash(solo), 0n, deadline);
      await expect(
        relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, 0n, deadline, forged),
      )
        .to.be.revertedWithCustomError(relay, "InvalidSignature")
        .withArgs(alice.address);
      await time.increaseTo(deadline + 1n);
      await expect(relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, 0n, deadline, sig))
        .to.be.revertedWithCustomError(relay, "ExpiredSignature")
        .withArgs(deadline);
      expect(await relay.isNonceUsed(alice.address, 0n)).to.equal(false);
      expect(await registry.exists(BigInt(digest))).to.equal(false);
    });

    it("lets only the registrar role register for someone else", async () => {
      const { registry, alice, bob, solo } = await loadFixture(fixture);
      await expect(registry.connect(bob).registerWorkFor(alice.address, digestOf("s"), SHA256, URI, solo))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(bob.address, await registry.REGISTRAR_ROLE());
    });
  });
});
