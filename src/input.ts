import { ZeroHash, id as utf8Hash, isAddress, isHexString } from "ethers";

import { InvalidInputError } from "./errors.js";

/** `value` if it is an address, else an `InvalidInputError` naming `what` (and saying so when only the checksum fails). */
export function checkAddress(value: string, what: string): string {
  if (typeof value !== "string" || !isAddress(value)) throw new InvalidInputError(addressProblem(value, what));
  return value;
}

/** Why `value` is not an address: a mixed-case address whose EIP-55 checksum does not match, or not one at all. */
export function addressProblem(value: unknown, what: string): string {
  if (typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)) {
    return `${what} ${value} has a bad checksum (its upper/lower case letters do not match EIP-55): a typo?`;
  }
  return `${what} is not an address: "${String(value)}"`;
}

/** `value` if it is 32 bytes of hex, else an `InvalidInputError` naming `what`. */
export function checkBytes32(value: string, what: string): string {
  if (!isHexString(value, 32)) throw new InvalidInputError(`${what} must be 32 bytes of hex, got "${value}"`);
  return value;
}

/** A reason or metadata given as text is hashed (keccak256 of UTF-8); a 32-byte hex value is taken as is; none is zero. */
export function toBytes32(value: string | undefined): string {
  if (value === undefined || value === "") return ZeroHash;
  return isHexString(value, 32) ? value : utf8Hash(value);
}
