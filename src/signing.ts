import { getAddress, type Signer, type TypedDataDomain } from "ethers";

import { checkAddress } from "./input.js";

/** A contract that publishes its EIP-712 domain (ERC-5267), as OpenZeppelin's `EIP712` does. */
export interface PublishesEip712Domain {
  eip712Domain(): Promise<{ name: string; version: string; chainId: bigint; verifyingContract: string }>;
}

/** A contract's EIP-712 domain, read from the chain so a signature cannot drift from the contract. */
export async function eip712DomainOf(contract: PublishesEip712Domain): Promise<TypedDataDomain> {
  const domain = await contract.eip712Domain();
  return {
    name: domain.name,
    version: domain.version,
    chainId: domain.chainId,
    verifyingContract: domain.verifyingContract,
  };
}

/** The account a signed request is for: `onBehalfOf` (an ERC-1271 wallet) when given, else the signer itself. */
export async function signingAccount(signer: Signer, onBehalfOf: string | undefined): Promise<string> {
  return onBehalfOf === undefined ? signer.getAddress() : getAddress(checkAddress(onBehalfOf, "onBehalfOf"));
}

/** A contract with Permit2-style unordered nonces (`contracts/common/UnorderedNonces.sol`). */
export interface HasNonceBitmap {
  nonceBitmap(owner: string, wordPos: bigint): Promise<bigint>;
}

/** The lowest nonce whose bit is clear in `account`'s unordered-nonce bitmap (used and invalidated ones are set). */
export async function lowestUnusedNonce(contract: HasNonceBitmap, account: string): Promise<bigint> {
  for (let word = 0n; ; ++word) {
    const bitmap = await contract.nonceBitmap(account, word);
    if (bitmap === (1n << 256n) - 1n) continue;
    let bit = 0n;
    while ((bitmap >> bit) & 1n) ++bit;
    return word * 256n + bit;
  }
}
