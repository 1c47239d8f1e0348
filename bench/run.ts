// `npm run bench`: measures every suite's operations against reference contracts deployed in the same
// in-process run, and every deployable contract's code size in the default and compat builds; prints both tables and
// writes reports/gas.json (`rows` and `sizes`). Targets are reported, not asserted (test/sizes.ts asserts the sizes).
// Then hashing in the portal's page against the SDK (bench/portal.ts, reports/page-hashing.json; about two minutes,
// skipped without Chromium; BENCH_PAGE=0 skips it) and the SDK at scale (bench/sdk.ts, reports/sdk.json; minutes;
// BENCH_SDK=0 skips it).
import path from "node:path";

import hre, { network } from "hardhat";

import { benchBills } from "./bills.js";
import { benchCopyright } from "./copyright.js";
import { benchEvidence } from "./evidence.js";
import { benchPage } from "./portal.js";
import { benchSdk } from "./sdk.js";
import { printSizes, printTable, writeReport, type GasRow } from "./report.js";
import { measureSizes } from "./sizes.js";

const connection = await network.create();
const rows: GasRow[] = [
  ...(await benchEvidence(connection)),
  ...(await benchCopyright(connection)),
  ...(await benchBills(connection)),
];

const sizes = await measureSizes(hre);

const file = path.join(process.cwd(), "reports", "gas.json");
await writeReport(rows, sizes, file);
printTable(rows);
printSizes(sizes);
console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
const missed = rows.filter((r) => r.meetsTarget === false);
if (missed.length > 0) console.log(`targets missed: ${missed.map((r) => `${r.suite}.${r.operation}`).join(", ")}`);
const tight = sizes.filter((s) => !s.meetsTarget);
if (tight.length > 0) console.log(`size headroom missed: ${tight.map((s) => `${s.contract} (${s.build})`).join(", ")}`);

if (process.env.BENCH_PAGE !== "0") await benchPage();
if (process.env.BENCH_SDK !== "0") await benchSdk();
