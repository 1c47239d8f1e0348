import { createWriteStream, writeFileSync } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";

import { getBytes, hexlify, zeroPadValue, type Provider } from "ethers";

import { DeploymentNotFoundError, InvalidInputError, UntrustedRegistryError, WrongNetworkError } from "../errors.js";
import { checkAddress, toBytes32 } from "../input.js";
import { type BlockRange, type Mined } from "../transactions.js";
import { PagedHistory } from "../logs.js";
import { findDeployment } from "../deployments.js";
import {
  algorithmId,
  algorithmName,
  fileBuffer,
  hashFile,
  hashSmallFileSync,
  randomSalt,
  type HashAlgorithmName,
} from "../hash-file.js";
import { EvidenceBatch } from "./merkle.js";
import type { EvidenceReceipt } from "./receipt.js";
import type { EvidenceStatus, EvidenceVerification } from "./verdict.js";
import { judgeDigest, type ReceiptCheckOptions } from "./verifier.js";
import { checkId, type EventLocation } from "./reader.js";
export type { EventLocation, EvidenceEvent, EvidenceEventName, EvidenceTimelineEntry } from "./reader.js";
import { EvidenceAnchorer, receiptJson } from "./anchor.js";
import type { SignedAnchor, SignedCosign, SignedRequest } from "./signing.js";

/** The outcome of checking a receipt (and optionally the document) against the chain. */
export type ReceiptVerification = EvidenceVerification;

/** A record anchored by a submitter (`recordsOf`): its id (a digest or a batch root) and where it was anchored. */
export interface SubmittedRecord extends EventLocation {
  id: string;
  submitter: string;
  algorithm: number;
  algorithmName: string;
  metadata: string;
}

export interface AnchorFolderResult extends Mined {
  root: string;
  /** One receipt per document, in order; empty when they were written to `receiptsDir` instead. */
  receipts: EvidenceReceipt[];
  /** Number of documents in the batch. */
  size: number;
  /** Where the receipts were written (`<fileName>.receipt.json` each), when `receiptsDir` was given. */
  receiptsDir?: string;
  /** The JSON Lines file the receipts were written to, when `receiptsFile` was given. */
  receiptsFile?: string;
}

/** The phases of `anchorFolder`, in order. */
export type AnchorFolderPhase = "hash" | "tree" | "anchor" | "receipts";

/** Progress of one phase of `anchorFolder`: `done` of `total` (files, or 1 for the tree and the transaction). */
export interface AnchorFolderProgress {
  phase: AnchorFolderPhase;
  done: number;
  total: number;
}

export interface AnchorFolderOptions {
  algorithm?: HashAlgorithmName;
  /** Gives each document its own random salt (format 2), kept in its receipt. */
  salt?: boolean;
  metadata?: string;
  /**
   * Files hashed at once, each worker with its own reused 1 MiB buffer (default 8). A small file (up to 1 MiB) is read
   * in one synchronous call, cheaper than a thread-pool round trip; larger ones are read asynchronously in chunks.
   */
  concurrency?: number;
  /**
   * Writes each receipt to `<receiptsDir>/<fileName>.receipt.json` as it is made (creating the folder) and returns
   * none, so memory does not grow with the folder.
   */
  receiptsDir?: string;
  /**
   * Appends each receipt as one line of JSON to this file (JSON Lines, in file-name order) as it is made, and returns
   * none: one file however large the folder, for when creating a file per document costs more than the hashing.
   */
  receiptsFile?: string;
  /** Called after each file is hashed (the hash phase only; see `onPhase` for all phases). */
  onProgress?: (hashed: number, total: number) => void;
  /** Called as each phase starts and progresses: hash (per file), tree, anchor, receipts (per receipt). */
  onPhase?: (progress: AnchorFolderProgress) => void;
}

/** anchorFolder's synchronous stretches (small-file reads, receipt writes) last at most this long between turns. */
const YIELD_MS = 10;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The file name under which `anchorFolder` (`receiptsDir`) and the CLI write a document's receipt. */
export function receiptFileName(fileName: string): string {
  return `${fileName}.receipt.json`;
}

/** Typed access to an EvidenceRegistry: anchoring, batches with receipts, witnesses, revocation and verification. */
export class EvidenceClient extends EvidenceAnchorer {
  /** Hashes a file (streamed) and anchors it; returns its receipt. */
  async anchorFile(
    file: string,
    options: { algorithm?: HashAlgorithmName; salt?: string | boolean; metadata?: string; uri?: string } = {},
  ): Promise<{ receipt: EvidenceReceipt; gasUsed: bigint }> {
    const algorithm = options.algorithm ?? "sha256";
    const salt = options.salt === true ? randomSalt() : options.salt || undefined;
    const digest = await hashFile(file, algorithm, salt);
    return this.anchorDigest(digest, algorithm, {
      metadata: options.metadata,
      uri: options.uri,
      salt,
      fileName: path.basename(file),
    });
  }

