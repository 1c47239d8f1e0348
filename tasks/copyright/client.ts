import { ZeroAddress, isAddress } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { parseAuthors, type Author } from "../../src/copyright/authors.js";
import { CopyrightClient } from "../../src/copyright/client.js";
import { InvalidInputError } from "../../src/errors.js";
import { deployedAddress, sender } from "../cli.js";

/** A CopyrightClient on the task's network, sending as `from` (read-only with `readOnly`). */
export async function copyrightClient(
  hre: HardhatRuntimeEnvironment,
  options: { registry?: string; disputes?: string; from?: string; readOnly?: boolean; needDisputes?: boolean },
): Promise<{ client: CopyrightClient; connection: NetworkConnection; account?: string }> {
  const connection = await hre.network.create();
  const registry = await deployedAddress(connection, "Copyright#CopyrightRegistry", options.registry, "--registry");
  const disputes = options.needDisputes
    ? await deployedAddress(connection, "Copyright#CopyrightDisputes", options.disputes, "--disputes")
    : undefined;
  if (options.readOnly)
    return { client: new CopyrightClient({ registry, disputes }, connection.ethers.provider), connection };
  const signer = await sender(connection, options.from);
  return { client: new CopyrightClient({ registry, disputes }, signer), connection, account: signer.address };
}

/** The --authors option, or the sender as sole author. */
export function authorsOption(text: string | undefined, account: string): Author[] {
  return parseAuthors(text ?? account);
}

/** The --currency option: an ERC-20 address, or the native coin. */
export function currencyOption(text: string | undefined): string {
  if (text === undefined || text === "native") return ZeroAddress;
  if (!isAddress(text)) throw new InvalidInputError(`currency must be an ERC-20 address, got "${text}"`);
  return text;
}
