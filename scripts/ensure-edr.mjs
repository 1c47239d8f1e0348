// npm on Node < 22 skips EDR's native binding (its engines field wants Node >= 22), so Hardhat cannot start.
// When the binding does not load, re-run the install under the pinned Node from the `node` devDependency,
// which npm puts first on PATH for lifecycle scripts.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// A fresh process each time: Node caches failed module resolution within one.
function edrLoads() {
  const probe = spawnSync(process.execPath, ["-e", 'require("@nomicfoundation/edr")'], { stdio: "ignore" });
  return probe.status === 0;
}

// Installed as a dependency (no Hardhat of its own here), there is nothing to fix.
if (existsSync("node_modules/hardhat") && !edrLoads()) {
  const npmCli = process.env.npm_execpath;
  if (!npmCli) {
    console.error("ensure-edr: npm_execpath is unset; run `npm install` to fetch EDR's native binding");
    process.exit(1);
  }
  console.log(`ensure-edr: EDR's native binding is missing; reinstalling under Node ${process.version}`);
  const result = spawnSync(process.execPath, [npmCli, "install", "--ignore-scripts", "--no-audit", "--no-fund"], {
    stdio: "inherit",
  });
  if (result.status !== 0 || !edrLoads()) {
    console.error("ensure-edr: EDR still does not load; Hardhat needs Node >= 22.13");
    process.exit(1);
  }
}
