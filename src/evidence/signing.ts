import { readFile } from "node:fs/promises";

import { ZeroHash, getAddress, isAddress, isHexString, type Signer } from "ethers";

import type { EvidenceRegistry } from "../../typechain-types/index.js";
import { InvalidInputError } from "../errors.js";
import { checkBytes32 } from "../input.js";
import { eip712DomainOf, signingAccount } from "../signing.js";
import { mine, minedOf, type Mined } from "../transactions.js";

/** EIP-712 types of the registry's delegated calls; they must match the contract's typehashes. */
export const EVIDENCE_TYPES = {
  Anchor: [
    { name: "digest", type: "bytes32" },
    { name: "algorithm", type: "uint8" },
    { name: "metadata", type: "bytes32" },
    { name: "submitter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
  Cosign: [
    { name: "id", type: "bytes32" },
    { name: "witness", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** A signed delegated anchor, ready for anyone to relay with `EvidenceClient.relayAnchor`. */
export interface SignedAnchor {
  digest: string;
  algorithm: number;
  metadata: string;
  /** The account recorded as submitter: the signer itself, or the ERC-1271 wallet it signed for. */
  submitter: string;
  nonce: bigint;
  deadline: bigint;
  signature: string;
}

/** A signed delegated co-signature, ready for anyone to relay with `EvidenceClient.relayCosign`. */
export interface SignedCosign {
  id: string;
  /** The witness: the signer itself, or the ERC-1271 wallet it signed for. */
  witness: string;
  nonce: bigint;
  deadline: bigint;
  signature: string;
}

/** Who a request is signed for, and with which nonce. */
export interface SigningOptions {
  /**
   * The account the request is for: an ERC-1271 contract wallet that accepts the signer's signature. It is recorded
   * (as submitter or witness) and its nonce is used. Default: the signer's own address.
   */
  onBehalfOf?: string;
  /**
   * The nonce to sign: any nonce of the account not yet used or invalidated (anchors and co-signatures share one
   * bitmap per account). Requests are relayed in any order, each once. Default: the account's lowest unused nonce,
   * which suits one outstanding request at a time; to keep several outstanding, give each its own nonce (see
   * `unusedNonces`), or the first relayed takes the nonce from the others.
   */
  nonce?: bigint;
}

/** Nonce `n` is bit `n & 255` of word `n >> 8` of the account's bitmap; nonces are uint256. */
const MAX_NONCE = (1n << 256n) - 1n;

/** Whether `account`'s `nonce` was used or invalidated (a request carrying it would revert `NonceAlreadyUsed`). */
export async function isNonceUsed(registry: EvidenceRegistry, account: string, nonce: bigint): Promise<boolean> {
  checkNonce(nonce);
  return registry.isNonceUsed(account, nonce);
}

/**
 * The `count` lowest nonces of `account` that are neither used nor invalidated, from `from` up, in increasing order:
 * reads the account's bitmap word by word (one call per 256 nonces).
 */
export async function unusedNonces(
  registry: EvidenceRegistry,
  account: string,
  count = 1,
  from = 0n,
): Promise<bigint[]> {
  checkNonce(from);
  if (!Number.isInteger(count) || count < 1)
    throw new InvalidInputError(`count must be a positive integer, got ${count}`);
  const found: bigint[] = [];
  for (let word = from >> 8n; found.length < count && word <= MAX_NONCE >> 8n; word++) {
    const bits = await registry.nonceBitmap(account, word);
    for (let bit = word === from >> 8n ? from & 255n : 0n; bit < 256n && found.length < count; bit++) {
      if ((bits >> bit) & 1n) continue;
      found.push((word << 8n) | bit);
    }
  }
  return found;
}

/**
 * Invalidates the signer's own `nonces`, cancelling every request it signed with them (one transaction per bitmap word
 * touched, each emitting `NoncesInvalidated`). An ERC-1271 wallet's nonces are the wallet's: the wallet itself must
 * call `invalidateNonces`.
 */
export async function invalidateNonces(
  signer: Signer,
  registry: EvidenceRegistry,
  nonces: readonly bigint[],
): Promise<Mined[]> {
  if (nonces.length === 0) throw new InvalidInputError("no nonce to invalidate");
  const masks = new Map<bigint, bigint>();
  for (const nonce of nonces) {
    checkNonce(nonce);
    masks.set(nonce >> 8n, (masks.get(nonce >> 8n) ?? 0n) | (1n << (nonce & 255n)));
  }
  const connected = registry.connect(signer);
  const mined: Mined[] = [];
  for (const [word, mask] of masks) {
    mined.push(minedOf(await mine(connected.interface, () => connected.invalidateNonces(word, mask))));
  }
  return mined;
}

function checkNonce(nonce: bigint): void {
  if (nonce < 0n || nonce > MAX_NONCE) throw new InvalidInputError(`nonce must be a uint256, got ${nonce}`);
}

/** The account a request is for and the nonce it carries, checked. */
async function accountAndNonce(
  signer: Signer,
  registry: EvidenceRegistry,
  options: SigningOptions,
): Promise<{ account: string; nonce: bigint }> {
  const account = await signingAccount(signer, options.onBehalfOf);
  if (options.nonce === undefined) return { account, nonce: (await unusedNonces(registry, account))[0] };
  checkNonce(options.nonce);
  if (await registry.isNonceUsed(account, options.nonce)) {
    throw new InvalidInputError(`nonce ${options.nonce} of ${account} is already used or invalidated`);
  }
  return { account, nonce: options.nonce };
}

/**
 * Signs a delegated anchor; the account signed for (the signer, or the wallet in `onBehalfOf`) becomes the submitter
 * and is named in the signed request, so the signature anchors for no other account.
 */
export async function signAnchor(
  signer: Signer,
  registry: EvidenceRegistry,
  request: { digest: string; algorithm: number; metadata?: string; deadline: bigint },
  options: SigningOptions = {},
): Promise<SignedAnchor> {
  checkBytes32(request.digest, "digest");
  if (request.metadata !== undefined) checkBytes32(request.metadata, "metadata");
  const { account, nonce } = await accountAndNonce(signer, registry, options);
  const message = {
    digest: request.digest,
    algorithm: request.algorithm,
    metadata: request.metadata ?? ZeroHash,
    submitter: account,
    nonce,
    deadline: request.deadline,
  };
  const signature = await signer.signTypedData(
    await eip712DomainOf(registry),
    { Anchor: [...EVIDENCE_TYPES.Anchor] },
    message,
  );
  return { ...message, signature };
}

/** Signs a delegated co-signature of record `id` for the witness (the signer, or the wallet in `onBehalfOf`). */
export async function signCosign(
  witness: Signer,
  registry: EvidenceRegistry,
  request: { id: string; deadline: bigint },
  options: SigningOptions = {},
): Promise<SignedCosign> {
  checkBytes32(request.id, "evidence id");
  const { account, nonce } = await accountAndNonce(witness, registry, options);
  const message = { id: request.id, witness: account, nonce, deadline: request.deadline };
  const signature = await witness.signTypedData(
    await eip712DomainOf(registry),
    { Cosign: [...EVIDENCE_TYPES.Cosign] },
    message,
  );
  return { ...message, signature };
}

/** Where a signed request may be relayed: the chain and registry of its EIP-712 domain. */
export interface SignedRequestTarget {
  chainId: bigint;
  registry: string;
}

/** A signed request with its target, as `evidence sign-anchor` / `sign-cosign` write it and `evidence relay` reads it. */
export type SignedRequest =
  ({ type: "Anchor" } & SignedAnchor & SignedRequestTarget) | ({ type: "Cosign" } & SignedCosign & SignedRequestTarget);

/** The JSON text of a signed request (big integers as decimal strings), safe to hand to a relayer. */
export function formatSignedRequest(request: SignedRequest): string {
  const json = JSON.stringify(
    { version: 1, ...request },
    (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    2,
  );
  return json + "\n";
}

/** Parses and checks a signed request; throws `InvalidInputError` naming the first bad field. */
export function parseSignedRequest(json: string | unknown): SignedRequest {
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch {
      throw new InvalidInputError("signed request is not valid JSON");
    }
  }
  const fail = (field: string): never => {
    throw new InvalidInputError(`signed request field "${field}" is missing or malformed`);
  };
  if (value === null || typeof value !== "object") return fail("(root)");
  const r = value as Record<string, unknown>;
  const bytes32 = (field: string): string => (isHexString(r[field], 32) ? (r[field] as string) : fail(field));
  const address = (field: string): string =>
    typeof r[field] === "string" && isAddress(r[field]) ? getAddress(r[field]) : fail(field);
  const uint = (field: string): bigint =>
    typeof r[field] === "string" && /^\d+$/.test(r[field]) ? BigInt(r[field]) : fail(field);

  if (r.version !== 1) fail("version");
  if (r.type !== "Anchor" && r.type !== "Cosign") fail("type");
  const target = { chainId: uint("chainId"), registry: address("registry") };
  const signature = isHexString(r.signature) ? (r.signature as string) : fail("signature");
  const common = { nonce: uint("nonce"), deadline: uint("deadline"), signature };
  if (r.type === "Cosign") {
    return { type: "Cosign", ...target, id: bytes32("id"), witness: address("witness"), ...common };
  }
  const algorithm = r.algorithm;
  if (typeof algorithm !== "number" || !Number.isInteger(algorithm) || algorithm < 0 || algorithm > 255) {
    fail("algorithm");
  }
  return {
    type: "Anchor",
    ...target,
    digest: bytes32("digest"),
    algorithm: algorithm as number,
    metadata: bytes32("metadata"),
    submitter: address("submitter"),
    ...common,
  };
}

/** Reads a signed request file; throws `InvalidInputError` if it is missing or malformed. */
export async function readSignedRequest(path: string): Promise<SignedRequest> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new InvalidInputError(`signed request not found: ${path}`);
  }
  return parseSignedRequest(text);
}