  /**
   * Anchors one Merkle root over `digests`; returns one receipt per digest, in order. With `salts`, every digest is
   * salted (format 2) with its own salt, and the root is anchored under the salted algorithm id: a batch is all salted
   * or all plain.
   */
  async anchorBatch(
    digests: readonly string[],
    algorithm: HashAlgorithmName,
    options: { metadata?: string; salts?: readonly (string | undefined)[]; fileNames?: readonly string[] } = {},
  ): Promise<AnchorFolderResult> {
    const batch = new EvidenceBatch(digests);
    const saltCount = options.salts?.filter((salt) => salt !== undefined).length ?? 0;
    if (saltCount !== 0 && (options.salts!.length !== digests.length || saltCount !== digests.length)) {
      throw new InvalidInputError(
        `a batch is all salted or all plain: ${saltCount} of ${digests.length} digests have a salt`,
      );
    }
    const mined = await this.anchorRoot(batch, algorithmId(algorithm, saltCount !== 0), options.metadata);
    const chainId = (await this.chainId()).toString();
    const receipts = digests.map((digest, i) =>
      this.buildReceipt(mined, chainId, {
        digest: digest.toLowerCase(),
        algorithm,
        salt: options.salts?.[i],
        fileName: options.fileNames?.[i],
        batch: { root: batch.root, proof: batch.proof(i) },
      }),
    );
    return { ...mined, root: batch.root, receipts, size: batch.size };
  }

  private anchorRoot(batch: EvidenceBatch, algorithm: number, metadata: string | undefined): Promise<Mined> {
    return this.send(
      () => this.contract.anchorBatch(batch.root, algorithm, batch.size, toBytes32(metadata)),
      batch.root,
      "Anchored",
      "BatchAnchored",
    );
  }

  /**
   * Hashes every file directly in `folder` (sorted by name) and anchors them as one batch. Files are hashed by
   * `concurrency` workers, each reusing one buffer, yielding to the event loop every few milliseconds; digests (and salts) are kept packed, 32 bytes each. With
   * `salt`, each document gets its own random salt, kept in its receipt. With `receiptsDir`, receipts are written
   * there as they are made instead of returned. Progress is reported per phase (`onPhase`).
   */
  async anchorFolder(folder: string, options: AnchorFolderOptions = {}): Promise<AnchorFolderResult> {
    const algorithm = options.algorithm ?? "sha256";
    algorithmId(algorithm);
    const concurrency = options.concurrency ?? 8;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new InvalidInputError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    if (options.receiptsDir !== undefined && options.receiptsFile !== undefined) {
      throw new InvalidInputError("give receiptsDir or receiptsFile, not both");
    }
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      throw new InvalidInputError(`folder not found: ${folder}`);
    }
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
    entries = undefined;
    const total = files.length;
    if (total === 0) throw new InvalidInputError(`no files in folder: ${folder}`);
    const report = (phase: AnchorFolderPhase, done: number, of = total) =>
      options.onPhase?.({ phase, done, total: of });

