// Browser-safe, read-only access to SupplyChainBills: a package, its parts, endorsement chains, history and the
// facts a page shows (`lookup`). No `node:` imports (test/portal/browser-entry.ts checks the graph), so the portal
// shows a bill with this very code; `BillsClient` (client.ts) extends it with every lifecycle step.
import { ZeroAddress, ZeroHash, toBeHex, zeroPadValue, type ContractRunner, type Log, type Provider } from "ethers";

import { SupplyChainBills__factory, type SupplyChainBills } from "../../typechain-types/index.js";
import { withDecodedErrors } from "../errors.js";
import { checkAddress } from "../input.js";
import { PagedHistory } from "../logs.js";
import { blockTimes, chainTimeToDate } from "../time.js";
import { contractLogs, deployedCheck, providerOf, type BlockRange } from "../transactions.js";
import { formatTokenYuan, formatYuan, packageAmounts, tokenUnitsPerCent } from "./amount.js";
import {
  BILL_EVENT_NAMES,
  PACKAGE_STATUSES,
  PART_STATES,
  decodeBillEvent,
  type BillEvent,
  type PackageStatus,
  type PartState,
} from "./history.js";

/** How many part ids one log filter lists as alternatives of a topic: public RPCs bound it; 32 is a modest number. */
const PART_IDS_PER_FILTER = 32;

/** Token id of part `seq` of package `packageId` (the ERC-3525 slot is `tokenId >> 24`). */
export function partTokenId(packageId: bigint, seq: bigint): bigint {
  return (packageId << 24n) | seq;
}

export interface PackageInfo {
  packageId: bigint;
  drawer: string;
  acceptor: string;
  payee: string;
  token: string;
  /** Due date in the chain's time unit, and as a date. */
  maturity: number;
  maturityDate: Date;
  status: PackageStatus;
  nonTransferable: boolean;
  tokenDecimals: number;
  faceValue: string;
  redeemed: string;
  outstanding: string;
  funded: string;
  parts: number;
  dishonoredAt: number;
  tradeDigest: string;
  evidenceId: string | null;
}

export interface PartInfo {
  tokenId: bigint;
  packageId: bigint;
  owner: string;
  holder: string;
  endorser: string;
  beneficiary: string;
  /** ERC-3525 value as yuan ("0.00" once redeemed) and in minimum units. */
  value: string;
  units: bigint;
  /** What the part was paid at redemption, as yuan ("0.00" until then) and in minimum units. */
  paid: string;
  paidUnits: bigint;
  parent: number;
  state: PartState;
  frozen: boolean;
  takenOver: boolean;
  /** Endorsement and discount offers taken from this part and not yet signed, rejected or withdrawn: while any is
   * pending, the part cannot be merged away, pledged, redeemed or claimed on (their value comes back into it). */
  pendingOffers: number;
}

/** A pending recourse claim on a part. */
export interface PendingClaim {
  target: string;
  claimant: string;
  /** The part's value the target would pay: token base units and yuan. */
  amount: bigint;
  yuan: string;
}

/** Yuan text as people read it: two decimals, thousands grouped with commas ("1,000,000.00"). */
export function yuanText(units: bigint): string {
  return formatYuan(units, { grouping: true });
}

/** How value left a part: the root's issue, an endorsement, a discount, a pledge, or a split into a part of the same holder. */
export type BillTransferKind = "issue" | "endorsement" | "discount" | "pledge" | "split";

/** One step of a bill's endorsement chain, as its events tell it. */
export interface BillTransfer {
  kind: BillTransferKind;
  /** The part created (or pledged), and the part its value came from (0 for the issue). */
  tokenId: bigint;
  fromTokenId: bigint;
  /** Who gave (the drawer for the issue) and who received (for a pledge: the pledgee). */
  from: string;
  to: string;
  /** The value moved, in yuan ("1,000,000.00"). */
  value: string;
  /** The part's state now (for a pledge: "pledged", "pledge-offered" or "released"). */
  state: PartState | "released";
  blockNumber: number;
  transaction: string;
  date: Date;
}

