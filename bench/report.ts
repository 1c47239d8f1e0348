import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** One measured operation. Gas is the transaction's `gasUsed`. */
export interface GasRow {
  suite: string;
  operation: string;
  gas: number;
  /** The reference measured in the same run (e.g. "EAS.attest"), if any. */
  baseline?: string;
  baselineGas?: number;
  /** gas / baselineGas to 3 significant digits (a batch against per-item calls is far below 0.001). */
  ratio?: number;
  /** The target as written in the issue, e.g. "<= 47000" or "<= 0.40 x baseline". */
  target?: string;
  meetsTarget?: boolean;
  /** A published figure to compare with, not measured here (e.g. "Story mintAndRegisterIp median 424,264"). */
  reference?: string;
  note?: string;
}

export interface Target {
  maxGas?: number;
  maxRatio?: number;
}

/** Builds a row, filling in the ratio and whether the target is met. */
export function row(fields: Omit<GasRow, "ratio" | "target" | "meetsTarget">, target?: Target): GasRow {
  const result: GasRow = { ...fields };
  if (fields.baselineGas !== undefined && fields.baselineGas > 0) {
    result.ratio = Number((fields.gas / fields.baselineGas).toPrecision(3));
  }
  if (target?.maxGas !== undefined) {
    result.target = `<= ${target.maxGas}`;
    result.meetsTarget = fields.gas <= target.maxGas;
  } else if (target?.maxRatio !== undefined) {
    result.target = `<= ${target.maxRatio} x baseline`;
    // On the exact ratio, so rounding never turns a miss into a hit.
    result.meetsTarget =
      fields.baselineGas !== undefined && fields.baselineGas > 0 && fields.gas <= target.maxRatio * fields.baselineGas;
  }
  return result;
}

export async function writeReport(rows: GasRow[], file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ rows }, null, 2) + "\n");
}

export function printTable(rows: GasRow[]): void {
  const header = ["suite", "operation", "gas", "baseline", "baseline gas", "ratio", "target", "met", "reference"];
  const lines = rows.map((r) => [
    r.suite,
    r.operation,
    r.gas.toLocaleString("en-US"),
    r.baseline ?? "",
    r.baselineGas?.toLocaleString("en-US") ?? "",
    r.ratio?.toString() ?? "",
    r.target ?? "",
    r.meetsTarget === undefined ? "" : r.meetsTarget ? "yes" : "NO",
    r.reference ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
}
