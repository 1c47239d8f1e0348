import { Contract, ZeroAddress, type Provider } from "ethers";

import { InvalidInputError } from "../src/errors.js";

// Money options are written in the token's own units with its decimals ("--fee 1.5" is 1.5 tokens), never in base
// units; output groups thousands the way yuan amounts are grouped ("1,000,000.5").

/** Decimals of a currency: 18 for the native coin, else the ERC-20's `decimals()`. */
export async function decimalsOf(provider: Provider, currency: string): Promise<number> {
  if (currency === ZeroAddress) return 18;
  try {
    const token = new Contract(currency, ["function decimals() view returns (uint8)"], provider);
    return Number(await token.decimals());
  } catch {
    throw new InvalidInputError(`currency ${currency} answers no decimals(): is it an ERC-20 on this network?`);
  }
}

/** Parses "1.5" / "1,000" / "0" into base units of a currency with `decimals` decimals, exactly. */
export function parseTokenAmount(text: string, decimals: number, what: string): bigint {
  const trimmed = text.trim();
  if (trimmed.startsWith("-")) throw new InvalidInputError(`${what} must not be negative, got "${text}"`);
  const match = /^(0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?$/.exec(trimmed);
  if (match === null) throw new InvalidInputError(`${what} must be an amount like "1.5" or "1,000", got "${text}"`);
  const fraction = match[2] ?? "";
  if (fraction.length > decimals) {
    throw new InvalidInputError(`${what} ${text} has more than the currency's ${decimals} decimals`);
  }
  return BigInt(match[1].replaceAll(",", "")) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
}

/** Formats base units for people: thousands grouped, the fraction without trailing zeros ("1,234.5"). */
export function formatTokenAmount(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const scale = 10n ** BigInt(decimals);
  const whole = (abs / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = decimals === 0 ? "" : (abs % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}
