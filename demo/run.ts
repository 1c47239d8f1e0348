// `npm run demo` (in-process chain) or `npm run demo -- --network localhost` (a running node): every suite's
// main job end to end, with a short report.
import { network } from "hardhat";

import { runBillsDemo } from "./bills.js";
import { runCopyrightDemo } from "./copyright.js";
import { runEvidenceDemo } from "./evidence.js";
import { DemoReport } from "./report.js";

const connection = await network.create();
const report = new DemoReport();
console.log(`Demo on network "${connection.networkName}"\n`);
try {
  await runEvidenceDemo(connection, report);
  await runCopyrightDemo(connection, report);
  await runBillsDemo(connection, report);
  report.printGasSummary();
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
