import type { Signer, TypedDataDomain } from "ethers";

import type { CopyrightRelay } from "../../typechain-types/index.js";
import { authorsHash, validateAuthors, type Author } from "./authors.js";

/** EIP-712 type of a gasless registration; it must match `CopyrightRelay.REGISTER_TYPEHASH`. */
export const COPYRIGHT_TYPES = {
  RegisterWork: [
    { name: "digest", type: "bytes32" },
    { name: "algorithm", type: "uint8" },
    { name: "uri", type: "string" },
    { name: "authorsHash", type: "bytes32" },
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
  creator: string;
  nonce: bigint;
  deadline: bigint;
  signature: string;
}

/** The relay's EIP-712 domain, read from the chain (ERC-5267) so it cannot drift from the contract. */
export async function relayDomain(relay: CopyrightRelay): Promise<TypedDataDomain> {
  const domain = await relay.eip712Domain();
  return {
    name: domain.name,
    version: domain.version,
    chainId: domain.chainId,
    verifyingContract: domain.verifyingContract,
  };
}

/** Signs a registration with the creator's current relay nonce; the creator will own the work. */
export async function signRegistration(
  creator: Signer,
  relay: CopyrightRelay,
  request: { digest: string; algorithm: number; uri?: string; authors: readonly Author[]; deadline: bigint },
): Promise<SignedRegistration> {
  const address = await creator.getAddress();
  const authors = validateAuthors(request.authors);
  const nonce = await relay.nonces(address);
  const uri = request.uri ?? "";
  const signature = await creator.signTypedData(
    await relayDomain(relay),
    { RegisterWork: [...COPYRIGHT_TYPES.RegisterWork] },
    {
      digest: request.digest,
      algorithm: request.algorithm,
      uri,
      authorsHash: authorsHash(authors),
      nonce,
      deadline: request.deadline,
    },
  );
  return {
    digest: request.digest,
    algorithm: request.algorithm,
    uri,
    authors,
    creator: address,
    nonce,
    deadline: request.deadline,
    signature,
  };
}