/** A part with its value as people read it and its endorsement chain (drawer first). */
export interface PartFacts extends PartInfo {
  valueText: string;
  paidText: string;
  chain: string[];
}

/** Everything the chain tells about a bill package, for a page or a report (`BillsReader.lookup`). */
export interface BillFacts {
  package: PackageInfo;
  /** Chain time units per second (1 or 1000). */
  timeUnit: bigint;
  /** Amounts in yuan, grouped ("1,000,000.00"). */
  faceValue: string;
  outstanding: string;
  funded: string;
  redeemed: string;
  parts: PartFacts[];
  /** The endorsement chain: the issue, endorsements, discounts, splits and pledges, in chain order. */
  transfers: BillTransfer[];
  /** The acceptor's payment of the face value, once made (amount in yuan of the settlement token). */
  funding: { acceptor: string; amount: string; date: Date; transaction: string } | null;
  discounts: {
    tokenId: bigint;
    financier: string;
    endorser: string;
    /** Annual rate, "3.50%". */
    rate: string;
    days: number;
    price: string;
    date: Date;
  }[];
  redemptions: { tokenId: bigint; beneficiary: string; value: string; amount: string; date: Date }[];
  recourse: {
    tokenId: bigint;
    kind: "claimed" | "paid";
    /** Who is claimed against (claimed) or who paid (paid). */
    party: string;
    claimant: string;
    amount: string;
    date: Date;
  }[];
  /** When the bill was dishonoured, if it was. */
  dishonored: { by: string; date: Date } | null;
  /** Every event with its block's date, in chain order. */
  events: (BillEvent & { date: Date })[];
}

/** Minimum units of a yuan string as `formatYuan` writes it ("1234.56" → 123456n). */
function parseUnits(text: string): bigint {
  return BigInt(text.replace(".", ""));
}

/**
 * Read-only, browser-safe access to SupplyChainBills: packages, parts, chains and history with yuan-string amounts.
 */
export class BillsReader {
  readonly contract: SupplyChainBills;
  protected unit?: bigint;

  /** Settles once the address is known to hold code (`deployedCheck`): the first use of a wrong address is refused. */
  protected readonly ready: () => Promise<void>;

  constructor(address: string, runner: ContractRunner) {
    this.contract = SupplyChainBills__factory.connect(checkAddress(address, "bills contract"), runner);
    this.ready = deployedCheck("SupplyChainBills", address, () => this.provider);
  }

  protected get provider(): Provider {
    return providerOf(this.contract.runner);
  }

  /** Chain time units per second of this deployment: 1 (seconds) or 1000 (milliseconds). */
  async timeUnit(): Promise<bigint> {
    if (this.unit === undefined) await this.ready();
    this.unit ??= BigInt(await this.contract.TIME_UNITS_PER_SECOND());
    return this.unit;
  }

  // ------------------------------------------------------------ views

  /** A package's terms and amounts, amounts as yuan strings. */
  async package(packageId: bigint): Promise<PackageInfo> {
    await this.ready();
    const [p, unit] = await withDecodedErrors(this.contract.interface, () =>
      Promise.all([this.contract.packageOf(packageId), this.timeUnit()]),
    );
    const amounts = packageAmounts(p);
    return {
      packageId,
      drawer: p.drawer,
      acceptor: p.acceptor,
      payee: p.payee,
      token: p.token,
      maturity: Number(p.maturity),
      maturityDate: chainTimeToDate(p.maturity, unit),
      status: PACKAGE_STATUSES[Number(p.status)],
      nonTransferable: p.nonTransferable,
      tokenDecimals: Number(p.tokenDecimals),
      faceValue: formatYuan(p.faceValue),
      redeemed: formatYuan(p.redeemed),
      outstanding: formatYuan(amounts.outstanding),
      funded: formatYuan(amounts.funded),
      parts: Number(p.parts),
      dishonoredAt: Number(p.dishonoredAt),
      tradeDigest: p.tradeDigest,
      evidenceId: p.evidenceId === ZeroHash ? null : p.evidenceId,
    };
  }

