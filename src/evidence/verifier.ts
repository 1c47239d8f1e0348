import { zeroPadValue, type Log, type Provider } from "ethers";

import { latestChainTime } from "../time.js";
import { contractLogs } from "../transactions.js";
import type { EvidenceReader } from "./reader.js";
import type { HashAlgorithmName } from "../hash.js";
import type { EvidenceReceipt } from "./receipt-format.js";
import {
  describeRegistry,
  formatEvidenceTime,
  verdictHeadline,
  type EvidenceStatus,
  type EvidenceVerification,
  type TransactionCheck,
  type VerdictStatus,
  type WitnessVerdict,
} from "./verdict.js";

/** What to check a receipt's record against, besides the chain (browser-safe: no file). */
export interface ReceiptDigestOptions {
  /**
   * Or the document's digest computed by the caller under the receipt's rule (for example in a browser), when there
   * is no file to read.
   */
  documentDigest?: string;
  /**
   * Whether the client's registry is the known deployment on its chain. By default, whether it is the package's
   * deployment record for that chain (`deploymentOf`).
   */
  knownDeployment?: boolean;
}

/** What `EvidenceClient` checks a receipt's record against: also a file, which it hashes (streamed). */
export interface ReceiptCheckOptions extends ReceiptDigestOptions {
  /** The document's file: hashed (streamed) under the receipt's rule (algorithm, salt, format). */
  file?: string;
}

/** The expectations a verdict is judged against. */
interface Expected {
  /** The record's id: the batch root, or the digest. */
  id: string;
  digest: string;
  algorithm: HashAlgorithmName;
  salted: boolean;
  batchRoot: string | null;
  receipt: EvidenceReceipt | null;
  contentMatches: boolean | null;
  fileDigest?: string;
  knownDeployment: boolean;
  notes: string[];
}

/** The first failed check of `failures`, or undefined. */
const first = (failures: (string | false | undefined)[]): string | undefined =>
  failures.find((f): f is string => typeof f === "string");

/**
 * The verdict on a receipt against the trusted registry `client` (the caller has checked that the receipt names it
 * and is for its chain): the record, its transaction, its witnesses, and for a batch the digest's own record.
 */
export async function judgeReceipt(
  client: EvidenceReader,
  receipt: EvidenceReceipt,
  options: ReceiptDigestOptions & { knownDeployment: boolean },
): Promise<EvidenceVerification> {
  const notes: string[] = [];
  // Format 2 marks salted digests on chain; format 1 did not, so its salted digests are judged as unsalted anchors.
  const salted = receipt.version === 2 && receipt.salt !== undefined;
  if (receipt.version === 1 && receipt.salt !== undefined) {
    notes.push(
      "receipt format 1: its salted digest H(salt ‖ content) is not marked salted on chain, so it cannot be told " +
        "from an unsalted anchor of other content; this verdict holds only if the salt came from the submitter",
    );
  }
  const fileDigest = options.documentDigest?.toLowerCase();
  return judge(client, {
    id: (receipt.batch?.root ?? receipt.digest).toLowerCase(),
    digest: receipt.digest.toLowerCase(),
    algorithm: receipt.algorithm,
    salted,
    batchRoot: receipt.batch?.root.toLowerCase() ?? null,
    receipt,
    contentMatches: fileDigest === undefined ? null : fileDigest === receipt.digest.toLowerCase(),
    fileDigest,
    knownDeployment: options.knownDeployment,
    notes,
  });
}

/** The verdict on an unsalted document's digest alone (no receipt): it must be anchored directly, unsalted. */
export async function judgeDigest(
  client: EvidenceReader,
  digest: string,
  algorithm: HashAlgorithmName,
  knownDeployment: boolean,
): Promise<EvidenceVerification> {
  return judge(client, {
    id: digest.toLowerCase(),
    digest: digest.toLowerCase(),
    algorithm,
    salted: false,
    batchRoot: null,
    receipt: null,
    contentMatches: true,
    knownDeployment,
    notes: ["no receipt: the anchoring transaction was not checked, and only a direct, unsalted anchor can match"],
  });
}

