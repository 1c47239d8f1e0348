import { AbiCoder, getAddress, isAddress, keccak256 } from "ethers";

import { InvalidInputError } from "../errors.js";

/** An author of a work and their share of its license fees, in basis points (a work's shares sum to 10,000). */
export interface Author {
  account: string;
  shares: number;
}

/** Most authors per work (`CopyrightRegistry.MAX_AUTHORS`). */
export const MAX_AUTHORS = 16;
/** Basis points in a whole. */
export const BPS = 10_000;

const AUTHORS_TYPE = "tuple(address account,uint16 shares)[]";

/** Checks an authors list as the registry does, so bad input fails before a transaction; returns it normalised. */
export function validateAuthors(authors: readonly Author[]): Author[] {
  if (authors.length === 0 || authors.length > MAX_AUTHORS) {
    throw new InvalidInputError(`a work has 1 to ${MAX_AUTHORS} authors, got ${authors.length}`);
  }
  const seen = new Set<string>();
  let total = 0;
  const normalised = authors.map(({ account, shares }) => {
    if (!isAddress(account)) throw new InvalidInputError(`author is not an address: "${account}"`);
    if (!Number.isInteger(shares) || shares <= 0 || shares > BPS) {
      throw new InvalidInputError(`author ${account} has invalid shares ${shares} (1 to ${BPS} basis points)`);
    }
    const address = getAddress(account);
    if (seen.has(address)) throw new InvalidInputError(`author ${address} is listed twice`);
    seen.add(address);
    total += shares;
    return { account: address, shares };
  });
  if (total !== BPS) throw new InvalidInputError(`author shares must sum to ${BPS} basis points, got ${total}`);
  return normalised;
}

/**
 * Parses "0xabc…:6000,0xdef…:4000" (address:basis points, comma-separated) into an authors list; a single address
 * with no shares gets all 10,000.
 */
export function parseAuthors(text: string): Author[] {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const authors = parts.map((part) => {
    const [account, shares] = part.split(":");
    if (shares === undefined && parts.length === 1) return { account, shares: BPS };
    const value = Number(shares);
    if (shares === undefined || !Number.isInteger(value)) {
      throw new InvalidInputError(`author "${part}" must be address:basisPoints`);
    }
    return { account, shares: value };
  });
  return validateAuthors(authors);
}

/** `keccak256(abi.encode(authors))`, the hash the relay's EIP-712 request signs. */
export function authorsHash(authors: readonly Author[]): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode([AUTHORS_TYPE], [authors.map((a) => [a.account, a.shares])]));
}

/** The 24-byte prefix of `authorsHash` that the registry stores per work. */
export function storedAuthorsHash(authors: readonly Author[]): string {
  return authorsHash(authors).slice(0, 50);
}

/**
 * How the registry splits `fee` among `authors`: each gets floor(fee × shares / 10,000), and the first author also
 * gets the rounding dust, so the amounts always sum to the fee.
 */
export function splitFee(fee: bigint, authors: readonly Author[]): bigint[] {
  const amounts = authors.map((a) => (fee * BigInt(a.shares)) / BigInt(BPS));
  amounts[0] = fee - amounts.slice(1).reduce((sum, amount) => sum + amount, 0n);
  return amounts;
}
