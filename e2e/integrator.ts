// End to end, as an integrator meets the project: pack the package, install the tarball into examples/integrator
// (not the source tree), type-check and build it, deploy the whole suite with Ignition to a real `hardhat node` (resuming
// a deployment that stopped after its first module), run the example against it, and prove a second deployment
// changes nothing. The node is stopped whatever happens.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { ContractFactory, JsonRpcProvider } from "ethers";
import hre from "hardhat";

import { journalDir, rpc, runHardhat, startNode, type LocalNode } from "../test/helpers/cli.js";
import { expectReport, packAndInstallExample, runExample } from "./example.js";

const CHAIN_ID = 31_342;
const journal = journalDir(CHAIN_ID);

describe("integrator end to end", function () {
  this.timeout(600_000);
  let node: LocalNode;

  before(async function () {
    await rm(journal, { recursive: true, force: true });
    node = await startNode({ chainId: CHAIN_ID });
  });

  after(async function () {
    await node?.stop();
    await rm(journal, { recursive: true, force: true });
  });

  it("installs the packed package, resumes a partial deployment, integrates, and redeploys idempotently", async function () {
    await packAndInstallExample();

    const env = { LOCALHOST_URL: node.url, HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true" };
    // The default profile: the build this test process made, so the child deploy never compiles under a timeout.
    const deployArgs = [
      "ignition",
      "deploy",
      "deploy/modules/Suite.ts",
      "--build-profile",
      "default",
      "--network",
      "localhost",
    ].concat(["--parameters", "deploy/parameters/localhost.json"]);
    // A deployment that stopped after its first module: the suite's deployment resumes from the journal and
    // deploys only what is missing.
    const partial = runHardhat(
      ["ignition", "deploy", "deploy/modules/Evidence.ts", "--build-profile", "default", "--network", "localhost"],
      env,
    );
    expect(partial.status, partial.stdout + partial.stderr).to.equal(0);
    const addressesFile = path.join(journal, "deployed_addresses.json");
    const evidenceOnly: Record<string, string> = JSON.parse(await readFile(addressesFile, "utf8"));
    expect(Object.keys(evidenceOnly)).to.deep.equal(["Evidence#EvidenceRegistry"]);

    const first = runHardhat(deployArgs, env);
    expect(first.status, first.stdout + first.stderr).to.equal(0);
    const addresses: Record<string, string> = JSON.parse(await readFile(addressesFile, "utf8"));
    expect(addresses["Evidence#EvidenceRegistry"]).to.equal(evidenceOnly["Evidence#EvidenceRegistry"]);
    expect(Object.keys(addresses)).to.include.members([
      "Evidence#EvidenceRegistry",
      "Participants#ParticipantRegistry",
      "Bills#SupplyChainBills",
      "Copyright#CopyrightRegistry",
      "Copyright#CopyrightDisputes",
      "Copyright#CopyrightRelay",
    ]);

    // The bills settle in an ERC-20 the suite does not ship: a stand-in stablecoin with 2 decimals.
    const provider = new JsonRpcProvider(node.url);
    const stablecoin = await hre.artifacts.readArtifact("MockStablecoin");
    const token = await new ContractFactory(stablecoin.abi, stablecoin.bytecode, await provider.getSigner(0)).deploy(2);
    await token.waitForDeployment();

    const report = runExample(process.execPath, {
      RPC_URL: node.url,
      DEPLOYMENT: addressesFile,
      SETTLEMENT_TOKEN: await token.getAddress(),
    });
    await expectReport(report, provider, CHAIN_ID);
    provider.destroy();

    const blockBefore = await rpc<string>(node.url, "eth_blockNumber");
    const second = runHardhat(deployArgs, env);
    expect(second.status, second.stdout + second.stderr).to.equal(0);
    for (const address of Object.values(addresses)) expect(second.stdout).to.contain(address);
    expect(await rpc<string>(node.url, "eth_blockNumber")).to.equal(blockBefore);
    expect(JSON.parse(await readFile(path.join(journal, "deployed_addresses.json"), "utf8"))).to.deep.equal(addresses);
  });
});
