// End to end on a node that is not Hardhat's: Foundry's anvil from its npm package. The default build goes to anvil's
// default hardfork and the compat build to `--hardfork paris` (a pre-Shanghai chain, as FISCO BCOS or BSN), each
// deployed with Ignition through an http network pointing at anvil, then driven by the packed example project under
// the pinned Node and under the machine's own Node. On paris, deploying the default build is refused by the chain
// probe before anything is sent. Where the npm package has no anvil binary, the tests are skipped with the reason
// printed.
import { spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { ContractFactory, JsonRpcProvider } from "ethers";

import { anvilBinary, startAnvil, type AnvilNode } from "../test/helpers/anvil.js";
import { rpc, runHardhat } from "../test/helpers/cli.js";
import { expectReport, packAndInstallExample, root, run, runExample, systemNode } from "./example.js";

const hardhatCli = path.join(root, "node_modules", "hardhat", "dist", "src", "cli.js");

const TARGETS = [
  { build: "default", hardfork: undefined, chainId: 31_351 },
  { build: "compat", hardfork: "paris", chainId: 31_352 },
] as const;

describe("integrator end to end on anvil", function () {
  // Packing, installing and building depend on the machine's speed; nothing here is timed.
  this.timeout(0);
  const binary = anvilBinary();
  const nodes: AnvilNode[] = [];

  before(async function () {
    if ("missing" in binary) {
      console.log(`    SKIPPED: anvil end to end, ${binary.missing}`);
      this.skip();
    }
    await packAndInstallExample();
    // Both builds are compiled here, once and without a time limit, so the deploying children never compile.
    for (const build of ["default", "compat"]) {
      run(process.execPath, [hardhatCli, "build", "--build-profile", build, "--no-tests", "--quiet"], root);
    }
  });

  after(async function () {
    for (const node of nodes) await node.stop();
    for (const { build } of TARGETS) {
      await rm(path.join(root, "deploy", "deployments", `anvil-${build}`), { recursive: true, force: true });
    }
  });

  for (const target of TARGETS) {
    const where = `anvil (${target.hardfork ?? "its default hardfork"})`;
    it(`deploys the ${target.build} build with Ignition to ${where} and the packed example drives every suite`, async function () {
      const node = await startAnvil((binary as { path: string }).path, target);
      nodes.push(node);
      const env = { LOCALHOST_URL: node.url, HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true" };
      const deploymentId = `anvil-${target.build}`;
      const journal = path.join(root, "deploy", "deployments", deploymentId);
      await rm(journal, { recursive: true, force: true });

      if (target.hardfork === "paris") {
        // The default build on a chain without PUSH0/MCOPY: refused with what to do, and no transaction sent.
        const refused = runHardhat(
          ["ignition", "deploy", "deploy/modules/Evidence.ts", "--build-profile", "default", "--network", "localhost"],
          env,
        );
        expect(refused.status, refused.stdout + refused.stderr).to.equal(1);
        expect(refused.stderr).to.contain(`chain ${target.chainId} has no PUSH0, MCOPY`);
        expect(refused.stderr).to.contain("--build-profile compat");
        expect(await rpc<string>(node.url, "eth_blockNumber")).to.equal("0x0");
      }
      const check = runHardhat(["chain-check", "--network", "localhost"], env);
      expect(check.status, check.stdout + check.stderr).to.equal(0);
      expect(check.stdout).to.contain(
        target.build === "default" ? "PUSH0 yes, MCOPY yes" : "PUSH0 no, MCOPY no\ndeploy the compat build",
      );

      const deployed = runHardhat(
        [
          "ignition",
          "deploy",
          "deploy/modules/Suite.ts",
          "--build-profile",
          target.build,
          "--network",
          "localhost",
        ].concat(["--parameters", "deploy/parameters/localhost.json", "--deployment-id", deploymentId]),
        env,
      );
      expect(deployed.status, deployed.stdout + deployed.stderr).to.equal(0);
      const addressesFile = path.join(journal, "deployed_addresses.json");
      const addresses: Record<string, string> = JSON.parse(await readFile(addressesFile, "utf8"));
      expect(Object.keys(addresses)).to.include.members([
        "Evidence#EvidenceRegistry",
        "Participants#ParticipantRegistry",
        "Bills#SupplyChainBills",
        "Copyright#CopyrightRegistry",
        "Copyright#CopyrightDisputes",
        "Copyright#CopyrightRelay",
      ]);

      // The bills settle in an ERC-20 the suite does not ship: a stand-in stablecoin with 2 decimals, of the same build.
      const artifacts = target.build === "compat" ? "artifacts-compat" : "artifacts";
      const stablecoin = JSON.parse(
        await readFile(
          path.join(root, artifacts, "contracts", "mocks", "bills", "MockStablecoin.sol", "MockStablecoin.json"),
          "utf8",
        ),
      ) as { abi: []; bytecode: string };
      const provider = new JsonRpcProvider(node.url, undefined, { staticNetwork: true });
      const token = await new ContractFactory(stablecoin.abi, stablecoin.bytecode, await provider.getSigner(0)).deploy(
        2,
      );
      await token.waitForDeployment();
      const exampleEnv = { RPC_URL: node.url, DEPLOYMENT: addressesFile, SETTLEMENT_TOKEN: await token.getAddress() };

      const system = systemNode();
      const nodesToRun = [process.execPath].concat(system === undefined ? [] : [system]);
      if (system === undefined) console.log("    (no system Node besides the pinned one: the example ran once)");
      for (const nodeBinary of nodesToRun) {
        const report = runExample(nodeBinary, exampleEnv);
        const version = spawnSync(nodeBinary, ["--version"], { encoding: "utf8" }).stdout.trim();
        expect(report.node, nodeBinary).to.equal(version);
        await expectReport(report, provider, target.chainId);
      }
      provider.destroy();
    });
  }
});
