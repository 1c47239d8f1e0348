import type { NetworkConnection } from "hardhat/types/network";

import type { EvidenceStatus } from "../../src/evidence/verdict.js";
import { chainClock, formatTime, integerArgument } from "../cli.js";
import { isRelativeTime, relativeTime } from "../participants/client.js";

/** A record's status as indented lines for people: submitter, time, algorithm, witnesses, revocation, successor. */
export function describeStatus(status: EvidenceStatus, revocationReason: string | null = null): string[] {
  const lines = [
    `submitter:  ${status.submitter}`,
    `anchored:   ${formatTime(status.time)} (block ${status.blockNumber})${status.batched ? ", in a batch" : ""}`,
    `algorithm:  ${status.algorithmName}${status.salted ? " (salted digest)" : ""}`,
  ];
  if (status.witnessThreshold > 0) {
    lines.push(
      `witnesses:  ${status.witnessSignatures} of ${status.witnessThreshold} required${status.witnessed ? " (witnessed)" : ""}`,
    );
  }
  if (status.revoked)
    lines.push(`REVOKED:    ${formatTime(status.revokedAt)}, reason ${revocationReason ?? "unknown"}`);
  if (status.supersededBy !== null) lines.push(`superseded by ${status.supersededBy}`);
  return lines.map((line) => `  ${line}`);
}

/** A non-negative integer option (`--nonce`, `--deadline`), or undefined when not given. */
export function parseUint(value: string | undefined, option: string): bigint | undefined {
  return value === undefined ? undefined : integerArgument(value, option);
}

/**
 * The deadline of a signed request: `deadline` when given (a number in the chain's unit, or "+1d" from the latest
 * block), else a day after the latest block, in the chain's time
 * unit (seconds; milliseconds on chains that stamp blocks so, such as FISCO BCOS).
 */
export async function requestDeadline(connection: NetworkConnection, deadline: string | undefined): Promise<bigint> {
  if (deadline !== undefined && isRelativeTime(deadline)) {
    return relativeTime(connection, deadline);
  }
  const given = parseUint(deadline, "--deadline");
  if (given !== undefined) return given;
  const { now, unit } = await chainClock(connection);
  return now + 86_400n * unit;
}
