// The certificate's link (the URL its QR code holds) and the rules on which verdicts get a certificate: small and
// browser-safe, with no QR or PDF code, so the portal's first load can read a certificate's link and say whether a
// verdict can be certified without loading `qrcode` or pdf-lib (src/evidence/certificate.ts loads them when asked).
import type { EvidenceReceipt } from "./receipt-format.js";
import { VERDICT_HEADLINES, type EvidenceVerification, type VerdictStatus } from "./verdict.js";

/**
 * The longest receipt `fileName` the QR link carries, in characters: a longer one is cut to this length, ending in
 * "…", so a long name cannot make the QR code too dense to scan or too large to make. The name is for people only
 * (not part of the digest or the proof), so the link verifies the same.
 */
export const QR_FILE_NAME_LIMIT = 80;

/** A file name cut to `QR_FILE_NAME_LIMIT` characters (code points, so no character is split), "…" marking the cut. */
export function capFileName(fileName: string): string {
  const characters = Array.from(fileName);
  if (characters.length <= QR_FILE_NAME_LIMIT) return fileName;
  return `${characters.slice(0, QR_FILE_NAME_LIMIT - 1).join("")}…`;
}

/** The receipt as the QR code carries it: compact JSON, fields in the format's order, `fileName` capped. */
export function compactReceipt(receipt: EvidenceReceipt): string {
  const { version, digest, algorithm, salt, batch, chainId, contract, transaction, blockNumber, fileName } = receipt;
  return JSON.stringify({
    version,
    digest,
    algorithm,
    salt,
    batch: batch === undefined ? undefined : { root: batch.root, proof: batch.proof },
    chainId,
    contract,
    transaction,
    blockNumber,
    fileName: fileName === undefined ? undefined : capFileName(fileName),
  });
}

/**
 * The URL a certificate's QR code holds: the portal's verify page with the receipt, the RPC URL and the registry:
 * `<portalUrl>?receipt=<receipt JSON>&rpc=<rpc>&registry=<registry>` (each part URI-encoded; a `#…` route stays last).
 */
export function certificateUrl(options: {
  portalUrl: string;
  receipt: EvidenceReceipt;
  registry: string;
  rpcUrl?: string;
}): string {
  const hashAt = options.portalUrl.indexOf("#");
  const base = hashAt < 0 ? options.portalUrl : options.portalUrl.slice(0, hashAt);
  const fragment = hashAt < 0 ? "" : options.portalUrl.slice(hashAt);
  const params = [`receipt=${encodeURIComponent(compactReceipt(options.receipt))}`];
  if (options.rpcUrl !== undefined && options.rpcUrl !== "") params.push(`rpc=${encodeURIComponent(options.rpcUrl)}`);
  params.push(`registry=${encodeURIComponent(options.registry)}`);
  const separator = base.includes("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
  return `${base}${separator}${params.join("&")}${fragment}`;
}

/** The receipt and verdict as the certificate's URL parts, parsed back: what the verify page reads. */
export function parseCertificateUrl(text: string): { receipt: string; rpc?: string; registry?: string } | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const receipt = url.searchParams.get("receipt");
  if (receipt === null) return null;
  return {
    receipt,
    rpc: url.searchParams.get("rpc") ?? undefined,
    registry: url.searchParams.get("registry") ?? undefined,
  };
}

/**
 * Whether a URL's host is this computer's loopback: `localhost` (or `*.localhost`), any 127.x.x.x, `[::1]` or an
 * IPv4-mapped 127.x. A link naming such an RPC URL works only on the computer it was made on. Not a URL: false.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  // The URL parser has already normalised the host: "127.1" is "127.0.0.1", "[0:0::1]" is "[::1]".
  host = host.replace(/\.$/, "");
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === "[::1]" ||
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
  );
}

/** The verdicts no certificate is made for: a certificate of them would look like a proof of something false. */
export const UNCERTIFIABLE_VERDICTS: readonly VerdictStatus[] = ["content-mismatch", "not-anchored"];

/**
 * Why no certificate is made for this verdict (a plain sentence naming it), or undefined when one can be: never for
 * CONTENT MISMATCH (the document is not the one anchored) or NOT ANCHORED (there is nothing on the chain to certify).
 */
export function certificateRefusal(verification: Pick<EvidenceVerification, "status">): string | undefined {
  const { status } = verification;
  if (!UNCERTIFIABLE_VERDICTS.includes(status)) return undefined;
  const why =
    status === "content-mismatch"
      ? "the document checked is not the one the receipt's digest anchors"
      : "the receipt's digest is not anchored on the registry checked";
  return `no certificate is made for a ${VERDICT_HEADLINES[status]} verdict: ${why}`;
}