    // Hash: a bounded pool of workers, each with one reused buffer; digests and salts packed 32 bytes each.
    const digests = new Uint8Array(total * 32);
    const salts = options.salt ? new Uint8Array(total * 32) : undefined;
    let next = 0;
    let hashed = 0;
    report("hash", 0);
    const worker = async () => {
      const buffer = fileBuffer();
      let slice = Date.now();
      for (let i = next++; i < total; i = next++) {
        const salt = salts === undefined ? undefined : randomSalt();
        const file = path.join(folder, files[i]);
        const digest =
          hashSmallFileSync(file, algorithm, buffer, salt) ?? (await hashFile(file, algorithm, salt, 2, { buffer }));
        digests.set(getBytes(digest), i * 32);
        if (salt !== undefined) salts!.set(getBytes(salt), i * 32);
        options.onProgress?.(++hashed, total);
        report("hash", hashed);
        if (Date.now() - slice >= YIELD_MS) {
          await yieldToEventLoop();
          slice = Date.now();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));

    report("tree", 0, 1);
    const batch = new EvidenceBatch(digests);
    report("tree", 1, 1);
    report("anchor", 0, 1);
    const mined = await this.anchorRoot(batch, algorithmId(algorithm, salts !== undefined), options.metadata);
    report("anchor", 1, 1);

    const chainId = (await this.chainId()).toString();
    const root = batch.root;
    const receiptAt = (i: number) =>
      this.buildReceipt(mined, chainId, {
        digest: hexlify(digests.subarray(i * 32, i * 32 + 32)),
        algorithm,
        salt: salts === undefined ? undefined : hexlify(salts.subarray(i * 32, i * 32 + 32)),
        fileName: files[i],
        batch: { root, proof: batch.proof(i) },
      });
    report("receipts", 0);
    const result = { ...mined, root, size: total };
    if (options.receiptsFile !== undefined) {
      const file = options.receiptsFile;
      await mkdir(path.dirname(file), { recursive: true });
      const out = createWriteStream(file);
      out.on("error", () => {}); // surfaced by `errored` below and by `finished`
      try {
        for (let i = 0; i < total; i++) {
          if (out.errored) throw out.errored;
          if (!out.write(JSON.stringify(receiptAt(i)) + "\n")) await once(out, "drain");
          report("receipts", i + 1);
        }
      } finally {
        out.end();
      }
      await finished(out);
      return { ...result, receipts: [], receiptsFile: file };
    }
    if (options.receiptsDir === undefined) {
      const receipts = files.map((_, i) => receiptAt(i));
      report("receipts", total);
      return { ...result, receipts };
    }
    const dir = options.receiptsDir;
    await mkdir(dir, { recursive: true });
    let slice = Date.now();
    for (let i = 0; i < total; i++) {
      // Small synchronous writes: cheaper than a thread-pool round trip each; the event loop gets a turn every few ms.
      writeFileSync(path.join(dir, receiptFileName(files[i])), receiptJson(receiptAt(i)));
      report("receipts", i + 1);
      if (Date.now() - slice >= YIELD_MS) {
        await yieldToEventLoop();
        slice = Date.now();
      }
    }
    return { ...result, receipts: [], receiptsDir: dir };
  }

  /** Relays a delegated anchor signed with `signAnchor`; its submitter, not this client's account, is recorded. */
  async relayAnchor(signed: SignedAnchor): Promise<Mined> {
    checkId(signed.digest, "digest");
    return this.send(
      () =>
        this.contract.anchorBySig(
          signed.digest,
          signed.algorithm,
          signed.metadata,
          signed.submitter,
          signed.nonce,
          signed.deadline,
          signed.signature,
        ),
      signed.digest,
      "Anchored",
    );
  }

  /**
   * Relays a signed request read from a file (`readSignedRequest`), after checking that it is for this client's chain
   * (`WrongNetworkError`) and registry (`InvalidInputError`).
   */
  async relay(request: SignedRequest): Promise<Mined> {
    const chainId = await this.chainId();
    if (chainId !== request.chainId) throw new WrongNetworkError(request.chainId, chainId, "the signed request");
    if (request.registry.toLowerCase() !== this.address.toLowerCase()) {
      throw new InvalidInputError(`the signed request is for registry ${request.registry}, not ${this.address}`);
    }
    return request.type === "Anchor" ? this.relayAnchor(request) : this.relayCosign(request);
  }

  /** Requires `threshold` of `witnesses` to co-sign the caller's record; `deadline` in seconds (0: none). */
  async requireWitnesses(id: string, witnesses: readonly string[], threshold: number, deadline = 0n): Promise<Mined> {
    checkId(id);
    for (const w of witnesses) checkAddress(w, "witness");
    return this.send(
      () => this.contract.requireWitnesses(id, [...witnesses], threshold, deadline),
      id,
      "WitnessesRequired",
    );
  }

  /** Co-signs record `id` as the client's account. */
  async cosign(id: string): Promise<Mined> {
    return this.send(() => this.contract.cosign(checkId(id)), id, "Cosigned");
  }

  /** Relays a co-signature signed with `signCosign`. */
  async relayCosign(signed: SignedCosign): Promise<Mined> {
    checkId(signed.id);
    return this.send(
      () => this.contract.cosignBySig(signed.id, signed.witness, signed.nonce, signed.deadline, signed.signature),
      signed.id,
      "Cosigned",
    );
  }

  /** Revokes the caller's record; `reason` is text (hashed) or a 32-byte hash. */
  async revoke(id: string, reason?: string): Promise<Mined> {
    return this.send(() => this.contract.revoke(checkId(id), toBytes32(reason)), id, "Revoked");
  }

  /** Links the caller's record `id` to its replacement `newId`. */
  async supersede(id: string, newId: string): Promise<Mined> {
    checkId(newId, "new evidence id");
    return this.send(() => this.contract.supersede(checkId(id), newId), id, "Superseded");
  }

