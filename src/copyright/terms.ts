import { AbiCoder, ZeroAddress, ZeroHash, getAddress, id as utf8Hash, isAddress, isHexString, keccak256 } from "ethers";

import type { ICopyrightRegistry } from "../../typechain-types/index.js";
import { InvalidInputError } from "../errors.js";

/** License terms as the registry stores them (the ABI struct). */
export type Terms = ICopyrightRegistry.TermsStruct;

/** License terms in friendly form; everything but the fee has a sensible default. */
export interface TermsInput {
  /** Fee per license (and per renewal), in the currency's smallest unit. */
  fee: bigint;
  /** ERC-20 token address; omitted or "native" for the chain's coin. */
  currency?: string;
  /** License length in the chain's time unit (seconds; milliseconds on FISCO BCOS); 0 or omitted: perpetual. */
  duration?: bigint;
  /** Territory: text (its keccak256 goes on chain), a 32-byte hash, or omitted/"worldwide". */
  territory?: string;
  commercialUse?: boolean;
  derivativesAllowed?: boolean;
  exclusive?: boolean;
  sublicensable?: boolean;
  /** Royalty owed on derivative revenue, in basis points. */
  royaltyBps?: number;
}

const TERMS_TYPE =
  "tuple(bytes32 territory,address currency,uint96 fee,uint64 duration,uint16 royaltyBps," +
  "bool commercialUse,bool derivativesAllowed,bool exclusive,bool sublicensable)";
const MAX_UINT96 = 2n ** 96n - 1n;
const MAX_UINT64 = 2n ** 64n - 1n;

/** The territory's on-chain value: zero for worldwide, a 32-byte hash as is, other text hashed. */
export function territoryHash(territory?: string): string {
  if (territory === undefined || territory === "" || territory.toLowerCase() === "worldwide") return ZeroHash;
  return isHexString(territory, 32) ? territory : utf8Hash(territory);
}

/** Builds (and checks) the on-chain terms struct from friendly input. */
export function buildTerms(input: TermsInput): Terms {
  if (input.fee < 0n || input.fee > MAX_UINT96) throw new InvalidInputError(`fee out of range: ${input.fee}`);
  const duration = input.duration ?? 0n;
  if (duration < 0n || duration > MAX_UINT64) throw new InvalidInputError(`duration out of range: ${duration}`);
  const royaltyBps = input.royaltyBps ?? 0;
  if (!Number.isInteger(royaltyBps) || royaltyBps < 0 || royaltyBps > 10_000) {
    throw new InvalidInputError(`royalty must be 0 to 10,000 basis points, got ${royaltyBps}`);
  }
  const currency = input.currency;
  if (currency !== undefined && currency !== "native" && !isAddress(currency)) {
    throw new InvalidInputError(`currency must be an ERC-20 address or "native", got "${currency}"`);
  }
  return {
    territory: territoryHash(input.territory),
    currency: currency === undefined || currency === "native" ? ZeroAddress : getAddress(currency),
    fee: input.fee,
    duration,
    royaltyBps,
    commercialUse: input.commercialUse ?? true,
    derivativesAllowed: input.derivativesAllowed ?? false,
    exclusive: input.exclusive ?? false,
    sublicensable: input.sublicensable ?? false,
  };
}

/** The terms' id: `keccak256(abi.encode(terms))`, identical terms sharing one id. */
export function termsId(terms: Terms): string {
  const t = terms;
  return keccak256(
    AbiCoder.defaultAbiCoder().encode(
      [TERMS_TYPE],
      [
        [
          t.territory,
          t.currency,
          t.fee,
          t.duration,
          t.royaltyBps,
          t.commercialUse,
          t.derivativesAllowed,
          t.exclusive,
          t.sublicensable,
        ],
      ],
    ),
  );
}
