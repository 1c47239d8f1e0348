import { expect } from "chai";

import {
  KECCAK256,
  MAX_ALGORITHM,
  MAX_WITNESSES,
  SHA256,
  SHA3_256,
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

describe("EvidenceRegistry: anchoring", function () {
  describe("deployment", function () {
    it("exposes its constants", async function () {
      const { registry } = await loadFixture(deployRegistry);
      expect(await registry.MAX_ALGORITHM()).to.equal(MAX_ALGORITHM);
      expect(await registry.MAX_WITNESSES()).to.equal(MAX_WITNESSES);
      expect(await registry.ANCHOR_TYPEHASH()).to.equal(
        ethers.id(
          "Anchor(bytes32 digest,uint8 algorithm,bytes32 metadata,address submitter,uint256 nonce,uint256 deadline)",
        ),
      );
      expect(await registry.COSIGN_TYPEHASH()).to.equal(
        ethers.id("Cosign(bytes32 id,address witness,uint256 nonce,uint256 deadline)"),
      );
    });

    it("publishes its EIP-712 domain (EIP-5267)", async function () {
      const { registry, domain } = await loadFixture(deployRegistry);
      const published = await registry.eip712Domain();
      expect(published.fields).to.equal("0x0f");
      expect(published.name).to.equal(domain.name);
      expect(published.version).to.equal(domain.version);
      expect(published.chainId).to.equal(domain.chainId);
      expect(published.verifyingContract).to.equal(domain.verifyingContract);
      expect(published.salt).to.equal(ZERO);
      expect(published.extensions).to.deep.equal([]);
    });

    it("knows nothing about an id that was never anchored", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const id = digestOf("never anchored");
      expect(await registry.exists(id)).to.equal(false);
      const record = await registry.getRecord(id);
      expect(record.submitter).to.equal(ethers.ZeroAddress);
      expect(record.time).to.equal(0n);
      expect(record.blockNumber).to.equal(0n);
      expect(record.algorithm).to.equal(0n);
      expect(record.batch).to.equal(false);
      const policy = await registry.getWitnessPolicy(id);
      expect(policy.threshold).to.equal(0n);
      expect(policy.signatures).to.equal(0n);
      expect(policy.deadline).to.equal(0n);
      expect(policy.witnesses).to.deep.equal([]);
      expect(await registry.hasCosigned(id, alice.address)).to.equal(false);
      expect(await registry.nonceBitmap(alice.address, 0n)).to.equal(0n);
    });
  });

  describe("anchor", function () {
    it("records the caller, block time, block number, algorithm and not a batch", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const id = digestOf("contract.pdf");
      const metadata = digestOf("metadata");

      const tx = await registry.connect(alice).anchor(id, SHA256, metadata);
      await expect(tx).to.emit(registry, "Anchored").withArgs(id, alice.address, SHA256, metadata);
      const { blockNumber, time } = await minedAt(tx);

      expect(await registry.exists(id)).to.equal(true);
      const record = await registry.getRecord(id);
      expect(record.submitter).to.equal(alice.address);
      expect(record.time).to.equal(time);
      expect(record.blockNumber).to.equal(blockNumber);
      expect(record.algorithm).to.equal(SHA256);
      expect(record.batch).to.equal(false);
    });

    it("emits a zero metadata unchanged and neither BatchAnchored nor MetadataURI", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const id = digestOf("plain");
      const tx = registry.connect(alice).anchor(id, KECCAK256, ZERO);
      await expect(tx).to.emit(registry, "Anchored").withArgs(id, alice.address, KECCAK256, ZERO);
      await expect(tx).not.to.emit(registry, "BatchAnchored");
      await expect(tx).not.to.emit(registry, "MetadataURI");
    });

    it("accepts every algorithm id from 1 to MAX_ALGORITHM (127), known to the SDK or not", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      for (const algorithm of [KECCAK256, SHA256, SHA3_256, SM3, 5, 64, 126, MAX_ALGORITHM]) {
        const id = digestOf(`algorithm ${algorithm}`);
        await expect(registry.connect(alice).anchor(id, algorithm, ZERO))
          .to.emit(registry, "Anchored")
          .withArgs(id, alice.address, algorithm, ZERO);
        const record = await registry.getRecord(id);
        expect(record.algorithm).to.equal(algorithm);
        expect(record.batch).to.equal(false);
        expect((await registry.verify(id)).algorithm).to.equal(algorithm);
      }
    });

    it("reverts UnknownAlgorithm(algorithm) above MAX_ALGORITHM: the top bit is the batch bit", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const ids = [128, 129, 200, 255].map((algorithm) => digestOf(`algorithm ${algorithm}`));
      await expectNoStateChange(registry, ids, [alice.address], async () => {
        for (const [i, algorithm] of [128, 129, 200, 255].entries()) {
          await expect(registry.connect(alice).anchor(ids[i], algorithm, ZERO))
            .to.be.revertedWithCustomError(registry, "UnknownAlgorithm")
            .withArgs(algorithm);
        }
      });
    });

    it("anchors the all-ones digest", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const id = ethers.toBeHex(ethers.MaxUint256, 32);
      await registry.connect(alice).anchor(id, SM3, ZERO);
      expect((await registry.getRecord(id)).submitter).to.equal(alice.address);
    });

    it("keeps records independent of each other", async function () {
      const { registry, alice, bob } = await loadFixture(deployRegistry);
      const first = digestOf("first");
      const second = digestOf("second");
      const tx1 = await registry.connect(alice).anchor(first, KECCAK256, ZERO);
      await networkHelpers.time.increase(100);
      const tx2 = await registry.connect(bob).anchor(second, SM3, ZERO);
      const at1 = await minedAt(tx1);
      const at2 = await minedAt(tx2);

      const r1 = await registry.getRecord(first);
      const r2 = await registry.getRecord(second);
      expect([r1.submitter, r1.time, r1.blockNumber, r1.algorithm]).to.deep.equal([
        alice.address,
        at1.time,
        at1.blockNumber,
        BigInt(KECCAK256),
      ]);
      expect([r2.submitter, r2.time, r2.blockNumber, r2.algorithm]).to.deep.equal([
        bob.address,
        at2.time,
        at2.blockNumber,
        BigInt(SM3),
      ]);
    });

    it("reverts ZeroDigest for a zero digest", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      await expectNoStateChange(registry, [ZERO], [alice.address], async () => {
        await expect(registry.connect(alice).anchor(ZERO, KECCAK256, ZERO)).to.be.revertedWithCustomError(
          registry,
          "ZeroDigest",
        );
      });
    });

    it("reverts UnknownAlgorithm(0) for algorithm 0", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const id = digestOf("no algorithm");
      await expectNoStateChange(registry, [id], [alice.address], async () => {
        await expect(registry.connect(alice).anchor(id, 0, ZERO))
          .to.be.revertedWithCustomError(registry, "UnknownAlgorithm")
          .withArgs(0);
      });
    });

    it("checks the digest before the algorithm", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      await expect(registry.connect(alice).anchor(ZERO, 0, ZERO)).to.be.revertedWithCustomError(registry, "ZeroDigest");
    });

    it("lets the first anchor win: a second one reverts AlreadyAnchored with the first submitter and time", async function () {
      const { registry, alice, bob } = await loadFixture(deployRegistry);
      const id = digestOf("priority");
      const { time } = await minedAt(await registry.connect(alice).anchor(id, SHA256, ZERO));
      await networkHelpers.time.increase(3600);

      await expectNoStateChange(registry, [id], [alice.address, bob.address], async () => {
        await expect(registry.connect(bob).anchor(id, SM3, digestOf("other metadata")))
          .to.be.revertedWithCustomError(registry, "AlreadyAnchored")
          .withArgs(id, alice.address, time);
        await expect(registry.connect(alice).anchor(id, SHA256, ZERO))
          .to.be.revertedWithCustomError(registry, "AlreadyAnchored")
          .withArgs(id, alice.address, time);
      });
    });

    it("validates the algorithm before looking for an existing anchor", async function () {
      const { registry, alice, bob } = await loadFixture(deployRegistry);
      const id = digestOf("priority");
      const { time } = await minedAt(await registry.connect(alice).anchor(id, SHA256, ZERO));
      for (const algorithm of [0, MAX_ALGORITHM + 1]) {
        await expect(registry.connect(bob).anchor(id, algorithm, ZERO))
          .to.be.revertedWithCustomError(registry, "UnknownAlgorithm")
          .withArgs(algorithm);
      }
      await expect(registry.connect(bob).anchor(id, 1, ZERO))
        .to.be.revertedWithCustomError(registry, "AlreadyAnchored")
        .withArgs(id, alice.address, time);
    });

    // FISCO BCOS (the `compat` profile's target) stamps blocks in milliseconds, past 2^40 since 2004: a 40-bit time
    // field once stored them ~34.8 years early and spilled their high bits into `blockNumber`.
    it("keeps time and blockNumber exact under millisecond timestamps (FISCO BCOS)", async function () {
      const { registry, alice, bob } = await loadFixture(deployRegistry);
      const id = digestOf("millisecond chain");
      const milliseconds = 1_760_000_000_000n;
      await networkHelpers.time.setNextBlockTimestamp(milliseconds);
      const { blockNumber, time } = await minedAt(await registry.connect(alice).anchor(id, SM3, ZERO));
      expect(time).to.equal(milliseconds);

      const record = await registry.getRecord(id);
      expect(record.time).to.equal(milliseconds);
      expect(record.blockNumber).to.equal(blockNumber);
      const verification = await registry.verify(id);
      expect(verification.time).to.equal(milliseconds);
      expect(verification.blockNumber).to.equal(blockNumber);
      await expect(registry.connect(bob).anchor(id, SM3, ZERO))
        .to.be.revertedWithCustomError(registry, "AlreadyAnchored")
        .withArgs(id, alice.address, milliseconds);
    });

    it("keeps the largest 48-bit time apart from the block number, algorithm and batch bit", async function () {
      const { registry, alice, bob } = await loadFixture(deployRegistry);
      const root = digestOf("last millisecond");
      const maxTime = 2n ** 48n - 1n;
      await networkHelpers.time.setNextBlockTimestamp(maxTime);
      const { blockNumber, time } = await minedAt(
        await registry.connect(alice).anchorBatch(root, MAX_ALGORITHM, 2, ZERO),
      );
      expect(time).to.equal(maxTime);

      expect(plain(await registry.getRecord(root))).to.deep.equal({
        submitter: alice.address,
        time: maxTime,
        blockNumber,
        algorithm: BigInt(MAX_ALGORITHM),
        batch: true,
      });
      const verification = await registry.verify(root);
      expect([verification.time, verification.blockNumber, verification.algorithm, verification.batched]).to.deep.equal(
        [maxTime, blockNumber, BigInt(MAX_ALGORITHM), true],
      );
      await expect(registry.connect(bob).anchor(root, SM3, ZERO))
        .to.be.revertedWithCustomError(registry, "AlreadyAnchored")
        .withArgs(root, alice.address, maxTime);
    });
  });

  describe("anchorWithURI", function () {
    it("emits Anchored with keccak256(uri) as metadata, then MetadataURI", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const id = digestOf("deed.pdf");
      const uri = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/deed.json";

      const tx = await registry.connect(alice).anchorWithURI(id, SHA3_256, uri);
      await expect(tx)
        .to.emit(registry, "Anchored")
        .withArgs(id, alice.address, SHA3_256, ethers.keccak256(ethers.toUtf8Bytes(uri)));
      await expect(tx).to.emit(registry, "MetadataURI").withArgs(id, alice.address, uri);
      await expect(tx).not.to.emit(registry, "BatchAnchored");
      const { blockNumber, time } = await minedAt(tx);

      const record = await registry.getRecord(id);
      expect(record.submitter).to.equal(alice.address);
      expect(record.time).to.equal(time);
      expect(record.blockNumber).to.equal(blockNumber);
      expect(record.algorithm).to.equal(SHA3_256);
      expect(record.batch).to.equal(false);
    });

    it("hashes a non-ASCII URI as its UTF-8 bytes and an empty URI as keccak256 of nothing", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const uri = "https://example.cn/证据/合同.json";
      const id = digestOf("utf8");
      await expect(registry.connect(alice).anchorWithURI(id, SM3, uri))
        .to.emit(registry, "Anchored")
        .withArgs(id, alice.address, SM3, ethers.keccak256(ethers.toUtf8Bytes(uri)));

      const empty = digestOf("empty uri");
      const tx = registry.connect(alice).anchorWithURI(empty, SM3, "");
      await expect(tx).to.emit(registry, "Anchored").withArgs(empty, alice.address, SM3, ethers.keccak256("0x"));
      await expect(tx).to.emit(registry, "MetadataURI").withArgs(empty, alice.address, "");
    });

    it("reverts ZeroDigest, UnknownAlgorithm and AlreadyAnchored like anchor", async function () {
      const { registry, alice, bob } = await loadFixture(deployRegistry);
      const id = digestOf("uri");
      await expect(registry.connect(alice).anchorWithURI(ZERO, SHA256, "x")).to.be.revertedWithCustomError(
        registry,
        "ZeroDigest",
      );
      for (const algorithm of [0, MAX_ALGORITHM + 1]) {
        await expect(registry.connect(alice).anchorWithURI(id, algorithm, "x"))
          .to.be.revertedWithCustomError(registry, "UnknownAlgorithm")
          .withArgs(algorithm);
      }
      const { time } = await minedAt(await registry.connect(alice).anchor(id, SHA256, ZERO));
      await expectNoStateChange(registry, [id], [alice.address, bob.address], async () => {
        await expect(registry.connect(bob).anchorWithURI(id, SHA256, "x"))
          .to.be.revertedWithCustomError(registry, "AlreadyAnchored")
          .withArgs(id, alice.address, time);
      });
    });
  });

  describe("anchorBatch", function () {
    it("emits Anchored and BatchAnchored and marks the record a batch", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const root = digestOf("batch root");
      const metadata = digestOf("batch manifest");

      const tx = await registry.connect(alice).anchorBatch(root, SHA256, 1000, metadata);
      await expect(tx).to.emit(registry, "Anchored").withArgs(root, alice.address, SHA256, metadata);
      await expect(tx).to.emit(registry, "BatchAnchored").withArgs(root, alice.address, 1000);
      await expect(tx).not.to.emit(registry, "MetadataURI");
      const { blockNumber, time } = await minedAt(tx);

      expect(await registry.exists(root)).to.equal(true);
      const record = await registry.getRecord(root);
      expect(record.submitter).to.equal(alice.address);
      expect(record.time).to.equal(time);
      expect(record.blockNumber).to.equal(blockNumber);
      expect(record.algorithm).to.equal(SHA256);
      expect(record.batch).to.equal(true);
    });

    it("emits the declared size as is, even zero or the uint256 maximum", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      await expect(registry.connect(alice).anchorBatch(digestOf("a"), SM3, 0, ZERO))
        .to.emit(registry, "BatchAnchored")
        .withArgs(digestOf("a"), alice.address, 0);
      await expect(registry.connect(alice).anchorBatch(digestOf("b"), SM3, ethers.MaxUint256, ZERO))
        .to.emit(registry, "BatchAnchored")
        .withArgs(digestOf("b"), alice.address, ethers.MaxUint256);
    });

    it("reverts ZeroDigest and UnknownAlgorithm for 0 and above MAX_ALGORITHM", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const root = digestOf("root");
      await expectNoStateChange(registry, [ZERO, root], [alice.address], async () => {
        await expect(registry.connect(alice).anchorBatch(ZERO, SHA256, 2, ZERO)).to.be.revertedWithCustomError(
          registry,
          "ZeroDigest",
        );
        for (const algorithm of [0, MAX_ALGORITHM + 1, 255]) {
          await expect(registry.connect(alice).anchorBatch(root, algorithm, 2, ZERO))
            .to.be.revertedWithCustomError(registry, "UnknownAlgorithm")
            .withArgs(algorithm);
        }
      });
    });

    it("shares one id space with single digests: first anchor wins across kinds", async function () {
      const { registry, alice, bob } = await loadFixture(deployRegistry);
      const single = digestOf("single first");
      const batch = digestOf("batch first");
      const at1 = await minedAt(await registry.connect(alice).anchor(single, SHA256, ZERO));
      const at2 = await minedAt(await registry.connect(bob).anchorBatch(batch, SHA256, 4, ZERO));

      await expectNoStateChange(registry, [single, batch], [alice.address, bob.address], async () => {
        await expect(registry.connect(bob).anchorBatch(single, SHA256, 4, ZERO))
          .to.be.revertedWithCustomError(registry, "AlreadyAnchored")
          .withArgs(single, alice.address, at1.time);
        await expect(registry.connect(alice).anchor(batch, SHA256, ZERO))
          .to.be.revertedWithCustomError(registry, "AlreadyAnchored")
          .withArgs(batch, bob.address, at2.time);
      });
      expect((await registry.getRecord(single)).batch).to.equal(false);
      expect((await registry.getRecord(batch)).batch).to.equal(true);
    });
  });
});