  /**
   * Hashes a file and judges its digest against this registry without a receipt (so only a direct, unsalted anchor can
   * match): `verified` when anchored directly with `algorithm`, not revoked, and its witness policy (if any) met.
   */
  async verifyFile(
    file: string,
    algorithm: HashAlgorithmName = "sha256",
    options: Pick<ReceiptCheckOptions, "knownDeployment"> = {},
  ): Promise<EvidenceVerification> {
    const digest = await hashFile(file, algorithm);
    return judgeDigest(this, digest, algorithm, await this.isKnownDeployment(options.knownDeployment));
  }

  /**
   * Checks a receipt against this registry, which the caller trusts, and the document against the receipt when a
   * file (or the document's digest) is given. Throws `WrongNetworkError` if the provider is on another chain than the
   * receipt, and `UntrustedRegistryError` if the receipt names another registry: a receipt's contract is never
   * trusted on its word. The verdict checks the record (direct or by batch proof, algorithm, salting, block), the
   * receipt's transaction, revocation (for a batched document also of the digest's own record), supersession and the
   * witness policy; without a document it is `document-not-checked`, never `verified`.
   */
  override async verifyReceipt(
    receipt: EvidenceReceipt,
    document?: string | ReceiptCheckOptions,
  ): Promise<EvidenceVerification> {
    return super.verifyReceipt(receipt, typeof document === "string" ? { file: document } : (document ?? {}));
  }

  /** The document's digest under the receipt's rule: the file's, hashed here (streamed), or the one given. */
  protected override async documentDigest(
    receipt: EvidenceReceipt,
    options: ReceiptCheckOptions,
  ): Promise<string | undefined> {
    return options.file === undefined
      ? options.documentDigest
      : hashFile(options.file, receipt.algorithm, receipt.salt, receipt.version);
  }

  /** `given`, or whether this registry is the package's deployment record for its chain. */
  protected override async isKnownDeployment(given: boolean | undefined): Promise<boolean> {
    if (given !== undefined) return given;
    const known = findDeployment(await this.chainId())?.EvidenceRegistry;
    return known !== undefined && known.toLowerCase() === this.address.toLowerCase();
  }

  /**
   * The records `submitter` anchored (directly, as batch roots, or relayed for it), in chain order, read lazily from
   * the registry's deployment block: `for await (const r of client.recordsOf(a))`, or page by page with
   * `.page({ cursor, limit })`, each page's `cursor` fetching the next. Chunked so public RPCs' range limits hold.
   */
  recordsOf(submitter: string, range: BlockRange = {}): PagedHistory<SubmittedRecord> {
    const iface = this.contract.interface;
    const topics = [
      iface.getEvent("Anchored")!.topicHash,
      null,
      zeroPadValue(checkAddress(submitter, "submitter"), 32),
    ];
    return new PagedHistory(
      this.provider,
      { address: this.address, topics, ...range },
      (log) => {
        const a = iface.parseLog(log)!.args;
        return {
          id: a.id as string,
          submitter: a.submitter as string,
          algorithm: Number(a.algorithm),
          algorithmName: algorithmName(a.algorithm as bigint),
          metadata: a.metadata as string,
          transaction: log.transactionHash,
          blockNumber: log.blockNumber,
          logIndex: log.index,
        };
      },
      { ready: this.ready },
    );
  }

  /** Every record `submitter` anchored, in chain order (`recordsOf` read to its end). */
  async allRecordsOf(submitter: string, range: BlockRange = {}): Promise<SubmittedRecord[]> {
    return this.recordsOf(submitter, range).all();
  }
}

/**
 * Verifies a receipt with nothing but a provider (e.g. `jsonRpcProvider(url)`), the receipt and the document,
 * against the registry the verifier trusts: `options.registry`, or else the package's deployment record for the
 * provider's chain (`deploymentOf`). Never the receipt's own `contract`: a receipt naming another registry is refused
 * with `UntrustedRegistryError`, and with neither a registry nor a deployment record this throws
 * `DeploymentNotFoundError`.
 */
export async function verifyReceipt(
  receipt: EvidenceReceipt,
  provider: Provider,
  options: ReceiptCheckOptions & { registry?: string } = {},
): Promise<EvidenceVerification> {
  const { chainId } = await provider.getNetwork();
  const known = findDeployment(chainId)?.EvidenceRegistry;
  const registry = options.registry ?? known;
  if (registry === undefined) {
    throw new DeploymentNotFoundError(
      `no known EvidenceRegistry deployment on chain ${chainId}: pass the registry you trust ({ registry }), not the receipt's own contract`,
    );
  }
  const knownDeployment =
    options.knownDeployment ?? (known !== undefined && known.toLowerCase() === registry.toLowerCase());
  return new EvidenceClient(registry, provider).verifyReceipt(receipt, { ...options, knownDeployment });
}
