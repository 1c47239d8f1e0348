import type { Provider } from "ethers";

import { InvalidInputError, SdkError } from "./errors.js";

/**
 * A moment as the SDK accepts it: a `Date`, or a number/bigint already in the chain's time unit (what
 * `block.timestamp` counts: seconds on Ethereum, milliseconds on FISCO BCOS).
 */
export type ChainTime = number | bigint | Date;

/** Converts `value` to the chain's time unit (`unitsPerSecond` 1 or 1000); numbers pass through unchanged. */
export function toChainTime(value: ChainTime, unitsPerSecond: bigint, what = "time"): bigint {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new InvalidInputError(`${what} is not a valid date`);
    return (BigInt(Math.floor(ms)) * unitsPerSecond) / 1000n;
  }
  if (typeof value === "number" && !Number.isInteger(value)) {
    throw new InvalidInputError(`${what} must be a whole number in the chain's time unit, got ${value}`);
  }
  const time = BigInt(value);
  if (time < 0n) throw new InvalidInputError(`${what} cannot be negative: ${value}`);
  return time;
}

/** The `Date` of a chain time. */
export function chainTimeToDate(time: number | bigint, unitsPerSecond: bigint): Date {
  return new Date(Number((BigInt(time) * 1000n) / unitsPerSecond));
}

/** ISO text of a chain time, for messages. */
export function formatChainTime(time: number | bigint, unitsPerSecond: bigint): string {
  const date = chainTimeToDate(time, unitsPerSecond);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}

/** The latest block's timestamp, in the chain's unit. */
export async function latestChainTime(provider: Provider): Promise<bigint> {
  const block = await provider.getBlock("latest");
  if (block === null) throw new SdkError("NO_BLOCK", "the provider returned no latest block");
  return BigInt(block.timestamp);
}

/**
 * The time unit (units per second) a block timestamp is in, when no contract states it: a timestamp above 10^11 is
 * in milliseconds (10^11 seconds is the year 5138).
 */
export function timeUnitOf(timestamp: bigint): bigint {
  return timestamp > 100_000_000_000n ? 1000n : 1n;
}

/** Guesses the chain's time unit from its latest block (`timeUnitOf`). */
export async function detectTimeUnit(provider: Provider): Promise<bigint> {
  return timeUnitOf(await latestChainTime(provider));
}

/** Block timestamps of `blocks`, each fetched once. */
export async function blockTimes(provider: Provider, blocks: readonly number[]): Promise<Map<number, number>> {
  const unique = [...new Set(blocks)];
  const times = await Promise.all(
    unique.map(async (n) => {
      const block = await provider.getBlock(n);
      if (block === null) throw new SdkError("NO_BLOCK", `the provider has no block ${n}`);
      return block.timestamp;
    }),
  );
  return new Map(unique.map((n, i) => [n, times[i]]));
}
