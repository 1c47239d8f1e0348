import type { Signer } from "ethers";

import { InvalidInputError } from "../errors.js";
import { eip712DomainOf, lowestUnusedNonce, type HasNonceBitmap, type PublishesEip712Domain } from "../signing.js";

/** EIP-712 types of the bills' signed consent; they must match `SupplyChainBills`' `ENDORSEMENT_TYPEHASH`. */
export const BILLS_TYPES = {
  Endorsement: [
    { name: "fromTokenId", type: "uint256" },
    { name: "to", type: "address" },
    { name: "amount", type: "uint64" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** The endorsee's signed consent to an endorsement (EIP-712), for `endorseWithSignature`. */
export interface SignedEndorsement {
  fromTokenId: bigint;
  /** The endorsee: the signer. */
  to: string;
  /** The amount in the contract's units (cents of a yuan). */
  units: bigint;
  nonce: bigint;
  /** Last moment it is valid, in the chain's time unit. */
  deadline: bigint;
  signature: string;
}

const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * The endorsee signs its consent to receive `units` (cents) of part `fromTokenId`, valid until `deadline` (in the
 * chain's time unit), with a nonce of its own (default: its lowest unused one). Anyone holding the part submits it
 * with `SupplyChainBills.endorseWithSignature` (or `BillsClient.endorseWithSignature`). `BillsClient.signEndorsement`
 * does the same from yuan strings and dates.
 */
export async function signEndorsement(
  endorsee: Signer,
  bills: PublishesEip712Domain & HasNonceBitmap,
  terms: { fromTokenId: bigint; units: bigint; deadline: bigint; nonce?: bigint },
): Promise<SignedEndorsement> {
  if (terms.units <= 0n || terms.units > MAX_UINT64) {
    throw new InvalidInputError(`amount must be between 1 and ${MAX_UINT64} units (cents), got ${terms.units}`);
  }
  if (terms.nonce !== undefined && terms.nonce < 0n) {
    throw new InvalidInputError(`nonce must not be negative, got ${terms.nonce}`);
  }
  const to = await endorsee.getAddress();
  const nonce = terms.nonce ?? (await lowestUnusedNonce(bills, to));
  const message = { fromTokenId: terms.fromTokenId, to, amount: terms.units, nonce, deadline: terms.deadline };
  const signature = await endorsee.signTypedData(
    await eip712DomainOf(bills),
    { Endorsement: [...BILLS_TYPES.Endorsement] },
    message,
  );
  return { fromTokenId: terms.fromTokenId, to, units: terms.units, nonce, deadline: terms.deadline, signature };
}
