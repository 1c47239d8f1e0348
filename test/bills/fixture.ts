import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { MaxUint256, ZeroHash, id } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import type {
  EvidenceRegistry,
  FeeOnTransferToken,
  HookToken,
  MockStablecoin,
  ParticipantRegistry,
  SupplyChainBills,
} from "../../typechain-types/index.js";
import { packageAmounts } from "../../src/bills/amount.js";

export const ENTERPRISE = 1n;
export const FINANCIER = 2n;
export const REGULATOR = 4n;
export const HOLDER_ROLES = ENTERPRISE | FINANCIER;
export const DAY = 86_400;
export const WINDOW = 3 * DAY;
export const DECIMALS = 6n;
export const UNIT = 10n ** (DECIMALS - 2n); // token units per 0.01 yuan
export const FACE = 100_000_000n; // 1,000,000.00 yuan
export const DIGEST = "0x" + "ab".repeat(32);
export const MAX_CHAIN_LENGTH = 32n;
export const BASE_URI = "https://bills.test/";

export const PartState = {
  None: 0n,
  Offered: 1n,
  DiscountOffered: 2n,
  PledgeOffered: 3n,
  Held: 4n,
  Pledged: 5n,
  Redeemed: 6n,
  Cancelled: 7n,
  Burned: 8n,
} as const;

export const PackageStatus = {
  None: 0n,
  Issued: 1n,
  Accepted: 2n,
  Active: 3n,
  Funded: 4n,
  Dishonored: 5n,
  Cancelled: 6n,
} as const;

/** A package's [outstanding, funded, redeemed] amounts, as the SDK derives them from `packageOf`. */
export async function amountsOf(w: World, packageId: bigint): Promise<[bigint, bigint, bigint]> {
  const { outstanding, funded, redeemed } = packageAmounts(await w.bills.packageOf(packageId));
  return [outstanding, funded, redeemed];
}

export const tokenId = (packageId: bigint, seq: bigint): bigint => (packageId << 24n) | seq;
/** Package 1's root part, and its part `seq`: the fixtures issue one package. */
export const ROOT = tokenId(1n, 1n);
export const partOfFirst = (seq: bigint): bigint => tokenId(1n, seq);

export interface World {
  registry: ParticipantRegistry;
  bills: SupplyChainBills;
  token: MockStablecoin;
  evidence: EvidenceRegistry;
  admin: HardhatEthersSigner;
  core: HardhatEthersSigner;
  tier1: HardhatEthersSigner;
  tier2a: HardhatEthersSigner;
  tier2b: HardhatEthersSigner;
  bank: HardhatEthersSigner;
  bank2: HardhatEthersSigner;
  regulator: HardhatEthersSigner;
  outsider: HardhatEthersSigner;
  maturity: number;
  validUntil: number;
}

/**
 * Registry with four enterprises, two banks and a regulator; bills; a 6-decimal settlement token. With
 * `timeUnitsPerSecond` 1000 the chain's clock first jumps to milliseconds (as FISCO BCOS stamps blocks) and every
 * time (maturity, validity, payment window) is in ms.
 */
export async function deployWorld(connection: NetworkConnection, timeUnitsPerSecond = 1): Promise<World> {
  const { ethers, networkHelpers } = connection;
  const [admin, core, tier1, tier2a, tier2b, bank, bank2, regulator, outsider] = await ethers.getSigners();
  if (timeUnitsPerSecond !== 1) {
    const latest = await networkHelpers.time.latest();
    if (latest < 1e11) await networkHelpers.time.increaseTo(latest * timeUnitsPerSecond);
  }
  const day = DAY * timeUnitsPerSecond;
  const registry = await ethers.deployContract("ParticipantRegistry", [admin.address, admin.address]);
  const evidence = await ethers.deployContract("EvidenceRegistry");
  const bills = await ethers.deployContract("SupplyChainBills", [
    registry,
    evidence,
    3 * day,
    timeUnitsPerSecond,
    BASE_URI,
  ]);
  const token = await ethers.deployContract("MockStablecoin", [DECIMALS]);
  const now = await networkHelpers.time.latest();
  const validUntil = now + 3650 * day;
  const parties: [HardhatEthersSigner, bigint][] = [
    [core, ENTERPRISE],
    [tier1, ENTERPRISE],
    [tier2a, ENTERPRISE],
    [tier2b, ENTERPRISE],
    [bank, FINANCIER],
    [bank2, FINANCIER],
    [regulator, REGULATOR],
  ];
  for (const [who, roles] of parties) {
    await registry.register(who.address, ethers.id(`USCC-${who.address}`), roles, validUntil);
  }
  for (const who of [core, bank, bank2, tier1, tier2a, tier2b]) {
    await token.mint(who.address, 10n ** 15n);
    await token.connect(who).approve(bills, ethers.MaxUint256);
  }
  return {
    registry,
    bills,
    token,
    evidence,
    admin,
    core,
    tier1,
    tier2a,
    tier2b,
    bank,
    bank2,
    regulator,
    outsider,
    maturity: now + 90 * day,
    validUntil,
  };
}

/** Issues package 1 (core draws and accepts, tier1 payee), optionally accepted and signed. */
export async function issueBill(
  w: World,
  stage: "issued" | "accepted" | "active" = "active",
  nonTransferable = false,
): Promise<bigint> {
  await w.bills
    .connect(w.core)
    .issue(w.core.address, w.tier1.address, w.token, FACE, w.maturity, nonTransferable, DIGEST, "0x" + "00".repeat(32));
  if (stage === "issued") return 1n;
  await w.bills.connect(w.core).accept(1n);
  if (stage === "accepted") return 1n;
  await w.bills.connect(w.tier1).sign(tokenId(1n, 1n));
  return 1n;
}

/** A world with package 1 issued, accepted and held by tier1. */
export async function activeWorld(connection: NetworkConnection): Promise<World> {
  const w = await deployWorld(connection);
  await issueBill(w);
  return w;
}

/**
 * Package 1 settled in `token` (2 decimals: one token unit per minimum unit), delivered to tier1; core, bank, tier1
 * and tier2a each get `mint` of the token, approved to the bills contract.
 */
export async function issueIn(w: World, token: FeeOnTransferToken | HookToken, mint = FACE * 10n): Promise<void> {
  for (const who of [w.core, w.bank, w.tier1, w.tier2a]) {
    await token.mint(who.address, mint);
    await token.connect(who).approve(w.bills, MaxUint256);
  }
  await w.bills
    .connect(w.core)
    .issue(w.core.address, w.tier1.address, token, FACE, w.maturity, false, id("trade"), ZeroHash);
  await w.bills.connect(w.core).accept(1n);
  await w.bills.connect(w.tier1).sign(ROOT);
}
