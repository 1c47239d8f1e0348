import {
  Contract,
  ZeroAddress,
  ZeroHash,
  toBeHex,
  type ContractRunner,
  type ContractTransactionResponse,
  type Interface,
} from "ethers";

import { CopyrightRelay__factory, type CopyrightRelay } from "../../typechain-types/index.js";
import { InvalidInputError, SdkError } from "../errors.js";
import { checkAddress, checkBytes32 } from "../input.js";
import { formatChainTime, timeUnitOf } from "../time.js";
import {
  deployedCheck,
  minedOf,
  sendAndFind,
  senderOf,
  waitMined,
  type ExpectedEvent,
  type Mined,
  type SendTarget,
  type Sent,
} from "../transactions.js";
import { algorithmId, hashFile, type HashAlgorithmName } from "../hash-file.js";
import { validateAuthors, type Author } from "./authors.js";
import { prepareCommitment, type Commitment } from "./commit.js";
import type { SignedRegistration } from "./signing.js";
import { buildTerms, termsId, type Terms, type TermsInput } from "./terms.js";
import { CopyrightReader, type LicenseDetails } from "./reader.js";

export {
  CopyrightReader,
  toWorkId,
  type CopyrightReadAddresses,
  type DerivativeRecord,
  type DisputeDetails,
  type LicenseDetails,
  type LicenseRecord,
  type ParentLink,
  type WorkDetails,
  type WorkFacts,
  type WorkTermsDetails,
  type WorkTermsEntry,
} from "./reader.js";

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

/**
 * Typed access to the copyright suite: registration (direct, commit-reveal, relayed, derivative), terms, licensing,
 * withdrawals and disputes. Reverts come back as `ContractRevertError` with the contract's error name and arguments.
 */
export class CopyrightClient extends CopyrightReader {
  readonly relay?: CopyrightRelay;
  /** The relay's deployment check (`deployedCheck`), run on its first use. */
  private readonly relayReady: () => Promise<void>;

  constructor(addresses: CopyrightAddresses, runner: ContractRunner) {
    super(addresses, runner);
    if (addresses.relay !== undefined) {
      this.relay = CopyrightRelay__factory.connect(checkAddress(addresses.relay, "relay"), runner);
    }
    this.relayReady = deployedCheck("CopyrightRelay", addresses.relay ?? ZeroAddress, () => this.provider);
  }

  private account(): Promise<string> {
    return senderOf(this.registry.runner);
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

  // ---------------------------------------------------------------- fees

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
}
