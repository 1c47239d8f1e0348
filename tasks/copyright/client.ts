import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { ZeroAddress, isAddress, toBeHex } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { parseAuthors, type Author } from "../../src/copyright/authors.js";
import { CopyrightClient } from "../../src/copyright/client.js";
import { InvalidInputError } from "../../src/errors.js";
import { addressProblem } from "../../src/input.js";
import { deployedAddress, formatTime, sender } from "../cli.js";

/** A CopyrightClient on the task's network, sending as `from` (read-only with `readOnly`). */
export async function copyrightClient(
  hre: HardhatRuntimeEnvironment,
  options: {
    registry?: string;
    disputes?: string;
    relay?: string;
    from?: string;
    readOnly?: boolean;
    needDisputes?: boolean;
    needRelay?: boolean;
  },
): Promise<{ client: CopyrightClient; connection: NetworkConnection; account?: string; signer?: HardhatEthersSigner }> {
  const connection = await hre.network.create();
  const registry = await deployedAddress(connection, "Copyright#CopyrightRegistry", options.registry, "--registry");
  const disputes = options.needDisputes
    ? await deployedAddress(connection, "Copyright#CopyrightDisputes", options.disputes, "--disputes")
    : undefined;
  const relay = options.needRelay
    ? await deployedAddress(connection, "Copyright#CopyrightRelay", options.relay, "--relay")
    : undefined;
  const addresses = { registry, disputes, relay };
  if (options.readOnly) return { client: new CopyrightClient(addresses, connection.ethers.provider), connection };
  const signer = await sender(connection, options.from);
  return { client: new CopyrightClient(addresses, signer), connection, account: signer.address, signer };
}

/** A work id for people: the 32-byte hex digest it is, never a 77-digit decimal. */
export function workHex(workId: bigint): string {
  return toBeHex(workId, 32);
}

/** The --authors option, or the sender as sole author. */
export function authorsOption(text: string | undefined, account: string): Author[] {
  return parseAuthors(text ?? account);
}

/** A dispute id argument, checked before anything is sent. */
export function disputeId(text: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw new InvalidInputError(`dispute id must be a number, got "${text}"`);
  return BigInt(text);
}

/** The --currency option: an ERC-20 address, or the native coin. */
export function currencyOption(text: string | undefined): string {
  if (text === undefined || text === "native") return ZeroAddress;
  if (!isAddress(text)) throw new InvalidInputError(addressProblem(text, "--currency"));
  return text;
}

const PERPETUAL = 2n ** 64n - 1n;

/** A license end for people: "perpetual", or the time. */
export function until(end: bigint): string {
  return end === PERPETUAL ? "perpetual" : `until ${formatTime(Number(end))}`;
}
