import { expect } from "chai";
import { Result, type ContractTransactionResponse, type Signer, type TypedDataDomain } from "ethers";
import { network } from "hardhat";

import type { EvidenceRegistry } from "../../typechain-types/index.js";

// One simulated chain shared by every evidence test file, so `loadFixture` snapshots stay valid across them.
export const { ethers, networkHelpers } = await network.create();

export const KECCAK256 = 1;
export const SHA256 = 2;
export const SHA3_256 = 3;
export const SM3 = 4;

export const MAX_ALGORITHM = 127;
export const MAX_WITNESSES = 32;

export const ANCHOR_TYPES = {
  Anchor: [
    { name: "digest", type: "bytes32" },
    { name: "algorithm", type: "uint8" },
    { name: "metadata", type: "bytes32" },
    { name: "submitter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

export const COSIGN_TYPES = {
  Cosign: [
    { name: "id", type: "bytes32" },
    { name: "witness", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

export interface AnchorRequest {
  digest: string;
  algorithm: number;
  metadata: string;
  submitter: string;
  nonce: bigint;
  deadline: bigint;
}

export interface CosignRequest {
  id: string;
  witness: string;
  nonce: bigint;
  deadline: bigint;
}

/** A distinct, non-zero digest per label. */
export function digestOf(label: string): string {
  return ethers.id(label);
}

export { addressOf } from "../helpers/addresses.js";

export async function deployRegistry() {
  const [deployer, alice, bob, carol, dave, erin, relayer, outsider] = await ethers.getSigners();
  const registry = await ethers.deployContract("EvidenceRegistry");
  const { chainId } = await ethers.provider.getNetwork();
  const domain: TypedDataDomain = {
    name: "EvidenceRegistry",
    version: "1",
    chainId,
    verifyingContract: await registry.getAddress(),
  };
  return { registry, domain, deployer, alice, bob, carol, dave, erin, relayer, outsider };
}

export async function signAnchor(signer: Signer, domain: TypedDataDomain, request: AnchorRequest): Promise<string> {
  return signer.signTypedData(domain, ANCHOR_TYPES, request);
}

export async function signCosign(signer: Signer, domain: TypedDataDomain, request: CosignRequest): Promise<string> {
  return signer.signTypedData(domain, COSIGN_TYPES, request);
}

/** A deadline comfortably in the future of the current chain time. */
export async function futureDeadline(seconds = 3600): Promise<bigint> {
  return BigInt((await networkHelpers.time.latest()) + seconds);
}

/** Block number and timestamp of the block that mined `tx`. */
export async function minedAt(tx: ContractTransactionResponse): Promise<{ blockNumber: bigint; time: bigint }> {
  const receipt = await tx.wait();
  if (receipt === null) throw new Error("transaction was not mined");
  const block = await ethers.provider.getBlock(receipt.blockNumber);
  if (block === null) throw new Error(`block ${receipt.blockNumber} not found`);
  return { blockNumber: BigInt(receipt.blockNumber), time: BigInt(block.timestamp) };
}

/** A struct returned by a contract call, as a plain object for deep equality. */
export function plain(struct: object): Record<string, unknown> {
  if (!(struct instanceof Result)) throw new TypeError("expected an ABI-decoded struct (ethers Result)");
  const object: Record<string, unknown> = struct.toObject(false);
  // Our structs nest only arrays of values, which `toObject(true)` would collapse into one unnamed key.
  for (const [key, value] of Object.entries(object)) if (value instanceof Result) object[key] = Array.from(value);
  return object;
}

/** Every piece of registry state reachable from `ids` and `accounts`, as plain values for deep comparison. */
export async function registryState(registry: EvidenceRegistry, ids: string[], accounts: string[]) {
  const records = [];
  for (const id of ids) {
    records.push({
      id,
      exists: await registry.exists(id),
      record: plain(await registry.getRecord(id)),
      policy: plain(await registry.getWitnessPolicy(id)),
      verification: plain(await registry.verify(id)),
      cosigned: await Promise.all(accounts.map((account) => registry.hasCosigned(id, account))),
    });
  }
  // Every nonce the tests sign lies in word 0 of its signer's bitmap.
  const nonces = await Promise.all(accounts.map((account) => registry.nonceBitmap(account, 0)));
  return { records, nonces };
}

/** Runs `action` (a revert assertion) and checks that no state reachable from `ids` and `accounts` changed. */
export async function expectNoStateChange(
  registry: EvidenceRegistry,
  ids: string[],
  accounts: string[],
  action: () => Promise<unknown>,
): Promise<void> {
  const before = await registryState(registry, ids, accounts);
  await action();
  expect(await registryState(registry, ids, accounts)).to.deep.equal(before);
}