async function judge(client: EvidenceReader, expected: Expected): Promise<EvidenceVerification> {
  const provider = client.provider;
  const chainId = (await client.chainId()).toString();
  const { id, digest, batchRoot, receipt } = expected;
  const record =
    batchRoot === null
      ? await client.verify(digest)
      : await client.verifyInBatch(batchRoot, digest, receipt!.batch!.proof);
  const root = batchRoot === null ? record : record.exists ? record : await client.verify(batchRoot);

  // Is the anchor the receipt (or the caller) describes on chain?
  let anchorProblem = first([
    batchRoot === null
      ? !record.exists && `the chain has no anchor of ${expected.algorithm} digest ${digest}`
      : !root.exists
        ? `the chain has no anchor of batch root ${batchRoot}`
        : !root.batched
          ? `${batchRoot} is anchored as a single document, not as a batch root`
          : !record.exists && `the receipt's proof does not place digest ${digest} under batch root ${batchRoot}`,
    batchRoot === null &&
      record.batched &&
      `${digest} is anchored as a batch root, not as a document's digest: a document needs a direct anchor or a batch proof`,
    root.exists &&
      root.algorithmName !== expected.algorithm &&
      `the chain records algorithm ${root.algorithmName}, not ${expected.algorithm}`,
    root.exists &&
      root.salted !== expected.salted &&
      (expected.salted
        ? `the receipt says the digest is salted, but the chain records an unsalted digest (algorithm id ${root.algorithm})`
        : `the chain records a salted digest (algorithm id ${root.algorithm}), but ${receipt === null ? "no salt was given" : "the receipt has no salt"}`),
    receipt !== null &&
      root.exists &&
      root.blockNumber !== receipt.blockNumber &&
      `the chain records the anchor in block ${root.blockNumber}, the receipt says block ${receipt.blockNumber}`,
  ]);
  let transaction: TransactionCheck | null = null;
  if (receipt !== null) {
    transaction = await checkTransaction(client, provider, receipt, id, root);
    if (anchorProblem === undefined) {
      anchorProblem = first([
        !transaction.found && `the receipt's transaction ${receipt.transaction} is not on chain ${chainId}`,
        transaction.found &&
          transaction.blockNumber !== receipt.blockNumber &&
          `the receipt's transaction ${receipt.transaction} was mined in block ${transaction.blockNumber}, not ${receipt.blockNumber}`,
        transaction.found &&
          !transaction.anchorsRecord &&
          `the receipt's transaction ${receipt.transaction} did not anchor ${id} in registry ${client.address}`,
      ]);
    }
  }
  const anchored = anchorProblem === undefined;

  // The digest's own direct record, for a batched document: priority, revocation and supersession stay its own.
  let documentRecord: EvidenceStatus | null = null;
  if (batchRoot !== null) {
    const own = await client.verify(digest);
    if (own.exists) documentRecord = own;
  }
  const notes = [...expected.notes];
  let ownRevocation: string | undefined;
  if (documentRecord !== null) {
    const own = documentRecord;
    if (own.revoked) {
      const reason = await client.revocationReason(digest);
      ownRevocation = `the document's own record (anchored directly ${formatEvidenceTime(own.time)} by ${own.submitter}) was revoked at ${formatEvidenceTime(own.revokedAt)} (reason ${reason ?? "unknown"}); a batch anchored since does not restore it`;
    }
    if (own.supersededBy !== null) notes.push(`the document's own record was superseded by ${own.supersededBy}`);
    if (own.blockNumber < root.blockNumber || (own.blockNumber === root.blockNumber && own.time <= root.time)) {
      notes.push(
        `the digest was anchored directly before this batch, ${formatEvidenceTime(own.time)} by ${own.submitter}: that record has priority`,
      );
    }
  }

  const revocationReason = root.exists && root.revoked ? await client.revocationReason(id) : null;
  const { witnesses, deadline } = root.exists
    ? await witnessesOf(client, provider, batchRoot ?? id, root)
    : { witnesses: [], deadline: 0 };
  let witnessProblem: { status: VerdictStatus; reason: string } | undefined;
  if (root.exists && root.witnessThreshold > 0 && root.witnessSignatures < root.witnessThreshold) {
    const now = Number(await latestChainTime(provider));
    const missed = deadline !== 0 && now > deadline;
    const signed = `${root.witnessSignatures} of the ${root.witnessThreshold} required witnesses signed`;
    witnessProblem = missed
      ? { status: "witnesses-not-met", reason: `${signed} before the deadline ${formatEvidenceTime(deadline)}` }
      : {
          status: "witnesses-pending",
          reason: `${signed} so far${deadline === 0 ? "" : ` (deadline ${formatEvidenceTime(deadline)})`}`,
        };
  }

  let status: VerdictStatus;
  let reason: string | undefined;
  if (expected.contentMatches === false) {
    status = "content-mismatch";
    reason = `the document's ${expected.algorithm} digest ${expected.fileDigest} is not the ${receipt === null ? "expected" : "receipt's"} digest ${digest}`;
  } else if (!anchored) {
    status = "not-anchored";
    reason = anchorProblem;
  } else if (root.revoked) {
    status = "revoked";
    reason = `revoked at ${formatEvidenceTime(root.revokedAt)} by its submitter (reason ${revocationReason ?? "unknown"})`;
  } else if (ownRevocation !== undefined) {
    status = "revoked";
    reason = ownRevocation;
  } else if (witnessProblem !== undefined) {
    ({ status, reason } = witnessProblem);
  } else if (expected.contentMatches === null) {
    status = "document-not-checked";
    reason = "the anchor is genuine, but no document was compared with it";
  } else {
    status = "verified";
  }

  const registryText = describeRegistry({
    chainId,
    registry: client.address,
    knownDeployment: expected.knownDeployment,
  });
  const legacySalt = receipt !== null && receipt.version === 1 && receipt.salt !== undefined;
  const summary =
    status === "verified"
      ? `${verdictHeadline(status)}${legacySalt ? " under receipt format 1's salt rule (see its note)" : ""}: the document's ${expected.algorithm} digest ${digest} was anchored ${formatEvidenceTime(root.time)} by ${root.submitter}, on ${registryText}`
      : `${verdictHeadline(status)}: ${reason}; ${registryText}`;
  const result: EvidenceVerification = {
    ...root,
    exists: record.exists,
    status,
    valid: status === "verified",
    summary,
    digest,
    contentMatches: expected.contentMatches,
    anchored,
    revocationReason,
    chainId,
    registry: client.address,
    knownDeployment: expected.knownDeployment,
    receiptVersion: receipt?.version ?? null,
    transaction,
    witnesses,
    witnessDeadline: deadline,
    documentRecord,
    notes,
  };
  if (reason !== undefined) result.reason = reason;
  return result;
}

