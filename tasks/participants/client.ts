import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { InvalidInputError } from "../../src/errors.js";
import { ParticipantsClient } from "../../src/participants/index.js";
import type { ChainTime } from "../../src/time.js";
import { deployedAddress, sender } from "../cli.js";

/** A ParticipantsClient on the task's network, sending as `from`; the registry comes from Ignition unless named. */
export async function participantsClient(
  hre: HardhatRuntimeEnvironment,
  options: { participants?: string; from?: string; readOnly?: boolean },
): Promise<{ client: ParticipantsClient; connection: NetworkConnection }> {
  const connection = await hre.network.create();
  const address = await deployedAddress(
    connection,
    "Participants#ParticipantRegistry",
    options.participants,
    "--participants",
  );
  const runner = options.readOnly ? connection.ethers.provider : await sender(connection, options.from);
  return { client: new ParticipantsClient(address, runner), connection };
}

/**
 * Parses a moment given on the command line: digits are already in the chain's time unit (seconds; milliseconds on
 * FISCO BCOS), anything else must be a date like 2027-03-31 (converted by the SDK with the deployment's unit).
 */
export function parseTime(value: string, what: string): ChainTime {
  if (value.trim() === "") throw new InvalidInputError(`${what} is required: a date like 2027-03-31`);
  if (/^\d+$/.test(value)) return BigInt(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InvalidInputError(
      `${what} must be a date like 2027-03-31 or a number in the chain's time unit, got "${value}"`,
    );
  }
  return new Date(ms);
}
