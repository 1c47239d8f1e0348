// The operator's CLI against a real `hardhat node`: success paths, and bad input answered with one clear line and a
// non-zero exit. The node runs on its own chain id so that its Ignition journal never mixes with a developer's.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { rpc, runHardhat, startNode, type CliResult, type LocalNode } from "../helpers/cli.js";

const CHAIN_ID = 31_338;
const journal = path.join(import.meta.dirname, "..", "..", "deploy", "deployments", `chain-${CHAIN_ID}`);

/** The single error line a failed command prints. */
function errorLine(result: CliResult): string {
  const lines = result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
  expect(lines, result.stderr).to.have.length(1);
  return lines[0];
}

describe("evidence CLI on a hardhat node", function () {
  this.timeout(300_000);
  let node: LocalNode;
  let dir: string;
  let evidence: (...args: string[]) => CliResult;

  before(async function () {
    await rm(journal, { recursive: true, force: true });
    node = await startNode({ chainId: CHAIN_ID });
    const env = { LOCALHOST_URL: node.url };
    evidence = (...args) => runHardhat(["evidence", ...args, "--network", "localhost"], env);
    dir = await mkdtemp(path.join(tmpdir(), "evidence-cli-"));
  });

  after(async function () {
    await node?.stop();
    await rm(journal, { recursive: true, force: true });
  });

  it("explains that nothing is deployed on the chain yet", function () {
    const result = evidence("verify", "hardhat.config.ts");
    expect(result.status).to.equal(1);
    expect(errorLine(result)).to.equal(
      `error: no Evidence#EvidenceRegistry deployed on chain ${CHAIN_ID} (network "localhost"): deploy it with Ignition or pass --registry`,
    );
  });

  it("deploys with Ignition, then anchors, verifies, co-signs and revokes", async function () {
    const deploy = runHardhat(["ignition", "deploy", "deploy/modules/Evidence.ts", "--network", "localhost"], {
      LOCALHOST_URL: node.url,
      HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true",
    });
    expect(deploy.status, deploy.stdout + deploy.stderr).to.equal(0);
    expect(existsSync(path.join(journal, "deployed_addresses.json"))).to.equal(true);

    const file = path.join(dir, "contract.txt");
    await writeFile(file, "a contract");
    const anchored = evidence("anchor", file, "--algorithm", "sm3", "--salt");
    expect(anchored.status, anchored.stderr).to.equal(0);
    expect(anchored.stdout).to.match(/anchored 0x[0-9a-f]{64} \(sm3\)/);
    const receiptFile = `${file}.receipt.json`;
    const receipt = JSON.parse(await readFile(receiptFile, "utf8"));
    expect(receipt).to.include({ algorithm: "sm3", chainId: String(CHAIN_ID) });

    const verified = evidence("verify", file, "--receipt", receiptFile);
    expect(verified.status, verified.stderr).to.equal(0);
    expect(verified.stdout).to.contain(`VERIFIED ${receipt.digest}`);

    const [, witness] = await rpc<string[]>(node.url, "eth_accounts");
    const required = evidence("witnesses", receipt.digest, "--witnesses", witness, "--threshold", "1");
    expect(required.status, required.stderr).to.equal(0);
    const cosigned = evidence("cosign", receipt.digest, "--from", witness);
    expect(cosigned.status, cosigned.stderr).to.equal(0);
    expect(cosigned.stdout).to.contain("1 of 1, witnessed");

    const revoked = evidence("revoke", receipt.digest, "--reason", "superseded by a new version");
    expect(revoked.status, revoked.stderr).to.equal(0);
    const after = evidence("verify", file, "--receipt", receiptFile);
    expect(after.stdout).to.contain("REVOKED:");
  });

  it("anchors a folder as a batch with progress and per-file receipts", async function () {
    const folder = path.join(dir, "batch");
    await mkdir(folder);
    for (let i = 0; i < 5; i++) await writeFile(path.join(folder, `doc-${i}.txt`), `document ${i}`);
    const result = evidence("anchor-folder", folder);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.contain("hashed 5/5");
    expect(result.stdout).to.match(/anchored root 0x[0-9a-f]{64} over 5 documents/);
    const verified = evidence(
      "verify",
      path.join(folder, "doc-3.txt"),
      "--receipt",
      path.join(folder, "receipts", "doc-3.txt.receipt.json"),
    );
    expect(verified.status, verified.stderr).to.equal(0);
    expect(verified.stdout).to.contain("in a batch");
  });

  it("answers bad input with one clear line and exit code 1", async function () {
    const file = path.join(dir, "once.txt");
    await writeFile(file, "only once");
    expect(evidence("anchor", file).status).to.equal(0);

    const again = evidence("anchor", file, "--receipt", path.join(dir, "again.json"));
    expect(again.status).to.equal(1);
    expect(errorLine(again)).to.match(
      /^error: AlreadyAnchored\(id=0x[0-9a-f]{64}, submitter=0x[0-9a-fA-F]{40}, time=\d+\)$/,
    );

    const missing = evidence("anchor", path.join(dir, "missing.pdf"));
    expect(missing.status).to.equal(1);
    expect(errorLine(missing)).to.equal(`error: file not found: ${path.join(dir, "missing.pdf")}`);

    const algorithm = evidence("anchor", file, "--algorithm", "md5");
    expect(algorithm.status).to.equal(1);
    expect(errorLine(algorithm)).to.equal(
      'error: unknown hash algorithm "md5" (known: keccak256, sha256, sha3-256, sm3)',
    );

    const receipt = JSON.parse(await readFile(`${file}.receipt.json`, "utf8"));
    const foreign = path.join(dir, "foreign.json");
    await writeFile(foreign, JSON.stringify({ ...receipt, chainId: "1" }));
    const wrongNetwork = evidence("verify", file, "--receipt", foreign);
    expect(wrongNetwork.status).to.equal(1);
    expect(errorLine(wrongNetwork)).to.equal(
      `error: the receipt is for chain 1, but the provider is on chain ${CHAIN_ID}`,
    );

    const unanchored = path.join(dir, "never.txt");
    await writeFile(unanchored, "never anchored");
    const notAnchored = evidence("verify", unanchored);
    expect(notAnchored.status).to.equal(1);
    expect(errorLine(notAnchored)).to.match(/^NOT ANCHORED: sha256 digest 0x[0-9a-f]{64}/);
  });
});
