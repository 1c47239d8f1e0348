import { formatChainTime, timeUnitOf } from "../time.js";
import type { DigestRule } from "../hash.js";

/** What the chain says about a digest, decoded. */
export interface EvidenceStatus {
  exists: boolean;
  /** The answer comes from a batch root (the digest's time is the root's time). */
  batched: boolean;
  /** The anchored algorithm id, as recorded (with the salted flag, 64, when salted). */
  algorithm: number;
  /** The algorithm's name without the salted flag. */
  algorithmName: string;
  /** The record's algorithm id carries the salted flag: its digest (or its batch's digests) are salted (format 2). */
  salted: boolean;
  submitter: string;
  /** Anchor time in the chain's unit (seconds; milliseconds on FISCO BCOS). */
  time: number;
  blockNumber: number;
  witnessThreshold: number;
  witnessSignatures: number;
  witnessed: boolean;
  revoked: boolean;
  /** Revocation time in the chain's unit (0 if not revoked). */
  revokedAt: number;
  /** The superseding record, or null. */
  supersededBy: string | null;
}

/**
 * The verdict, most decisive first: `content-mismatch` (the document is not the one anchored), `not-anchored` (the
 * chain does not hold what the receipt claims), `revoked`, `witnesses-pending` / `witnesses-not-met` (the witness
 * policy its submitter set is not met yet / was not met by its deadline), `document-not-checked` (the anchor holds but
 * no document was compared) and `verified`.
 */
export type VerdictStatus =
  | "verified"
  | "document-not-checked"
  | "content-mismatch"
  | "not-anchored"
  | "revoked"
  | "witnesses-pending"
  | "witnesses-not-met";

/** A named witness of the record and whether (and when) it co-signed. */
export interface WitnessVerdict {
  address: string;
  signed: boolean;
  /** The co-signature's block time in the chain's unit, or null. */
  signedAt: number | null;
  /** The co-signing transaction, or null. */
  transaction: string | null;
}

/** What the receipt's anchoring transaction shows, checked against the record. */
export interface TransactionCheck {
  hash: string;
  /** The transaction exists and succeeded. */
  found: boolean;
  blockNumber: number | null;
  from: string | null;
  to: string | null;
  /** The trusted registry emitted `Anchored` for the record's id and submitter in it, in the receipt's block. */
  anchorsRecord: boolean;
}

/** The verdict on a document or a receipt against the chain: the chain's answer, what was checked, and what it means. */
export interface EvidenceVerification extends EvidenceStatus {
  status: VerdictStatus;
  /** `status === "verified"`: the document matches a genuine, unrevoked anchor whose witness policy (if any) is met. */
  valid: boolean;
  /** One line a non-engineer can read, starting with the verdict in capitals. */
  summary: string;
  /** Why the verdict is not `verified`, in one line (the summary's explanation); absent when verified. */
  reason?: string;
  /** The digest checked (the receipt's, or the file's). */
  digest: string;
  /** Whether the document's digest is the receipt's; null when no document was given. */
  contentMatches: boolean | null;
  /**
   * The chain holds the anchor described: the digest (directly, or under the receipt's batch root by its proof), with
   * the receipt's algorithm, salting and block, anchored by the receipt's transaction.
   */
  anchored: boolean;
  /** The reason hash of the revocation, from its `Revoked` event; null if not revoked. */
  revocationReason: string | null;
  chainId: string;
  /** The registry that was asked: the verifier's trusted one. */
  registry: string;
  /** Whether `registry` is the known deployment of the suite on this chain (else a registry the caller chose). */
  knownDeployment: boolean;
  /** The receipt's format (its salting rule), or null when verified without a receipt. */
  receiptVersion: DigestRule | null;
  /** The receipt's anchoring transaction as the chain shows it; null without a receipt. */
  transaction: TransactionCheck | null;
  /** The named witnesses in the order they were named, with who signed and when; empty when none were required. */
  witnesses: WitnessVerdict[];
  /** The witness deadline in the chain's unit (0: none). */
  witnessDeadline: number;
  /** For a batched document: the digest's own direct record, if one exists (its priority, revocation, successor). */
  documentRecord: EvidenceStatus | null;
  /** Caveats that do not change the verdict but limit what it proves (an old receipt's salting rule, …). */
  notes: string[];
}

