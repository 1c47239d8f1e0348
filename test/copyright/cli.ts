// The copyright CLI against a real `hardhat node` on its own chain id: the whole flow, and bad input answered with
// one clear line and a non-zero exit.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { rpc, runHardhat, startNode, type CliResult, type LocalNode } from "../helpers/cli.js";

const CHAIN_ID = 31_340;
const journal = path.join(import.meta.dirname, "..", "..", "deploy", "deployments", `chain-${CHAIN_ID}`);

function errorLine(result: CliResult): string {
  const lines = result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
  expect(lines, result.stderr).to.have.length(1);
  return lines[0];
}

function ok(result: CliResult): string {
  expect(result.status, result.stdout + result.stderr).to.equal(0);
  return result.stdout;
}

describe("copyright CLI on a hardhat node", function () {
  this.timeout(600_000);
  let node: LocalNode;
  let dir: string;
  let env: Record<string, string>;
  const copyright = (...args: string[]) => runHardhat(["copyright", ...args, "--network", "localhost"], env);

  before(async function () {
    await rm(journal, { recursive: true, force: true });
    node = await startNode({ chainId: CHAIN_ID });
    env = { LOCALHOST_URL: node.url };
    dir = await mkdtemp(path.join(tmpdir(), "copyright-cli-"));
  });

  after(async function () {
    await node?.stop();
    await rm(journal, { recursive: true, force: true });
  });

  it("explains that nothing is deployed on the chain yet", function () {
    const result = copyright("withdraw");
    expect(result.status).to.equal(1);
    expect(errorLine(result)).to.equal(
      `error: no Copyright#CopyrightRegistry deployed on chain ${CHAIN_ID} (network "localhost"): deploy it with Ignition or pass --registry`,
    );
  });

  it("commits, reveals, sells and checks a license, withdraws, disputes and freezes", async function () {
    ok(
      runHardhat(["ignition", "deploy", "deploy/modules/Copyright.ts", "--network", "localhost"], {
        ...env,
        HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true",
      }),
    );
    const [composer, lyricist, licensee] = await rpc<string[]>(node.url, "eth_accounts");
    const song = path.join(dir, "song.flac");
    await writeFile(song, "a song");
    expect(ok(copyright("commit", song, "--algorithm", "sm3"))).to.match(/committed 0x[0-9a-f]{64}/);
    const revealed = ok(copyright("reveal", song, "--authors", `${composer}:6000,${lyricist}:4000`));
    const digest = revealed.match(/registered work (0x[0-9a-f]{64})/)![1];
    expect(revealed).to.contain("priority time:");

    const terms = ok(copyright("terms", "--fee", "1000", "--duration", "86400", "--derivatives", "--work", digest));
    const termsId = terms.match(/terms (0x[0-9a-f]{64}) registered/)![1];
    expect(terms).to.contain(`offered on work ${BigInt(digest)}`);

    expect(ok(copyright("license", digest, termsId, "--from", licensee))).to.match(/licensed 0x[0-9a-fA-F]{40} until/);
    expect(ok(copyright("check", digest, licensee, termsId))).to.contain("is licensed");
    expect(ok(copyright("withdraw", "--from", lyricist))).to.match(/withdrew 400 to/);

    const evidenceFile = path.join(dir, "draft.txt");
    await writeFile(evidenceFile, "the first draft");
    const anchored = ok(runHardhat(["evidence", "anchor", evidenceFile, "--network", "localhost"], env));
    const evidenceId = anchored.match(/anchored (0x[0-9a-f]{64})/)![1];
    expect(ok(copyright("dispute", digest, evidenceId, "--from", lyricist))).to.contain("dispute 1 raised");
    expect(ok(copyright("resolve", "1", "--upheld"))).to.contain("dispute 1 upheld: work frozen");
    expect(ok(copyright("check", digest, composer, termsId))).to.contain("FROZEN");
  });

  it("answers bad input with one clear line and exit code 1", async function () {
    const song = path.join(dir, "other.flac");
    await writeFile(song, "another song");
    const [composer] = await rpc<string[]>(node.url, "eth_accounts");
    const shares = copyright("register", song, "--authors", `${composer}:5000`);
    expect(shares.status).to.equal(1);
    expect(errorLine(shares)).to.equal("error: author shares must sum to 10000 basis points, got 5000");
    expect(ok(copyright("register", song))).to.contain("registered work");
    const again = copyright("register", song);
    expect(again.status).to.equal(1);
    expect(errorLine(again)).to.match(
      /^error: WorkAlreadyRegistered\(workId=\d+, owner=0x[0-9a-fA-F]{40}, priorityTime=\d+\)$/,
    );
    const reveal = copyright("reveal", song);
    expect(reveal.status).to.equal(1);
    expect(errorLine(reveal)).to.equal(`error: cannot read the commitment file ${song}.commit.json`);
    const work = copyright("check", "song", composer, "0x" + "00".repeat(32));
    expect(work.status).to.equal(1);
    expect(errorLine(work)).to.equal('error: not a work id or digest: "song"');
  });
});
