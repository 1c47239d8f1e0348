// Browser-safe, read-only access to the copyright suite: a work's record, authors and payees, terms, licenses,
// derivatives and parents, disputes. No `node:` imports (test/portal/browser-entry.ts checks the graph), so the portal
// shows a work with this very code; `CopyrightClient` (client.ts) extends it with registration, licensing and rulings.
import {
  EventLog,
  ZeroAddress,
  ZeroHash,
  isHexString,
  toBeHex,
  zeroPadValue,
  type ContractRunner,
  type Provider,
} from "ethers";

import {
  CopyrightDisputes__factory,
  CopyrightRegistry__factory,
  type CopyrightDisputes,
  type CopyrightRegistry,
} from "../../typechain-types/index.js";
import type { TypedContractEvent, TypedDeferredTopicFilter, TypedEventLog } from "../../typechain-types/common.js";
import { InvalidInputError, SdkError, withDecodedErrors } from "../errors.js";
import { algorithmName } from "../hash.js";
import { checkAddress, checkBytes32 } from "../input.js";
import { PagedHistory } from "../logs.js";
import { contractLogs, deployedCheck, providerOf } from "../transactions.js";
import { splitFee, storedAuthorsHash, type Author } from "./authors.js";
import type { Terms } from "./terms.js";

/** The registry, and the disputes contract when disputes are to be read. */
export interface CopyrightReadAddresses {
  registry: string;
  disputes?: string;
}

/** A registered work, decoded. */
export interface WorkDetails {
  workId: bigint;
  /** The work id as the 32-byte digest. */
  digest: string;
  owner: string;
  /** Priority time in the chain's unit: the commit time for commit-reveal, else the registration time. */
  priorityTime: number;
  algorithm: number;
  algorithmName: string;
  frozen: boolean;
  authorsHash: string;
  parents: bigint[];
  /**
   * For a derivative, when the first of its registrant's parent licenses ends, as renewed (licenses on it end by
   * then; 0 once a parent lapsed or was taken over; 2^64 - 1 if every parent was owned); 0 for other works.
   */
  parentLicenseUntil: bigint;
  /**
   * Whether the work is settled: no reveal of an earlier commitment can take it over any more (its reveal window has
   * passed, or a ruling awarded it). Until then a buyer of the work or of a license on it can lose what it paid for.
   */
  settled: boolean;
  /** When it is (or was) settled, in the chain's unit. */
  settledAt: number;
}

/** A license, decoded. */
export interface LicenseDetails {
  start: bigint;
  /** End (exclusive); 2^64 - 1 for perpetual. */
  end: bigint;
  sublicensed: boolean;
}

/** A license as the events tell it: the latest issue or renewal of one licensee's license on one set of terms. */
export interface LicenseRecord {
  licensee: string;
  termsId: string;
  start: bigint;
  /** End (exclusive); 2^64 - 1 for perpetual. */
  end: bigint;
  /** Fee paid at that issue or renewal (0 for grants and sublicenses). */
  fee: bigint;
  /** The licensee who sublicensed it, for a sublicense. */
  sublicensedBy?: string;
  transaction: string;
  blockNumber: number;
}

/** A derivative registered with a work as one of its parents. */
export interface DerivativeRecord {
  workId: bigint;
  /** The terms of the derivative registrant's license on the parent; zero where it owned the parent. */
  termsId: string;
  /** When the derivative's licenses must end by now (0: a parent license lapsed or a takeover voided the link). */
  parentLicenseUntil: bigint;
  transaction: string;
  blockNumber: number;
}

/** Terms offered on (or granted for) a work in its current epoch. */
export interface WorkTermsEntry {
  termsId: string;
  /** Whether licenses on them are on sale (false: disabled, or only granted). */
  onSale: boolean;
}

/** A dispute, decoded. */
export interface DisputeDetails {
  disputeId: bigint;
  workId: bigint;
  evidenceId: string;
  claimant: string;
  raisedAt: bigint;
  status: "none" | "open" | "upheld" | "rejected";
  /** When the cited evidence was anchored, in the chain's unit. */
  evidenceTime: number;
  /** The work's priority time when the dispute was raised. */
  priorityTime: number;
  /** Which came first: the evidence (it predates the work's priority), the work, or both at the same time. */
  earlier: "evidence" | "work" | "same";
}

