import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkConnection } from "hardhat/types/network";

import BillsModule from "../deploy/modules/Bills.js";
import { BillsClient, Roles, formatYuan } from "../src/bills/index.js";
import { EvidenceClient } from "../src/evidence/client.js";
import { hashBytes } from "../src/evidence/hash.js";
import { MockStablecoin__factory, ParticipantRegistry__factory } from "../typechain-types/index.js";
import type { DemoReport } from "./report.js";

const DAY = 86_400;
const short = (address: string) => `${address.slice(0, 8)}…`;

/**
 * Supply-chain finance: a core enterprise issues a 1,000,000.00-yuan bill to its tier-1 supplier, who keeps part,
 * endorses parts to two tier-2 suppliers, one of whom discounts with a bank at 3.5 %; at maturity the core
 * enterprise funds and every holder redeems. A second bill is dishonoured and recovered by recourse.
 */
export async function runBillsDemo(connection: NetworkConnection, report: DemoReport): Promise<void> {
  const signers = (await connection.ethers.getSigners()) as HardhatEthersSigner[];
  const [platform] = signers;
  const [core, tier1, tier2a, tier2b, bank, regulator] = signers.slice(10, 16);
  const names = new Map<string, string>([
    [core.address, "core enterprise"],
    [tier1.address, "tier-1 supplier"],
    [tier2a.address, "tier-2 supplier A"],
    [tier2b.address, "tier-2 supplier B"],
    [bank.address, "bank"],
  ]);
  const who = (address: string) => names.get(address) ?? short(address);

  const { supplyChainBills, participantRegistry, evidenceRegistry } = await connection.ignition.deploy(BillsModule);
  const billsAddress = await supplyChainBills.getAddress();
  report.add("bills", "deploy", `SupplyChainBills at ${billsAddress} (Ignition module "Bills")`);
  // A digital-yuan stand-in with 2 decimals: one token unit is one fen, the bills' minimum unit.
  const cny = await new MockStablecoin__factory(platform).deploy(2);
  const toYuan = (tokenUnits: bigint) => formatYuan(tokenUnits, { grouping: true });

  // 企业信息报备: the platform's KYC desk registers everyone (nobody registers itself).
  const validUntil = (await connection.ethers.provider.getBlock("latest"))!.timestamp + 3 * 365 * DAY;
  const registry = ParticipantRegistry__factory.connect(await participantRegistry.getAddress(), platform);
  for (const [signer, roles, code] of [
    [core, Roles.enterprise, "91310000CORE000001"],
    [tier1, Roles.enterprise, "91310000TIER100001"],
    [tier2a, Roles.enterprise, "91310000TIER2A0001"],
    [tier2b, Roles.enterprise, "91310000TIER2B0001"],
    [bank, Roles.financier, "91310000BANK000001"],
    [regulator, Roles.regulator, "REGULATOR-SH-0001"],
  ] as const) {
    await (await registry.register(signer.address, hashBytes(code, "keccak256"), roles, validUntil)).wait();
  }
  report.add("bills", "register", "core enterprise, 3 suppliers, a bank and a regulator (by the KYC desk)");
  await (await cny.mint(core.address, 2_000_000_00n)).wait();
  await (await cny.mint(bank.address, 1_000_000_00n)).wait();

  const as = (signer: HardhatEthersSigner) => new BillsClient(billsAddress, signer);
  const balance = async (signer: HardhatEthersSigner) => cny.balanceOf(signer.address);

  // The purchase contract and invoices behind the bill are anchored in the evidence registry first.
  const tradeDigest = hashBytes("Purchase contract PC-2026-0118 + invoices 0042-0051", "sm3");
  const evidence = new EvidenceClient(await evidenceRegistry.getAddress(), core);
  await evidence.anchor(tradeDigest, "sm3");
  const now = (await connection.ethers.provider.getBlock("latest"))!.timestamp;

  // Bill 1: issue → accept → deliver.
  const issued = await as(core).issue({
    acceptor: core.address,
    payee: tier1.address,
    token: await cny.getAddress(),
    amount: "1,000,000.00",
    maturity: now + 90 * DAY,
    tradeDigest,
    evidenceId: tradeDigest,
  });
  const bill = issued.packageId;
  const root = issued.rootTokenId;
  report.add("bills", "issue", `bill #${bill}: 1,000,000.00 yuan, core → tier-1, due in 90 days`, issued.gasUsed);
  report.add("bills", "accept", "core enterprise accepts (承兑)", (await as(core).accept(bill)).gasUsed);
  report.add(
    "bills",
    "deliver-sign",
    "tier-1 supplier signs for the bill (签收)",
    (await as(tier1).sign(root)).gasUsed,
  );

  // Endorse 350,000.00 to tier-2 A with its signature in the same transaction, 250,000.00 to B as offer + sign.
  const consent = await as(tier1).signEndorsement(tier2a, {
    fromTokenId: root,
    amount: "350000.00",
    deadline: now + DAY,
  });
  const toA = await as(tier1).endorseWithSignature(consent);
  report.add("bills", "endorse (signed)", "350,000.00 yuan to tier-2 A, its EIP-712 consent attached", toA.gasUsed);
  const offer = await as(tier1).endorse(root, tier2b.address, "250000.00");
  report.add("bills", "endorse (offer)", "250,000.00 yuan to tier-2 B, locked until it signs", offer.gasUsed);
  report.add(
    "bills",
    "endorse (sign)",
    "tier-2 B signs the endorsement",
    (await as(tier2b).sign(offer.tokenId)).gasUsed,
  );

  // Tier-2 A discounts 200,000.00 with the bank at 3.5 % a year: cash and bill move in one transaction.
  const discountOffer = await as(tier2a).offerDiscount(toA.tokenId, bank.address, "200000.00", "3.5");
  report.add(
    "bills",
    "discount (offer)",
    "tier-2 A offers 200,000.00 yuan to the bank at 3.5 %",
    discountOffer.gasUsed,
  );
  const quote = await as(bank).discountPrice(discountOffer.tokenId);
  const discounted = await as(bank).signDiscount(discountOffer.tokenId);
  report.add(
    "bills",
    "discount (sign, DvP)",
    `bank pays ${toYuan(discounted.price)} yuan for 200,000.00 due in ${quote.days} days`,
    discounted.gasUsed,
  );

  // Bill 2, due a month later, will be dishonoured.
  const second = await as(core).issue({
    acceptor: core.address,
    payee: tier1.address,
    token: await cny.getAddress(),
    amount: "300000.00",
    maturity: now + 120 * DAY,
    tradeDigest: "Purchase contract PC-2026-0131",
  });
  await as(core).accept(second.packageId);
  await as(tier1).sign(second.rootTokenId);
  const secondOffer = await as(tier1).endorse(second.rootTokenId, tier2b.address, "120000.00");
  await as(tier2b).sign(secondOffer.tokenId);
  report.add("bills", "issue + endorse", `bill #${second.packageId}: 300,000.00 yuan, 120,000.00 endorsed to tier-2 B`);

  // Maturity of bill 1: the acceptor funds, every holder pulls its own payment.
  await connection.networkHelpers.time.increaseTo(now + 90 * DAY);
  const funded = await as(core).fund(bill);
  report.add("bills", "fund", `core enterprise pays ${toYuan(funded.amount)} yuan in`, funded.gasUsed);
  for (const part of await as(core).parts(bill)) {
    if (part.state !== "held") continue;
    const holder = signers.find((s) => s.address === part.owner)!;
    const before = await balance(holder);
    const redeemed = await as(holder).redeem(part.tokenId);
    report.add(
      "bills",
      "redeem",
      `${who(part.owner)} part #${part.tokenId & 0xffffffn}: ${formatYuan(part.units, { grouping: true })} yuan → received ${toYuan((await balance(holder)) - before)}`,
      redeemed.gasUsed,
    );
  }
  const done = await as(core).package(bill);
  report.add("bills", "settled", `bill #${bill}: redeemed ${done.redeemed}, outstanding ${done.outstanding} yuan`);

  // Bill 2: nobody pays; after the payment window tier-2 B dishonours and recovers along the chain.
  const window = Number(await supplyChainBills.PAYMENT_WINDOW());
  await connection.networkHelpers.time.increaseTo(now + 120 * DAY + window + 1);
  const dishonored = await as(tier2b).dishonor(second.packageId, "acceptor did not pay");
  report.add("bills", "dishonor", `bill #${second.packageId} unpaid after the payment window`, dishonored.gasUsed);
  const chain = await as(tier2b).chain(secondOffer.tokenId);
  report.add("bills", "chain", `tier-2 B's part: ${chain.map(who).join(" → ")} → tier-2 B`);
  const claim = await as(tier2b).claimRecourse(secondOffer.tokenId, tier1.address);
  report.add("bills", "recourse claim", "tier-2 B claims 120,000.00 yuan from tier-1", claim.gasUsed);
  const before = await balance(tier2b);
  const paid = await as(tier1).payRecourse(secondOffer.tokenId);
  report.add(
    "bills",
    "recourse paid",
    `tier-1 pays, tier-2 B received ${toYuan((await balance(tier2b)) - before)}; tier-1 takes the claim over`,
    paid.gasUsed,
  );
  await as(tier1).claimRecourse(secondOffer.tokenId, core.address);
  const drawerPaid = await as(core).payRecourse(secondOffer.tokenId);
  report.add("bills", "recourse paid", "tier-1 recovers 120,000.00 yuan from the drawer", drawerPaid.gasUsed);

  for (const signer of [core, tier1, tier2a, tier2b, bank]) {
    report.add("bills", "balance", `${who(signer.address)}: ${toYuan(await balance(signer))} yuan`);
  }
}
