// `npm run demo` (in-process chain) or `npm run demo -- --network localhost` (a running node): every suite's
// main job end to end, with a short report.
import { network } from "hardhat";

import { runBillsDemo } from "./bills.js";
import { runCopyrightDemo } from "./copyright.js";
import { runEvidenceDemo } from "./evidence.js";
import { DemoReport } from "./report.js";

const connection = await network.create();
const report = new DemoReport();
console.log(`Demo on network "${connection.networkName}": each suite's main job, end to end, one line per step.`);
console.log("  evidence:  anchor a contract, 2-of-3 witnesses co-sign (one relayed), a 1,000-document batch verified");
console.log("            from its receipts, a tampered copy refused, a gasless anchor relayed, a revocation");
console.log("  copyright: commit-reveal registration, terms and a license sold, a remix pays its parent a royalty,");
console.log("            a plagiarised copy disputed and frozen");
console.log("  bills:     issue, accept, endorse (signed consent and offer), discount against payment, funding and");
console.log("            redemption at maturity, a dishonoured bill's recourse claims, paid and recovered");
console.log(
  "On a shared node it moves the clock forward (settlement windows, the bills' maturity): about four months.\n",
);
try {
  await runEvidenceDemo(connection, report);
  await runCopyrightDemo(connection, report);
  await runBillsDemo(connection, report);
  // Every step's line already shows its gas; the table repeats them by suite, for those who want it.
  if (process.env.DEMO_GAS_TABLE === "1") report.printGasSummary();
  else console.log("\nDone. DEMO_GAS_TABLE=1 npm run demo prints the gas of every step as a table.");
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
