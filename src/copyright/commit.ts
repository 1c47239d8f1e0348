import { AbiCoder, getAddress, hexlify, isAddress, isHexString, keccak256, randomBytes } from "ethers";

import { InvalidInputError } from "../errors.js";

/** A commitment to register `digest` later, with the secret salt needed to reveal it. Keep the salt private. */
export interface Commitment {
  commitment: string;
  digest: string;
  salt: string;
  registrant: string;
}

/**
 * `keccak256(abi.encode(digest, salt, registrant))`: what `commit` records. The registrant is bound in, so only
 * they can reveal; the salt keeps the digest secret until then.
 */
export function commitmentOf(digest: string, salt: string, registrant: string): string {
  if (!isHexString(digest, 32)) throw new InvalidInputError(`digest must be 32 bytes of hex, got "${digest}"`);
  if (!isHexString(salt, 32)) throw new InvalidInputError(`salt must be 32 bytes of hex, got "${salt}"`);
  if (!isAddress(registrant)) throw new InvalidInputError(`registrant is not an address: "${registrant}"`);
  return keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "bytes32", "address"], [digest, salt, registrant]));
}

/** A fresh commitment for `digest` by `registrant`, with a random 32-byte salt unless one is given. */
export function prepareCommitment(digest: string, registrant: string, salt?: string): Commitment {
  const chosen = salt ?? hexlify(randomBytes(32));
  return {
    commitment: commitmentOf(digest, chosen, registrant),
    digest,
    salt: chosen,
    registrant: getAddress(registrant),
  };
}
