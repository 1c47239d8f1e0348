// Bills suite gas: the lean ERC-3525 bill operations against the ERC-3525 reference implementation
// (@solvprotocol/erc-3525), both deployed and measured in this run.
import { createRequire } from "node:module";

import type { NetworkConnection } from "hardhat/types/network";

import { BILLS_TYPES } from "../src/bills/signing.js";
import { row, type GasRow } from "./report.js";

const require = createRequire(import.meta.url);
const solvMock = require("@solvprotocol/erc-3525/build/ERC3525BaseMock.json") as { abi: unknown[]; bytecode: string };

const ENTERPRISE = 1;
const FINANCIER = 2;
const DAY = 86_400;

async function gasOf(tx: Promise<{ wait(): Promise<{ gasUsed: bigint } | null> }>): Promise<number> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("transaction dropped");
  return Number(receipt.gasUsed);
}

export async function benchBills(connection: NetworkConnection): Promise<GasRow[]> {
  const { ethers, networkHelpers } = connection;
  const [admin, core, tier1, tier2, freshSolv, bank, tier2b] = await ethers.getSigners();

  // Reference: Solv ERC-3525, value transfer to a new owner (mints a token) and between two tokens.
  const factory = new ethers.ContractFactory(solvMock.abi as never, solvMock.bytecode, admin);
  const solv = (await factory.deploy("Solv", "SLV", 2)) as unknown as {
    mint(to: string, id: number, slot: number, value: number): Promise<{ wait(): Promise<unknown> }>;
    "transferFrom(uint256,address,uint256)"(id: number, to: string, value: number): Promise<never>;
    "transferFrom(uint256,uint256,uint256)"(from: number, to: number, value: number): Promise<never>;
  };
  await (await solv.mint(admin.address, 101, 1, 1_000_000)).wait();
  await (await solv.mint(admin.address, 102, 1, 1_000_000)).wait();
  const solvSplit = await gasOf(solv["transferFrom(uint256,address,uint256)"](101, freshSolv.address, 100));
  const solvMerge = await gasOf(solv["transferFrom(uint256,uint256,uint256)"](101, 102, 100));

  const registry = await ethers.deployContract("ParticipantRegistry", [admin.address, admin.address]);
  const bills = await ethers.deployContract("SupplyChainBills", [registry, ethers.ZeroAddress, 3 * DAY, 1, ""]);
  const token = await ethers.deployContract("MockStablecoin", [2]);
  const until = (await networkHelpers.time.latest()) + 3650 * DAY;
  for (const [who, role] of [
    [core, ENTERPRISE],
    [tier1, ENTERPRISE],
    [tier2, ENTERPRISE],
    [tier2b, ENTERPRISE],
    [bank, FINANCIER],
  ] as const) {
    await registry.register(who.address, ethers.id(`org-${who.address}`), role, until);
  }
  await token.mint(core.address, 10n ** 12n);
  await token.mint(bank.address, 10n ** 12n);
  await token.connect(core).approve(bills, ethers.MaxUint256);
  await token.connect(bank).approve(bills, ethers.MaxUint256);

  const maturity = (await networkHelpers.time.latest()) + 90 * DAY;
  await bills
    .connect(core)
    .issue(
      core.address,
      tier1.address,
      token,
      100_000_000n,
      maturity,
      false,
      ethers.id("contract #1"),
      ethers.ZeroHash,
    );
  const root = (1n << 24n) | 1n;
  await bills.connect(core).accept(1);
  await bills.connect(tier1).sign(root);

  // endorseSplit: a part of a held bill to a holder that holds nothing yet, complete with the endorsee's
  // signature: an EIP-712 signature carried by the endorsement (one transaction), and the on-chain offer + sign.
  const { chainId } = await ethers.provider.getNetwork();
  const domain = { name: "SupplyChainBills", version: "1", chainId, verifyingContract: await bills.getAddress() };
  const types = { Endorsement: [...BILLS_TYPES.Endorsement] };
  const deadline = maturity;
  const terms = { fromTokenId: root, to: tier2.address, amount: 20_000_000n, nonce: 0n, deadline };
  const signature = await tier2.signTypedData(domain, types, terms);
  const signedGas = await gasOf(
    bills.connect(tier1).endorseWithSignature(root, tier2.address, 20_000_000n, 0n, deadline, signature),
  );
  const first = root + 1n;
  const offerGas = await gasOf(bills.connect(tier1).endorse(root, tier2b.address, 10_000_000n));
  const signGas = await gasOf(bills.connect(tier2b).sign(root + 2n));
  await bills.connect(tier1).endorse(root, tier2.address, 10_000_000n);
  const second = root + 3n;
  await bills.connect(tier2).sign(second);
  const mergeGas = await gasOf(bills.connect(tier2).merge(second, first));

  const discountOffer = await gasOf(bills.connect(tier2).offerDiscount(first, bank.address, 10_000_000n, 350));
  const discounted = root + 4n;
  const [price] = await bills.discountPrice(discounted);
  const discountSign = await gasOf(bills.connect(bank).signDiscount(discounted, price));

  await networkHelpers.time.increaseTo(maturity);
  await bills.connect(core).fund(1);
  // tier2b has never held the settlement token: its payment creates its ERC-20 balance (the honest first payment);
  // the bank already holds the token.
  const redeemFirstGas = await gasOf(bills.connect(tier2b).redeem(root + 2n));
  const redeemGas = await gasOf(bills.connect(bank).redeem(discounted));

  return [
    row(
      {
        suite: "bills",
        operation: "endorseSplit",
        gas: signedGas,
        baseline: "Solv ERC3525.transferFrom(id, to, value)",
        baselineGas: solvSplit,
        note: "endorseWithSignature: the endorsee's EIP-712 signature verified in the endorsement; new holder",
      },
      { maxRatio: 0.55 },
    ),
    row({
      suite: "bills",
      operation: "endorseSplit (offer + sign)",
      gas: offerGas + signGas,
      baseline: "Solv ERC3525.transferFrom(id, to, value)",
      baselineGas: solvSplit,
      note: `two transactions: offer ${offerGas} + endorsee's sign ${signGas}; new holder`,
    }),
    row(
      {
        suite: "bills",
        operation: "merge",
        gas: mergeGas,
        baseline: "Solv ERC3525.transferFrom(id, id, value)",
        baselineGas: solvMerge,
        note: "whole part merged and burned",
      },
      { maxRatio: 1.0 },
    ),
    row(
      {
        suite: "bills",
        operation: "redeem",
        gas: redeemGas,
        note: "one part paid at maturity to a holder that already holds the settlement token",
      },
      { maxGas: 70_000 },
    ),
    row({
      suite: "bills",
      operation: "redeem (first-time recipient)",
      gas: redeemFirstGas,
      note: `as redeem, to a holder with no settlement-token balance yet: +${redeemFirstGas - redeemGas} gas, the ERC-20's new balance slot`,
    }),
    row({
      suite: "bills",
      operation: "discount",
      gas: discountOffer + discountSign,
      note: `offer ${discountOffer} + financier's signature with payment ${discountSign}`,
    }),
  ];
}