const DISPUTE_STATUS = ["none", "open", "upheld", "rejected"] as const;

/** A parent of a derivative: the parent work and the terms of the registrant's license on it (zero: it owned it). */
export interface ParentLink {
  workId: bigint;
  termsId: string;
}

/** Terms on a work with their content. */
export interface WorkTermsDetails extends WorkTermsEntry {
  terms: Terms;
}

/** Everything the chain tells about a work, for a page or a report (`CopyrightReader.lookup`). */
export interface WorkFacts {
  work: WorkDetails;
  /** The authors it was registered with and their shares (basis points). */
  authors: Author[];
  /** Who is paid now (the authors, or a sole payee after an assignment or ruling). */
  payees: Author[];
  terms: WorkTermsDetails[];
  licenses: LicenseRecord[];
  parents: ParentLink[];
  derivatives: DerivativeRecord[];
  /** The disputes raised against it; empty when the reader has no disputes address. */
  disputes: DisputeDetails[];
}

/** Where a log sits in the chain, to order events of different kinds. */
interface Positioned {
  blockNumber: number;
  index: number;
}

const isAfter = (a: Positioned, b: Positioned) =>
  a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.index > b.index);

/** A work id from a number, a decimal string or the 32-byte digest. */
export function toWorkId(work: bigint | string): bigint {
  if (typeof work === "bigint") return work;
  if (isHexString(work, 32)) return BigInt(work);
  if (/^[0-9]+$/.test(work)) return BigInt(work);
  throw new InvalidInputError(`not a work id or digest: "${work}"`);
}

/**
 * Read-only, browser-safe access to the copyright suite. Reverts come back as `ContractRevertError` with the
 * contract's error name and arguments.
 */
export class CopyrightReader {
  readonly registry: CopyrightRegistry;
  readonly disputes?: CopyrightDisputes;
  /** Deployment checks (`deployedCheck`), each run on the first use of its contract. */
  protected readonly ready: () => Promise<void>;
  protected readonly disputesReady: () => Promise<void>;

  constructor(addresses: CopyrightReadAddresses, runner: ContractRunner) {
    this.registry = CopyrightRegistry__factory.connect(checkAddress(addresses.registry, "registry"), runner);
    if (addresses.disputes !== undefined) {
      this.disputes = CopyrightDisputes__factory.connect(checkAddress(addresses.disputes, "disputes"), runner);
    }
    const provider = () => this.provider;
    this.ready = deployedCheck("CopyrightRegistry", addresses.registry, provider);
    this.disputesReady = deployedCheck("CopyrightDisputes", addresses.disputes ?? ZeroAddress, provider);
  }

  /** The provider the reader reads through. */
  protected get provider(): Provider {
    return providerOf(this.registry.runner);
  }

  protected requireDisputes(): CopyrightDisputes {
    if (this.disputes === undefined) throw new InvalidInputError("the client was created without a disputes address");
    return this.disputes;
  }

  /** A read of the registry, its revert decoded. */
  protected async read<T>(call: () => Promise<T>): Promise<T> {
    await this.ready();
    return withDecodedErrors(this.registry.interface, call);
  }

  /**
   * The registry's events matching `filter`, typed, in chain order: from the registry's deployment block (or
   * `fromBlock`), read in chunks that shrink when the provider refuses a range.
   */
  protected async events<E extends TypedContractEvent>(
    filter: TypedDeferredTopicFilter<E>,
    fromBlock?: number,
  ): Promise<TypedEventLog<E>[]> {
    const topics = await filter.getTopicFilter();
    const address = this.registry.target as string;
    const logs = await contractLogs(this.provider, address, topics, { fromBlock }, { ready: this.ready });
    return logs.map(
      (log) => new EventLog(log, this.registry.interface, filter.fragment) as unknown as TypedEventLog<E>,
    );
  }

