// `npm run bench`: measures every suite's operations against reference contracts deployed in the same
// in-process run, prints a table and writes reports/gas.json. Targets are reported, not asserted.
import path from "node:path";

import { network } from "hardhat";

import { benchBills } from "./bills.js";
import { benchCopyright } from "./copyright.js";
import { benchEvidence } from "./evidence.js";
import { printTable, writeReport, type GasRow } from "./report.js";

const connection = await network.create();
const rows: GasRow[] = [
  ...(await benchEvidence(connection)),
  ...(await benchCopyright(connection)),
  ...(await benchBills(connection)),
];

const file = path.join(process.cwd(), "reports", "gas.json");
await writeReport(rows, file);
printTable(rows);
console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
const missed = rows.filter((r) => r.meetsTarget === false);
if (missed.length > 0) console.log(`targets missed: ${missed.map((r) => `${r.suite}.${r.operation}`).join(", ")}`);
