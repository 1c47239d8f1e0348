import { ZeroHash, type Log, type LogDescription } from "ethers";

import type { SupplyChainBills } from "../../typechain-types/index.js";
import { formatYuan } from "./amount.js";

export const PACKAGE_STATUSES = ["none", "issued", "accepted", "active", "funded", "dishonored", "cancelled"] as const;
export const PART_STATES = [
  "none",
  "offered",
  "discount-offered",
  "pledge-offered",
  "held",
  "pledged",
  "redeemed",
  "cancelled",
  "burned",
] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];
export type PartState = (typeof PART_STATES)[number];

interface EventBase {
  packageId: bigint;
  blockNumber: number;
  logIndex: number;
  transaction: string;
}
interface PartEventBase extends EventBase {
  tokenId: bigint;
}

/** An event of a bill, decoded; amounts of bill value as yuan strings, token amounts in base units. */
export type BillEvent =
  | (EventBase & {
      name: "Issued";
      drawer: string;
      acceptor: string;
      payee: string;
      token: string;
      faceValue: string;
      maturity: bigint;
      nonTransferable: boolean;
      tradeDigest: string;
      evidenceId: string | null;
    })
  | (EventBase & { name: "Accepted"; acceptor: string })
  | (EventBase & { name: "Cancelled"; by: string })
  | (EventBase & { name: "Funded"; acceptor: string; amount: bigint })
  | (EventBase & { name: "Dishonored"; by: string; reason: string })
  | (PartEventBase & { name: "Offered"; to: string; fromTokenId: bigint; state: PartState })
  | (PartEventBase & { name: "Signed"; by: string })
  | (PartEventBase & { name: "OfferCancelled"; by: string; returnedTokenId: bigint })
  | (PartEventBase & { name: "DiscountOffered"; financier: string; rateBps: number })
  | (PartEventBase & {
      name: "Discounted";
      financier: string;
      endorser: string;
      rateBps: number;
      days: number;
      price: bigint;
    })
  | (PartEventBase & { name: "PledgeOffered"; pledgee: string })
  | (PartEventBase & { name: "PledgeReleased"; pledgee: string })
  | (PartEventBase & { name: "Redeemed"; beneficiary: string; value: string; amount: bigint })
  | (PartEventBase & { name: "RecourseClaimed"; target: string; claimant: string; amount: bigint })
  | (PartEventBase & { name: "RecoursePaid"; payer: string; claimant: string; amount: bigint })
  | (PartEventBase & { name: "PartFrozen"; regulator: string; frozen: boolean; reason: string })
  | (EventBase & { name: "TransferValue"; fromTokenId: bigint; toTokenId: bigint; value: string });

export type BillEventName = BillEvent["name"];

/** Events whose first topic is the package id: one log filter finds a bill's whole history. */
export const BILL_EVENT_NAMES = [
  "Issued",
  "Accepted",
  "Cancelled",
  "Funded",
  "Dishonored",
  "Offered",
  "Signed",
  "OfferCancelled",
  "DiscountOffered",
  "Discounted",
  "PledgeOffered",
  "PledgeReleased",
  "Redeemed",
  "RecourseClaimed",
  "RecoursePaid",
  "PartFrozen",
] as const;

