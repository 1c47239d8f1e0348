import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { CODE_SIZE_LIMIT, MIN_HEADROOM, type SizeRow } from "./sizes.js";

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

/** Writes the gas rows and, beside them, every deployable contract's size in each build. */
export async function writeReport(rows: GasRow[], sizes: SizeRow[], file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ rows, sizes }, null, 2) + "\n");
}

/** One line per contract: its deployed size and headroom in the default and the compat build. */
export function printSizes(sizes: SizeRow[]): void {
  const header = ["contract", "default", "headroom", "compat", "headroom", `>= ${fmt(MIN_HEADROOM)} left`];
  const lines = [...new Set(sizes.map((s) => s.contract))].map((contract) => {
    const of = (build: SizeRow["build"]) => sizes.find((s) => s.contract === contract && s.build === build);
    const [d, c] = [of("default"), of("compat")];
    const met = [d, c].every((s) => s?.meetsTarget === true);
    return [contract, fmt(d?.bytes), fmt(d?.headroom), fmt(c?.bytes), fmt(c?.headroom), met ? "yes" : "NO"];
  });
  console.log(`\ndeployed code size in bytes (limit ${fmt(CODE_SIZE_LIMIT)})`);
  printColumns(header, lines);
}

function fmt(n: number | undefined): string {
  return n === undefined ? "" : n.toLocaleString("en-US");
}

/** Prints `lines` under `header` in aligned columns, with a rule under the header. */
export function printColumns(header: string[], lines: string[][]): void {
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
  printColumns(header, lines);
}