/** The headline word of each verdict status, as the CLI prints it and the portal shows it in English. */
export const VERDICT_HEADLINES: Readonly<Record<VerdictStatus, string>> = {
  verified: "VERIFIED",
  "document-not-checked": "DOCUMENT NOT CHECKED",
  "content-mismatch": "CONTENT MISMATCH",
  "not-anchored": "NOT ANCHORED",
  revoked: "REVOKED",
  "witnesses-pending": "WITNESSES PENDING",
  "witnesses-not-met": "WITNESSES NOT MET",
};

/** The headline word of a verdict status, e.g. `NOT ANCHORED`. */
export function verdictHeadline(status: VerdictStatus): string {
  return VERDICT_HEADLINES[status];
}

/** A chain time as a date for people (UTC, to the second): seconds, or milliseconds on chains that stamp blocks so. */
export function formatEvidenceTime(time: number): string {
  return formatChainTime(time, timeUnitOf(BigInt(time))).replace(".000Z", "Z");
}

/** The registry's standing, as every verdict states it. */
export function describeRegistry(
  verdict: Pick<EvidenceVerification, "chainId" | "registry" | "knownDeployment">,
): string {
  return `chain ${verdict.chainId}, registry ${verdict.registry} (${verdict.knownDeployment ? "the known deployment" : "NOT a known deployment"})`;
}

function witnessText(w: WitnessVerdict): string {
  return w.signed
    ? `${w.address} signed ${w.signedAt === null ? "" : formatEvidenceTime(w.signedAt)}`.trim()
    : `${w.address} not signed`;
}

/** The verdict as lines for people (the summary first), as the CLI prints it and the portal shows it. */
export function describeVerdict(v: EvidenceVerification): string[] {
  const lines = [v.summary];
  const field = (name: string, text: string) => lines.push(`  ${`${name}:`.padEnd(13)}${text}`);
  field("network", describeRegistry(v));
  field("digest", `${v.digest} (${v.algorithmName}${v.salted || v.receiptVersion === 1 ? ", salted" : ""})`);
  if (v.contentMatches !== null)
    field("document", v.contentMatches ? "matches the digest" : "does NOT match the digest");
  else field("document", "not checked");
  if (v.exists) {
    field(
      "anchored",
      `${formatEvidenceTime(v.time)} (block ${v.blockNumber})${v.batched ? ", in a batch" : ""} by ${v.submitter}`,
    );
  }
  if (v.transaction !== null) {
    const t = v.transaction;
    field(
      "transaction",
      t.found
        ? `${t.hash} from ${t.from} to ${t.to}, block ${t.blockNumber}${t.anchorsRecord ? "" : " (it does NOT anchor this record)"}`
        : `${t.hash} (not found on this chain)`,
    );
  }
  if (v.witnesses.length > 0) {
    const deadline = v.witnessDeadline === 0 ? "no deadline" : `deadline ${formatEvidenceTime(v.witnessDeadline)}`;
    field("witnesses", `${v.witnessSignatures} of ${v.witnessThreshold} required signed (${deadline})`);
    for (const w of v.witnesses) lines.push(`               ${witnessText(w)}`);
  }
  if (v.revoked) field("revoked", `${formatEvidenceTime(v.revokedAt)}, reason ${v.revocationReason ?? "unknown"}`);
  if (v.supersededBy !== null) field("superseded", `by ${v.supersededBy}`);
  const own = v.documentRecord;
  if (own !== null) {
    field(
      "own record",
      `the digest was also anchored directly ${formatEvidenceTime(own.time)} (block ${own.blockNumber}) by ${own.submitter}` +
        `${own.revoked ? `, REVOKED ${formatEvidenceTime(own.revokedAt)}` : ""}` +
        `${own.supersededBy === null ? "" : `, superseded by ${own.supersededBy}`}`,
    );
  }
  for (const note of v.notes) field("note", note);
  return lines;
}

/** The verdict for machines: plain JSON (numbers, strings, booleans, null), stable field names. */
export function verdictJson(v: EvidenceVerification): string {
  return JSON.stringify(v, null, 2);
}
