// One verifier everywhere, SDK and CLI: the shared fixture set (test/fixtures/evidence.ts: valid, tampered, revoked,
// superseded, batch member, salted SM3, witnessed, another chain) made on a hardhat node, then each entry checked by
// `EvidenceClient` and by `npx hardhat evidence verify`, which must print the SDK's verdict lines byte for byte.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider } from "ethers";

import { journalDir, runHardhat, startNode, type CliResult, type LocalNode } from "../helpers/cli.js";
import {
  createEvidenceFixtures,
  deployEvidenceRegistry,
  fixturePath,
  type EvidenceFixture,
  type EvidenceFixtures,
} from "../fixtures/evidence.js";
import { expectFixtureVerdict, sdkVerdict } from "../fixtures/verdicts.js";

// Chains of their own, with no Ignition journal: the CLI trusts the registry given with --registry, not a deployment.
const CHAIN_ID = 31_343;
const OTHER_CHAIN_ID = 31_344;

/** The CLI's lines for a verdict: the summary (stdout when VERIFIED, else stderr) then the fields (stdout). */
function cliLines(result: CliResult): { status: number | null; lines: string[] } {
  const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
  return { status: result.status, lines: [...lines(result.stderr), ...lines(result.stdout)] };
}

describe("the shared evidence fixtures, SDK and CLI on a hardhat node", function () {
  this.timeout(600_000);
  let node: LocalNode;
  let other: LocalNode;
  let providers: JsonRpcProvider[] = [];
  let set: EvidenceFixtures;

  before(async function () {
    for (const chainId of [CHAIN_ID, OTHER_CHAIN_ID]) {
      await rm(journalDir(chainId), { recursive: true, force: true });
    }
    [node, other] = await Promise.all([startNode({ chainId: CHAIN_ID }), startNode({ chainId: OTHER_CHAIN_ID })]);
    providers = [node, other].map((n) => new JsonRpcProvider(n.url, undefined, { batchMaxCount: 1 }));
    const [here, there] = providers;
    const signer = await here.getSigner(0);
    const registry = await deployEvidenceRegistry(signer);
    const otherSigner = await there.getSigner(0);
    const witnesses = await Promise.all([1, 2, 3].map((i) => here.getSigner(i)));
    set = await createEvidenceFixtures({
      signer,
      registry,
      dir: await mkdtemp(path.join(tmpdir(), "evidence-fixtures-")),
      witnesses: [witnesses[0], witnesses[1], witnesses[2]],
      otherChain: { signer: otherSigner, registry: await deployEvidenceRegistry(otherSigner, registry) },
    });
  });

  after(async function () {
    for (const provider of providers) provider.destroy();
    await Promise.all([node?.stop(), other?.stop()]);
    if (set !== undefined) await rm(set.dir, { recursive: true, force: true });
  });

  it("writes its manifest as fixtures.json: every kind of verdict, each with its document and receipt", async function () {
    const written = JSON.parse(await readFile(fixturePath(set, "fixtures.json"), "utf8"));
    expect(written).to.deep.equal({ chainId: String(CHAIN_ID), registry: set.registry, fixtures: set.fixtures });
    expect(set.fixtures.map((f) => [f.name, f.expected.status])).to.deep.equal([
      ["valid-no-receipt", "verified"],
      ["valid-with-receipt", "verified"],
      ["tampered", "content-mismatch"],
      ["revoked", "revoked"],
      ["superseded", "verified"],
      ["batch-member", "verified"],
      ["salted-sm3", "verified"],
      ["witnessed", "witnesses-pending"],
      ["other-chain", "wrong-network"],
      ["other-chain-registry", "wrong-network"],
    ]);
  });

  /** `npx hardhat evidence verify` on the entry, against the set's registry (--registry), on the node. */
  function cliVerify(entry: EvidenceFixture): CliResult {
    const args = ["evidence", "verify", fixturePath(set, entry.document)];
    if (entry.receipt === null) args.push("--algorithm", entry.algorithm);
    else args.push("--receipt", fixturePath(set, entry.receipt));
    args.push("--registry", set.registry, "--network", "localhost");
    return runHardhat(args, { LOCALHOST_URL: node.url });
  }

  const names = [
    "valid-no-receipt",
    "valid-with-receipt",
    "tampered",
    "revoked",
    "superseded",
    "batch-member",
    "salted-sm3",
    "witnessed",
    "other-chain",
    "other-chain-registry",
  ];
  for (const name of names) {
    it(`${name}: the SDK gives the expected verdict and the CLI prints it byte for byte`, async function () {
      const entry = set.fixtures.find((f) => f.name === name)!;
      const sdk = await sdkVerdict(set, entry, node.url);
      expectFixtureVerdict(set, entry, sdk);
      const cli = cliLines(cliVerify(entry));
      expect(cli.lines).to.deep.equal(sdk.lines);
      expect(cli.status).to.equal(sdk.status === "verified" ? 0 : 1);
      if (name === "witnessed") {
        const [signed] = entry.expected.witnesses!.signed;
        expect(cli.lines).to.include("  witnesses:   1 of 2 required signed (no deadline)");
        expect(cli.lines.some((line) => line.trim().startsWith(`${signed} signed 20`))).to.equal(true);
      }
      if (name === "superseded") {
        expect(cli.lines).to.include(`  superseded:  by ${entry.expected.supersededBy}`);
      }
    });
  }
});
