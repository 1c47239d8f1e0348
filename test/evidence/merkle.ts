import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { hexlify, keccak256, toBeHex } from "ethers";

import { InvalidInputError } from "../../src/errors.js";
import { EvidenceBatch, MerkleTree } from "../../src/evidence/merkle.js";

/** `count` pseudo-random digests, reproducible from `seed`. */
function digests(seed: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => keccak256(toBeHex((BigInt(seed) << 32n) | BigInt(i), 32)));
}

function expectSameAsOpenZeppelin(values: string[]): void {
  const ours = new MerkleTree(values);
  const oz = StandardMerkleTree.of(
    values.map((v) => [v]),
    ["bytes32"],
  );
  expect(ours.root, `root of ${values.length}`).to.equal(oz.root);
  expect(ours.size).to.equal(oz.length);
  for (let i = 0; i < values.length; i++) {
    expect(ours.proof(i), `proof ${i} of ${values.length}`).to.deep.equal(oz.getProof(i));
  }
}

describe("Merkle tree in OpenZeppelin's StandardMerkleTree layout", function () {
  const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 127, 255, 256, 257, 1000, 1025];
  for (const [seed, size] of sizes.entries()) {
    it(`gives OZ's root and every proof for ${size} random digest${size === 1 ? "" : "s"}`, function () {
      expectSameAsOpenZeppelin(digests(seed + 1, size));
    });
  }

  it("gives OZ's root and proofs when digests repeat, and for upper-case hex", function () {
    const base = digests(99, 7);
    expectSameAsOpenZeppelin([...base, base[3], base[0], base[3]]);
    const upper = base.map((d) => "0x" + d.slice(2).toUpperCase());
    expect(new MerkleTree(upper).root).to.equal(new MerkleTree(base).root);
  });

  it("takes digests as hex, as 32-byte arrays or packed in one array, with the same tree", function () {
    const values = digests(7, 13);
    const bytes = values.map((v) => Uint8Array.from(Buffer.from(v.slice(2), "hex")));
    const packed = new Uint8Array(values.length * 32);
    bytes.forEach((b, i) => packed.set(b, i * 32));
    const fromHex = new MerkleTree(values);
    for (const tree of [new MerkleTree(bytes), new MerkleTree(packed)]) {
      expect(tree.root).to.equal(fromHex.root);
      expect(tree.proof(12)).to.deep.equal(fromHex.proof(12));
    }
    expect(hexlify(fromHex.nodes.subarray(0, 32))).to.equal(fromHex.root);
  });

  it("EvidenceBatch reads its root, size and proofs off the tree", function () {
    const values = digests(5, 10);
    const batch = new EvidenceBatch(values);
    const oz = StandardMerkleTree.of(
      values.map((v) => [v]),
      ["bytes32"],
    );
    expect(batch.root).to.equal(oz.root);
    expect(batch.size).to.equal(10);
    expect(batch.proof(9)).to.deep.equal(oz.getProof(9));
  });

  it("refuses an empty set, a digest that is not 32 bytes and an index out of range", function () {
    expect(() => new MerkleTree([])).to.throw(InvalidInputError, "a batch needs at least one digest");
    expect(() => new MerkleTree(["0x1234"])).to.throw(InvalidInputError, "not a 32-byte digest: 0x1234");
    expect(() => new MerkleTree([new Uint8Array(31)])).to.throw(InvalidInputError, "not a 32-byte digest: 31 bytes");
    expect(() => new MerkleTree(new Uint8Array(33))).to.throw(InvalidInputError, "multiple of 32 bytes, got 33");
    const tree = new MerkleTree(digests(3, 3));
    expect(() => tree.proof(3)).to.throw(InvalidInputError, "no digest at index 3 (the batch has 3)");
    expect(() => tree.proof(-1)).to.throw(InvalidInputError, "no digest at index -1");
  });
});
