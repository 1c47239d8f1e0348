import { Contract, ZeroAddress, ZeroHash, isHexString, type ContractTransactionResponse, type Signer } from "ethers";

import { IEvidenceRegistry__factory, type SupplyChainBills } from "../../typechain-types/index.js";
import { InvalidInputError, withDecodedErrors } from "../errors.js";
import { checkAddress, toBytes32 } from "../input.js";
import { ParticipantsClient } from "../participants/client.js";
import { BUSINESS_ROLES, Roles } from "../participants/roles.js";
import { formatChainTime, latestChainTime, toChainTime, type ChainTime } from "../time.js";
import { eip712DomainOf, lowestUnusedNonce } from "../signing.js";
import { minedOf, sendAndFind, senderOf, waitMined, type Mined, type Sent } from "../transactions.js";
import { formatTokenYuan, formatYuan, parseRatePercent, parseYuan, tokenUnitsPerCent } from "./amount.js";
import { discountQuote, type DiscountQuote } from "./discount.js";
import { signEndorsement, type SignedEndorsement } from "./signing.js";
import { BillsReader, partTokenId } from "./reader.js";

export {
  BillsReader,
  partTokenId,
  yuanText,
  type BillFacts,
  type BillTransfer,
  type BillTransferKind,
  type PackageInfo,
  type PartFacts,
  type PartInfo,
  type PendingClaim,
} from "./reader.js";

export interface IssueRequest {
  acceptor: string;
  payee: string;
  /** Settlement ERC-20 address. */
  token: string;
  /** Face value in yuan, e.g. "1000000.00". */
  amount: string;
  /** Due date: a Date, or a number in the chain's time unit (seconds; milliseconds on FISCO BCOS). */
  maturity: ChainTime;
  nonTransferable?: boolean;
  /** Digest of the trade-background documents (32-byte hex), or text to hash. */
  tradeDigest: string;
  /** An evidence id already anchored in the evidence registry. */
  evidenceId?: string;
}

const ERC20_ABI = [
  "function allowance(address owner, address spender) view returns (uint256)",
  "function approve(address spender, uint256 amount) returns (bool)",
];

/**
 * Typed access to SupplyChainBills: every lifecycle step with yuan-string amounts, pre-checked input, views, price
 * quotes and event history. Times are Dates or numbers in the chain's time unit (read from the deployment).
 */
export class BillsClient extends BillsReader {
  private registryClient?: ParticipantsClient;

  /** The participant registry the bills contract checks, as a client sending with this client's runner. */
  async registry(): Promise<ParticipantsClient> {
    if (this.registryClient === undefined) {
      const [address, unit] = await Promise.all([this.contract.REGISTRY(), this.timeUnit()]);
      this.registryClient = new ParticipantsClient(address, this.contract.runner!, { timeUnitsPerSecond: unit });
    }
    return this.registryClient;
  }

  /** Sends a transaction (after the deployment check) and finds `expected` among the contract's events. */
  private send(call: () => Promise<ContractTransactionResponse>, ...expected: string[]): Promise<Sent> {
    return sendAndFind(
      { address: this.contract.target as string, interface: this.contract.interface, ready: this.ready },
      call,
      ...expected,
    );
  }

  /** Throws one clear line unless `account` is an active registered participant with one of `roles`. */
  async requireParticipant(account: string, roles: number, what: string): Promise<void> {
    await (await this.registry()).requireActive(account, roles, what);
  }

  private sender(): Promise<string> {
    return senderOf(this.contract.runner);
  }

  private async now(): Promise<bigint> {
    return latestChainTime(this.provider);
  }

  /** Argument `arg` of the first (expected, so present) event of a sent transaction. */
  private static foundArg(sent: Sent, arg: string): bigint {
    return sent.found[0].args.getValue(arg) as bigint;
  }

  // ------------------------------------------------------------ lifecycle

