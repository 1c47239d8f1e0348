import {
  Contract,
  ZeroAddress,
  ZeroHash,
  isHexString,
  EventLog,
  toBeHex,
  zeroPadValue,
  type ContractRunner,
  type ContractTransactionResponse,
  type Interface,
  type Provider,
} from "ethers";

import {
  CopyrightDisputes__factory,
  CopyrightRegistry__factory,
  CopyrightRelay__factory,
  type CopyrightDisputes,
  type CopyrightRegistry,
  type CopyrightRelay,
} from "../../typechain-types/index.js";
import { InvalidInputError, SdkError, withDecodedErrors } from "../errors.js";
import { checkAddress, checkBytes32 } from "../input.js";
import { formatChainTime, timeUnitOf } from "../time.js";
import type { TypedContractEvent, TypedDeferredTopicFilter, TypedEventLog } from "../../typechain-types/common.js";
import { PagedHistory } from "../logs.js";
import {
  contractLogs,
  deployedCheck,
  minedOf,
  providerOf,
  sendAndFind,
  senderOf,
  waitMined,
  type ExpectedEvent,
  type Mined,
  type SendTarget,
  type Sent,
} from "../transactions.js";
import { algorithmId, algorithmName, hashFile, type HashAlgorithmName } from "../hash-file.js";
import { splitFee, storedAuthorsHash, validateAuthors, type Author } from "./authors.js";
import { prepareCommitment, type Commitment } from "./commit.js";
import type { SignedRegistration } from "./signing.js";
import { buildTerms, termsId, type Terms, type TermsInput } from "./terms.js";

/** The suite's contract addresses; disputes and relay are needed only for their operations. */
export interface CopyrightAddresses {
  registry: string;
  disputes?: string;
  relay?: string;
}

/** A work to register. */
export interface WorkInput {
  /** The content digest (32 bytes of hex); the work id is this number. */
  digest: string;
  algorithm: HashAlgorithmName;
  /** Metadata URI, emitted with the registration (not stored). */
  uri?: string;
  authors: readonly Author[];
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

/**
 * The work is not settled yet: a reveal of an earlier commitment could still take it over (moving its token and
 * voiding its licenses), so the registry refuses to license it, transfer it or take revenue for it
 * (`WorkNotSettled`). Thrown before anything is sent or approved; wait until `settlesAt`.
 */
export class WorkNotSettledError extends SdkError {
  readonly workId: bigint;
  /** When the work settles, in the chain's unit (a pause of the registry postpones it by the pause's length). */
  readonly settlesAt: number;

  constructor(workId: bigint, settlesAt: number, action: string) {
    super(
      "WORK_NOT_SETTLED",
      `work ${toBeHex(workId, 32)} is not settled until ${formatChainTime(settlesAt, timeUnitOf(BigInt(settlesAt)))}: ` +
        `a reveal of an earlier commitment could still take it over, so the registry refuses to ${action} before then`,
    );
    this.workId = workId;
    this.settlesAt = settlesAt;
  }
}

/** Where a log sits in the chain, to order events of different kinds. */
interface Positioned {
  blockNumber: number;
  index: number;
}

const isAfter = (a: Positioned, b: Positioned) =>
  a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.index > b.index);

/** The ERC-20 calls a purchase needs. */
interface Erc20 {
  allowance(owner: string, spender: string): Promise<bigint>;
  approve(spender: string, amount: bigint): Promise<ContractTransactionResponse>;
}
const ERC20_ABI = [
  "function allowance(address owner, address spender) view returns (uint256)",
  "function approve(address spender, uint256 amount) returns (bool)",
];

function checkBps(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 10_000) {
    throw new InvalidInputError(`${what} must be 0 to 10,000 basis points, got ${value}`);
  }
  return value;
}

/** A work id from a number, a decimal string or the 32-byte digest. */
export function toWorkId(work: bigint | string): bigint {
  if (typeof work === "bigint") return work;
  if (isHexString(work, 32)) return BigInt(work);
  if (/^[0-9]+$/.test(work)) return BigInt(work);
  throw new InvalidInputError(`not a work id or digest: "${work}"`);
}

