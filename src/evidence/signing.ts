import { ZeroHash, type Signer, type TypedDataDomain } from "ethers";

import type { EvidenceRegistry } from "../../typechain-types/index.js";

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
  /** The account recorded as submitter (the signer), named in the signed request. */
  submitter: string;
  nonce: bigint;
  deadline: bigint;
  signature: string;
}

/** A signed delegated co-signature, ready for anyone to relay with `EvidenceClient.relayCosign`. */
export interface SignedCosign {
  id: string;
  witness: string;
  nonce: bigint;
  deadline: bigint;
  signature: string;
}

/** The registry's EIP-712 domain, read from the chain (ERC-5267) so it cannot drift from the contract. */
export async function evidenceDomain(registry: EvidenceRegistry): Promise<TypedDataDomain> {
  const domain = await registry.eip712Domain();
  return {
    name: domain.name,
    version: domain.version,
    chainId: domain.chainId,
    verifyingContract: domain.verifyingContract,
  };
}

/** Signs a delegated anchor with the signer's current nonce; the signer becomes the submitter, named in the request. */
export async function signAnchor(
  signer: Signer,
  registry: EvidenceRegistry,
  request: { digest: string; algorithm: number; metadata?: string; deadline: bigint },
): Promise<SignedAnchor> {
  const address = await signer.getAddress();
  const nonce = await registry.nonces(address);
  const message = {
    digest: request.digest,
    algorithm: request.algorithm,
    metadata: request.metadata ?? ZeroHash,
    submitter: address,
    nonce,
    deadline: request.deadline,
  };
  const signature = await signer.signTypedData(
    await evidenceDomain(registry),
    { Anchor: [...EVIDENCE_TYPES.Anchor] },
    message,
  );
  return { ...message, signature };
}

/** Signs a delegated co-signature of record `id` with the witness's current nonce. */
export async function signCosign(
  witness: Signer,
  registry: EvidenceRegistry,
  request: { id: string; deadline: bigint },
): Promise<SignedCosign> {
  const address = await witness.getAddress();
  const message = {
    id: request.id,
    witness: address,
    nonce: await registry.nonces(address),
    deadline: request.deadline,
  };
  const signature = await witness.signTypedData(
    await evidenceDomain(registry),
    { Cosign: [...EVIDENCE_TYPES.Cosign] },
    message,
  );
  return { ...message, signature };
}
