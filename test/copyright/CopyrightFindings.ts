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
      // The copier's accomplice commits first, to reveal after the ruling.
      await registry.connect(bob).commit(commitment(copy, salt, bob.address));
      // The accomplice's own work, with a 100%-royalty license that allows derivatives.
      const accomplice = digestOf("accomplice's work");
      const daveAuthors = [{ account: dave.address, shares: 10_000 }];
      await registry.connect(dave).registerWork(accomplice, SHA256, URI, daveAuthors);
      const allRoyalty = terms({ derivativesAllowed: true, royaltyBps: 10_000 });
      await registry.registerTerms(allRoyalty);
      await registry.connect(dave).grantLicense(BigInt(accomplice), termsId(allRoyalty), eve.address);
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
      const remixable = terms({ derivativesAllowed: true, duration: 10n * DAY });
      await registry.registerTerms(remixable);
      await registry.connect(alice).grantLicense(BigInt(parent), termsId(remixable), carol.address);
      const cap = (await registry.getLicense(BigInt(parent), carol.address, termsId(remixable))).end;
      const remix = digestOf("remix");
      const carolAuthors = [{ account: carol.address, shares: 10_000 }];
      await registry
        .connect(carol)
        .registerDerivative(remix, SHA256, URI, carolAuthors, [BigInt(parent)], [termsId(remixable)]);
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
