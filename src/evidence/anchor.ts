// Browser-safe anchoring: sending an anchor to an EvidenceRegistry (checked for its events) and the receipt it gives,
// in the CLI's format. No `node:` imports, so a page anchors a digest it hashed itself (`hashStream`) through an
// injected wallet with this very code; `EvidenceClient` (client.ts) extends it with files, folders and the rest.
import type { ContractTransactionResponse, Log } from "ethers";

import { toBytes32 } from "../input.js";
import { minedOf, sendAndFind, type Mined } from "../transactions.js";
import { algorithmId, type HashAlgorithmName, type Salt } from "../hash.js";
import { RECEIPT_VERSION, type EvidenceReceipt } from "./receipt-format.js";
import { EvidenceReader, checkId, type EvidenceEventName } from "./reader.js";

/** The receipt fields that depend on the document, not on the transaction. */
export type ReceiptFields = Pick<EvidenceReceipt, "digest" | "algorithm" | "salt" | "fileName" | "batch">;

/** A receipt (format `RECEIPT_VERSION`) for an anchor mined in `mined` by registry `contract` on chain `chainId`. */
export function buildReceipt(mined: Mined, chainId: string, contract: string, fields: ReceiptFields): EvidenceReceipt {
  const receipt: EvidenceReceipt = {
    version: RECEIPT_VERSION,
    digest: fields.digest,
    algorithm: fields.algorithm,
    chainId,
    contract,
    transaction: mined.transaction,
    blockNumber: mined.blockNumber,
  };
  if (fields.salt !== undefined) receipt.salt = fields.salt;
  if (fields.batch !== undefined) receipt.batch = fields.batch;
  if (fields.fileName !== undefined) receipt.fileName = fields.fileName;
  return receipt;
}

/** A receipt as the CLI writes it to `<file>.receipt.json`: indented JSON and a final newline. */
export function receiptJson(receipt: EvidenceReceipt): string {
  return JSON.stringify(receipt, null, 2) + "\n";
}

/** Options of an anchor: `metadata` a 32-byte hash or text (hashed), or `uri` to emit a metadata URI instead. */
export interface AnchorOptions {
  metadata?: string;
  uri?: string;
}

/** Anchoring with a signer (a wallet in a page, or a key), and the receipt: what `EvidenceClient` builds on. */
export class EvidenceAnchorer extends EvidenceReader {
  /**
   * Sends a transaction and checks that the registry emitted each of `expected` for `id`: a success without them
   * (an address holding some other contract) is an `EventNotEmittedError`, not a result.
   */
  protected async send(
    call: () => Promise<ContractTransactionResponse>,
    id: string,
    ...expected: EvidenceEventName[]
  ): Promise<Mined> {
    const key = id.toLowerCase();
    const sent = await sendAndFind(
      { address: this.address, interface: this.contract.interface, ready: this.ready },
      call,
      ...expected.map((name) => ({
        name,
        where: (_: unknown, log: Log) => log.topics[1] === key,
        detail: `for ${id}`,
      })),
    );
    return minedOf(sent);
  }

  /**
   * Anchors a digest; `metadata` is a 32-byte hash or text (hashed), `uri` emits a metadata URI instead. `salted`
   * records that the digest is salted (format 2, `saltedDigest`), so verifiers can tell it from a plain one.
   */
  async anchor(
    digest: string,
    algorithm: HashAlgorithmName,
    options: AnchorOptions & { salted?: boolean } = {},
  ): Promise<Mined> {
    checkId(digest, "digest");
    const alg = algorithmId(algorithm, options.salted);
    if (options.uri !== undefined) {
      const uri = options.uri;
      return this.send(() => this.contract.anchorWithURI(digest, alg, uri), digest, "Anchored", "MetadataURI");
    }
    return this.send(() => this.contract.anchor(digest, alg, toBytes32(options.metadata)), digest, "Anchored");
  }

  /**
   * Anchors a document's digest computed by the caller (`hashStream` in a page: `H(content)`, or with `salt` the
   * format-2 salted digest) and returns its receipt, as `EvidenceClient.anchorFile` does for a file.
   */
  async anchorDigest(
    digest: string,
    algorithm: HashAlgorithmName,
    options: AnchorOptions & { salt?: Salt; fileName?: string } = {},
  ): Promise<{ receipt: EvidenceReceipt; gasUsed: bigint }> {
    const mined = await this.anchor(digest, algorithm, {
      metadata: options.metadata,
      uri: options.uri,
      salted: options.salt !== undefined,
    });
    const receipt = await this.receipt(mined, {
      digest: digest.toLowerCase(),
      algorithm,
      salt: options.salt,
      fileName: options.fileName,
    });
    return { receipt, gasUsed: mined.gasUsed };
  }

  /** The receipt of an anchor mined by this registry, on its provider's chain. */
  protected async receipt(mined: Mined, fields: ReceiptFields): Promise<EvidenceReceipt> {
    return this.buildReceipt(mined, (await this.chainId()).toString(), fields);
  }

  protected buildReceipt(mined: Mined, chainId: string, fields: ReceiptFields): EvidenceReceipt {
    return buildReceipt(mined, chainId, this.address, fields);
  }
}