  /** Issues a bill as the client's account (the drawer); its root part is offered to the payee. */
  async issue(request: IssueRequest): Promise<Mined & { packageId: bigint; rootTokenId: bigint }> {
    const units = parseYuan(request.amount, "face value");
    const unit = await this.timeUnit();
    const maturity = toChainTime(request.maturity, unit, "maturity");
    if (maturity <= (await this.now())) {
      throw new InvalidInputError(`maturity ${formatChainTime(maturity, unit)} is not in the future`);
    }
    if (maturity >= 2n ** 48n) throw new InvalidInputError(`maturity ${maturity} does not fit the contract's 48 bits`);
    await this.requireParticipant(await this.sender(), Roles.enterprise, "drawer");
    await this.requireParticipant(request.acceptor, BUSINESS_ROLES, "acceptor");
    await this.requireParticipant(request.payee, Roles.enterprise, "payee");
    checkAddress(request.token, "settlement token");
    const digest = toBytes32(request.tradeDigest);
    if (digest === ZeroHash) throw new InvalidInputError("the trade-background digest is required");
    const evidenceId = request.evidenceId === undefined ? ZeroHash : request.evidenceId;
    if (!isHexString(evidenceId, 32)) throw new InvalidInputError(`evidence id must be 32 bytes of hex`);
    if (evidenceId !== ZeroHash) await this.requireEvidence(evidenceId, unit);
    const mined = await this.send(
      () =>
        this.contract.issue(
          request.acceptor,
          request.payee,
          request.token,
          units,
          maturity,
          request.nonTransferable ?? false,
          digest,
          evidenceId,
        ),
      "Issued",
    );
    const packageId = BillsClient.foundArg(mined, "packageId");
    return { ...minedOf(mined), packageId, rootTokenId: partTokenId(packageId, 1n) };
  }

  /** Throws one clear line unless the trade documents' evidence id is anchored and not revoked. */
  private async requireEvidence(evidenceId: string, unit: bigint): Promise<void> {
    const address = await this.contract.EVIDENCE();
    if (address === ZeroAddress) {
      throw new InvalidInputError("this bills deployment has no evidence registry: it takes no evidence id");
    }
    const evidence = await IEvidenceRegistry__factory.connect(address, this.contract.runner).verify(evidenceId);
    if (!evidence.exists)
      throw new InvalidInputError(`evidence ${evidenceId} is not anchored in the evidence registry`);
    if (evidence.revoked) {
      throw new InvalidInputError(`evidence ${evidenceId} was revoked at ${formatChainTime(evidence.revokedAt, unit)}`);
    }
  }

  /** The acceptor accepts the bill. */
  async accept(packageId: bigint): Promise<Mined> {
    return minedOf(await this.send(() => this.contract.accept(packageId)));
  }

  /** The drawer cancels the bill before the payee signs. */
  async cancel(packageId: bigint): Promise<Mined> {
    return minedOf(await this.send(() => this.contract.cancel(packageId)));
  }

  /** The addressee signs an offer: the payee the bill, an endorsee an endorsement (pledges: `signPledge`). */
  async sign(tokenId: bigint): Promise<Mined> {
    return minedOf(await this.send(() => this.contract.sign(tokenId)));
  }

  /** The addressee rejects an offer. */
  async reject(tokenId: bigint): Promise<Mined> {
    return minedOf(await this.send(() => this.contract.reject(tokenId)));
  }

  /** The endorser (or pledgor) withdraws an offer. */
  async withdraw(tokenId: bigint): Promise<Mined> {
    return minedOf(await this.send(() => this.contract.withdraw(tokenId)));
  }

  private async checkAmount(tokenId: bigint, amount: string): Promise<bigint> {
    const units = parseYuan(amount);
    const part = await this.part(tokenId);
    if (units > part.units) {
      throw new InvalidInputError(`amount ${formatYuan(units)} exceeds part ${tokenId}'s value of ${part.value} yuan`);
    }
    return units;
  }

  /** Offers `amount` yuan of a held part to `to`; returns the offered part's token id. */
  async endorse(fromTokenId: bigint, to: string, amount: string): Promise<Mined & { tokenId: bigint }> {
    const units = await this.checkAmount(fromTokenId, amount);
    await this.requireParticipant(to, BUSINESS_ROLES, "endorsee");
    const mined = await this.send(() => this.contract.endorse(fromTokenId, to, units), "Offered");
    return { ...minedOf(mined), tokenId: BillsClient.foundArg(mined, "tokenId") };
  }

  /** The endorsee signs its consent off chain (EIP-712); the holder submits it with `endorseWithSignature`. */
  async signEndorsement(
    endorsee: Signer,
    terms: {
      fromTokenId: bigint;
      amount: string;
      deadline: ChainTime;
      /** The nonce to sign (any unused one, in any order); default: the lowest unused one. */
      nonce?: bigint;
    },
  ): Promise<SignedEndorsement> {
    const units = parseYuan(terms.amount);
    const deadline = toChainTime(terms.deadline, await this.timeUnit(), "deadline");
    return signEndorsement(endorsee, this.contract, {
      fromTokenId: terms.fromTokenId,
      units,
      deadline,
      nonce: terms.nonce,
    });
  }