  /**
   * The works `owner` holds now, in the order they came to it (registered, or transferred to it), read lazily from the
   * registry's deployment block: `for await (const work of client.worksOf(a))`, or page by page with
   * `.page({ cursor, limit })`. Found from ERC-721 `Transfer` events to the owner, each checked against the work's
   * current owner; chunked so public RPCs' range limits hold.
   */
  worksOf(owner: string, range: { fromBlock?: number; toBlock?: number | "latest" } = {}): PagedHistory<WorkDetails> {
    const account = checkAddress(owner, "owner").toLowerCase();
    const topics = [this.registry.interface.getEvent("Transfer").topicHash, null, zeroPadValue(account, 32)];
    return new PagedHistory(
      this.provider,
      { address: this.registry.target as string, topics, ...range },
      async (log) => {
        const work = await this.getWork(BigInt(log.topics[3]));
        return work.owner.toLowerCase() === account ? work : undefined;
      },
      { ready: this.ready, unique: (work) => work.workId.toString() },
    );
  }

  /** Terms by id, as stored. */
  async getTerms(id: string): Promise<Terms> {
    const t = await withDecodedErrors(this.registry.interface, () =>
      this.registry.getTerms(checkBytes32(id, "terms id")),
    );
    return {
      territory: t.territory,
      currency: t.currency,
      fee: t.fee,
      duration: t.duration,
      royaltyBps: Number(t.royaltyBps),
      commercialUse: t.commercialUse,
      derivativesAllowed: t.derivativesAllowed,
      exclusive: t.exclusive,
      sublicensable: t.sublicensable,
    };
  }

  /** Whether `account` may use the work under the terms now (it owns it or holds a running license). */
  async isLicensed(workId: bigint, account: string, id: string): Promise<boolean> {
    checkAddress(account, "account");
    checkBytes32(id, "terms id");
    return this.read(() => this.registry.isLicensed(workId, account, id));
  }

  /** A license in the work's current epoch (all zero if none, or if a takeover voided it). */
  async getLicense(workId: bigint, licensee: string, id: string): Promise<LicenseDetails> {
    checkAddress(licensee, "licensee");
    checkBytes32(id, "terms id");
    const l = await this.read(() => this.registry.getLicense(workId, licensee, id));
    return { start: l.start, end: l.end, sublicensed: l.sublicensed };
  }

  /**
   * The work's licenses in its current epoch, from its events: one record per licensee and terms (the latest issue
   * or renewal), in the order of those events. A record whose `end` has passed is expired.
   */
  async licensesOf(workId: bigint): Promise<LicenseRecord[]> {
    const since = await this.epochStart(workId);
    const fromBlock = since?.blockNumber;
    const [issued, sublicensed] = await Promise.all([
      this.events(this.registry.filters.LicenseIssued(workId), fromBlock),
      this.events(this.registry.filters.Sublicensed(workId), fromBlock),
    ]);
    const licensors = new Map(
      sublicensed.map((e) => [`${e.transactionHash}:${e.args.sublicensee}:${e.args.termsId}`, e.args.licensor]),
    );
    const latest = new Map<string, LicenseRecord>();
    for (const e of issued) {
      if (since !== undefined && !isAfter(e, since)) continue;
      const { licensee, termsId: id, start, end, fee } = e.args;
      const key = `${licensee}:${id}`;
      // Re-inserting keeps the map in the order of the latest events.
      latest.delete(key);
      latest.set(key, {
        licensee,
        termsId: id,
        start,
        end,
        fee,
        sublicensedBy: licensors.get(`${e.transactionHash}:${licensee}:${id}`),
        transaction: e.transactionHash,
        blockNumber: e.blockNumber,
      });
    }
    return [...latest.values()];
  }

