// A Merkle tree over 32-byte digests in `@openzeppelin/merkle-tree`'s exact `StandardMerkleTree.of(…, ["bytes32"])`
// layout (same root, same proofs, as the registry's `verifyInBatch` expects), built over flat `Uint8Array`s with
// WebAssembly keccak256 so a million digests fit in about 100 MB. Browser-safe: no `node:` imports.
import { getBytes, isHexString } from "ethers";

import { InvalidInputError } from "../errors.js";
import { keccak256Bytes } from "../hash.js";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** `0x`-prefixed lowercase hex of 32 bytes at `offset` of `bytes`. */
function hex32(bytes: Uint8Array, offset: number): string {
  let out = "0x";
  for (let i = offset; i < offset + 32; i++) out += HEX[bytes[i]];
  return out;
}

/** Byte order of the 32-byte words at `a` and `b` of `bytes` (negative, zero or positive). */
function compareWords(bytes: Uint8Array, a: number, b: number): number {
  for (let i = 0; i < 32; i++) {
    const d = bytes[a + i] - bytes[b + i];
    if (d !== 0) return d;
  }
  return 0;
}

/** Digests as one flat array of 32-byte words; `InvalidInputError` naming the first one that is not 32 bytes. */
function flatten(digests: readonly (string | Uint8Array)[] | Uint8Array): Uint8Array {
  if (digests instanceof Uint8Array) {
    if (digests.length % 32 !== 0) {
      throw new InvalidInputError(`packed digests must be a multiple of 32 bytes, got ${digests.length}`);
    }
    return digests;
  }
  const flat = new Uint8Array(digests.length * 32);
  digests.forEach((digest, i) => {
    if (typeof digest === "string") {
      if (!isHexString(digest, 32)) throw new InvalidInputError(`not a 32-byte digest: ${digest}`);
      flat.set(getBytes(digest), i * 32);
    } else {
      if (digest.length !== 32) throw new InvalidInputError(`not a 32-byte digest: ${digest.length} bytes`);
      flat.set(digest, i * 32);
    }
  });
  return flat;
}

/**
 * The standard Merkle tree of `bytes32` leaves: leaf `keccak256(keccak256(digest))`, leaves sorted, tree stored as an
 * array of `2n - 1` nodes with the leaves at the end in reverse order, each node the keccak256 of its children in byte
 * order. Proofs are read off the tree by walking the siblings up to the root.
 */
export class MerkleTree {
  /** Number of leaves. */
  readonly size: number;
  /** The nodes, 32 bytes each, root first. */
  readonly nodes: Uint8Array;
  /** The tree index of each digest, in the order given. */
  private readonly position: Uint32Array;

  /**
   * Builds the tree over `digests`, given as hex strings, 32-byte arrays, or one packed array of 32-byte words.
   * `InvalidInputError` for an empty set or a digest that is not 32 bytes.
   */
  constructor(digests: readonly (string | Uint8Array)[] | Uint8Array) {
    const flat = flatten(digests);
    const n = flat.length / 32;
    if (n === 0) throw new InvalidInputError("a batch needs at least one digest");
    this.size = n;

    const leaves = new Uint8Array(n * 32);
    for (let i = 0; i < n; i++) {
      leaves.set(keccak256Bytes(keccak256Bytes(flat.subarray(i * 32, i * 32 + 32))), i * 32);
    }
    // Sort leaf indices by leaf hash (ties by index: OZ's sort is stable); the first 4 bytes decide almost always.
    const head = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const o = i * 32;
      head[i] = ((leaves[o] << 24) | (leaves[o + 1] << 16) | (leaves[o + 2] << 8) | leaves[o + 3]) >>> 0;
    }
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => head[a] - head[b] || compareWords(leaves, a * 32, b * 32) || a - b);

    const count = 2 * n - 1;
    const nodes = new Uint8Array(count * 32);
    this.position = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      const index = count - 1 - k;
      const leaf = order[k];
      nodes.set(leaves.subarray(leaf * 32, leaf * 32 + 32), index * 32);
      this.position[leaf] = index;
    }
    for (let i = count - 1 - n; i >= 0; i--) {
      const left = (2 * i + 1) * 32;
      const right = left + 32;
      const [a, b] = compareWords(nodes, left, right) <= 0 ? [left, right] : [right, left];
      nodes.set(keccak256Bytes(nodes.subarray(a, a + 32), nodes.subarray(b, b + 32)), i * 32);
    }
    this.nodes = nodes;
  }

  /** The root, hex. */
  get root(): string {
    return hex32(this.nodes, 0);
  }

  /** The proof of the `index`-th digest (in the order given), leaf to root; `InvalidInputError` if out of range. */
  proof(index: number): string[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new InvalidInputError(`no digest at index ${index} (the batch has ${this.size})`);
    }
    const proof: string[] = [];
    for (let i = this.position[index]; i > 0; i = (i - 1) >> 1) {
      proof.push(hex32(this.nodes, (i % 2 === 1 ? i + 1 : i - 1) * 32));
    }
    return proof;
  }
}

/**
 * A Merkle batch over digests, in `@openzeppelin/merkle-tree`'s standard leaf format, as the contract verifies it: the
 * root to anchor and each digest's proof.
 */
export class EvidenceBatch {
  readonly tree: MerkleTree;

  constructor(digests: readonly (string | Uint8Array)[] | Uint8Array) {
    this.tree = new MerkleTree(digests);
  }

  get root(): string {
    return this.tree.root;
  }

  get size(): number {
    return this.tree.size;
  }

  /** The proof of the `index`-th digest (the order given to the constructor). */
  proof(index: number): string[] {
    return this.tree.proof(index);
  }
}
