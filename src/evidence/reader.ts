// Browser-safe, read-only access to an EvidenceRegistry: the chain's answer for a digest and the verdict on a receipt.
// No `node:` imports, so the browser portal verifies with this very code; `EvidenceClient` (client.ts) extends it with
// anchoring, files and folders.
import { ZeroHash, isAddress, type ContractRunner, type Log, type LogDescription, type Provider } from "ethers";

import { EvidenceRegistry__factory, type EvidenceRegistry } from "../../typechain-types/index.js";
import { InvalidInputError, UntrustedRegistryError, WrongNetworkError } from "../errors.js";
import { algorithmName, isSaltedAlgorithm } from "../hash.js";
import { checkBytes32 } from "../input.js";
import { byChainOrder, contractLogs, deployedCheck, providerOf } from "../transactions.js";
import { blockTimes, chainTimeToDate, timeUnitOf } from "../time.js";
import type { EvidenceReceipt } from "./receipt-format.js";
import type { EvidenceStatus, EvidenceVerification } from "./verdict.js";
import { judgeReceipt, type ReceiptDigestOptions } from "./verifier.js";

type VerificationOutput = Awaited<ReturnType<EvidenceRegistry["verify"]["staticCall"]>>;

/** The registry's `verify` output, decoded. */
export function toStatus(v: VerificationOutput): EvidenceStatus {
  return {
    exists: v.exists,
    batched: v.batched,
    algorithm: Number(v.algorithm),
    algorithmName: algorithmName(v.algorithm),
    salted: isSaltedAlgorithm(v.algorithm),
    submitter: v.submitter,
    time: Number(v.time),
    blockNumber: Number(v.blockNumber),
    witnessThreshold: Number(v.witnessThreshold),
    witnessSignatures: Number(v.witnessSignatures),
    witnessed: v.witnessed,
    revoked: v.revoked,
    revokedAt: Number(v.revokedAt),
    supersededBy: v.supersededBy === ZeroHash ? null : v.supersededBy,
  };
}

/** Where an event was emitted. */
export interface EventLocation {
  transaction: string;
  blockNumber: number;
  logIndex: number;
}

/** One event of a record's history, decoded; `submitter` is the record's. */
export type EvidenceEvent = EventLocation &
  (
    | { name: "Anchored"; submitter: string; algorithm: number; algorithmName: string; metadata: string }
    | { name: "BatchAnchored"; submitter: string; size: bigint }
    | { name: "MetadataURI"; submitter: string; uri: string }
    | { name: "WitnessesRequired"; submitter: string; witnesses: string[]; threshold: number; deadline: number }
    | { name: "Cosigned"; submitter: string; witness: string; signatures: number }
    | { name: "Witnessed"; submitter: string }
    | { name: "Revoked"; submitter: string; reason: string }
    /** This record was superseded by `supersededBy`. */
    | { name: "Superseded"; submitter: string; supersededBy: string }
    /** This record supersedes `previous`. */
    | { name: "Supersedes"; submitter: string; previous: string }
  );

const EVENT_NAMES = [
  "Anchored",
  "BatchAnchored",
  "MetadataURI",
  "WitnessesRequired",
  "Cosigned",
  "Witnessed",
  "Revoked",
  "Superseded",
] as const;

/** The registry's events, by name. */
export type EvidenceEventName = (typeof EVENT_NAMES)[number];

function toEvent(log: LogDescription, location: EventLocation, id: string): EvidenceEvent {
  const a = log.args;
  switch (log.name as EvidenceEventName) {
    case "Anchored":
      return {
        ...location,
        name: "Anchored",
        submitter: a.submitter,
        algorithm: Number(a.algorithm),
        algorithmName: algorithmName(a.algorithm),
        metadata: a.metadata,
      };
    case "BatchAnchored":
      return { ...location, name: "BatchAnchored", submitter: a.submitter, size: a.size };
    case "MetadataURI":
      return { ...location, name: "MetadataURI", submitter: a.submitter, uri: a.uri };
    case "WitnessesRequired":
      return {
        ...location,
        name: "WitnessesRequired",
        submitter: a.submitter,
        witnesses: [...a.witnesses],
        threshold: Number(a.threshold),
        deadline: Number(a.deadline),
      };
    case "Cosigned":
      return {
        ...location,
        name: "Cosigned",
        submitter: a.submitter,
        witness: a.witness,
        signatures: Number(a.signatures),
      };
    case "Witnessed":
      return { ...location, name: "Witnessed", submitter: a.submitter };
    case "Revoked":
      return { ...location, name: "Revoked", submitter: a.submitter, reason: a.reason };
    case "Superseded":
      return a.id === id
        ? { ...location, name: "Superseded", submitter: a.submitter, supersededBy: a.supersededBy }
        : { ...location, name: "Supersedes", submitter: a.submitter, previous: a.id };
  }
}

/** One entry of a record's timeline: the event and when its block was mined. */
export type EvidenceTimelineEntry = EvidenceEvent & {
  /** The block's timestamp, in the chain's unit (seconds; milliseconds on FISCO BCOS). */
  blockTime: number;
  /** The block's time as a date. */
  date: Date;
};

export const checkId = (value: string, what = "evidence id"): string => checkBytes32(value, what);

/**
 * Read-only, browser-safe access to an EvidenceRegistry the caller trusts: records, batch proofs, revocation reasons
 * and the verdict on a receipt with the document's digest computed by the caller (for example in a browser).
 */
export class EvidenceReader {
  readonly contract: EvidenceRegistry;
  readonly address: string;
  /** Settles once the address is known to hold code (`deployedCheck`); a failure is forgotten. */
  protected readonly ready: () => Promise<void>;

