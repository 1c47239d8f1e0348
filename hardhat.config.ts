import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

import { refuseNegativeArguments } from "./tasks/argv.js";
import billsTasks from "./tasks/bills.js";
import buildProgress from "./tasks/build-progress.js";
import chainTasks from "./tasks/chain.js";
import copyrightTasks from "./tasks/copyright.js";
import evidenceTasks from "./tasks/evidence.js";
import participantsTasks from "./tasks/participants.js";

refuseNegativeArguments();

const require = createRequire(import.meta.url);
const root = path.dirname(fileURLToPath(import.meta.url));

// The compiler ships with the `solc` npm package (exact version in package.json), so builds never download one.
const SOLC_VERSION = "0.8.30";
const solcPath = require.resolve("solc/soljson.js");
const optimizer = { enabled: true, runs: 1000 };

// The two largest contracts are built through the IR pipeline (viaIR) at 200 optimizer runs: it takes about 4 KB off
// each (SupplyChainBills 24,322 -> ~20,300 B, CopyrightRegistry ~24,500 -> ~20,500 B), room that the security fixes
// need under the 24,576-byte code size limit. Only these files: viaIR makes a cold build of the whole tree ~3.7x
// slower with the WebAssembly compiler (36 s -> 132 s here), for these two alone 92 s. The Solidity tests that
// deploy them are compiled the same way, so they test the code that is deployed.
const SIZE_BOUND = [
  "contracts/bills/SupplyChainBills.sol",
  "test/bills/SupplyChainBills.t.sol",
  "contracts/copyright/CopyrightRegistry.sol",
  "test/copyright/CopyrightExclusive.t.sol",
  "test/copyright/CopyrightReveal.t.sol",
  "test/copyright/CopyrightSplit.t.sol",
];

// `--build-profile compat` builds into its own directories (artifacts-compat/, cache-compat/, typechain-types-compat/),
// so the Paris build never overwrites the default one and both can be packed.
function buildProfileArg(argv: readonly string[] = process.argv): string | undefined {
  const at = argv.indexOf("--build-profile");
  if (at >= 0) return argv[at + 1];
  return argv.find((arg) => arg.startsWith("--build-profile="))?.slice("--build-profile=".length);
}
const outputSuffix = buildProfileArg() === "compat" ? "-compat" : "";
const output = (dir: string) => path.join(root, dir + outputSuffix);

function profile(settings: { evmVersion?: string } = {}) {
  const compiler = (runs: number, viaIR = false) => ({
    version: SOLC_VERSION,
    path: solcPath,
    // optimizer first: the production profile merges its own optimizer default in first, and the job hash is
    // computed over the settings as written, key order included.
    settings: { optimizer: { ...optimizer, runs }, ...settings, viaIR },
  });
  // One settings object for every size-bound file: Hardhat merges files with the same settings into one compile job.
  const viaIR = compiler(200, true);
  return {
    compilers: [compiler(optimizer.runs)],
    overrides: Object.fromEntries(SIZE_BOUND.map((file) => [file, viaIR])),
  };
}

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers, buildProgress],
  tasks: [...evidenceTasks, ...copyrightTasks, ...participantsTasks, ...billsTasks, ...chainTasks],
  solidity: {
    profiles: {
      default: profile(),
      // `ignition deploy` builds with `production`. Hardhat makes that profile isolated and stamps tool versions into
      // its build info by default, which changes every job's hash: the deploy's build would replace the default one
      // and the next test or demo would compile everything again. Defined as the default profile's settings, one
      // build serves `hardhat build`, tests, the demo, the CLI and deploys.
      production: { ...profile(), isolated: false, toolVersionsInBuildInfo: false },
      // Pre-Shanghai bytecode (no PUSH0 / MCOPY / transient storage) for consortium chains such as FISCO BCOS.
      compat: profile({ evmVersion: "paris" }),
    },
  },
  paths: { ignition: "deploy", artifacts: output("artifacts"), cache: output("cache") },
  // Source verification on block explorers: `npx hardhat ignition verify <deployment-id>` (needs network access).
  verify: { etherscan: { apiKey: configVariable("ETHERSCAN_API_KEY") } },
  typechain: { outDir: output("typechain-types") },
  networks: {
    // A pre-Shanghai chain, to prove the `compat` build runs where PUSH0 does not exist.
    preShanghai: { type: "edr-simulated", chainType: "l1", hardfork: "merge" },
    // LOCALHOST_URL lets tests and scripts point at a node on another port.
    localhost: { type: "http", chainType: "l1", url: process.env.LOCALHOST_URL ?? "http://127.0.0.1:8545" },
    // Any EVM chain, consortium chains included (build those with `--build-profile compat`): RPC URL and key come
    // from config variables (the keystore or the environment), the chain id from CUSTOM_CHAIN_ID when set.
    custom: {
      type: "http",
      chainType: "generic",
      url: configVariable("CUSTOM_RPC_URL"),
      accounts: [configVariable("CUSTOM_PRIVATE_KEY")],
      ...(process.env.CUSTOM_CHAIN_ID === undefined ? {} : { chainId: Number(process.env.CUSTOM_CHAIN_ID) }),
    },
    sepolia: {
      type: "http",
      chainType: "l1",
      url: configVariable("SEPOLIA_RPC_URL"),
      accounts: [configVariable("SEPOLIA_PRIVATE_KEY")],
    },
  },
});