  /** A part's full state, value as a yuan string. */
  async part(tokenId: bigint): Promise<PartInfo> {
    await this.ready();
    const p = await withDecodedErrors(this.contract.interface, () => this.contract.partOf(tokenId));
    return {
      tokenId,
      packageId: p.packageId,
      owner: p.owner,
      holder: p.holder,
      endorser: p.endorser,
      beneficiary: p.beneficiary,
      value: formatYuan(p.value),
      units: p.value,
      paid: formatYuan(p.paid),
      paidUnits: p.paid,
      parent: Number(p.parent),
      state: PART_STATES[Number(p.state)],
      frozen: p.frozen,
      takenOver: p.takenOver,
      pendingOffers: Number(p.pendingOffers),
    };
  }

  /** Every part of a package, in creation order. */
  async parts(packageId: bigint): Promise<PartInfo[]> {
    const { parts } = await this.package(packageId);
    return Promise.all(Array.from({ length: parts }, (_, i) => this.part(partTokenId(packageId, BigInt(i + 1)))));
  }

  /** A part's endorsement chain, drawer first. */
  async chain(tokenId: bigint): Promise<string[]> {
    await this.ready();
    return withDecodedErrors(this.contract.interface, () => this.contract.endorsementChain(tokenId));
  }

  /** The recourse claim pending on a part, or null. */
  async pendingClaim(tokenId: bigint): Promise<PendingClaim | null> {
    await this.ready();
    const [target, claimant] = await this.contract.pendingClaim(tokenId);
    if (target === ZeroAddress) return null;
    const part = await this.part(tokenId);
    const { tokenDecimals } = await this.package(part.packageId);
    const amount = part.units * tokenUnitsPerCent(tokenDecimals);
    return { target, claimant, amount, yuan: formatTokenYuan(amount, tokenDecimals) };
  }

  /** A bill's history: every event of the package and its parts, typed, in chain order. */
  async history(packageId: bigint, range: BlockRange = {}): Promise<BillEvent[]> {
    const iface = this.contract.interface;
    const logs = await this.logs(
      [BILL_EVENT_NAMES.map((name) => iface.getEvent(name).topicHash), toBeHex(packageId, 32)],
      range,
    );
    return logs.map((log) => decodeBillEvent(this.contract, log)).filter((e): e is BillEvent => e !== undefined);
  }

  /**
   * A part's history: the bill events about it (offered, signed, discounted, pledged, frozen, redeemed, recourse,
   * and offers taken from it or returned into it) and every ERC-3525 value movement into or out of it.
   */
  async partHistory(tokenId: bigint, range: BlockRange = {}): Promise<BillEvent[]> {
    const transferValue = this.contract.interface.getEvent("TransferValue").topicHash;
    const id = toBeHex(tokenId, 32);
    const [bill, out, into] = await Promise.all([
      this.history(tokenId >> 24n, range),
      this.logs([transferValue, id], range),
      this.logs([transferValue, null, id], range),
    ]);
    const about = bill.filter(
      (e) =>
        ("tokenId" in e && e.tokenId === tokenId) ||
        (e.name === "Offered" && e.fromTokenId === tokenId) ||
        (e.name === "OfferCancelled" && e.returnedTokenId === tokenId),
    );
    const moves = [...out, ...into]
      .map((log) => decodeBillEvent(this.contract, log))
      .filter((e): e is BillEvent => e !== undefined);
    return [...about, ...moves].sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
  }

  protected async logs(topics: (string | string[] | null)[], range: BlockRange): Promise<Log[]> {
    return contractLogs(this.provider, this.contract.target as string, topics, range, { ready: this.ready });
  }