  /** Endorses with the endorsee's signed consent, in one transaction; returns the new part's token id. */
  async endorseWithSignature(signed: SignedEndorsement): Promise<Mined & { tokenId: bigint }> {
    if (signed.deadline < (await this.now())) throw new InvalidInputError("the endorsee's signature has expired");
    if (await this.contract.isNonceUsed(signed.to, signed.nonce)) {
      throw new InvalidInputError(`the endorsee's signature was already used or cancelled (nonce ${signed.nonce})`);
    }
    const mined = await this.send(
      () =>
        this.contract.endorseWithSignature(
          signed.fromTokenId,
          signed.to,
          signed.units,
          signed.nonce,
          signed.deadline,
          signed.signature,
        ),
      "Signed",
    );
    return { ...minedOf(mined), tokenId: BillsClient.foundArg(mined, "tokenId") };
  }

  /** Splits `amount` yuan off a held part into a new part of the same holder; returns its token id. */
  async split(fromTokenId: bigint, amount: string): Promise<Mined & { tokenId: bigint }> {
    const units = await this.checkAmount(fromTokenId, amount);
    const mined = await this.send(() => this.contract.split(fromTokenId, units), "TransferValue");
    return { ...minedOf(mined), tokenId: BillsClient.foundArg(mined, "_toTokenId") };
  }

  /** Merges the whole of `fromTokenId` into `toTokenId`. */
  async merge(fromTokenId: bigint, toTokenId: bigint): Promise<Mined> {
    return minedOf(await this.send(() => this.contract.merge(fromTokenId, toTokenId)));
  }

  /** Offers `amount` yuan of a held part for discount at an annual rate ("3.5" = 3.5 %, 360-day year). */
  async offerDiscount(
    fromTokenId: bigint,
    financier: string,
    amount: string,
    ratePercent: string,
  ): Promise<Mined & { tokenId: bigint }> {
    const rate = parseRatePercent(ratePercent);
    const units = await this.checkAmount(fromTokenId, amount);
    await this.requireParticipant(financier, Roles.financier, "financier");
    const mined = await this.send(() => this.contract.offerDiscount(fromTokenId, financier, units, rate), "Offered");
    return { ...minedOf(mined), tokenId: BillsClient.foundArg(mined, "tokenId") };
  }

  /** The price of a discount offer if signed now: token base units, yuan and days charged (the contract's quote). */
  async discountPrice(tokenId: bigint): Promise<DiscountQuote> {
    const [[price, days], part] = await Promise.all([
      withDecodedErrors(this.contract.interface, () => this.contract.discountPrice(tokenId)),
      this.part(tokenId),
    ]);
    const pkg = await this.package(part.packageId);
    const gross = part.units * tokenUnitsPerCent(pkg.tokenDecimals);
    return { price, yuan: formatTokenYuan(price, pkg.tokenDecimals), days: Number(days), interest: gross - price };
  }

  /**
   * What discounting `amount` yuan of a part at `ratePercent` would pay now, before any offer is made: the
   * contract's formula evaluated at the latest block's time (the price at signing is computed then).
   */
  async quoteDiscount(tokenId: bigint, amount: string, ratePercent: string): Promise<DiscountQuote> {
    const rateBps = parseRatePercent(ratePercent);
    const units = await this.checkAmount(tokenId, amount);
    const part = await this.part(tokenId);
    const pkg = await this.package(part.packageId);
    return discountQuote({
      units,
      rateBps,
      maturity: BigInt(pkg.maturity),
      now: await this.now(),
      timeUnitsPerSecond: await this.timeUnit(),
      tokenDecimals: pkg.tokenDecimals,
    });
  }

  /** Whole days (rounded up) until the bill matures, in the chain's time; 0 once it has. */
  async daysToMaturity(packageId: bigint): Promise<number> {
    const [pkg, now, unit] = await Promise.all([this.package(packageId), this.now(), this.timeUnit()]);
    const left = BigInt(pkg.maturity) - now;
    if (left <= 0n) return 0;
    const day = 86_400n * unit;
    return Number((left + day - 1n) / day);
  }

  /** The financier signs a discount offer, paying at most `maxPrice` (default: the current quote). */
  async signDiscount(tokenId: bigint, maxPrice?: bigint): Promise<Mined & { price: bigint }> {
    const limit = maxPrice ?? (await this.discountPrice(tokenId)).price;
    await this.ensureAllowance(tokenId >> 24n, limit);
    const mined = await this.send(() => this.contract.signDiscount(tokenId, limit), "Discounted");
    return { ...minedOf(mined), price: BillsClient.foundArg(mined, "price") };
  }

