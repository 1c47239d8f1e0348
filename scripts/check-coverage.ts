// Reads coverage/lcov.info (written by `hardhat test --coverage`) and holds each contract suite to its line-coverage
// floor. Hardhat 3's EDR reports lines and statements but no branches yet (its lcov writer has the BRDA lines
// commented out), so branch coverage is not measured here.
import { readFile } from "node:fs/promises";
import path from "node:path";

const MIN_LINES = 95;
const lcov = await readFile(path.join(process.cwd(), "coverage", "lcov.info"), "utf8").catch(() => {
  console.error("error: coverage/lcov.info not found; run `hardhat test --coverage` first");
  process.exit(1);
});

const suites = new Map<string, { found: number; hit: number }>();
let suite: string | undefined;
for (const line of lcov.split("\n")) {
  if (line.startsWith("SF:")) {
    const file = line.slice(3).replace(/\\/g, "/");
    const match = /(?:^|\/)contracts\/([^/]+)\//.exec(file);
    suite = match !== null && match[1] !== "mocks" ? `contracts/${match[1]}` : undefined;
  } else if (suite !== undefined && line.startsWith("DA:")) {
    const totals = suites.get(suite) ?? { found: 0, hit: 0 };
    totals.found++;
    if (Number(line.split(",")[1]) > 0) totals.hit++;
    suites.set(suite, totals);
  }
}

let failed = false;
for (const [name, { found, hit }] of [...suites].sort()) {
  const percent = (100 * hit) / found;
  const ok = percent >= MIN_LINES;
  failed ||= !ok;
  console.log(
    `${name.padEnd(24)} lines ${percent.toFixed(1).padStart(5)}% (${hit}/${found})${ok ? "" : `  below ${MIN_LINES}%`}`,
  );
}
if (suites.size === 0) {
  console.error("error: no contract lines in coverage/lcov.info");
  failed = true;
}
process.exitCode = failed ? 1 : 0;
