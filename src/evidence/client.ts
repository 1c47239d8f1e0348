import { readdir } from "node:fs/promises";
import path from "node:path";

import {
  ZeroHash,
  id as utf8Hash,
  isAddress,
  isHexString,
  type ContractRunner,
  type ContractTransactionResponse,
  type Provider,
} from "ethers";

import { EvidenceRegistry__factory, type EvidenceRegistry } from "../../typechain-types/index.js";
import { InvalidInputError, SdkError, WrongNetworkError, withDecodedErrors } from "../errors.js";
import { algorithmId, algorithmName, hashFile, randomSalt, type HashAlgorithmName } from "./hash.js";
import { EvidenceBatch, type EvidenceReceipt } from "./receipt.js";
import type { SignedAnchor, SignedCosign } from "./signing.js";

/** What the chain says about a digest, decoded. */
export interface EvidenceStatus {
  exists: boolean;
  /** The answer comes from a batch root (the digest's time is the root's time). */
  batched: boolean;
  algorithm: number;
  algorithmName: string;
  submitter: string;
  /** Anchor time, seconds since the epoch. */
  time: number;
  blockNumber: number;
  witnessThreshold: number;
  witnessSignatures: number;
  witnessed: boolean;
  revoked: boolean;
  /** Revocation time, seconds since the epoch (0 if not revoked). */
  revokedAt: number;
  /** The superseding record, or null. */
  supersededBy: string | null;
}

/** The outcome of checking a receipt (and optionally the document) against the chain. */
export interface ReceiptVerification extends EvidenceStatus {
  /** True when the document matches the receipt (or no document was given) and the chain confirms the anchor. */
  valid: boolean;
  /** Why `valid` is false, in one line. */
  reason?: string;
}

/** A mined transaction's essentials. */
export interface Mined {
  transaction: string;
  blockNumber: number;
  gasUsed: bigint;
}

export interface AnchorFolderResult extends Mined {
  root: string;
  receipts: EvidenceReceipt[];
}

type VerificationOutput = Awaited<ReturnType<EvidenceRegistry["verify"]["staticCall"]>>;

