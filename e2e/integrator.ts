// End to end, as an integrator meets the project: pack the package, install the tarball into examples/integrator
// (not the source tree), type-check and build it, deploy the whole suite with Ignition to a real `hardhat node`, run
// the example against it, and prove a second deployment changes nothing. The node is stopped whatever happens.
import { spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { rpc, runHardhat, startNode, type LocalNode } from "../test/helpers/cli.js";

const CHAIN_ID = 31_339;
const root = path.resolve(import.meta.dirname, "..");
const example = path.join(root, "examples", "integrator");
const journal = path.join(root, "deploy", "deployments", `chain-${CHAIN_ID}`);

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
    node?.stop();
    await rm(journal, { recursive: true, force: true });
  });

  it("installs the packed package, deploys the suite, integrates, and redeploys idempotently", async function () {
    const packed = npm(["pack", "--silent"], root).trim().split("\n").at(-1);
    expect(packed).to.equal("chainproof-contracts-0.1.0.tgz");
    await rm(path.join(example, "node_modules"), { recursive: true, force: true });
    npm(["install", "--no-package-lock", "--no-audit", "--no-fund"], example);
    run(process.execPath, [path.join(example, "node_modules", "typescript", "bin", "tsc"), "-p", example], example);

    const env = { LOCALHOST_URL: node.url, HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true" };
    const first = runHardhat(["ignition", "deploy", "deploy/modules/Suite.ts", "--network", "localhost"], env);
    expect(first.status, first.stdout + first.stderr).to.equal(0);
    const addresses = JSON.parse(await readFile(path.join(journal, "deployed_addresses.json"), "utf8"));
    const registry: string = addresses["Evidence#EvidenceRegistry"];
    expect(registry).to.match(/^0x[0-9a-fA-F]{40}$/);

    const output = run(process.execPath, [path.join(example, "dist", "index.js")], example, {
      RPC_URL: node.url,
      EVIDENCE_REGISTRY: registry,
    });
    const report = JSON.parse(output.trim().split("\n").at(-1)!);
    expect(report).to.include({
      chainId: String(CHAIN_ID),
      maxAlgorithm: 127,
      duplicate: "AlreadyAnchored",
      valid: true,
    });
    expect(Number(report.gasUsed)).to.be.greaterThan(40_000);

    const blockBefore = await rpc<string>(node.url, "eth_blockNumber");
    const second = runHardhat(["ignition", "deploy", "deploy/modules/Suite.ts", "--network", "localhost"], env);
    expect(second.status, second.stdout + second.stderr).to.equal(0);
    expect(second.stdout).to.contain(registry);
    expect(await rpc<string>(node.url, "eth_blockNumber")).to.equal(blockBefore);
    expect(JSON.parse(await readFile(path.join(journal, "deployed_addresses.json"), "utf8"))).to.deep.equal(addresses);
  });
});
