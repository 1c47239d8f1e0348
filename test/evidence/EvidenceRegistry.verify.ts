import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";

import { SHA256, SM3, deployRegistry, digestOf, ethers, minedAt, networkHelpers, plain } from "./helpers.js";

const { loadFixture } = networkHelpers;
const ZERO = ethers.ZeroHash;

const NOT_FOUND = {
  exists: false,
  batched: false,
  algorithm: 0n,
  submitter: ethers.ZeroAddress,
  time: 0n,
  blockNumber: 0n,
  witnessThreshold: 0n,
  witnessSignatures: 0n,
  witnessed: false,
  revoked: false,
  revokedAt: 0n,
  supersededBy: ZERO,
};

function buildTree(labels: string[]) {
  const digests = labels.map(digestOf);
  return {
    digests,
    tree: StandardMerkleTree.of(
      digests.map((d) => [d]),
      ["bytes32"],
    ),
  };
}

/** alice anchored one digest directly and bob a batch of five digests. */
async function deployAnchored() {
  const base = await deployRegistry();
  const { registry, alice, bob } = base;
  const single = digestOf("single.pdf");
  const singleAt = await minedAt(await registry.connect(alice).anchor(single, SHA256, ZERO));
  const { digests, tree } = buildTree(["a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf"]);
  const root = tree.root;
  const rootAt = await minedAt(await registry.connect(bob).anchorBatch(root, SM3, digests.length, ZERO));
  return { ...base, single, singleAt, digests, tree, root, rootAt };
}