/** Decodes one of the contract's logs into a typed event (undefined for logs that are not bill events). */
export function decodeBillEvent(contract: SupplyChainBills, log: Log): BillEvent | undefined {
  const parsed: LogDescription | null = contract.interface.parseLog(log);
  if (parsed === null) return undefined;
  const a = parsed.args;
  const base = { blockNumber: log.blockNumber, logIndex: log.index, transaction: log.transactionHash };
  const part = () => ({ ...base, packageId: a.packageId as bigint, tokenId: a.tokenId as bigint });
  switch (parsed.name) {
    case "Issued":
      return {
        ...base,
        name: "Issued",
        packageId: a.packageId,
        drawer: a.drawer,
        acceptor: a.acceptor,
        payee: a.payee,
        token: a.token,
        faceValue: formatYuan(a.faceValue),
        maturity: a.maturity,
        nonTransferable: a.nonTransferable,
        tradeDigest: a.tradeDigest,
        evidenceId: a.evidenceId === ZeroHash ? null : a.evidenceId,
      };
    case "Accepted":
      return { ...base, name: "Accepted", packageId: a.packageId, acceptor: a.acceptor };
    case "Cancelled":
      return { ...base, name: "Cancelled", packageId: a.packageId, by: a.by };
    case "Funded":
      return { ...base, name: "Funded", packageId: a.packageId, acceptor: a.acceptor, amount: a.amount };
    case "Dishonored":
      return { ...base, name: "Dishonored", packageId: a.packageId, by: a.by, reason: a.reason };
    case "Offered":
      return { ...part(), name: "Offered", to: a.to, fromTokenId: a.fromTokenId, state: PART_STATES[Number(a.state)] };
    case "Signed":
      return { ...part(), name: "Signed", by: a.by };
    case "OfferCancelled":
      return { ...part(), name: "OfferCancelled", by: a.by, returnedTokenId: a.returnedTokenId };
    case "DiscountOffered":
      return { ...part(), name: "DiscountOffered", financier: a.financier, rateBps: Number(a.rateBps) };
    case "Discounted":
      return {
        ...part(),
        name: "Discounted",
        financier: a.financier,
        endorser: a.endorser,
        rateBps: Number(a.rateBps),
        days: Number(a.daysToMaturity),
        price: a.price,
      };
    case "PledgeOffered":
      return { ...part(), name: "PledgeOffered", pledgee: a.pledgee };
    case "PledgeReleased":
      return { ...part(), name: "PledgeReleased", pledgee: a.pledgee };
    case "Redeemed":
      return { ...part(), name: "Redeemed", beneficiary: a.beneficiary, value: formatYuan(a.value), amount: a.amount };
    case "RecourseClaimed":
      return { ...part(), name: "RecourseClaimed", target: a.target, claimant: a.claimant, amount: a.amount };
    case "RecoursePaid":
      return { ...part(), name: "RecoursePaid", payer: a.payer, claimant: a.claimant, amount: a.amount };
    case "PartFrozen":
      return { ...part(), name: "PartFrozen", regulator: a.regulator, frozen: a.frozen, reason: a.reason };
    case "TransferValue": {
      const from = a._fromTokenId as bigint;
      const to = a._toTokenId as bigint;
      return {
        ...base,
        name: "TransferValue",
        packageId: (from === 0n ? to : from) >> 24n,
        fromTokenId: from,
        toTokenId: to,
        value: formatYuan(a._value),
      };
    }
    default:
      return undefined;
  }
}

/** One line describing an event, for people (CLI, demo). */
export function describeBillEvent(event: BillEvent): string {
  switch (event.name) {
    case "Issued":
      return `issued ${event.faceValue} yuan by ${event.drawer} to ${event.payee}, acceptor ${event.acceptor}`;
    case "Accepted":
      return `accepted by ${event.acceptor}`;
    case "Cancelled":
      return `cancelled by ${event.by}`;
    case "Funded":
      return `funded by ${event.acceptor}: ${event.amount} token units`;
    case "Dishonored":
      return `dishonoured by ${event.by}`;
    case "Offered":
      return (
        `part ${event.tokenId} ${event.state} to ${event.to}` +
        (event.fromTokenId === 0n ? "" : ` from part ${event.fromTokenId}`)
      );
    case "Signed":
      return `part ${event.tokenId} signed by ${event.by}`;
    case "OfferCancelled":
      return (
        `part ${event.tokenId} offer cancelled by ${event.by}` +
        (event.returnedTokenId === 0n ? "" : `, value back in part ${event.returnedTokenId}`)
      );
    case "DiscountOffered":
      return `part ${event.tokenId} offered for discount to ${event.financier} at ${event.rateBps / 100}%`;
    case "Discounted":
      return `part ${event.tokenId} discounted to ${event.financier} at ${event.rateBps / 100}% for ${event.days} days: ${event.price} token units to ${event.endorser}`;
    case "PledgeOffered":
      return `part ${event.tokenId} offered in pledge to ${event.pledgee}`;
    case "PledgeReleased":
      return `part ${event.tokenId} released by pledgee ${event.pledgee}`;
    case "Redeemed":
      return `part ${event.tokenId} redeemed: ${event.value} yuan (${event.amount} token units) to ${event.beneficiary}`;
    case "RecourseClaimed":
      return `part ${event.tokenId}: ${event.claimant} claims ${event.amount} token units from ${event.target}`;
    case "RecoursePaid":
      return `part ${event.tokenId}: ${event.payer} paid ${event.amount} token units to ${event.claimant} and took the claim over`;
    case "PartFrozen":
      return `part ${event.tokenId} ${event.frozen ? "frozen" : "unfrozen"} by ${event.regulator}`;
    case "TransferValue":
      return `${event.value} yuan moved from part ${event.fromTokenId} to ${event.toTokenId === 0n ? "nothing (burned)" : `part ${event.toTokenId}`}`;
  }
}