/**
 * Typed access to the copyright suite: registration (direct, commit-reveal, relayed, derivative), terms, licensing,
 * withdrawals and disputes. Reverts come back as `ContractRevertError` with the contract's error name and arguments.
 */
export class CopyrightClient {
  readonly registry: CopyrightRegistry;
  readonly disputes?: CopyrightDisputes;
  readonly relay?: CopyrightRelay;
  /** Deployment checks (`deployedCheck`), each run on the first use of its contract. */
  private readonly ready: () => Promise<void>;
  private readonly disputesReady: () => Promise<void>;
  private readonly relayReady: () => Promise<void>;

  constructor(addresses: CopyrightAddresses, runner: ContractRunner) {
    this.registry = CopyrightRegistry__factory.connect(checkAddress(addresses.registry, "registry"), runner);
    if (addresses.disputes !== undefined) {
      this.disputes = CopyrightDisputes__factory.connect(checkAddress(addresses.disputes, "disputes"), runner);
    }
    if (addresses.relay !== undefined) {
      this.relay = CopyrightRelay__factory.connect(checkAddress(addresses.relay, "relay"), runner);
    }
    const provider = () => this.provider;
    this.ready = deployedCheck("CopyrightRegistry", addresses.registry, provider);
    this.disputesReady = deployedCheck("CopyrightDisputes", addresses.disputes ?? ZeroAddress, provider);
    this.relayReady = deployedCheck("CopyrightRelay", addresses.relay ?? ZeroAddress, provider);
  }

  private get provider(): Provider {
    return providerOf(this.registry.runner);
  }

  private account(): Promise<string> {
    return senderOf(this.registry.runner);
  }

  private requireDisputes(): CopyrightDisputes {
    if (this.disputes === undefined) throw new InvalidInputError("the client was created without a disputes address");
    return this.disputes;
  }

  /** A read of the registry, its revert decoded. */
  private async read<T>(call: () => Promise<T>): Promise<T> {
    await this.ready();
    return withDecodedErrors(this.registry.interface, call);
  }