  /** Derivatives registered with the work as a parent, from their events, whose link to it still stands. */
  async derivativesOf(workId: bigint): Promise<DerivativeRecord[]> {
    const events = await this.events(this.registry.filters.DerivativeRegistered(undefined, workId));
    const records: DerivativeRecord[] = [];
    for (const e of events) {
      // A takeover of the derivative by an earlier commit drops its parents.
      const derivative = await this.getWork(e.args.workId);
      if (!derivative.parents.includes(workId)) continue;
      records.push({
        workId: e.args.workId,
        termsId: e.args.parentTerms,
        parentLicenseUntil: derivative.parentLicenseUntil,
        transaction: e.transactionHash,
        blockNumber: e.blockNumber,
      });
    }
    return records;
  }

  /** Terms attached to or granted on the work in its current epoch, and whether each is on sale. */
  async workTerms(workId: bigint): Promise<WorkTermsEntry[]> {
    const [ids, enabled] = await this.read(() => this.registry.getWorkTerms(workId));
    return ids.map((id, i) => ({ termsId: id, onSale: enabled[i] }));
  }

  /** Where the work's current epoch began: its latest `RightsReset` (none before a first takeover). */
  protected async epochStart(workId: bigint): Promise<Positioned | undefined> {
    const resets = await this.events(this.registry.filters.RightsReset(workId));
    return resets.at(-1);
  }

  /** The withdrawable balance of `account` in `currency` (`ZeroAddress`: native coin). */
  async creditOf(account: string, currency: string = ZeroAddress): Promise<bigint> {
    checkAddress(account, "account");
    checkAddress(currency, "currency");
    return this.read(() => this.registry.creditOf(account, currency));
  }

  /** How a fee is split among a work's payees (the first payee also takes the rounding dust). */
  async feeSplit(workId: bigint, fee: bigint): Promise<{ account: string; amount: bigint }[]> {
    const payees = await this.payeesOf(workId);
    return splitFee(fee, payees).map((amount, i) => ({ account: payees[i].account, amount }));
  }

  /** A work's record; throws `ContractRevertError` (`WorkNotFound`) if it is not registered. */
  async getWork(work: bigint | string): Promise<WorkDetails> {
    const workId = toWorkId(work);
    const [w, settled, settledAt] = await withDecodedErrors(this.registry.interface, () =>
      Promise.all([this.registry.getWork(workId), this.registry.isSettled(workId), this.registry.settledAt(workId)]),
    );
    return {
      workId,
      digest: toBeHex(workId, 32),
      owner: w.owner,
      priorityTime: Number(w.priorityTime),
      algorithm: Number(w.algorithm),
      algorithmName: algorithmName(w.algorithm),
      frozen: w.frozen,
      authorsHash: w.authorsHash,
      parents: [...w.parents],
      parentLicenseUntil: w.parentLicenseUntil,
      settled,
      settledAt: Number(settledAt),
    };
  }

  /**
   * Who receives the work's license fees and royalties now, as `purchaseLicense` and `payRevenue` need them: the
   * authors of its latest `WorkRegistered` event, or the sole payee of a later `PayeeSet` (a transfer, or a ruling
   * that moved the work). Checked against the stored hash (only the hash is on chain).
   */
  async payeesOf(workId: bigint): Promise<Author[]> {
    const work = await this.getWork(workId);
    const [registered, assigned] = await Promise.all([
      this.events(this.registry.filters.WorkRegistered(workId)),
      this.events(this.registry.filters.PayeeSet(workId)),
    ]);
    const lastRegistered = registered.at(-1);
    const lastAssigned = assigned.at(-1);
    let payees: Author[] | undefined;
    if (lastAssigned !== undefined && (lastRegistered === undefined || isAfter(lastAssigned, lastRegistered))) {
      payees = [{ account: lastAssigned.args.payee, shares: 10_000 }];
    } else if (lastRegistered !== undefined) {
      payees = lastRegistered.args.authors.map((a) => ({ account: a.account, shares: Number(a.shares) }));
    }
    if (payees === undefined || storedAuthorsHash(payees) !== work.authorsHash.toLowerCase()) {
      throw new SdkError("PAYEES_NOT_FOUND", `no event gives the payees of work ${toBeHex(workId, 32)}`);
    }
    return payees;
  }