describe("EvidenceRegistry: verification", function () {
  describe("verify", function () {
    it("returns every field of a plain anchored digest", async function () {
      const { registry, alice, single, singleAt } = await loadFixture(deployAnchored);
      expect(plain(await registry.verify(single))).to.deep.equal({
        ...NOT_FOUND,
        exists: true,
        algorithm: BigInt(SHA256),
        submitter: alice.address,
        time: singleAt.time,
        blockNumber: singleAt.blockNumber,
      });
    });

    it("returns every field of a witnessed, revoked and superseded record", async function () {
      const { registry, alice, bob, carol, single, singleAt } = await loadFixture(deployAnchored);
      const next = digestOf("single v2.pdf");
      await registry.connect(alice).anchor(next, SHA256, ZERO);
      await registry.connect(alice).requireWitnesses(single, [bob.address, carol.address], 2, 0);
      await registry.connect(bob).cosign(single);
      await registry.connect(carol).cosign(single);
      await registry.connect(alice).supersede(single, next);
      const revokedAt = await minedAt(await registry.connect(alice).revoke(single, ZERO));

      expect(plain(await registry.verify(single))).to.deep.equal({
        exists: true,
        batched: false,
        algorithm: BigInt(SHA256),
        submitter: alice.address,
        time: singleAt.time,
        blockNumber: singleAt.blockNumber,
        witnessThreshold: 2n,
        witnessSignatures: 2n,
        witnessed: true,
        revoked: true,
        revokedAt: revokedAt.time,
        supersededBy: next,
      });
    });

    it("reports pending witnesses as not witnessed", async function () {
      const { registry, alice, bob, carol, single } = await loadFixture(deployAnchored);
      await registry.connect(alice).requireWitnesses(single, [bob.address, carol.address], 2, 0);
      await registry.connect(carol).cosign(single);
      const verification = await registry.verify(single);
      expect([verification.witnessThreshold, verification.witnessSignatures, verification.witnessed]).to.deep.equal([
        2n,
        1n,
        false,
      ]);
    });

    it("returns a batch root as batched", async function () {
      const { registry, bob, root, rootAt } = await loadFixture(deployAnchored);
      expect(plain(await registry.verify(root))).to.deep.equal({
        ...NOT_FOUND,
        exists: true,
        batched: true,
        algorithm: BigInt(SM3),
        submitter: bob.address,
        time: rootAt.time,
        blockNumber: rootAt.blockNumber,
      });
    });

    it("returns an all-zero answer for an unknown digest, and for a digest only anchored inside a batch", async function () {
      const { registry, digests } = await loadFixture(deployAnchored);
      for (const digest of [digestOf("unknown"), ZERO, digests[0]]) {
        expect(plain(await registry.verify(digest))).to.deep.equal(NOT_FOUND);
      }
    });
  });

  describe("verifyInBatch", function () {
    it("proves every digest of an @openzeppelin/merkle-tree batch with the root's record", async function () {
      const { registry, bob, digests, tree, root, rootAt } = await loadFixture(deployAnchored);
      const expected = {
        ...NOT_FOUND,
        exists: true,
        batched: true,
        algorithm: BigInt(SM3),
        submitter: bob.address,
        time: rootAt.time,
        blockNumber: rootAt.blockNumber,
      };
      for (const digest of digests) {
        const proof = tree.getProof([digest]);
        expect(plain(await registry.verifyInBatch(root, digest, proof))).to.deep.equal(expected);
      }
    });

    it("proves the only digest of a one-leaf batch with an empty proof", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const { digests, tree } = buildTree(["lonely.pdf"]);
      await registry.connect(alice).anchorBatch(tree.root, SHA256, 1, ZERO);
      expect(tree.getProof([digests[0]])).to.deep.equal([]);
      const verification = await registry.verifyInBatch(tree.root, digests[0], []);
      expect([verification.exists, verification.batched, verification.submitter]).to.deep.equal([
        true,
        true,
        alice.address,
      ]);
      expect(plain(await registry.verifyInBatch(tree.root, digestOf("other.pdf"), []))).to.deep.equal(NOT_FOUND);
    });

    it("carries the root's witness, revocation and supersession state", async function () {
      const { registry, bob, carol, dave, digests, tree, root, rootAt } = await loadFixture(deployAnchored);
      const next = buildTree(["a2.pdf"]).tree.root;
      await registry.connect(bob).anchorBatch(next, SM3, 1, ZERO);
      await registry.connect(bob).requireWitnesses(root, [carol.address, dave.address], 1, 0);
      await registry.connect(dave).cosign(root);
      await registry.connect(bob).supersede(root, next);
      const revokedAt = await minedAt(await registry.connect(bob).revoke(root, digestOf("reason")));

      expect(plain(await registry.verifyInBatch(root, digests[2], tree.getProof([digests[2]])))).to.deep.equal({
        exists: true,
        batched: true,
        algorithm: BigInt(SM3),
        submitter: bob.address,
        time: rootAt.time,
        blockNumber: rootAt.blockNumber,
        witnessThreshold: 1n,
        witnessSignatures: 1n,
        witnessed: true,
        revoked: true,
        revokedAt: revokedAt.time,
        supersededBy: next,
      });
    });

    it("returns exists=false for a wrong proof", async function () {
      const { registry, digests, tree, root } = await loadFixture(deployAnchored);
      const proof = tree.getProof([digests[1]]);
      const flipped = (hex: string) => ethers.toBeHex(BigInt(hex) ^ 1n, 32);
      const wrongProofs = [
        [],
        tree.getProof([digests[0]]),
        [flipped(proof[0]), ...proof.slice(1)],
        [...proof.slice(0, -1), flipped(proof[proof.length - 1])],
        proof.slice(0, -1),
        [...proof, ZERO],
        [...proof].reverse(),
      ];
      for (const wrong of wrongProofs) {
        expect(plain(await registry.verifyInBatch(root, digests[1], wrong))).to.deep.equal(NOT_FOUND);
      }
      expect((await registry.verifyInBatch(root, digests[1], proof)).exists).to.equal(true);
    });

    it("returns exists=false for a digest outside the batch", async function () {
      const { registry, digests, tree, root } = await loadFixture(deployAnchored);
      const proof = tree.getProof([digests[3]]);
      for (const digest of [digestOf("not in the batch"), ZERO, root, ethers.toBeHex(BigInt(digests[3]) ^ 1n, 32)]) {
        expect(plain(await registry.verifyInBatch(root, digest, proof))).to.deep.equal(NOT_FOUND);
      }
    });

    it("does not accept an inner node of the tree as a digest (second preimage)", async function () {
      const { registry, tree, root } = await loadFixture(deployAnchored);
      // StandardMerkleTree stores the tree as an array: node i has children 2i+1 and 2i+2.
      const nodes = tree.dump().tree;
      expect(ethers.keccak256(ethers.concat([nodes[1], nodes[2]].sort()))).to.equal(root);
      expect(plain(await registry.verifyInBatch(root, nodes[1], [nodes[2]]))).to.deep.equal(NOT_FOUND);
      expect(plain(await registry.verifyInBatch(root, root, []))).to.deep.equal(NOT_FOUND);
    });

    it("returns exists=false for a root that is not anchored", async function () {
      const { registry, alice } = await loadFixture(deployAnchored);
      const { digests, tree } = buildTree(["x.pdf", "y.pdf"]);
      expect(plain(await registry.verifyInBatch(tree.root, digests[0], tree.getProof([digests[0]])))).to.deep.equal(
        NOT_FOUND,
      );
      // Anchoring it makes the very same query succeed.
      await registry.connect(alice).anchorBatch(tree.root, SHA256, 2, ZERO);
      expect((await registry.verifyInBatch(tree.root, digests[0], tree.getProof([digests[0]]))).exists).to.equal(true);
    });

    it("returns exists=false for a root anchored as a plain digest, not a batch", async function () {
      const { registry, alice } = await loadFixture(deployRegistry);
      const { digests, tree } = buildTree(["p.pdf", "q.pdf", "r.pdf"]);
      await registry.connect(alice).anchor(tree.root, SHA256, ZERO);
      expect((await registry.verify(tree.root)).exists).to.equal(true);
      for (const digest of digests) {
        expect(plain(await registry.verifyInBatch(tree.root, digest, tree.getProof([digest])))).to.deep.equal(
          NOT_FOUND,
        );
      }
    });

    it("answers for the queried root only", async function () {
      const { registry, alice, digests, tree, root } = await loadFixture(deployAnchored);
      const other = buildTree(["a.pdf", "z.pdf"]);
      await registry.connect(alice).anchorBatch(other.tree.root, SHA256, 2, ZERO);
      // a.pdf is in both batches, each proof only under its own root.
      const proof = tree.getProof([digests[0]]);
      const otherProof = other.tree.getProof([digests[0]]);
      expect((await registry.verifyInBatch(root, digests[0], proof)).exists).to.equal(true);
      expect((await registry.verifyInBatch(other.tree.root, digests[0], otherProof)).submitter).to.equal(alice.address);
      expect(plain(await registry.verifyInBatch(other.tree.root, digests[0], proof))).to.deep.equal(NOT_FOUND);
      expect(plain(await registry.verifyInBatch(root, digests[0], otherProof))).to.deep.equal(NOT_FOUND);
    });
  });
});