  /** The address is checked for code on the first call, which throws `DeploymentNotFoundError` if it has none. */
  constructor(address: string, runner: ContractRunner) {
    if (!isAddress(address)) throw new InvalidInputError(`not an address: "${address}"`);
    this.contract = EvidenceRegistry__factory.connect(address, runner);
    this.address = address;
    this.ready = deployedCheck("EvidenceRegistry", address, () => this.provider);
  }

  /** The provider the client reads through. */
  get provider(): Provider {
    return providerOf(this.contract.runner);
  }

  /** The chain id of the client's provider. */
  async chainId(): Promise<bigint> {
    return (await this.provider.getNetwork()).chainId;
  }

  /** The chain's answer for a directly anchored digest (or a batch root). */
  async verify(digest: string): Promise<EvidenceStatus> {
    checkId(digest);
    await this.ready();
    return toStatus(await this.contract.verify(digest));
  }

  /** The chain's answer for a digest in the batch with root `root`. */
  async verifyInBatch(root: string, digest: string, proof: readonly string[]): Promise<EvidenceStatus> {
    checkId(root, "root");
    checkId(digest, "digest");
    await this.ready();
    return toStatus(await this.contract.verifyInBatch(root, digest, [...proof]));
  }

  /**
   * Checks a receipt against this registry, which the caller trusts, and the document against the receipt when the
   * document's digest (computed under the receipt's rule) is given. Throws `WrongNetworkError` if the provider is on
   * another chain than the receipt, and `UntrustedRegistryError` if the receipt names another registry: a receipt's
   * contract is never trusted on its word. Without a document the verdict is `document-not-checked`, never `verified`.
   */
  async verifyReceipt(receipt: EvidenceReceipt, options: ReceiptDigestOptions = {}): Promise<EvidenceVerification> {
    const chainId = await this.chainId();
    if (chainId !== BigInt(receipt.chainId)) {
      throw new WrongNetworkError(BigInt(receipt.chainId), chainId, "the receipt");
    }
    if (receipt.contract.toLowerCase() !== this.address.toLowerCase()) {
      throw new UntrustedRegistryError(receipt.contract, this.address, chainId);
    }
    await this.ready();
    return judgeReceipt(this, receipt, {
      documentDigest: await this.documentDigest(receipt, options),
      knownDeployment: await this.isKnownDeployment(options.knownDeployment),
    });
  }

  /** The document's digest under the receipt's rule, if one was given (`EvidenceClient` also hashes a file). */
  protected documentDigest(_receipt: EvidenceReceipt, options: ReceiptDigestOptions): Promise<string | undefined> {
    return Promise.resolve(options.documentDigest);
  }

  /** `given`, else false: a reader knows no deployment records (`EvidenceClient` consults the package's). */
  protected isKnownDeployment(given: boolean | undefined): Promise<boolean> {
    return Promise.resolve(given ?? false);
  }

  /** The reason hash of record `id`'s revocation, from its `Revoked` event; null if it is not revoked. */
  async revocationReason(id: string): Promise<string | null> {
    const key = checkId(id).toLowerCase();
    const status = await this.verify(key);
    return status.revoked ? this.findRevocationReason(key, status.blockNumber) : null;
  }

  private async findRevocationReason(id: string, fromBlock: number): Promise<string | null> {
    const [log] = await this.logs([this.contract.interface.getEvent("Revoked")!.topicHash, id], fromBlock);
    return log === undefined ? null : (this.contract.interface.parseLog(log)!.args.reason as string);
  }

  /**
   * The events of record `id` (a digest or a batch root), in chain order: anchored (with batch or URI), witnesses
   * required, co-signatures, witnessed, revoked, superseded (and `supersedes` when it replaced another record).
   * Empty if no such record. Reads logs from the anchor's block on.
   */
  async history(id: string): Promise<EvidenceEvent[]> {
    const key = checkId(id).toLowerCase();
    const status = await this.verify(key);
    if (!status.exists) return [];
    const iface = this.contract.interface;
    const topics = EVENT_NAMES.map((name) => iface.getEvent(name)!.topicHash);
    const [own, successors] = await Promise.all([
      this.logs([topics, key], status.blockNumber),
      this.logs([iface.getEvent("Superseded")!.topicHash, null, key], status.blockNumber),
    ]);
    return [...own, ...successors]
      .sort(byChainOrder)
      .map((log) =>
        toEvent(
          iface.parseLog(log)!,
          { transaction: log.transactionHash, blockNumber: log.blockNumber, logIndex: log.index },
          key,
        ),
      );
  }

  /**
   * Record `id`'s history with the time of each event's block, in chain order: anchored, witnesses required,
   * co-signatures, witnessed, revoked, superseded. Empty if no such record. Times are read from the blocks (their
   * unit guessed from the timestamps: `timeUnitOf`).
   */
  async timeline(id: string): Promise<EvidenceTimelineEntry[]> {
    const events = await this.history(id);
    const times = await blockTimes(
      this.provider,
      events.map((e) => e.blockNumber),
    );
    return events.map((event) => {
      const blockTime = times.get(event.blockNumber)!;
      return { ...event, blockTime, date: chainTimeToDate(blockTime, timeUnitOf(BigInt(blockTime))) };
    });
  }

  protected async logs(topics: (string | string[] | null)[], fromBlock: number): Promise<Log[]> {
    return contractLogs(this.provider, this.address, topics, { fromBlock }, { ready: this.ready });
  }
}
