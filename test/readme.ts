// The README's local-node walkthrough, run as written: the ```sh blocks of its "## Local node" section are extracted
// from README.md itself and run in order, in one bash, against a `hardhat node` this test starts on a free port
// (LOCALHOST_URL points `--network localhost` at it). Each block must exit 0 and print what the README says it does.
// The test process has built the contracts before it runs, and deploys use the production profile, which is the
// default one: no child compiles, so there is no timeout on the children (a loaded machine only makes them slower).
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { journalDir, root, startNode, type LocalNode } from "./helpers/cli.js";

const SECTION = "## Local node";

/** The ```sh blocks of the README section that starts with `heading` (up to the next "## " heading). */
export function shellBlocks(readme: string, heading: string): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`README.md has no "${heading}" section`);
  const end = readme.indexOf("\n## ", start + heading.length + 2);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

/** Runs a bash script in the project root; resolves with its exit code and output (no timeout: see above). */
function bash(script: string, env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", script], {
      cwd: root,
      env: { ...process.env, ...env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

// What each block must print, in README order.
const EXPECTED: RegExp[][] = [
  [/Bills#SupplyChainBills - 0x[0-9a-fA-F]{40}/, /Copyright#CopyrightRegistry - 0x[0-9a-fA-F]{40}/],
  [/anchored 0x[0-9a-f]{64} \(sm3\)/, /VERIFIED/, /certificate written to .*cert\.pdf/],
  [/^WORK=0x[0-9a-f]{64}$/m, /\(fee 1\.5 native\)/, /^TERMS=0x[0-9a-f]{64}$/m, /^work 0x[0-9a-f]{64} \(sha256\)/m],
  [
    /^TOKEN=0x[0-9a-fA-F]{40}$/m,
    /registered 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 as enterprise/,
    /registered 0x90F79bf6EB2c4f870365E785982E1f101E93b906 as enterprise/,
    /^PACKAGE=1$/m,
    /^PART=16777217$/m,
    /offered 250,000\.00 yuan to 0x90F79bf6EB2c4f870365E785982E1f101E93b906 as part 16777218/,
    /^ENDORSED=16777218$/m,
    /discounting 200,000\.00 yuan of part 16777217/,
    /face 1,000,000\.00 yuan/,
    /: Issued: issued 1,000,000\.00 yuan/,
    /: TransferValue: 250,000\.00 yuan moved from part 16777217 to part 16777218/,
  ],
];

describe("README local-node walkthrough on a hardhat node", function () {
  // Twenty-odd CLI processes: minutes on a loaded machine. None compiles.
  this.timeout(3_600_000);
  let node: LocalNode;
  const journal = journalDir(31_337);
  const scratch = path.join(root, "walkthrough");

  before(async function () {
    node = await startNode();
  });

  after(async function () {
    await node?.stop();
    await rm(journal, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  it("runs every block of the section as written and prints what it says", async function () {
    const blocks = shellBlocks(await readFile(path.join(root, "README.md"), "utf8"), SECTION);
    expect(blocks).to.have.length(EXPECTED.length);
    // One shell for all blocks (variables carry over, as for a reader), a marker before each so output is per block.
    const script = [
      "set -eo pipefail",
      ...blocks.map((block, i) => `echo "### block ${i} $(date +%s%3N)"\n${block}`),
      'echo "### end $(date +%s%3N)"',
    ].join("\n");
    const { status, output } = await bash(script, { LOCALHOST_URL: node.url });
    const outputs = output.split(/^### (?:block \d+|end) \d+\n/m).slice(1, -1);
    // How long each block took (the README quotes these figures).
    const marks = [...output.matchAll(/^### (?:block \d+|end) (\d+)$/gm)].map((match) => Number(match[1]));
    const seconds = marks.slice(1).map((mark, i) => ((mark - marks[i]) / 1000).toFixed(1));
    console.log(`      block durations (s): ${seconds.join(", ")}`);
    expect(status, output).to.equal(0);
    expect(outputs).to.have.length(blocks.length);
    outputs.forEach((text, i) => {
      for (const line of EXPECTED[i]) expect(text, `block ${i}:\n${text}`).to.match(line);
      expect(text, `block ${i} compiled`).not.to.match(/Compiled \d+ Solidity files/);
    });
  });
});
