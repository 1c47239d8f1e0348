import { InvalidInputError } from "../errors.js";
import { formatTokenYuan, tokenUnitsPerCent } from "./amount.js";

/** A discount price: what a financier pays for a part now. */
export interface DiscountQuote {
  /** Token base units the financier pays. */
  price: bigint;
  /** The same price in yuan ("198250.00"). */
  yuan: string;
  /** Days charged, rounded up. */
  days: number;
  /** Interest kept by the financier, in token base units. */
  interest: bigint;
}

/** Days a year has in Chinese bill discounting (贴现), and basis points per 100 %. */
const DAYS_PER_YEAR = 360n;
const BPS = 10_000n;

/**
 * The contract's discount price, computed off chain as `contracts/bills/libraries/Discount.sol` does (a test holds
 * both to the same results on random inputs): value × unit less value × unit × rate × days / (360 × 10,000),
 * days to maturity rounded up, never below zero. All times in the chain's unit.
 */
export function discountQuote(input: {
  /** Minimum units (0.01 yuan) discounted. */
  units: bigint;
  /** Annual rate in basis points (350 = 3.5 %). */
  rateBps: number;
  maturity: bigint;
  now: bigint;
  timeUnitsPerSecond: bigint;
  tokenDecimals: number;
}): DiscountQuote {
  if (input.now >= input.maturity) throw new InvalidInputError("the bill has matured: it can no longer be discounted");
  if (!Number.isInteger(input.rateBps) || input.rateBps < 1 || input.rateBps > 10_000) {
    throw new InvalidInputError(`rate must be 1 to 10000 basis points, got ${input.rateBps}`);
  }
  const day = 86_400n * input.timeUnitsPerSecond;
  const days = (input.maturity - input.now + day - 1n) / day;
  const gross = input.units * tokenUnitsPerCent(input.tokenDecimals);
  const interest = (gross * BigInt(input.rateBps) * days) / (DAYS_PER_YEAR * BPS);
  const price = interest < gross ? gross - interest : 0n;
  return { price, yuan: formatTokenYuan(price, input.tokenDecimals), days: Number(days), interest: gross - price };
}