  /** Offers a held part as pledge to a financier. */
  async pledge(tokenId: bigint, pledgee: string): Promise<Mined> {
    await this.requireParticipant(pledgee, Roles.financier, "pledgee");
    return minedOf(await this.send(() => this.contract.pledge(tokenId, pledgee)));
  }

  /**
   * The pledgee accepts a pledge offer of exactly `amount` yuan, the value it saw offered: the contract refuses it
   * (`PledgeValueChanged`) if the pledgor re-offered the part with another value meanwhile.
   */
  async signPledge(tokenId: bigint, amount: string): Promise<Mined> {
    const units = parseYuan(amount);
    return minedOf(await this.send(() => this.contract.signPledge(tokenId, units)));
  }

  /** The endorsee cancels consents it signed and has not seen used: each nonce set in `nonces` is invalidated. */
  async invalidateConsents(nonces: bigint[]): Promise<Mined> {
    if (nonces.length === 0 || nonces.some((n) => n < 0n)) {
      throw new InvalidInputError("give one or more non-negative nonces to invalidate");
    }
    const word = nonces[0] >> 8n;
    if (nonces.some((n) => n >> 8n !== word)) throw new InvalidInputError("nonces must share one 256-nonce word");
    const mask = nonces.reduce((m, n) => m | (1n << (n & 255n)), 0n);
    return minedOf(await this.send(() => this.contract.invalidateNonces(word, mask)));
  }

  /** The pledgee releases a pledge. */
  async release(tokenId: bigint): Promise<Mined> {
    return minedOf(await this.send(() => this.contract.release(tokenId)));
  }

  /** Approves the bills contract for `amount` of the package's settlement token if the allowance is short. */
  async ensureAllowance(packageId: bigint, amount: bigint): Promise<Mined | null> {
    const pkg = await this.contract.packageOf(packageId);
    const owner = await this.sender();
    const token = new Contract(pkg.token, ERC20_ABI, this.contract.runner);
    if ((await token.getFunction("allowance")(owner, this.contract.target)) >= amount) return null;
    const response = (await token.getFunction("approve")(this.contract.target, amount)) as ContractTransactionResponse;
    return minedOf(await waitMined(response));
  }

  /** The acceptor pays the face value in (approving the token first if needed). */
  async fund(packageId: bigint): Promise<Mined & { amount: bigint }> {
    const pkg = await this.package(packageId);
    const amount = parseYuan(pkg.faceValue) * tokenUnitsPerCent(pkg.tokenDecimals);
    await this.ensureAllowance(packageId, amount);
    return { ...minedOf(await this.send(() => this.contract.fund(packageId))), amount };
  }

  /** Pays a part at maturity to its beneficiary. */
  async redeem(tokenId: bigint): Promise<Mined & { amount: bigint; beneficiary: string }> {
    const mined = await this.send(() => this.contract.redeem(tokenId), "Redeemed");
    const [log] = mined.found;
    return {
      ...minedOf(mined),
      amount: log.args.amount as bigint,
      beneficiary: log.args.beneficiary as string,
    };
  }

  /** Dishonors an unfunded matured bill; `reason` is text (hashed) or a 32-byte hash. */
  async dishonor(packageId: bigint, reason?: string): Promise<Mined> {
    return minedOf(await this.send(() => this.contract.dishonor(packageId, toBytes32(reason))));
  }

  /** Files a recourse claim against an earlier endorser or the drawer of the part. */
  async claimRecourse(tokenId: bigint, target: string): Promise<Mined> {
    checkAddress(target, "recourse target");
    const chain = await this.chain(tokenId);
    if (!chain.some((a) => a.toLowerCase() === target.toLowerCase())) {
      throw new InvalidInputError(`${target} is not on part ${tokenId}'s endorsement chain (${chain.join(", ")})`);
    }
    return minedOf(await this.send(() => this.contract.claimRecourse(tokenId, target)));
  }

  /** The claim's target pays it (approving the token first if needed) and takes the claim over. */
  async payRecourse(tokenId: bigint): Promise<Mined & { amount: bigint }> {
    const claim = await this.pendingClaim(tokenId);
    if (claim === null) throw new InvalidInputError(`no recourse claim is pending on part ${tokenId}`);
    await this.ensureAllowance(tokenId >> 24n, claim.amount);
    return { ...minedOf(await this.send(() => this.contract.payRecourse(tokenId))), amount: claim.amount };
  }

  /** Regulator: freezes or unfreezes a part. */
  async setPartFrozen(tokenId: bigint, frozen: boolean, reason?: string): Promise<Mined> {
    return minedOf(await this.send(() => this.contract.setPartFrozen(tokenId, frozen, toBytes32(reason))));
  }
}