  /**
   * The authors the work was registered with (its latest `WorkRegistered` event), for attribution. They stop being
   * its payees once the copyright is assigned (see `payeesOf`).
   */
  async registeredAuthors(workId: bigint): Promise<Author[]> {
    const events = await this.events(this.registry.filters.WorkRegistered(workId));
    const last = events.at(-1);
    if (last === undefined) throw new SdkError("AUTHORS_NOT_FOUND", `work ${toBeHex(workId, 32)} was never registered`);
    return last.args.authors.map((a) => ({ account: a.account, shares: Number(a.shares) }));
  }

  /** Whether the registry is paused. */
  async paused(): Promise<boolean> {
    return this.read(() => this.registry.paused());
  }

  /** The EIP-2981 royalty of a sale at `salePrice`: who receives it (the holder) and how much. */
  async royaltyInfo(workId: bigint, salePrice: bigint): Promise<{ receiver: string; amount: bigint }> {
    const [receiver, amount] = await this.read(() => this.registry.royaltyInfo(workId, salePrice));
    return { receiver, amount };
  }

  /** A dispute, decoded (status "none" if there is no such dispute). */
  async getDispute(disputeId: bigint): Promise<DisputeDetails> {
    const disputes = this.requireDisputes();
    await this.disputesReady();
    const d = await withDecodedErrors(disputes.interface, () => disputes.getDispute(disputeId));
    return {
      disputeId,
      workId: d.workId,
      evidenceId: d.evidenceId,
      claimant: d.claimant,
      raisedAt: d.raisedAt,
      status: DISPUTE_STATUS[Number(d.status)],
      evidenceTime: Number(d.evidenceTime),
      priorityTime: Number(d.priorityTime),
      earlier: d.evidenceTime < d.priorityTime ? "evidence" : d.evidenceTime > d.priorityTime ? "work" : "same",
    };
  }

  /** The disputes raised against a work, in the order they were raised (`requireDisputes`: needs the address). */
  async disputesOf(work: bigint | string): Promise<DisputeDetails[]> {
    const workId = toWorkId(work);
    const disputes = this.requireDisputes();
    const topics = [disputes.interface.getEvent("DisputeRaised").topicHash, null, toBeHex(workId, 32)];
    const logs = await contractLogs(
      this.provider,
      disputes.target as string,
      topics,
      {},
      { ready: this.disputesReady },
    );
    return Promise.all(logs.map((log) => this.getDispute(BigInt(log.topics[1]))));
  }

  /** A derivative's parents with the terms it was licensed under on each (from its `DerivativeRegistered` events). */
  async parentsOf(work: bigint | string): Promise<ParentLink[]> {
    const { workId, parents } = await this.getWork(work);
    if (parents.length === 0) return [];
    const events = await this.events(this.registry.filters.DerivativeRegistered(workId));
    return parents.map((parent) => ({
      workId: parent,
      termsId: events.findLast((e) => e.args.parent === parent)?.args.parentTerms ?? ZeroHash,
    }));
  }

  /**
   * Everything about a work at once: its record (owner, priority time, settled), authors and shares, payees, terms
   * with their content, licenses, parents, derivatives and disputes. Throws `ContractRevertError` (`WorkNotFound`)
   * if it is not registered.
   */
  async lookup(work: bigint | string): Promise<WorkFacts> {
    const details = await this.getWork(work);
    const { workId } = details;
    const [authors, payees, entries, licenses, parents, derivatives, disputes] = await Promise.all([
      this.registeredAuthors(workId),
      this.payeesOf(workId),
      this.workTerms(workId),
      this.licensesOf(workId),
      this.parentsOf(workId),
      this.derivativesOf(workId),
      this.disputes === undefined ? Promise.resolve([]) : this.disputesOf(workId),
    ]);
    const terms = await Promise.all(
      entries.map(async (entry) => ({ ...entry, terms: await this.getTerms(entry.termsId) })),
    );
    return { work: details, authors, payees, terms, licenses, parents, derivatives, disputes };
  }

  /** The chain id of the reader's provider. */
  async chainId(): Promise<bigint> {
    return (await this.provider.getNetwork()).chainId;
  }
}