function toStatus(v: VerificationOutput): EvidenceStatus {
  return {
    exists: v.exists,
    batched: v.batched,
    algorithm: Number(v.algorithm),
    algorithmName: algorithmName(v.algorithm),
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

function checkId(value: string, what = "evidence id"): string {
  if (!isHexString(value, 32)) throw new InvalidInputError(`${what} must be 32 bytes of hex, got "${value}"`);
  return value;
}

/** A reason or metadata given as text is hashed (keccak256 of UTF-8); a 32-byte hex value is taken as is. */
export function toBytes32(value: string | undefined): string {
  if (value === undefined || value === "") return ZeroHash;
  return isHexString(value, 32) ? value : utf8Hash(value);
}

/** Typed access to an EvidenceRegistry: anchoring, batches with receipts, witnesses, revocation and verification. */
export class EvidenceClient {
  readonly contract: EvidenceRegistry;

  constructor(address: string, runner: ContractRunner) {
    if (!isAddress(address)) throw new InvalidInputError(`not an address: "${address}"`);
    this.contract = EvidenceRegistry__factory.connect(address, runner);
  }

  private get provider(): Provider {
    const provider = this.contract.runner?.provider;
    if (!provider) throw new SdkError("NO_PROVIDER", "the client's runner has no provider");
    return provider;
  }

  private async send(call: () => Promise<ContractTransactionResponse>): Promise<Mined> {
    return withDecodedErrors(this.contract.interface, async () => {
      const response = await call();
      const receipt = await response.wait();
      if (receipt === null) throw new SdkError("NOT_MINED", `transaction ${response.hash} was not mined`);
      return { transaction: receipt.hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed };
    });
  }

  /** The chain id of the client's provider. */
  async chainId(): Promise<bigint> {
    return (await this.provider.getNetwork()).chainId;
  }

  /** Anchors a digest; `metadata` is a 32-byte hash or text (hashed), `uri` emits a metadata URI instead. */
  async anchor(
    digest: string,
    algorithm: HashAlgorithmName,
    options: { metadata?: string; uri?: string } = {},
  ): Promise<Mined> {
    checkId(digest, "digest");
    const alg = algorithmId(algorithm);
    if (options.uri !== undefined) return this.send(() => this.contract.anchorWithURI(digest, alg, options.uri!));
    return this.send(() => this.contract.anchor(digest, alg, toBytes32(options.metadata)));
  }

  /** Hashes a file (streamed) and anchors it; returns its receipt. */
  async anchorFile(
    file: string,
    options: { algorithm?: HashAlgorithmName; salt?: string | boolean; metadata?: string; uri?: string } = {},
  ): Promise<{ receipt: EvidenceReceipt; gasUsed: bigint }> {
    const algorithm = options.algorithm ?? "sha256";
    const salt = options.salt === true ? randomSalt() : options.salt || undefined;
    const digest = await hashFile(file, algorithm, salt);
    const mined = await this.anchor(digest, algorithm, { metadata: options.metadata, uri: options.uri });
    return {
      receipt: await this.receipt(mined, { digest, algorithm, salt, fileName: path.basename(file) }),
      gasUsed: mined.gasUsed,
    };
  }

  /** Anchors one Merkle root over `digests`; returns one receipt per digest, in order. */
  async anchorBatch(
    digests: readonly string[],
    algorithm: HashAlgorithmName,
    options: { metadata?: string; salts?: readonly (string | undefined)[]; fileNames?: readonly string[] } = {},
  ): Promise<AnchorFolderResult> {
    const batch = new EvidenceBatch(digests);
    const mined = await this.send(() =>
      this.contract.anchorBatch(batch.root, algorithmId(algorithm), batch.size, toBytes32(options.metadata)),
    );
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
    return { ...mined, root: batch.root, receipts };
  }

  /**
   * Hashes every file directly in `folder` (sorted by name, streamed, a few at a time) and anchors them as one batch.
   * With `salt`, each document gets its own random salt, kept in its receipt.
   */
  async anchorFolder(
    folder: string,
    options: {
      algorithm?: HashAlgorithmName;
      salt?: boolean;
      metadata?: string;
      onProgress?: (hashed: number, total: number) => void;
    } = {},
  ): Promise<AnchorFolderResult> {
    const algorithm = options.algorithm ?? "sha256";
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
    if (files.length === 0) throw new InvalidInputError(`no files in folder: ${folder}`);
    const salts = files.map(() => (options.salt ? randomSalt() : undefined));
    const digests: string[] = new Array(files.length);
    let next = 0;
    let hashed = 0;
    const worker = async () => {
      for (let i = next++; i < files.length; i = next++) {
        digests[i] = await hashFile(path.join(folder, files[i]), algorithm, salts[i]);
        options.onProgress?.(++hashed, files.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
    return this.anchorBatch(digests, algorithm, { metadata: options.metadata, salts, fileNames: files });
  }

  /** Relays a delegated anchor signed with `signAnchor`; its submitter, not this client's account, is recorded. */
  async relayAnchor(signed: SignedAnchor): Promise<Mined> {
    return this.send(() =>
      this.contract.anchorBySig(
        signed.digest,
        signed.algorithm,
        signed.metadata,
        signed.submitter,
        signed.deadline,
        signed.signature,
      ),
    );
  }

  /** Requires `threshold` of `witnesses` to co-sign the caller's record; `deadline` in seconds (0: none). */
  async requireWitnesses(id: string, witnesses: readonly string[], threshold: number, deadline = 0n): Promise<Mined> {
    checkId(id);
    for (const w of witnesses) if (!isAddress(w)) throw new InvalidInputError(`witness is not an address: "${w}"`);
    return this.send(() => this.contract.requireWitnesses(id, [...witnesses], threshold, deadline));
  }

  /** Co-signs record `id` as the client's account. */
  async cosign(id: string): Promise<Mined> {
    return this.send(() => this.contract.cosign(checkId(id)));
  }

  /** Relays a co-signature signed with `signCosign`. */
  async relayCosign(signed: SignedCosign): Promise<Mined> {
    return this.send(() => this.contract.cosignBySig(signed.id, signed.witness, signed.deadline, signed.signature));
  }

  /** Revokes the caller's record; `reason` is text (hashed) or a 32-byte hash. */
  async revoke(id: string, reason?: string): Promise<Mined> {
    return this.send(() => this.contract.revoke(checkId(id), toBytes32(reason)));
  }

  /** Links the caller's record `id` to its replacement `newId`. */
  async supersede(id: string, newId: string): Promise<Mined> {
    return this.send(() => this.contract.supersede(checkId(id), checkId(newId, "new evidence id")));
  }

  /** The chain's answer for a directly anchored digest (or a batch root). */
  async verify(digest: string): Promise<EvidenceStatus> {
    return toStatus(await this.contract.verify(checkId(digest, "digest")));
  }

  /** The chain's answer for a digest in the batch with root `root`. */
  async verifyInBatch(root: string, digest: string, proof: readonly string[]): Promise<EvidenceStatus> {
    return toStatus(await this.contract.verifyInBatch(checkId(root, "root"), checkId(digest, "digest"), [...proof]));
  }

  /** Hashes a file and asks the chain about its digest, without a receipt (unsalted, direct anchors only). */
  async verifyFile(
    file: string,
    algorithm: HashAlgorithmName = "sha256",
  ): Promise<EvidenceStatus & { digest: string }> {
    const digest = await hashFile(file, algorithm);
    return { ...(await this.verify(digest)), digest };
  }

  /**
   * Checks a receipt against the chain, and the document against the receipt when `file` is given. Needs only the
   * receipt, the file and a provider: the receipt names the contract and chain. Throws `WrongNetworkError` if the
   * client's provider is on another chain than the receipt.
   */
  async verifyReceipt(receipt: EvidenceReceipt, file?: string): Promise<ReceiptVerification> {
    const chainId = await this.chainId();
    if (chainId !== BigInt(receipt.chainId))
      throw new WrongNetworkError(BigInt(receipt.chainId), chainId, "the receipt");
    if (receipt.contract.toLowerCase() !== (await this.contract.getAddress()).toLowerCase()) {
      throw new InvalidInputError(`the receipt is for contract ${receipt.contract}, not this client's`);
    }
    const status = receipt.batch
      ? await this.verifyInBatch(receipt.batch.root, receipt.digest, receipt.batch.proof)
      : await this.verify(receipt.digest);
    if (file !== undefined) {
      const digest = await hashFile(file, receipt.algorithm, receipt.salt);
      if (digest.toLowerCase() !== receipt.digest.toLowerCase()) {
        return {
          ...status,
          valid: false,
          reason: `the file's ${receipt.algorithm} digest ${digest} is not the receipt's`,
        };
      }
    }
    if (!status.exists) return { ...status, valid: false, reason: "the chain has no anchor matching the receipt" };
    return { ...status, valid: true };
  }

  private async receipt(
    mined: Mined,
    fields: Pick<EvidenceReceipt, "digest" | "algorithm" | "salt" | "fileName" | "batch">,
  ): Promise<EvidenceReceipt> {
    return this.buildReceipt(mined, (await this.chainId()).toString(), fields);
  }

  private buildReceipt(
    mined: Mined,
    chainId: string,
    fields: Pick<EvidenceReceipt, "digest" | "algorithm" | "salt" | "fileName" | "batch">,
  ): EvidenceReceipt {
    const receipt: EvidenceReceipt = {
      version: 1,
      digest: fields.digest,
      algorithm: fields.algorithm,
      chainId,
      contract: this.contract.target as string,
      transaction: mined.transaction,
      blockNumber: mined.blockNumber,
    };
    if (fields.salt !== undefined) receipt.salt = fields.salt;
    if (fields.batch !== undefined) receipt.batch = fields.batch;
    if (fields.fileName !== undefined) receipt.fileName = fields.fileName;
    return receipt;
  }
}

/** Verifies a receipt with nothing but a provider (e.g. `new JsonRpcProvider(url)`), the receipt and the file. */
export async function verifyReceipt(
  receipt: EvidenceReceipt,
  provider: Provider,
  file?: string,
): Promise<ReceiptVerification> {
  return new EvidenceClient(receipt.contract, provider).verifyReceipt(receipt, file);
}
