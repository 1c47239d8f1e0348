import { network } from "hardhat";

import type { ICopyrightRegistry } from "../../typechain-types/index.js";

export const { ethers, networkHelpers } = await network.create();

export type Author = ICopyrightRegistry.AuthorStruct;
export type Terms = ICopyrightRegistry.TermsStruct;

const coder = ethers.AbiCoder.defaultAbiCoder();
export const AUTHORS_TYPE = "tuple(address account,uint16 shares)[]";
export const TERMS_TYPE =
  "tuple(bytes32 territory,address currency,uint96 fee,uint64 duration,uint16 royaltyBps,bool commercialUse,bool derivativesAllowed,bool exclusive,bool sublicensable)";

export const SHA256 = 2;
export const SM3 = 4;
export const MAX_UINT64 = 2n ** 64n - 1n;
export const DAY = 86_400n;

export function authorsHash(authors: Author[]): string {
  return ethers.keccak256(coder.encode([AUTHORS_TYPE], [authors]));
}

/** The stored 24-byte prefix of the authors hash. */
export function authorsHash24(authors: Author[]): string {
  return authorsHash(authors).slice(0, 50);
}

export function termsId(terms: Terms): string {
  return ethers.keccak256(coder.encode([TERMS_TYPE], [terms]));
}

export function commitment(digest: string, salt: string, registrant: string): string {
  return ethers.keccak256(coder.encode(["bytes32", "bytes32", "address"], [digest, salt, registrant]));
}

export function digestOf(text: string): string {
  return ethers.sha256(ethers.toUtf8Bytes(text));
}

export function terms(overrides: Partial<Terms> = {}): Terms {
  return {
    territory: ethers.ZeroHash,
    currency: ethers.ZeroAddress,
    fee: 0n,
    duration: 0n,
    royaltyBps: 0,
    commercialUse: true,
    derivativesAllowed: false,
    exclusive: false,
    sublicensable: false,
    ...overrides,
  };
}

export async function deployCopyright() {
  const [admin, alice, bob, carol, dave, eve] = await ethers.getSigners();
  const evidence = await ethers.deployContract("EvidenceRegistry");
  const registry = await ethers.deployContract("CopyrightRegistry", [admin.address, admin.address, DAY]);
  const disputes = await ethers.deployContract("CopyrightDisputes", [
    admin.address,
    admin.address,
    await registry.getAddress(),
    await evidence.getAddress(),
  ]);
  const relay = await ethers.deployContract("CopyrightRelay", [await registry.getAddress()]);
  await registry.grantRole(await registry.RULING_ROLE(), await disputes.getAddress());
  await registry.grantRole(await registry.REGISTRAR_ROLE(), await relay.getAddress());
  const token = await ethers.deployContract("CopyrightTestToken");
  for (const buyer of [carol, dave, eve]) {
    await token.mint(buyer.address, 10n ** 24n);
    await token.connect(buyer).approve(await registry.getAddress(), ethers.MaxUint256);
  }
  return { admin, alice, bob, carol, dave, eve, evidence, registry, disputes, relay, token };
}

/**
 * Moves the chain's clock to the moment every given work is settled (no reveal can take it over any more), as a buyer
 * must wait for before a work can be licensed, transferred or paid revenue (`WorkNotSettled`).
 */
export async function settle(
  registry: { settledAt(workId: bigint): Promise<bigint> },
  ...workIds: bigint[]
): Promise<void> {
  let latest = 0n;
  for (const workId of workIds) {
    const at = await registry.settledAt(workId);
    if (at > latest) latest = at;
  }
  if (latest > BigInt(await networkHelpers.time.latest())) await networkHelpers.time.increaseTo(latest);
}
