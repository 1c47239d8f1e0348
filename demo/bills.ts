import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkConnection } from "hardhat/types/network";

import BillsModule from "../deploy/modules/Bills.js";
import { BillsClient, formatTokenYuan, formatYuan, type PartInfo } from "../src/bills/index.js";
import { EvidenceClient } from "../src/evidence/client.js";
import { hashBytes } from "../src/hash.js";
import { ParticipantsClient, type RoleName } from "../src/participants/index.js";
import { latestChainTime } from "../src/time.js";
import { MockStablecoin__factory } from "../typechain-types/index.js";
import { deployModule } from "./deploy.js";
import type { DemoReport } from "./report.js";

const DAY = 86_400;
const short = (address: string) => `${address.slice(0, 8)}…`;
const yuan = (units: bigint) => formatYuan(units, { grouping: true });

/**
 * Supply-chain finance: a core enterprise issues a 1,000,000.00-yuan bill to its tier-1 supplier, who keeps part,
 * endorses parts to two tier-2 suppliers, one of whom discounts with a bank at 3.5 %; at maturity the core
 * enterprise funds and every holder redeems. A second bill is dishonoured and fully recovered by recourse.
 * Re-runnable on a persistent node: participants are registered (or renewed) only when needed, and every id and
 * time comes from the chain.
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
    [regulator.address, "regulator"],
  ]);
  const who = (address: string) => names.get(address) ?? short(address);
  const signerOf = (address: string) => signers.find((s) => s.address === address)!;

  const { supplyChainBills, participantRegistry, evidenceRegistry } = await deployModule(connection, BillsModule);
  const billsAddress = await supplyChainBills.getAddress();
  report.add("bills", "deploy", `SupplyChainBills at ${billsAddress} (Ignition module "Bills")`);
  // One client per signer, so each keeps what it has read (time unit, registry).
  const clients = new Map<HardhatEthersSigner, BillsClient>();
  const as = (signer: HardhatEthersSigner) => {
    if (!clients.has(signer)) clients.set(signer, new BillsClient(billsAddress, signer));
    return clients.get(signer)!;
  };
  // A digital-yuan stand-in with 2 decimals: one token unit is one fen, the bills' minimum unit.
  const cny = await new MockStablecoin__factory(platform).deploy(2);
  const toYuan = (tokenUnits: bigint) => formatTokenYuan(tokenUnits, 2, { grouping: true });
  const balance = async (signer: HardhatEthersSigner) => cny.balanceOf(signer.address);
  const latest = () => latestChainTime(connection.ethers.provider);
  const unit = await as(platform).timeUnit();
  const day = BigInt(DAY) * unit;

  // 企业信息报备: the platform's KYC desk registers everyone (nobody registers itself), or renews a lapsed entry.
  const kyc = new ParticipantsClient(await participantRegistry.getAddress(), platform, { timeUnitsPerSecond: unit });
  const validUntil = (await latest()) + 3n * 365n * day;
  const registered: string[] = [];
  for (const [signer, role, code] of [
    [core, "enterprise", "91310000CORE000001"],
    [tier1, "enterprise", "91310000TIER100001"],
    [tier2a, "enterprise", "91310000TIER2A0001"],
    [tier2b, "enterprise", "91310000TIER2B0001"],
    [bank, "financier", "91310000BANK000001"],
    [regulator, "regulator", "REGULATOR-SH-0001"],
  ] as const satisfies readonly (readonly [HardhatEthersSigner, RoleName, string])[]) {
    const entry = await kyc.get(signer.address);
    if (!entry.registered) {
      await kyc.register({ account: signer.address, org: code, roles: [role], validUntil });
      registered.push(who(signer.address));
    } else if (!entry.active && !entry.suspended && !entry.frozen) {
      await kyc.update(signer.address, { roles: [role], validUntil });
      registered.push(`${who(signer.address)} (renewed)`);
    }
  }
  report.add(
    "bills",
    "register",
    registered.length === 0
      ? "core enterprise, 3 suppliers, a bank and a regulator: already registered"
      : `by the KYC desk: ${registered.join(", ")}`,
  );
  await (await cny.mint(core.address, 2_000_000_00n)).wait();
  await (await cny.mint(bank.address, 1_000_000_00n)).wait();

  // The purchase contract and invoices behind the bill are anchored in the evidence registry first (unique per run,
  // since the first anchor of a digest wins).
  const run = Date.now().toString(36);
  const tradeDigest = hashBytes(`Purchase contract PC-2026-0118 + invoices 0042-0051 (run ${run})`, "sm3");
  await new EvidenceClient(await evidenceRegistry.getAddress(), core).anchor(tradeDigest, "sm3");
  const start = await latest();

  // Bill 1: issue → accept → deliver.
  const issued = await as(core).issue({
    acceptor: core.address,
    payee: tier1.address,
    token: await cny.getAddress(),
    amount: "1,000,000.00",
    maturity: start + 90n * day,
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

  // Endorse 350,000.00 to tier-2 A with its signature in the same transaction, 250,000.00 to B as offer + sign;
  // tier-1 keeps 400,000.00.
  const consent = await as(tier1).signEndorsement(tier2a, {
    fromTokenId: root,
    amount: "350000.00",
    deadline: start + day,
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

  // Bill 2, due a month later, will be dishonoured: tier-1 keeps 180,000.00 and endorses 120,000.00 to tier-2 B.
  const second = await as(core).issue({
    acceptor: core.address,
    payee: tier1.address,
    token: await cny.getAddress(),
    amount: "300000.00",
    maturity: start + 120n * day,
    tradeDigest: `Purchase contract PC-2026-0131 (run ${run})`,
  });
  report.add(
    "bills",
    "issue",
    `bill #${second.packageId}: 300,000.00 yuan, core → tier-1, due in 120 days`,
    second.gasUsed,
  );
  report.add(
    "bills",
    "accept",
    `bill #${second.packageId} accepted`,
    (await as(core).accept(second.packageId)).gasUsed,
  );
  report.add(
    "bills",
    "deliver-sign",
    `bill #${second.packageId} signed for by tier-1`,
    (await as(tier1).sign(second.rootTokenId)).gasUsed,
  );
  const secondOffer = await as(tier1).endorse(second.rootTokenId, tier2b.address, "120000.00");
  report.add(
    "bills",
    "endorse (offer)",
    `120,000.00 yuan of bill #${second.packageId} to tier-2 B`,
    secondOffer.gasUsed,
  );
  report.add("bills", "endorse (sign)", "tier-2 B signs", (await as(tier2b).sign(secondOffer.tokenId)).gasUsed);

  // Who holds what before maturity.
  const holdings = new Map<string, PartInfo[]>();
  for (const id of [bill, second.packageId]) {
    for (const part of await as(core).parts(id)) {
      if (part.state !== "held") continue;
      holdings.set(part.owner, [...(holdings.get(part.owner) ?? []), part]);
    }
  }
  for (const [owner, parts] of holdings) {
    const list = parts.map((p) => `bill #${p.packageId} part ${p.tokenId & 0xffffffn}: ${yuan(p.units)}`).join("; ");
    report.add("bills", "holds before maturity", `${who(owner)}: ${list}`);
  }

  // Maturity of bill 1: the acceptor funds, every holder pulls its own payment.
  await connection.networkHelpers.time.increaseTo(start + 90n * day);
  const funded = await as(core).fund(bill);
  report.add("bills", "fund", `core enterprise pays ${toYuan(funded.amount)} yuan in`, funded.gasUsed);
  for (const part of await as(core).parts(bill)) {
    if (part.state !== "held") continue;
    const holder = signerOf(part.owner);
    const before = await balance(holder);
    const redeemed = await as(holder).redeem(part.tokenId);
    report.add(
      "bills",
      "redeem",
      `${who(part.owner)} part ${part.tokenId & 0xffffffn}: ${yuan(part.units)} yuan → received ${toYuan((await balance(holder)) - before)}`,
      redeemed.gasUsed,
    );
  }
  const done = await as(core).package(bill);
  report.add("bills", "settled", `bill #${bill}: redeemed ${done.redeemed}, outstanding ${done.outstanding} yuan`);

  // Bill 2: nobody pays; after the payment window tier-2 B dishonours and every holder recovers along its chain.
  const window = BigInt(await supplyChainBills.PAYMENT_WINDOW());
  await connection.networkHelpers.time.increaseTo(start + 120n * day + window + 1n);
  const dishonored = await as(tier2b).dishonor(second.packageId, "acceptor did not pay");
  report.add("bills", "dishonor", `bill #${second.packageId} unpaid after the payment window`, dishonored.gasUsed);
  const chain = await as(tier2b).chain(secondOffer.tokenId);
  report.add("bills", "chain", `tier-2 B's part: ${chain.map(who).join(" → ")} → tier-2 B`);
  const claimB = await as(tier2b).claimRecourse(secondOffer.tokenId, tier1.address);
  report.add("bills", "recourse claim", "tier-2 B claims 120,000.00 yuan from tier-1", claimB.gasUsed);
  const beforeB = await balance(tier2b);
  const paidB = await as(tier1).payRecourse(secondOffer.tokenId);
  report.add(
    "bills",
    "recourse paid",
    `tier-1 pays, tier-2 B received ${toYuan((await balance(tier2b)) - beforeB)}; tier-1 takes the claim over`,
    paidB.gasUsed,
  );
  const claimUp = await as(tier1).claimRecourse(secondOffer.tokenId, core.address);
  report.add("bills", "recourse claim", "tier-1 claims the 120,000.00 it paid from the drawer", claimUp.gasUsed);
  const paidUp = await as(core).payRecourse(secondOffer.tokenId);
  report.add("bills", "recourse paid", "the drawer pays tier-1 back 120,000.00 yuan", paidUp.gasUsed);
  const claimRest = await as(tier1).claimRecourse(second.rootTokenId, core.address);
  report.add("bills", "recourse claim", "tier-1 claims its own 180,000.00 part from the drawer", claimRest.gasUsed);
  const beforeRest = await balance(tier1);
  const paidRest = await as(core).payRecourse(second.rootTokenId);
  report.add(
    "bills",
    "recourse paid",
    `the drawer pays tier-1 ${toYuan((await balance(tier1)) - beforeRest)} yuan for its part`,
    paidRest.gasUsed,
  );
  const recovered = paidB.amount + paidRest.amount;
  report.add(
    "bills",
    "recovered",
    `bill #${second.packageId}: ${toYuan(recovered)} of 300,000.00 yuan recovered by its holders; the drawer holds the claims`,
  );

  for (const signer of [core, tier1, tier2a, tier2b, bank]) {
    report.add("bills", "balance", `${who(signer.address)}: ${toYuan(await balance(signer))} yuan`);
  }
}
