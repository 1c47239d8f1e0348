import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import { InvalidInputError } from "../../src/errors.js";
import { ParticipantsClient } from "../../src/participants/index.js";
import type { ChainTime } from "../../src/time.js";
import { chainClock, deployedAddress, sender } from "../cli.js";

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
  if (value.trim() === "") throw new InvalidInputError(`${what} is required: a date like 2027-03-31, or +90d`);
  if (/^\d+$/.test(value)) return BigInt(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InvalidInputError(
      `${what} must be a date like 2027-03-31, a time from now like +90d, or a number in the chain's time unit, got "${value}"`,
    );
  }
  return new Date(ms);
}

const SECONDS: Record<string, bigint> = { s: 1n, m: 60n, h: 3_600n, d: 86_400n, w: 604_800n };
const RELATIVE = /^\+(\d+)([smhdw])$/;

/** Whether `value` is a time relative to the chain's clock ("+90d", "+12h", "+30m", "+45s", "+2w"). */
export const isRelativeTime = (value: string): boolean => RELATIVE.test(value.trim());

/**
 * A moment given on the command line, as `parseTime` reads it, or relative to the latest block's time: "+90d" is
 * ninety days after it (in the chain's unit, so it holds on a node whose clock was moved, and on FISCO BCOS).
 */
export async function resolveTime(connection: NetworkConnection, value: string, what: string): Promise<ChainTime> {
  return isRelativeTime(value) ? relativeTime(connection, value) : parseTime(value, what);
}

/** A relative time ("+90d") as a chain time: the latest block's time plus that much, in the chain's unit. */
export async function relativeTime(connection: NetworkConnection, value: string): Promise<bigint> {
  const match = RELATIVE.exec(value.trim());
  if (match === null) throw new InvalidInputError(`not a time from now like +90d: "${value}"`);
  const { now, unit } = await chainClock(connection);
  return now + BigInt(match[1]) * SECONDS[match[2]] * unit;
}