  /**
   * The registry's events matching `filter`, typed, in chain order: from the registry's deployment block (or
   * `fromBlock`), read in chunks that shrink when the provider refuses a range.
   */
  private async events<E extends TypedContractEvent>(
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

  /** What `sendAndFind` needs of one of the suite's contracts. */
  private target(contract: { target: unknown; interface: Interface }, ready: () => Promise<void>): SendTarget {
    return { address: contract.target as string, interface: contract.interface, ready };
  }

  /** Sends a transaction to the registry (after its deployment check) and finds `expected` among its events. */
  private send(call: () => Promise<ContractTransactionResponse>, ...expected: ExpectedEvent[]): Promise<Sent> {
    return sendAndFind(this.target(this.registry, this.ready), call, ...expected);
  }

  // ---------------------------------------------------------------- registration

  /** Registers a work owned by the client's account, with now as its priority time. */
  async registerWork(work: WorkInput): Promise<Mined & { workId: bigint }> {
    const digest = checkBytes32(work.digest, "digest");
    const authors = validateAuthors(work.authors);
    const sent = await this.send(() =>
      this.registry.registerWork(digest, algorithmId(work.algorithm), work.uri ?? "", authors),
    );
    return { ...minedOf(sent), workId: BigInt(digest) };
  }

  /** Hashes a file (streamed, with the evidence SDK) and registers it; returns the work id and digest. */
  async registerFile(
    file: string,
    options: { algorithm?: HashAlgorithmName; uri?: string; authors: readonly Author[] },
  ): Promise<Mined & { workId: bigint; digest: string }> {
    const algorithm = options.algorithm ?? "sha256";
    const digest = await hashFile(file, algorithm);
    return { ...(await this.registerWork({ digest, algorithm, uri: options.uri, authors: options.authors })), digest };
  }

  /**
   * Commits to registering `digest` later (step 1 of commit-reveal). Returns the commitment and its secret salt:
   * keep both until `reveal`, within the registry's reveal window.
   */
  async commit(digest: string, options: { salt?: string } = {}): Promise<Mined & Commitment> {
    const prepared = prepareCommitment(checkBytes32(digest, "digest"), await this.account(), options.salt);
    const sent = await this.send(() => this.registry.commit(prepared.commitment));
    return { ...minedOf(sent), ...prepared };
  }

  /** Reveals a commitment and registers the work with the commit time as its priority time (step 2). */
  async reveal(work: WorkInput & { salt: string }): Promise<Mined & { workId: bigint; priorityTime: number }> {
    const digest = checkBytes32(work.digest, "digest");
    const authors = validateAuthors(work.authors);
    const sent = await this.send(() =>
      this.registry.revealWork(
        digest,
        algorithmId(work.algorithm),
        work.uri ?? "",
        authors,
        checkBytes32(work.salt, "salt"),
      ),
    );
    const workId = BigInt(digest);
    return { ...minedOf(sent), workId, priorityTime: (await this.getWork(workId)).priorityTime };
  }

  /**
   * Registers a derivative. For each parent, give the terms of the client's license on it, or omit them for a
   * parent the client owns.
   */
  async registerDerivative(
    work: WorkInput & { parents: readonly { workId: bigint; termsId?: string }[] },
  ): Promise<Mined & { workId: bigint }> {
    const digest = checkBytes32(work.digest, "digest");
    const authors = validateAuthors(work.authors);
    const parents = work.parents.map((p) => p.workId);
    const terms = work.parents.map((p) => (p.termsId === undefined ? ZeroHash : checkBytes32(p.termsId, "terms id")));
    const sent = await this.send(() =>
      this.registry.registerDerivative(digest, algorithmId(work.algorithm), work.uri ?? "", authors, parents, terms),
    );
    return { ...minedOf(sent), workId: BigInt(digest) };
  }

  /**
   * Registers a work owned by `creator`, for an account holding the registry's `REGISTRAR_ROLE` (normally only the
   * relay contract: use `relayRegistration` for signed requests).
   */
  async registerWorkFor(creator: string, work: WorkInput): Promise<Mined & { workId: bigint }> {
    checkAddress(creator, "creator");
    const digest = checkBytes32(work.digest, "digest");
    const authors = validateAuthors(work.authors);
    const sent = await this.send(() =>
      this.registry.registerWorkFor(creator, digest, algorithmId(work.algorithm), work.uri ?? "", authors),
    );
    return { ...minedOf(sent), workId: BigInt(digest) };
  }

  /** Relays a creator's signed registration (see `signRegistration`); the creator owns the work. */
  async relayRegistration(signed: SignedRegistration): Promise<Mined & { workId: bigint }> {
    if (this.relay === undefined) throw new InvalidInputError("the client was created without a relay address");
    const relay = this.relay;
    const sent = await sendAndFind(this.target(relay, this.relayReady), () =>
      relay.registerWorkBySig(
        signed.digest,
        signed.algorithm,
        signed.uri,
        signed.authors,
        signed.creator,
        signed.nonce,
        signed.deadline,
        signed.signature,
      ),
    );
    return { ...minedOf(sent), workId: BigInt(signed.digest) };
  }

  // ---------------------------------------------------------------- terms

  /** Registers terms (idempotent) and returns their id. */
  async registerTerms(input: TermsInput): Promise<Mined & { termsId: string; terms: Terms }> {
    const terms = buildTerms(input);
    const sent = await this.send(() => this.registry.registerTerms(terms));
    return { ...minedOf(sent), termsId: termsId(terms), terms };
  }

  /** Offers terms on the client's work (or re-enables them). */
  async attachTerms(workId: bigint, id: string): Promise<Mined> {
    return minedOf(await this.send(() => this.registry.attachTerms(workId, checkBytes32(id, "terms id"))));
  }

  /** Stops selling licenses on terms; running licenses stay valid. */
  async disableTerms(workId: bigint, id: string): Promise<Mined> {
    return minedOf(await this.send(() => this.registry.disableTerms(workId, checkBytes32(id, "terms id"))));
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

  // ---------------------------------------------------------------- licensing

  /**
   * Buys (or renews) a license for the client's account. Reads the fee and currency from the terms and the payees
   * from the work's events (`payeesOf`); pays native coin as value, or approves the ERC-20 fee first when the
   * allowance is short (unless `approve: false`). `maxFee` defaults to the current fee.
   */
  async purchaseLicense(
    workId: bigint,
    id: string,
    options: { maxFee?: bigint; approve?: boolean } = {},
  ): Promise<Mined & LicenseDetails & { fee: bigint; currency: string }> {
    const terms = await this.getTerms(id);
    const fee = BigInt(terms.fee);
    const currency = String(terms.currency);
    await this.requireSettled(workId, "license it");
    const authors = await this.payeesOf(workId);
    const buyer = await this.account();
    if (currency !== ZeroAddress && fee > 0n && options.approve !== false) await this.approve(currency, fee);
    const value = currency === ZeroAddress ? fee : 0n;
    const sent = await this.send(() =>
      this.registry.purchaseLicense(workId, id, options.maxFee ?? fee, authors, { value }),
    );
    return { ...minedOf(sent), ...(await this.getLicense(workId, buyer, id)), fee, currency };
  }

  /** The owner grants (or renews) a license without payment, on any registered terms, once the work is settled. */
  async grantLicense(workId: bigint, id: string, licensee: string): Promise<Mined & LicenseDetails> {
    checkAddress(licensee, "licensee");
    await this.requireSettled(workId, "license it");
    const sent = await this.send(() => this.registry.grantLicense(workId, checkBytes32(id, "terms id"), licensee));
    return { ...minedOf(sent), ...(await this.getLicense(workId, licensee, id)) };
  }

  /**
   * Sublicenses the client's license on sublicensable terms to `sublicensee`, ending with it (or sooner, under a
   * derivative's parent-license cap). A sublicense cannot be sublicensed (`SublicenseeCannotSublicense`).
   */
  async sublicense(workId: bigint, id: string, sublicensee: string): Promise<Mined> {
    checkAddress(sublicensee, "sublicensee");
    return minedOf(await this.send(() => this.registry.sublicense(workId, checkBytes32(id, "terms id"), sublicensee)));
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
  private async epochStart(workId: bigint): Promise<Positioned | undefined> {
    const resets = await this.events(this.registry.filters.RightsReset(workId));
    return resets.at(-1);
  }

  // ---------------------------------------------------------------- fees

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

  /**
   * Pays revenue a work earned (typically a derivative): each parent's payees get the royalty rate of the terms the
   * derivative was licensed under, the work's payees the rest. Payee lists are read from the chain's events; an
   * ERC-20 amount is approved first when the allowance is short (unless `approve: false`).
   */
  async payRevenue(
    workId: bigint,
    amount: bigint,
    options: { currency?: string; approve?: boolean } = {},
  ): Promise<Mined & { royalties: bigint }> {
    const currency = checkAddress(options.currency ?? ZeroAddress, "currency");
    if (amount < 0n) throw new InvalidInputError(`amount must not be negative, got ${amount}`);
    const work = await this.getWork(workId);
    if (!work.settled && !work.frozen) throw new WorkNotSettledError(workId, work.settledAt, "take revenue for it");
    const authors = await this.payeesOf(workId);
    const parentAuthors = await Promise.all(work.parents.map((parent) => this.payeesOf(parent)));
    if (currency !== ZeroAddress && amount > 0n && options.approve !== false) await this.approve(currency, amount);
    const value = currency === ZeroAddress ? amount : 0n;
    const sent = await this.send(
      () => this.registry.payRevenue(workId, currency, amount, authors, parentAuthors, { value }),
      "RevenuePaid",
    );
    return { ...minedOf(sent), royalties: sent.found[0].args.royalties as bigint };
  }

  /**
   * Assigns the copyright: transfers the work's token to `to`, who becomes its sole payee (licenses survive). Refused
   * before the work is settled (`WorkNotSettledError`, thrown before sending).
   */
  async transferWork(workId: bigint, to: string): Promise<Mined> {
    checkAddress(to, "recipient");
    await this.requireSettled(workId, "transfer it");
    const from = await this.account();
    return minedOf(await this.send(() => this.registry.transferFrom(from, to, workId)));
  }

  /**
   * Throws `WorkNotSettledError` unless the work is settled (`WorkNotFound` if it is not registered). A frozen work is
   * left to the registry, which reports `Frozen` first.
   */
  private async requireSettled(workId: bigint, action: string): Promise<void> {
    const work = await this.getWork(workId);
    if (!work.settled && !work.frozen) throw new WorkNotSettledError(workId, work.settledAt, action);
  }

  /** Raises the registry's ERC-20 allowance to `amount` if it is below. */
  private async approve(currency: string, amount: bigint): Promise<void> {
    const token = new Contract(currency, ERC20_ABI, this.registry.runner) as unknown as Erc20;
    const registryAddress = await this.registry.getAddress();
    if ((await token.allowance(await this.account(), registryAddress)) >= amount) return;
    await waitMined(await token.approve(registryAddress, amount));
  }

  /** Withdraws the client's whole balance in `currency`. */
  async withdraw(currency: string = ZeroAddress): Promise<Mined & { amount: bigint }> {
    checkAddress(currency, "currency");
    const amount = await this.creditOf(await this.account(), currency);
    const sent = await this.send(() => this.registry.withdraw(currency));
    return { ...minedOf(sent), amount };
  }

  // ---------------------------------------------------------------- reads

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

  // ---------------------------------------------------------------- administration

  /** Sets the EIP-2981 royalty rate of the client's work, in basis points (`royaltyInfo` pays the holder). */
  async setWorkRoyalty(workId: bigint, bps: number): Promise<Mined> {
    checkBps(bps, "royalty");
    return minedOf(await this.send(() => this.registry.setWorkRoyalty(workId, bps)));
  }

  /** Sets the base of every token URI (admin role): `tokenURI` is the base followed by the decimal work id. */
  async setBaseURI(baseURI: string): Promise<Mined> {
    return minedOf(await this.send(() => this.registry.setBaseURI(baseURI)));
  }

  /** Pauses registration, terms, licensing, revenue payments and royalty setting (pauser role). */
  async pause(): Promise<Mined> {
    return minedOf(await this.send(() => this.registry.pause()));
  }

  /** Lifts the pause (pauser role). */
  async unpause(): Promise<Mined> {
    return minedOf(await this.send(() => this.registry.unpause()));
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

  // ---------------------------------------------------------------- disputes

  /** Raises a dispute against a work, citing an evidence id anchored in the evidence registry. */
  async raiseDispute(workId: bigint, evidenceId: string): Promise<Mined & { disputeId: bigint }> {
    const disputes = this.requireDisputes();
    const sent = await sendAndFind(
      this.target(disputes, this.disputesReady),
      () => disputes.raiseDispute(workId, checkBytes32(evidenceId, "evidence id")),
      "DisputeRaised",
    );
    return { ...minedOf(sent), disputeId: sent.found[0].args.disputeId as bigint };
  }

  /** Rules on a dispute (arbitrator role); upheld freezes the work, moving it first to `rightfulOwner` if given. */
  async resolveDispute(disputeId: bigint, upheld: boolean, rightfulOwner?: string): Promise<Mined> {
    const disputes = this.requireDisputes();
    const owner = rightfulOwner === undefined ? ZeroAddress : checkAddress(rightfulOwner, "rightful owner");
    return minedOf(
      await sendAndFind(this.target(disputes, this.disputesReady), () =>
        disputes.resolveDispute(disputeId, upheld, owner),
      ),
    );
  }

  /** Unfreezes a work (arbitrator role, through the disputes contract), e.g. on appeal. */
  async unfreeze(workId: bigint): Promise<Mined> {
    const disputes = this.requireDisputes();
    // The registry's refusal (NotFrozen) bubbles up through the disputes contract: decode it with the registry's ABI.
    return minedOf(
      await sendAndFind({ ...this.target(disputes, this.disputesReady), errors: this.registry.interface }, () =>
        disputes.unfreeze(workId),
      ),
    );
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

  /** The chain id of the client's provider. */
  async chainId(): Promise<bigint> {
    return (await this.provider.getNetwork()).chainId;
  }
}