  /**
   * The parts `holder` owns now, in the order they came to it (minted to it, or taken over by paying recourse), read
   * lazily from the contract's deployment block: `for await (const part of client.partsOf(a))`, or page by page with
   * `.page({ cursor, limit })`. Found from ERC-721 `Transfer` events to the holder, each checked against the part's
   * current owner; chunked so public RPCs' range limits hold.
   */
  partsOf(holder: string, range: BlockRange = {}): PagedHistory<PartInfo> {
    const account = checkAddress(holder, "holder").toLowerCase();
    const topics = [this.contract.interface.getEvent("Transfer").topicHash, null, zeroPadValue(account, 32)];
    return new PagedHistory(
      this.provider,
      { address: this.contract.target as string, topics, ...range },
      async (log) => {
        const part = await this.part(BigInt(log.topics[3]));
        return part.owner.toLowerCase() === account ? part : undefined;
      },
      { ready: this.ready, unique: (part) => part.tokenId.toString() },
    );
  }

  /**
   * Every event of the package and the value movements between its parts (ERC-3525 `TransferValue`), in chain
   * order, each with its block's timestamp in the chain's unit.
   */
  async timeline(packageId: bigint): Promise<(BillEvent & { blockTime: number })[]> {
    const { parts } = await this.package(packageId);
    const ids = Array.from({ length: parts }, (_, i) => toBeHex(partTokenId(packageId, BigInt(i + 1)), 32));
    const transferValue = this.contract.interface.getEvent("TransferValue").topicHash;
    // Value moved out of or into any part: a filter per side and per group of ids, since public RPCs bound how many
    // alternatives one topic may list and a package may have been split into many parts.
    const groups = Array.from({ length: Math.ceil(ids.length / PART_IDS_PER_FILTER) }, (_, g) =>
      ids.slice(g * PART_IDS_PER_FILTER, (g + 1) * PART_IDS_PER_FILTER),
    );
    const [bill, ...sides] = await Promise.all([
      this.history(packageId),
      ...groups.flatMap((group) => [
        this.logs([transferValue, group], {}),
        this.logs([transferValue, null, group], {}),
      ]),
    ]);
    const seen = new Set<string>();
    const moves = sides
      .flat()
      .filter((log) => {
        const key = `${log.transactionHash}:${log.index}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((log) => decodeBillEvent(this.contract, log))
      .filter((e): e is BillEvent => e !== undefined);
    const events = [...bill, ...moves].sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
    const times = await blockTimes(
      this.provider,
      events.map((e) => e.blockNumber),
    );
    return events.map((e) => ({ ...e, blockTime: times.get(e.blockNumber)! }));
  }

  /**
   * Everything about a package at once: its terms and status, amounts in yuan, parts with holders, values and
   * endorsement chains, the endorsement chain as transfers between parts, funding, discounts, redemptions, recourse
   * and dishonour, each with its date. Throws `ContractRevertError` if there is no such package.
   */
  async lookup(packageId: bigint): Promise<BillFacts> {
    const [pkg, raw, unit] = await Promise.all([
      this.package(packageId),
      withDecodedErrors(this.contract.interface, () => this.contract.packageOf(packageId)),
      this.timeUnit(),
    ]);
    const [parts, timeline] = await Promise.all([this.parts(packageId), this.timeline(packageId)]);
    const chains = await Promise.all(parts.map((p) => this.chain(p.tokenId)));
    const partFacts: PartFacts[] = parts.map((p, i) => ({
      ...p,
      valueText: yuanText(p.units),
      paidText: yuanText(p.paidUnits),
      chain: chains[i],
    }));
    const byId = new Map(partFacts.map((p) => [p.tokenId, p]));
    const decimals = pkg.tokenDecimals;
    const token = (amount: bigint) => formatTokenYuan(amount, decimals, { grouping: true });
    const events = timeline.map(
      ({ blockTime, ...e }) =>
        ({ ...e, date: chainTimeToDate(blockTime, unit) }) as BillEvent & {
          date: Date;
        },
    );
    const amounts = packageAmounts(raw);
    const facts: BillFacts = {
      package: pkg,
      timeUnit: unit,
      faceValue: yuanText(raw.faceValue),
      outstanding: yuanText(amounts.outstanding),
      funded: yuanText(amounts.funded),
      redeemed: yuanText(amounts.redeemed),
      parts: partFacts,
      transfers: [],
      funding: null,
      discounts: [],
      redemptions: [],
      recourse: [],
      dishonored: null,
      events,
    };
    const created = new Set<bigint>();
    for (const [i, e] of events.entries()) {
      const inTx = (name: BillEvent["name"], tokenId: bigint) =>
        events.find(
          (o) =>
            o.transaction === e.transaction && o.name === name && "tokenId" in o && o.tokenId === tokenId && o !== e,
        );
      switch (e.name) {
        case "TransferValue": {
          if (e.toTokenId === 0n || created.has(e.toTokenId)) break;
          created.add(e.toTokenId);
          const part = byId.get(e.toTokenId);
          const where = { blockNumber: e.blockNumber, transaction: e.transaction, date: e.date };
          if (e.fromTokenId === 0n) {
            const offered = inTx("Offered", e.toTokenId);
            facts.transfers.push({
              kind: "issue",
              tokenId: e.toTokenId,
              fromTokenId: 0n,
              from: pkg.drawer,
              to: offered !== undefined && offered.name === "Offered" ? offered.to : pkg.payee,
              value: yuanText(raw.faceValue),
              state: part?.state ?? "none",
              ...where,
            });
            break;
          }
          const offered = inTx("Offered", e.toTokenId);
          const signed = inTx("Signed", e.toTokenId);
          const source = byId.get(e.fromTokenId);
          const kind: BillTransferKind =
            offered !== undefined && offered.name === "Offered"
              ? offered.state === "discount-offered"
                ? "discount"
                : "endorsement"
              : signed !== undefined
                ? "endorsement"
                : "split";
          const to =
            offered !== undefined && offered.name === "Offered"
              ? offered.to
              : signed !== undefined && signed.name === "Signed"
                ? signed.by
                : (source?.holder ?? ZeroAddress);
          facts.transfers.push({
            kind,
            tokenId: e.toTokenId,
            fromTokenId: e.fromTokenId,
            from: kind === "split" ? to : (part?.endorser ?? source?.holder ?? ZeroAddress),
            to,
            value: yuanText(parseUnits(e.value)),
            state: part?.state ?? "none",
            ...where,
          });
          break;
        }
        case "PledgeOffered": {
          const later = events.slice(i + 1).filter((o) => "tokenId" in o && o.tokenId === e.tokenId);
          const released = later.some((o) => o.name === "PledgeReleased");
          const part = byId.get(e.tokenId);
          facts.transfers.push({
            kind: "pledge",
            tokenId: e.tokenId,
            fromTokenId: e.tokenId,
            from: part?.holder ?? ZeroAddress,
            to: e.pledgee,
            value: part?.valueText ?? "0.00",
            state: released ? "released" : (part?.state ?? "none"),
            blockNumber: e.blockNumber,
            transaction: e.transaction,
            date: e.date,
          });
          break;
        }
        case "Funded":
          facts.funding = { acceptor: e.acceptor, amount: token(e.amount), date: e.date, transaction: e.transaction };
          break;
        case "Discounted":
          facts.discounts.push({
            tokenId: e.tokenId,
            financier: e.financier,
            endorser: e.endorser,
            rate: `${(e.rateBps / 100).toFixed(2)}%`,
            days: e.days,
            price: token(e.price),
            date: e.date,
          });
          break;
        case "Redeemed":
          facts.redemptions.push({
            tokenId: e.tokenId,
            beneficiary: e.beneficiary,
            value: yuanText(parseUnits(e.value)),
            amount: token(e.amount),
            date: e.date,
          });
          break;
        case "RecourseClaimed":
          facts.recourse.push({
            tokenId: e.tokenId,
            kind: "claimed",
            party: e.target,
            claimant: e.claimant,
            amount: token(e.amount),
            date: e.date,
          });
          break;
        case "RecoursePaid":
          facts.recourse.push({
            tokenId: e.tokenId,
            kind: "paid",
            party: e.payer,
            claimant: e.claimant,
            amount: token(e.amount),
            date: e.date,
          });
          break;
        case "Dishonored":
          facts.dishonored = { by: e.by, date: e.date };
          break;
        default:
          break;
      }
    }
    return facts;
  }
}
