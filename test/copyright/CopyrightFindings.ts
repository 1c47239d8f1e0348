// Regression tests of issue 9's copyright findings, each written from the attacker's side: the attempt fails with the
// exact custom error, or the victim can see the risk before paying.
import { expect } from "chai";

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
const URI = "ipfs://work";
const REGISTER_TYPES = {
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

describe("CopyrightRegistry: issue 9 findings", () => {
  // Finding 11: a registrant who commits from a second account can take back what it sold until the reveal window of
  // any earlier commitment has passed. The registry says when that is, exactly.
  describe("settlement (finding 11)", () => {
    it("reports a work unsettled while a reveal can still take it over, and settled from the next instant", async () => {
      const { registry, alice, eve } = await loadFixture(deployCopyright);
      const digest = digestOf("sold twice");
      const workId = BigInt(digest);
      const salt = ethers.id("accomplice salt");
      // The registrant's second account commits, then the registrant registers directly and could sell.
      await registry.connect(eve).commit(commitment(digest, salt, eve.address));
      const committedAt = BigInt(await time.latest());
      await registry.connect(alice).registerWork(digest, SHA256, URI, [{ account: alice.address, shares: 10_000 }]);
      const priority = BigInt(await time.latest());
      expect(await registry.isSettled(workId)).to.equal(false);
      expect(await registry.settledAt(workId)).to.equal(priority + DAY + 1n);
      // The last moment the accomplice's reveal works is before settledAt: a buyer who waits for it is safe.
      await time.setNextBlockTimestamp(committedAt + DAY);
      await expect(
        registry.connect(eve).revealWork(digest, SHA256, URI, [{ account: eve.address, shares: 10_000 }], salt),
      )
        .to.emit(registry, "PriorityClaimed")
        .withArgs(workId, alice.address, eve.address, committedAt);
      expect(await registry.isSettled(workId)).to.equal(false);
      expect(await registry.settledAt(workId)).to.equal(committedAt + DAY + 1n);
      await time.increaseTo(committedAt + DAY + 1n);
      expect(await registry.isSettled(workId)).to.equal(true);
    });

    // The attack: the registrant's second account commits the digest, the registrant registers it directly and sells
    // an exclusive license, licenses and the token within the reveal window, then reveals to take it all back.
    async function attackFixture() {
      const base = await deployCopyright();
      const { registry, token, alice, eve } = base;
      const digest = digestOf("sold twice");
      const workId = BigInt(digest);
      const salt = ethers.id("accomplice salt");
      await registry.connect(eve).commit(commitment(digest, salt, eve.address));
      const committedAt = BigInt(await time.latest());
      const solo = [{ account: alice.address, shares: 10_000 }];
      await registry.connect(alice).registerWork(digest, SHA256, URI, solo);
      const settlesAt = BigInt(await time.latest()) + DAY + 1n;
      // Offering terms is allowed meanwhile (a takeover voids them).
      const exclusive = terms({ currency: await token.getAddress(), fee: 1_000n, exclusive: true });
      const free = terms({ duration: DAY });
      for (const t of [exclusive, free]) {
        await registry.registerTerms(t);
        await registry.connect(alice).attachTerms(workId, termsId(t));
      }
      const eveAuthors = [{ account: eve.address, shares: 10_000 }];
      return { ...base, digest, workId, salt, committedAt, solo, settlesAt, exclusive, free, eveAuthors };
    }

    it("refuses every sale, license, transfer and payment within the window: the take-back gains nothing", async () => {
      const fx = await loadFixture(attackFixture);
      const { registry, token, alice, bob, carol, dave, eve, digest, workId, salt, solo, settlesAt, committedAt } = fx;
      const { exclusive, free, eveAuthors } = fx;
      const tokenAddress = await token.getAddress();
      const carolBefore = await token.balanceOf(carol.address);
      expect(await registry.settledAt(workId)).to.equal(settlesAt);
      const refused = (tx: Promise<unknown>) =>
        expect(tx).to.be.revertedWithCustomError(registry, "WorkNotSettled").withArgs(workId, settlesAt);
      await refused(registry.connect(carol).purchaseLicense(workId, termsId(exclusive), 1_000n, solo));
      await refused(registry.connect(carol).purchaseLicense(workId, termsId(free), 0n, solo));
      await refused(registry.connect(alice).grantLicense(workId, termsId(exclusive), carol.address));
      await refused(registry.connect(alice).grantLicense(workId, termsId(free), carol.address));
      await refused(registry.connect(alice).transferFrom(alice.address, dave.address, workId));
      await refused(
        registry.connect(alice)["safeTransferFrom(address,address,uint256)"](alice.address, dave.address, workId),
      );
      await refused(
        registry
          .connect(alice)
          ["safeTransferFrom(address,address,uint256,bytes)"](alice.address, dave.address, workId, "0x"),
      );
      await registry.connect(alice).approve(bob.address, workId);
      await refused(registry.connect(bob).transferFrom(alice.address, dave.address, workId));
      await refused(registry.connect(carol).payRevenue(workId, tokenAddress, 1_000n, solo, []));
      // The last instant of the window is still refused.
      await time.setNextBlockTimestamp(settlesAt - 1n);
      await refused(registry.connect(carol).purchaseLicense(workId, termsId(exclusive), 1_000n, solo));
      // The accomplice's reveal, at the last moment it can, takes back only what the registrant had.
      await time.setNextBlockTimestamp(committedAt + DAY);
      await expect(registry.connect(eve).revealWork(digest, SHA256, URI, eveAuthors, salt))
        .to.emit(registry, "PriorityClaimed")
        .withArgs(workId, alice.address, eve.address, committedAt);
      expect(await token.balanceOf(carol.address)).to.equal(carolBefore);
      expect(await token.balanceOf(await registry.getAddress())).to.equal(0n);
      expect(await registry.creditOf(alice.address, tokenAddress)).to.equal(0n);
      expect(await registry.balanceOf(dave.address)).to.equal(0n);
      expect(await registry.isLicensed(workId, carol.address, termsId(free))).to.equal(false);
    });

    it("allows them from settlement on, after which the accomplice's reveal can no longer take the work", async () => {
      const fx = await loadFixture(attackFixture);
      const { registry, token, alice, carol, dave, eve, digest, workId, salt, solo, settlesAt, committedAt } = fx;
      const { exclusive, eveAuthors } = fx;
      const tokenAddress = await token.getAddress();
      await time.setNextBlockTimestamp(settlesAt);
      await expect(registry.connect(carol).purchaseLicense(workId, termsId(exclusive), 1_000n, solo))
        .to.emit(registry, "LicenseIssued")
        .withArgs(workId, carol.address, termsId(exclusive), settlesAt, MAX_UINT64, 1_000n);
      expect(await registry.isSettled(workId)).to.equal(true);
      await expect(registry.connect(alice).transferFrom(alice.address, dave.address, workId))
        .to.emit(registry, "CopyrightTransferred")
        .withArgs(workId, alice.address, dave.address);
      // The accomplice's commitment expired before the work settled; committing again dates after the registration.
      const c = commitment(digest, salt, eve.address);
      await expect(registry.connect(eve).revealWork(digest, SHA256, URI, eveAuthors, salt))
        .to.be.revertedWithCustomError(registry, "CommitmentExpired")
        .withArgs(c, committedAt + DAY);
      await registry.connect(eve).commit(c);
      await expect(registry.connect(eve).revealWork(digest, SHA256, URI, eveAuthors, salt))
        .to.be.revertedWithCustomError(registry, "WorkAlreadyRegistered")
        .withArgs(workId, dave.address, settlesAt - DAY - 1n);
      // The buyers keep what they paid for.
      expect(await registry.ownerOf(workId)).to.equal(dave.address);
      expect(await registry.isLicensed(workId, carol.address, termsId(exclusive))).to.equal(true);
      expect(await registry.creditOf(alice.address, tokenAddress)).to.equal(1_000n);
    });

    it("holds a revealed work to the window of its own commit: an older commitment may still take it", async () => {
      const { registry, alice, carol, eve } = await loadFixture(deployCopyright);
      const digest = digestOf("revealed late");
      const workId = BigInt(digest);
      const older = ethers.id("older salt");
      const own = ethers.id("own salt");
      await registry.connect(eve).commit(commitment(digest, older, eve.address));
      await registry.connect(alice).commit(commitment(digest, own, alice.address));
      const committedAt = BigInt(await time.latest());
      const solo = [{ account: alice.address, shares: 10_000 }];
      await registry.connect(alice).revealWork(digest, SHA256, URI, solo, own);
      const free = terms();
      await registry.registerTerms(free);
      await registry.connect(alice).attachTerms(workId, termsId(free));
      await expect(registry.connect(carol).purchaseLicense(workId, termsId(free), 0n, solo))
        .to.be.revertedWithCustomError(registry, "WorkNotSettled")
        .withArgs(workId, committedAt + DAY + 1n);
      // Once its own commit's window is over, no older commitment can be revealed any more.
      await settle(registry, workId);
      await registry.connect(carol).purchaseLicense(workId, termsId(free), 0n, solo);
      expect(await registry.isLicensed(workId, carol.address, termsId(free))).to.equal(true);
    });

    it("moves settlement by the time paused since the priority, and reads unknown works as unsettled", async () => {
      const { registry, admin, alice } = await loadFixture(deployCopyright);
      const digest = digestOf("paused");
      await registry.connect(alice).registerWork(digest, SHA256, URI, [{ account: alice.address, shares: 10_000 }]);
      const priority = BigInt(await time.latest());
      await registry.connect(admin).pause();
      const pausedAt = BigInt(await time.latest());
      await time.increase(2n * DAY);
      await registry.connect(admin).unpause();
      const unpausedAt = BigInt(await time.latest());
      expect(await registry.settledAt(BigInt(digest))).to.equal(priority + DAY + (unpausedAt - pausedAt) + 1n);
      expect(await registry.isSettled(BigInt(digest))).to.equal(false);
      expect(await registry.isSettled(7n)).to.equal(false);
      await expect(registry.settledAt(7n)).to.be.revertedWithCustomError(registry, "WorkNotFound").withArgs(7n);
    });
  });

  // Findings 12 and 15: a ruling that awards a work clears what the copier attached and settles its priority.
  describe("rulings (findings 12, 15)", () => {
    async function copiedFixture() {
      const base = await deployCopyright();
      const { registry, evidence, disputes, alice, bob, dave, eve } = base;
      const copy = digestOf("copied song");
      const workId = BigInt(copy);
      const salt = ethers.id("accomplice salt");
      // The accomplice's own work, with a 100%-royalty license that allows derivatives.
      const accomplice = digestOf("accomplice's work");
      const daveAuthors = [{ account: dave.address, shares: 10_000 }];
      await registry.connect(dave).registerWork(accomplice, SHA256, URI, daveAuthors);
      await settle(registry, BigInt(accomplice));
      const allRoyalty = terms({ derivativesAllowed: true, royaltyBps: 10_000 });
      await registry.registerTerms(allRoyalty);
      await registry.connect(dave).grantLicense(BigInt(accomplice), termsId(allRoyalty), eve.address);
      // The copier's accomplice commits before the copy is registered, to reveal after the ruling.
      await registry.connect(bob).commit(commitment(copy, salt, bob.address));
      // The copier registers the stolen work as a derivative of the accomplice's.
      const eveAuthors = [{ account: eve.address, shares: 10_000 }];
      await registry
        .connect(eve)
        .registerDerivative(copy, SHA256, URI, eveAuthors, [BigInt(accomplice)], [termsId(allRoyalty)]);
      const evidenceId = digestOf("original stems");
      await evidence.connect(alice).anchor(evidenceId, SHA256, ethers.ZeroHash);
      await disputes.connect(alice).raiseDispute(workId, evidenceId);
      return { ...base, copy, workId, salt, accomplice, daveAuthors, evidenceId };
    }

    it("clears the copier's parent links: revenue after the ruling goes to the rightful owner alone", async () => {
      const { registry, disputes, alice, carol, workId, daveAuthors } = await loadFixture(copiedFixture);
      expect((await registry.getWork(workId)).parents).to.have.length(1);
      await disputes.resolveDispute(1n, true, alice.address);
      await disputes.unfreeze(workId);
      const work = await registry.getWork(workId);
      expect(work.parents).to.deep.equal([]);
      expect(work.parentLicenseUntil).to.equal(0n);
      const solo = [{ account: alice.address, shares: 10_000 }];
      // The accomplice's payee list is no longer accepted as a parent's: nothing is diverted.
      await expect(
        registry.connect(carol).payRevenue(workId, ethers.ZeroAddress, 1_000n, solo, [daveAuthors], { value: 1_000n }),
      )
        .to.be.revertedWithCustomError(registry, "LengthMismatch")
        .withArgs(0n, 1n);
      await registry.connect(carol).payRevenue(workId, ethers.ZeroAddress, 1_000n, solo, [], { value: 1_000n });
      expect(await registry.creditOf(alice.address, ethers.ZeroAddress)).to.equal(1_000n);
      // And licenses on it are no longer capped by the copier's parent license.
      const free = terms();
      await registry.registerTerms(free);
      await registry.connect(alice).attachTerms(workId, termsId(free));
      await registry.connect(carol).purchaseLicense(workId, termsId(free), 0n, solo);
      expect((await registry.getLicense(workId, carol.address, termsId(free))).end).to.equal(MAX_UINT64);
    });

    it("refuses a derivative that names itself as parent", async () => {
      const { registry, eve } = await loadFixture(deployCopyright);
      const selfish = digestOf("its own parent");
      await expect(
        registry
          .connect(eve)
          .registerDerivative(
            selfish,
            SHA256,
            URI,
            [{ account: eve.address, shares: 10_000 }],
            [BigInt(selfish)],
            [ethers.ZeroHash],
          ),
      )
        .to.be.revertedWithCustomError(registry, "ParentIsItself")
        .withArgs(BigInt(selfish));
      expect(await registry.exists(BigInt(selfish))).to.equal(false);
    });

    it("settles an awarded work: an earlier commitment can no longer take it over", async () => {
      const { registry, disputes, alice, bob, copy, workId, salt } = await loadFixture(copiedFixture);
      expect(await registry.isSettled(workId)).to.equal(false);
      const tx = disputes.resolveDispute(1n, true, alice.address);
      await expect(tx).to.emit(registry, "WorkSettled").withArgs(workId, 1n);
      const ruledAt = BigInt(await time.latest());
      expect(await registry.isSettled(workId)).to.equal(true);
      expect(await registry.settledAt(workId)).to.equal(ruledAt);
      await disputes.unfreeze(workId);
      await expect(
        registry.connect(bob).revealWork(copy, SHA256, URI, [{ account: bob.address, shares: 10_000 }], salt),
      )
        .to.be.revertedWithCustomError(registry, "PrioritySettled")
        .withArgs(workId, ruledAt);
      expect(await registry.ownerOf(workId)).to.equal(alice.address);
    });
  });

  // Finding 14: a renewal that cannot extend a license is refused instead of charging the fee.
  describe("renewals (finding 14)", () => {
    it("refuses to sell perpetual terms again, and takes nothing", async () => {
      const { registry, token, alice, carol } = await loadFixture(deployCopyright);
      const digest = digestOf("perpetual");
      const workId = BigInt(digest);
      const solo = [{ account: alice.address, shares: 10_000 }];
      await registry.connect(alice).registerWork(digest, SHA256, URI, solo);
      await settle(registry, workId);
      const forever = terms({ currency: await token.getAddress(), fee: 1_000n });
      await registry.registerTerms(forever);
      await registry.connect(alice).attachTerms(workId, termsId(forever));
      await registry.connect(carol).purchaseLicense(workId, termsId(forever), 1_000n, solo);
      const before = await token.balanceOf(carol.address);
      await expect(registry.connect(carol).purchaseLicense(workId, termsId(forever), 1_000n, solo))
        .to.be.revertedWithCustomError(registry, "RenewalCannotExtend")
        .withArgs(workId, carol.address, termsId(forever), MAX_UINT64);
      await expect(registry.connect(alice).grantLicense(workId, termsId(forever), carol.address))
        .to.be.revertedWithCustomError(registry, "RenewalCannotExtend")
        .withArgs(workId, carol.address, termsId(forever), MAX_UINT64);
      expect(await token.balanceOf(carol.address)).to.equal(before);
    });

    it("refuses a derivative's renewal at its parent license's cap", async () => {
      const { registry, alice, carol, dave } = await loadFixture(deployCopyright);
      const parent = digestOf("parent");
      const solo = [{ account: alice.address, shares: 10_000 }];
      await registry.connect(alice).registerWork(parent, SHA256, URI, solo);
      await settle(registry, BigInt(parent));
      const remixable = terms({ derivativesAllowed: true, duration: 10n * DAY });
      await registry.registerTerms(remixable);
      await registry.connect(alice).grantLicense(BigInt(parent), termsId(remixable), carol.address);
      const cap = (await registry.getLicense(BigInt(parent), carol.address, termsId(remixable))).end;
      const remix = digestOf("remix");
      const carolAuthors = [{ account: carol.address, shares: 10_000 }];
      await registry
        .connect(carol)
        .registerDerivative(remix, SHA256, URI, carolAuthors, [BigInt(parent)], [termsId(remixable)]);
      await settle(registry, BigInt(remix));
      const yearly = terms({ fee: 5n, duration: 365n * DAY });
      await registry.registerTerms(yearly);
      await registry.connect(carol).attachTerms(BigInt(remix), termsId(yearly));
      await registry.connect(dave).purchaseLicense(BigInt(remix), termsId(yearly), 5n, carolAuthors, { value: 5n });
      expect((await registry.getLicense(BigInt(remix), dave.address, termsId(yearly))).end).to.equal(cap);
      await expect(
        registry.connect(dave).purchaseLicense(BigInt(remix), termsId(yearly), 5n, carolAuthors, { value: 5n }),
      )
        .to.be.revertedWithCustomError(registry, "RenewalCannotExtend")
        .withArgs(BigInt(remix), dave.address, termsId(yearly), cap);
      expect(await registry.creditOf(carol.address, ethers.ZeroAddress)).to.equal(5n);
    });
  });

  // Finding 13: relayed registrations are used in any order, each once, and a creator can cancel one.
  describe("relayed registrations (finding 13)", () => {
    async function sign(
      signer: Awaited<ReturnType<typeof deployCopyright>>["alice"],
      relayAddress: string,
      digest: string,
      authors: { account: string; shares: number }[],
      nonce: bigint,
      deadline: bigint,
    ) {
      const hash = ethers.keccak256(
        ethers.AbiCoder.defaultAbiCoder().encode(["tuple(address account,uint16 shares)[]"], [authors]),
      );
      const { chainId } = await ethers.provider.getNetwork();
      return signer.signTypedData(
        { name: "CopyrightRelay", version: "1", chainId, verifyingContract: relayAddress },
        REGISTER_TYPES,
        { digest, algorithm: SHA256, uri: URI, authorsHash: hash, creator: signer.address, nonce, deadline },
      );
    }

    it("survives a watcher who registers a pending request's digest first: later requests still go through", async () => {
      const { registry, relay, alice, carol, eve } = await loadFixture(deployCopyright);
      const relayAddress = await relay.getAddress();
      const solo = [{ account: alice.address, shares: 10_000 }];
      const deadline = BigInt(await time.latest()) + DAY;
      const first = digestOf("first");
      const second = digestOf("second");
      const sig0 = await sign(alice, relayAddress, first, solo, 0n, deadline);
      const sig1 = await sign(alice, relayAddress, second, solo, 1n, deadline);
      // The watcher anchors the first request's digest as its own.
      await registry.connect(eve).registerWork(first, SHA256, URI, [{ account: eve.address, shares: 10_000 }]);
      await expect(relay.connect(carol).registerWorkBySig(first, SHA256, URI, solo, alice.address, 0n, deadline, sig0))
        .to.be.revertedWithCustomError(registry, "WorkAlreadyRegistered")
        .withArgs(BigInt(first), eve.address, anyTime());
      // The second, signed after it, is not blocked; nonces are taken in any order.
      await relay.connect(carol).registerWorkBySig(second, SHA256, URI, solo, alice.address, 1n, deadline, sig1);
      expect(await registry.ownerOf(BigInt(second))).to.equal(alice.address);
      expect(await relay.isNonceUsed(alice.address, 1n)).to.equal(true);
      expect(await relay.isNonceUsed(alice.address, 0n)).to.equal(false);
      await expect(relay.connect(carol).registerWorkBySig(second, SHA256, URI, solo, alice.address, 1n, deadline, sig1))
        .to.be.revertedWithCustomError(relay, "NonceAlreadyUsed")
        .withArgs(alice.address, 1n);
    });

    it("lets a creator cancel a signed request before anyone relays it", async () => {
      const { registry, relay, alice, carol } = await loadFixture(deployCopyright);
      const solo = [{ account: alice.address, shares: 10_000 }];
      const deadline = BigInt(await time.latest()) + DAY;
      const digest = digestOf("withdrawn");
      const sig = await sign(alice, await relay.getAddress(), digest, solo, 257n, deadline);
      await expect(relay.connect(alice).invalidateNonces(1n, 2n))
        .to.emit(relay, "NoncesInvalidated")
        .withArgs(alice.address, 1n, 2n);
      expect(await relay.nonceBitmap(alice.address, 1n)).to.equal(2n);
      await expect(
        relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, 257n, deadline, sig),
      )
        .to.be.revertedWithCustomError(relay, "NonceAlreadyUsed")
        .withArgs(alice.address, 257n);
      expect(await registry.exists(BigInt(digest))).to.equal(false);
    });
  });

  // Finding 16: the dispute records when the evidence was anchored beside the work's priority time.
  describe("disputes (finding 16)", () => {
    it("records evidence anchored a minute ago as later than the work", async () => {
      const { registry, evidence, disputes, alice, eve } = await loadFixture(deployCopyright);
      const digest = digestOf("registered first");
      await registry.connect(alice).registerWork(digest, SHA256, URI, [{ account: alice.address, shares: 10_000 }]);
      const priority = BigInt(await time.latest());
      await time.increase(60n);
      const fresh = digestOf("evidence made after the fact");
      await evidence.connect(eve).anchor(fresh, SHA256, ethers.ZeroHash);
      const anchoredAt = BigInt(await time.latest());
      await expect(disputes.connect(eve).raiseDispute(BigInt(digest), fresh))
        .to.emit(disputes, "DisputeRaised")
        .withArgs(1n, BigInt(digest), eve.address, fresh, anchoredAt, priority);
      const dispute = await disputes.getDispute(1n);
      expect(dispute.evidenceTime).to.equal(anchoredAt);
      expect(dispute.priorityTime).to.equal(priority);
      expect(dispute.evidenceTime > dispute.priorityTime).to.equal(true);
    });
  });
});

/** Any registration time (the watcher's, asserted elsewhere). */
function anyTime() {
  return (value: bigint) => value > 0n;
}
