// End to end, as an integrator meets the project: pack the package, install the tarball into examples/integrator
// (not the source tree), type-check and build it, deploy the whole suite with Ignition to a real `hardhat node` (resuming
// a deployment that stopped after its first module), run the example against it, and prove a second deployment
// changes nothing. The node is stopped whatever happens.
import { spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { ContractFactory, JsonRpcProvider } from "ethers";
import hre from "hardhat";

import { journalDir, rpc, runHardhat, startNode, type LocalNode } from "../test/helpers/cli.js";

const CHAIN_ID = 31_342;
const root = path.resolve(import.meta.dirname, "..");
const example = path.join(root, "examples", "integrator");
const journal = journalDir(CHAIN_ID);

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, timeout: 300_000 });
  expect(result.status, `${command} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).to.equal(0);
  return result.stdout;
}

// npm under the pinned Node, so the package's lifecycle scripts run on a Node that Hardhat accepts.
const npmCli = process.env.npm_execpath;
const npm = (args: string[], cwd: string) =>
  npmCli?.endsWith(".js") ? run(process.execPath, [npmCli, ...args], cwd) : run("npm", args, cwd);

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
    const packed = npm(["pack", "--silent"], root).trim().split("\n").at(-1);
    expect(packed).to.equal("chainproof-contracts-0.1.0.tgz");
    await rm(path.join(example, "node_modules"), { recursive: true, force: true });
    npm(["install", "--no-package-lock", "--no-audit", "--no-fund"], example);
    run(process.execPath, [path.join(example, "node_modules", "typescript", "bin", "tsc"), "-p", example], example);

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

    const output = run(process.execPath, [path.join(example, "dist", "index.js")], example, {
      RPC_URL: node.url,
      DEPLOYMENT: addressesFile,
      SETTLEMENT_TOKEN: await token.getAddress(),
    });
    const report = JSON.parse(output.trim().split("\n").at(-1)!);
    const [platform, supplier, licensee, subSupplier] = await Promise.all(
      [0, 2, 4, 5].map((i) => provider.getSigner(i).then((s) => s.address)),
    );
    expect(report.chainId).to.equal(String(CHAIN_ID));
    // Test chains are not packed into deployments.json.
    expect(report.packagedDeployment).to.equal(false);
    expect(report.evidence).to.deep.include({
      maxAlgorithm: 127,
      duplicate: `AlreadyAnchored:${platform}`,
      batchSize: 3,
      batchValid: true,
      relayedSubmitter: licensee,
      history: ["Anchored"],
    });
    expect(Number(report.evidence.gasUsed)).to.be.within(40_000, 50_000);
    expect(report.participants).to.deep.equal({ supplier: { active: true, roles: ["enterprise"] } });
    expect(report.bills.kept).to.deep.equal({ holder: supplier, value: "1000.00", state: "held" });
    expect(report.bills.passedOn).to.deep.equal({ holder: subSupplier, value: "234.56", state: "held" });
    // Issuance offers the bill to the payee; an endorsement with signed consent is signed at once.
    expect(report.bills.history).to.deep.equal(["Issued", "Offered", "Accepted", "Signed", "Signed"]);
    expect(report.copyright).to.deep.include({ licensed: true, licensees: [licensee], withdrawn: "1000000" });
    provider.destroy();

    const blockBefore = await rpc<string>(node.url, "eth_blockNumber");
    const second = runHardhat(deployArgs, env);
    expect(second.status, second.stdout + second.stderr).to.equal(0);
    for (const address of Object.values(addresses)) expect(second.stdout).to.contain(address);
    expect(await rpc<string>(node.url, "eth_blockNumber")).to.equal(blockBefore);
    expect(JSON.parse(await readFile(path.join(journal, "deployed_addresses.json"), "utf8"))).to.deep.equal(addresses);
  });
});