/** The receipt's transaction as the chain shows it: mined, in which block, and whether the registry anchored `id` in it. */
async function checkTransaction(
  client: EvidenceReader,
  provider: Provider,
  receipt: EvidenceReceipt,
  id: string,
  record: EvidenceStatus,
): Promise<TransactionCheck> {
  const mined = await provider.getTransactionReceipt(receipt.transaction);
  if (mined === null || mined.status !== 1) {
    return { hash: receipt.transaction, found: false, blockNumber: null, from: null, to: null, anchorsRecord: false };
  }
  const anchoredTopic = client.contract.interface.getEvent("Anchored")!.topicHash;
  const submitterTopic = record.exists ? zeroPadValue(record.submitter, 32).toLowerCase() : null;
  const anchorsRecord = mined.logs.some(
    (log: Log) =>
      log.address.toLowerCase() === client.address.toLowerCase() &&
      log.topics[0] === anchoredTopic &&
      log.topics[1]?.toLowerCase() === id &&
      log.topics[2]?.toLowerCase() === submitterTopic,
  );
  return {
    hash: receipt.transaction,
    found: true,
    blockNumber: mined.blockNumber,
    from: mined.from,
    to: mined.to,
    anchorsRecord: anchorsRecord && mined.blockNumber === record.blockNumber,
  };
}

/** The named witnesses of record `id`, with who co-signed and when (from the `Cosigned` events), and the deadline. */
async function witnessesOf(
  client: EvidenceReader,
  provider: Provider,
  id: string,
  record: EvidenceStatus,
): Promise<{ witnesses: WitnessVerdict[]; deadline: number }> {
  if (record.witnessThreshold === 0) return { witnesses: [], deadline: 0 };
  const policy = await client.contract.getWitnessPolicy(id);
  const cosigned = client.contract.interface.getEvent("Cosigned")!.topicHash;
  const logs = await contractLogs(provider, client.address, [cosigned, id], { fromBlock: record.blockNumber });
  const signatures = new Map<string, Log>();
  for (const log of logs) signatures.set(`0x${log.topics[3].slice(26)}`.toLowerCase(), log);
  const times = new Map<number, number>();
  for (const log of signatures.values()) {
    if (!times.has(log.blockNumber)) times.set(log.blockNumber, (await provider.getBlock(log.blockNumber))!.timestamp);
  }
  const witnesses = policy.witnesses.map((address): WitnessVerdict => {
    const log = signatures.get(address.toLowerCase());
    return {
      address,
      signed: log !== undefined,
      signedAt: log === undefined ? null : times.get(log.blockNumber)!,
      transaction: log?.transactionHash ?? null,
    };
  });
  return { witnesses, deadline: Number(policy.deadline) };
}
