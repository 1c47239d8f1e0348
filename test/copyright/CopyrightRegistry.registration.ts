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
} from "./fixture.js";

const { loadFixture, time } = networkHelpers;
const URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

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
  });

  describe("transfers", () => {
    it("assigns the copyright with a CopyrightTransferred event", async () => {
      const { registry, alice, bob, solo } = await loadFixture(fixture);
      const workId = BigInt(digestOf("song"));
      await registry.connect(alice).registerWork(digestOf("song"), SHA256, URI, solo);
      const tx = registry.connect(alice).transferFrom(alice.address, bob.address, workId);
      await expect(tx).to.emit(registry, "CopyrightTransferred").withArgs(workId, alice.address, bob.address);
      await expect(tx).to.emit(registry, "Transfer").withArgs(alice.address, bob.address, workId);
      expect((await registry.getWork(workId)).owner).to.equal(bob.address);
      // The fee split stays with the authors.
      expect((await registry.getWork(workId)).authorsHash).to.equal(authorsHash24(solo));
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
    async function signRegistration(
      signer: Awaited<ReturnType<typeof ethers.getSigners>>[number],
      relayAddress: string,
      digest: string,
      uri: string,
      hash: string,
      nonce: bigint,
      deadline: bigint,
    ) {
      const { chainId } = await ethers.provider.getNetwork();
      return signer.signTypedData(
        { name: "CopyrightRelay", version: "1", chainId, verifyingContract: relayAddress },
        {
          RegisterWork: [
            { name: "digest", type: "bytes32" },
            { name: "algorithm", type: "uint8" },
            { name: "uri", type: "string" },
            { name: "authorsHash", type: "bytes32" },
            { name: "nonce", type: "uint256" },
            { name: "deadline", type: "uint256" },
          ],
        },
        { digest, algorithm: SHA256, uri, authorsHash: hash, nonce, deadline },
      );
    }

    it("registers for the signer, not the relayer, and consumes the nonce", async () => {
      const { registry, relay, alice, carol, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signRegistration(alice, await relay.getAddress(), digest, URI, authorsHash(solo), 0n, deadline);
      await expect(relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, deadline, sig))
        .to.emit(registry, "WorkRegistered")
        .withArgs(BigInt(digest), alice.address, SHA256, anyValue, URI, anyValue);
      expect(await registry.ownerOf(BigInt(digest))).to.equal(alice.address);
      expect(await relay.nonces(alice.address)).to.equal(1n);
      expect(await relay.copyrightRegistry()).to.equal(await registry.getAddress());
      // A replay uses the next nonce, which the signature does not cover.
      await expect(relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, deadline, sig))
        .to.be.revertedWithCustomError(relay, "InvalidSignature")
        .withArgs(alice.address);
    });

    it("accepts an ERC-1271 contract wallet as creator", async () => {
      const { registry, relay, alice, carol } = await loadFixture(fixture);
      const wallet = await ethers.deployContract("CopyrightTestWallet", [alice.address]);
      const owner = await wallet.getAddress();
      const authors = [{ account: owner, shares: 10_000 }];
      const digest = digestOf("wallet song");
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signRegistration(
        alice,
        await relay.getAddress(),
        digest,
        URI,
        authorsHash(authors),
        0n,
        deadline,
      );
      await relay.connect(carol).registerWorkBySig(digest, SHA256, URI, authors, owner, deadline, sig);
      expect(await registry.ownerOf(BigInt(digest))).to.equal(owner);
    });

    it("rejects expired, forged and tampered requests", async () => {
      const { registry, relay, alice, bob, carol, solo } = await loadFixture(fixture);
      const digest = digestOf("song");
      const deadline = BigInt(await time.latest()) + 10n;
      const relayAddress = await relay.getAddress();
      const sig = await signRegistration(alice, relayAddress, digest, URI, authorsHash(solo), 0n, deadline);
      await expect(
        relay.connect(carol).registerWorkBySig(digest, SHA256, "tampered", solo, alice.address, deadline, sig),
      )
        .to.be.revertedWithCustomError(relay, "InvalidSignature")
        .withArgs(alice.address);
      const forged = await signRegistration(bob, relayAddress, digest, URI, authorsHash(solo), 0n, deadline);
      await expect(relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, deadline, forged))
        .to.be.revertedWithCustomError(relay, "InvalidSignature")
        .withArgs(alice.address);
      await time.increaseTo(deadline + 1n);
      await expect(relay.connect(carol).registerWorkBySig(digest, SHA256, URI, solo, alice.address, deadline, sig))
        .to.be.revertedWithCustomError(relay, "ExpiredSignature")
        .withArgs(deadline);
      expect(await relay.nonces(alice.address)).to.equal(0n);
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
