import type { Signer } from "ethers";

import type { CopyrightRelay } from "../../typechain-types/index.js";
import { eip712DomainOf, lowestUnusedNonce, signingAccount } from "../signing.js";
import { authorsHash, validateAuthors, type Author } from "./authors.js";

/** EIP-712 type of a gasless registration; it must match `CopyrightRelay.REGISTER_TYPEHASH`. */
export const COPYRIGHT_TYPES = {
  RegisterWork: [
    { name: "digest", type: "bytes32" },
    { name: "algorithm", type: "uint8" },
    { name: "uri", type: "string" },
    { name: "authorsHash", type: "bytes32" },
    { name: "creator", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** A creator's signed registration, ready for a platform to relay with `CopyrightClient.relayRegistration`. */
export interface SignedRegistration {
  digest: string;
  algorithm: number;
  uri: string;
  authors: Author[];
  /** The owner-to-be, named in the signed request: the signer itself, or the ERC-1271 wallet it signed for. */
  creator: string;
  nonce: bigint;
  deadline: bigint;
  signature: string;
}

/** Who a registration is signed for, and with which nonce. */
export interface RegistrationSigningOptions {
  /**
   * The relay nonce to sign (any the creator has not used or invalidated: requests are accepted in any order, each
   * once). Default: the lowest unused one in the creator's nonce bitmap.
   */
  nonce?: bigint;
  /**
   * The ERC-1271 contract wallet that will own the work and accepts the signer's signature (its relay nonce is
   * used). Default: the signer's own address.
   */
  onBehalfOf?: string;
}

/**
 * Signs a registration with a relay nonce of the creator's (by default its lowest unused one). The creator (the signer, or the wallet in
 * `onBehalfOf`) will own the work and is named in the signed request, so the signature registers for no other account.
 */
export async function signRegistration(
  signer: Signer,
  relay: CopyrightRelay,
  request: { digest: string; algorithm: number; uri?: string; authors: readonly Author[]; deadline: bigint },
  options: RegistrationSigningOptions = {},
): Promise<SignedRegistration> {
  const creator = await signingAccount(signer, options.onBehalfOf);
  const authors = validateAuthors(request.authors);
  const nonce = options.nonce ?? (await lowestUnusedNonce(relay, creator));
  const message = {
    digest: request.digest,
    algorithm: request.algorithm,
    uri: request.uri ?? "",
    authorsHash: authorsHash(authors),
    creator,
    nonce,
    deadline: request.deadline,
  };
  const signature = await signer.signTypedData(
    await eip712DomainOf(relay),
    { RegisterWork: [...COPYRIGHT_TYPES.RegisterWork] },
    message,
  );
  const { digest, algorithm, uri, deadline } = message;
  return { digest, algorithm, uri, authors, creator, nonce, deadline, signature };
}
