import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { BillsClient, formatYuan, type PartInfo } from "../../src/bills/index.js";
import { InvalidInputError } from "../../src/errors.js";
import { deployedAddress, formatTime, sender } from "../cli.js";

/** A BillsClient on the task's network, sending as `from`; the contract comes from Ignition unless `bills` names it. */
export async function billsClient(
  hre: HardhatRuntimeEnvironment,
  options: { bills?: string; from?: string; readOnly?: boolean },
): Promise<{ client: BillsClient; connection: NetworkConnection }> {
  const connection = await hre.network.create();
  const address = await deployedAddress(connection, "Bills#SupplyChainBills", options.bills, "--bills");
  const runner = options.readOnly ? connection.ethers.provider : await sender(connection, options.from);
  return { client: new BillsClient(address, runner), connection };
}

/** Parses a package or token id given on the command line. */
export function parseId(value: string, what: string): bigint {
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(value)) throw new InvalidInputError(`${what} must be a number, got "${value}"`);
  return BigInt(value);
}

/** A yuan amount as people read it everywhere in the CLI: thousands grouped ("1,000,000.00"). */
export function yuan(text: string): string {
  const [whole, cents = "00"] = text.replaceAll(",", "").split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents.padEnd(2, "0")}`;
}

export function describePart(part: PartInfo): string {
  const flags = [
    part.frozen ? "FROZEN" : "",
    part.takenOver ? "taken over by recourse" : "",
    part.pendingOffers > 0 ? `${part.pendingOffers} offer${part.pendingOffers === 1 ? "" : "s"} pending` : "",
  ].filter(Boolean);
  const value =
    part.state === "redeemed"
      ? `paid ${formatYuan(part.paidUnits, { grouping: true })}`
      : formatYuan(part.units, { grouping: true });
  return (
    `part ${part.tokenId} (package ${part.packageId}): ${value} yuan, ` +
    `${part.state}, owner ${part.owner}, endorsed by ${part.endorser}` +
    (part.beneficiary !== part.owner ? `, pays ${part.beneficiary}` : "") +
    (flags.length > 0 ? ` [${flags.join(", ")}]` : "")
  );
}

export { formatTime };
export { parseTime, resolveTime } from "../participants/client.js";
