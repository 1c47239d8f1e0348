// The bills CLI against a real `hardhat node`: deploy with Ignition, register, issue, endorse, show, and bad input
// answered with one clear line and exit code 1. Its own chain id (31341) keeps its Ignition journal apart.
import { rm } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { ContractFactory, JsonRpcProvider } from "ethers";
import hre from "hardhat";

import { rpc, runHardhat, startNode, type CliResult, type LocalNode } from "../helpers/cli.js";

const CHAIN_ID = 31_341;
const journal = path.join(import.meta.dirname, "..", "..", "deploy", "deployments", `chain-${CHAIN_ID}`);
const ROOT = String((1n << 24n) | 1n);
const SECOND = String((1n << 24n) | 2n);

function errorLine(result: CliResult): string {
  const lines = result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
  expect(lines, result.stderr).to.have.length(1);
  return lines[0];
}

describe("bills CLI on a hardhat node", function () {
  this.timeout(300_000);
  let node: LocalNode;
  let bills: (...args: string[]) => CliResult;
  let accounts: string[];

  before(async function () {
    await rm(journal, { recursive: true, force: true });
    node = await startNode({ chainId: CHAIN_ID });
    bills = (...args) => runHardhat(["bills", ...args, "--network", "localhost"], { LOCALHOST_URL: node.url });
    accounts = await rpc<string[]>(node.url, "eth_accounts");
  });

  after(async function () {
    await node?.stop();
    await rm(journal, { recursive: true, force: true });
  });

  it("deploys, registers, issues, endorses and shows a bill; bad input gets one line", async function () {
    const missing = bills("show", "1");
    expect(missing.status).to.equal(1);
    expect(errorLine(missing)).to.equal(
      `error: no Bills#SupplyChainBills deployed on chain ${CHAIN_ID} (network "localhost"): deploy it with Ignition or pass --bills`,
    );

    const deploy = runHardhat(["ignition", "deploy", "deploy/modules/Bills.ts", "--network", "localhost"], {
      LOCALHOST_URL: node.url,
      HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true",
    });
    expect(deploy.status, deploy.stdout + deploy.stderr).to.equal(0);

    const artifact = await hre.artifacts.readArtifact("MockStablecoin");
    const provider = new JsonRpcProvider(node.url);
    const token = await new ContractFactory(artifact.abi, artifact.bytecode, await provider.getSigner(0)).deploy(2);
    await token.waitForDeployment();
    provider.destroy();

    const [, tier1, tier2, bank, core] = accounts;
    for (const [account, roles, org] of [
      [core, "enterprise", "91310000CORE"],
      [tier1, "enterprise", "91310000TIER1"],
      [tier2, "enterprise", "91310000TIER2"],
      [bank, "financier", "91310000BANK"],
    ]) {
      const registered = bills("register", account, "--org", org, "--roles", roles, "--valid-until", "2099-12-31");
      expect(registered.status, registered.stderr).to.equal(0);
    }
    const badRole = bills("register", accounts[5], "--org", "X", "--roles", "bank", "--valid-until", "2099-12-31");
    expect(errorLine(badRole)).to.equal('error: unknown role "bank": use enterprise, financier, regulator');

    const issueArgs = ["--acceptor", core, "--payee", tier1, "--token", await token.getAddress()];
    const issued = bills(
      "issue",
      ...issueArgs,
      "--amount",
      "1,000,000.00",
      "--maturity",
      "2099-06-30",
      "--trade-digest",
      "PC-2026-0118",
      "--from",
      core,
    );
    expect(issued.status, issued.stderr).to.equal(0);
    expect(issued.stdout).to.contain(`issued package 1; root part ${ROOT} offered to ${tier1}`);

    const past = bills(
      "issue",
      ...issueArgs,
      "--amount",
      "1.00",
      "--maturity",
      "2001-01-01",
      "--trade-digest",
      "x",
      "--from",
      core,
    );
    expect(past.status).to.equal(1);
    expect(errorLine(past)).to.equal("error: maturity 2001-01-01T00:00:00.000Z is not in the future");

    expect(bills("accept", "1", "--from", core).status).to.equal(0);
    expect(bills("sign", ROOT, "--from", tier1).status).to.equal(0);

    const endorsed = bills("endorse", ROOT, tier2, "250000.00", "--from", tier1);
    expect(endorsed.status, endorsed.stderr).to.equal(0);
    expect(endorsed.stdout).to.contain(`offered 250000.00 yuan to ${tier2} as part ${SECOND}; it must sign`);
    const signed = bills("sign", SECOND, "--from", tier2);
    expect(signed.status, signed.stderr).to.equal(0);

    const fractional = bills("endorse", ROOT, tier2, "12.345", "--from", tier1);
    expect(errorLine(fractional)).to.equal(
      'error: amount "12.345" is not a yuan amount: use digits with at most two decimals, e.g. "1234.56"',
    );
    const stranger = bills("endorse", ROOT, accounts[6], "1.00", "--from", tier1);
    expect(errorLine(stranger)).to.equal(`error: endorsee ${accounts[6]} is not registered`);
    const notHolder = bills("sign", SECOND, "--from", tier2);
    expect(errorLine(notHolder)).to.match(/^error: WrongPartState\(tokenId=16777218, state=4, frozen=false\)$/);

    const shown = bills("show", "1");
    expect(shown.status, shown.stderr).to.equal(0);
    expect(shown.stdout).to.contain("package 1: active");
    expect(shown.stdout).to.contain("face 1000000.00 yuan");
    expect(shown.stdout.toLowerCase()).to.contain(`part ${SECOND} (package 1): 250,000.00 yuan, held, owner ${tier2}`);
    const part = bills("part", SECOND);
    expect(part.stdout.toLowerCase()).to.contain(`endorsement chain: ${core} -> ${tier1}`);
  });
});
