import { InvalidInputError } from "../errors.js";

/** Largest bill value the contract stores: 64-bit minimum units (0.01 yuan). */
export const MAX_UNITS = 2n ** 64n - 1n;

// Whole yuan either plain ("1000000") or grouped by thousands with commas ("1,000,000"), never mixed; then up to two
// decimals.
const YUAN = /^(0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a yuan amount written as a decimal string ("1234.56", "1,000,000.00", "7", "0.5") into minimum units of
 * 0.01 yuan, exactly (no floating point). Thousands separators are optional but, when used, must group every three
 * digits ("1,000,000", not "1000,000" or ",100"). Rejects signs, exponents, more than two decimals, zero and values
 * above the contract's 64-bit limit, with one clear message.
 */
export function parseYuan(text: string, what = "amount"): bigint {
  if (typeof text !== "string") throw new InvalidInputError(`${what} must be a string of yuan, e.g. "1234.56"`);
  const match = YUAN.exec(text.trim());
  if (match === null) {
    throw new InvalidInputError(
      `${what} "${text}" is not a yuan amount: use digits with at most two decimals, e.g. "1234.56" or "1,234.56"`,
    );
  }
  const units = BigInt(match[1].replaceAll(",", "")) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
  if (units === 0n) throw new InvalidInputError(`${what} must be more than zero`);
  if (units > MAX_UNITS)
    throw new InvalidInputError(`${what} ${text} yuan exceeds the bill limit of ${formatYuan(MAX_UNITS)}`);
  return units;
}

/** Formats minimum units of 0.01 yuan as a yuan string with two decimals ("123456" → "1234.56"). */
export function formatYuan(units: bigint, options: { grouping?: boolean } = {}): string {
  if (units < 0n) throw new InvalidInputError(`an amount cannot be negative: ${units}`);
  const whole = (units / 100n).toString();
  const cents = (units % 100n).toString().padStart(2, "0");
  const grouped = options.grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  return `${grouped}.${cents}`;
}

/** Token base units one minimum unit (0.01 yuan) is worth for a token with `decimals` decimals. */
export function tokenUnitsPerCent(decimals: number | bigint): bigint {
  const d = BigInt(decimals);
  if (d < 2n || d > 30n) throw new InvalidInputError(`a settlement token needs 2 to 30 decimals, got ${d}`);
  return 10n ** (d - 2n);
}

/** Parses an annual rate in percent ("3.5", "3.5%") into basis points (350), exactly; 0.01% steps, up to 100%. */
export function parseRatePercent(text: string): number {
  const plain = text.trim().replace(/%$/, "");
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(plain);
  const bps = match === null ? NaN : Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (!Number.isInteger(bps) || bps < 1 || bps > 10_000) {
    throw new InvalidInputError(`rate "${text}" is not an annual percentage between 0.01 and 100, e.g. "3.5"`);
  }
  return bps;
}

/**
 * Formats an amount of settlement-token base units as yuan: two decimals, more only when the amount has a fraction
 * of a fen (a discount price in an 18-decimal token, say). `198250000000` with 6 decimals → "198250.00".
 */
export function formatTokenYuan(
  amount: bigint,
  decimals: number | bigint,
  options: { grouping?: boolean } = {},
): string {
  const perCent = tokenUnitsPerCent(decimals);
  const fen = formatYuan(amount / perCent, options);
  const rest = amount % perCent;
  if (rest === 0n) return fen;
  const digits = (BigInt(decimals) - 2n).toString();
  return fen + rest.toString().padStart(Number(digits), "0").replace(/0+$/, "");
}

/** Outstanding, funded and redeemed amounts of a package, in minimum units (0.01 yuan). */
export interface PackageAmounts {
  /** Face value not yet redeemed (0 once cancelled). */
  outstanding: bigint;
  /** Face value paid in by the acceptor (0 until funded). */
  funded: bigint;
  /** Value paid out to holders. */
  redeemed: bigint;
}

/**
 * A package's amounts from its terms as `packageOf` returns them (the contract keeps only the face value, the
 * redeemed total and the status; `status` is the contract's `PackageStatus` number: 4 funded, 6 cancelled).
 */
export function packageAmounts(pkg: { faceValue: bigint; redeemed: bigint; status: bigint | number }): PackageAmounts {
  const status = Number(pkg.status);
  return {
    outstanding: status === 6 ? 0n : pkg.faceValue - pkg.redeemed,
    funded: status === 4 ? pkg.faceValue : 0n,
    redeemed: pkg.redeemed,
  };
}
