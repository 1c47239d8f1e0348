// Deployment records with deployment blocks: export-deployments checks a record's optional `blocks` and writes them into
// deployments.json beside the addresses (whose shape, chain id → name → address, stays as it was), and a history of a
// contract whose block is recorded starts there without the eth_getCode search at past blocks (made when none is).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { BrowserProvider, type Eip1193Provider, type Provider } from "ethers";
import { network } from "hardhat";

import { deploymentsJson, exportDeployments, parseRecord } from "../../scripts/export-deployments.js";
import {
  DEPLOYMENT_BLOCKS_KEY,
  deploymentBlocksOf,
  rememberDeployments,
  rememberPackageDeployments,
  type DeploymentsFile,
} from "../../src/deployments.js";
import { EvidenceClient } from "../../src/evidence/client.js";
import { hashBytes } from "../../src/hash.js";
import { deploymentBlock, loadDeploymentBlocksWith, rememberDeploymentBlock } from "../../src/logs.js";

const CHAIN_ID = 424_243; // not a development chain (31337, 1337), whose histories start at 0 without a search
const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const record = (extra: object) => JSON.stringify({ chainId: 11155111, build: "default", ...extra });

describe("deployment records with deployment blocks", function () {
  it("export-deployments accepts a record's blocks and refuses a malformed one, naming the file and the fault", function () {
    const parsed = parseRecord(
      "11155111.json",
      record({ contracts: { EvidenceRegistry: REGISTRY.toLowerCase() }, blocks: { EvidenceRegistry: 5_123_456 } }),
    );
    expect(parsed).to.deep.equal({
      chainId: 11155111,
      build: "default",
      contracts: { EvidenceRegistry: REGISTRY },
      blocks: { EvidenceRegistry: 5_123_456 },
    });
    const bad = (blocks: unknown) =>
      parseRecord("11155111.json", record({ contracts: { EvidenceRegistry: REGISTRY }, blocks }));
    expect(() => bad({ ParticipantRegistry: 1 })).to.throw(
      "deploy/records/11155111.json: blocks names ParticipantRegistry, which is not in contracts",
    );
    expect(() => bad({ EvidenceRegistry: -1 })).to.throw(
      "deploy/records/11155111.json: EvidenceRegistry's block -1 is not a block number",
    );
    expect(() => bad({ EvidenceRegistry: "5123456" })).to.throw(
      `deploy/records/11155111.json: EvidenceRegistry's block "5123456" is not a block number`,
    );
    expect(() => bad({ EvidenceRegistry: 1.5 })).to.throw("EvidenceRegistry's block 1.5 is not a block number");
    expect(() => bad([5])).to.throw(
      "deploy/records/11155111.json: blocks must be an object of contract name → deployment block",
    );
  });

  it("writes the blocks beside the chains, and a file without blocks as before", async function () {
    const plain = { chainId: 1, build: "default" as const, contracts: { EvidenceRegistry: REGISTRY } };
    expect(deploymentsJson([plain])).to.deep.equal({ "1": { EvidenceRegistry: REGISTRY } });

    const dir = await mkdtemp(path.join(tmpdir(), "deployments-"));
    try {
      await writeFile(path.join(dir, "1.json"), JSON.stringify(plain));
      await writeFile(
        path.join(dir, "11155111.json"),
        record({ contracts: { EvidenceRegistry: REGISTRY }, blocks: { EvidenceRegistry: 7 } }),
      );
      const out = path.join(dir, "dist", "deployments.json");
      expect(await exportDeployments(dir, out)).to.equal(2);
      const file = JSON.parse(await readFile(out, "utf8")) as DeploymentsFile;
      expect(file).to.deep.equal({
        "1": { EvidenceRegistry: REGISTRY },
        "11155111": { EvidenceRegistry: REGISTRY },
        [DEPLOYMENT_BLOCKS_KEY]: { "11155111": { EvidenceRegistry: 7 } },
      });
      // What deploymentOf / deployments() read from it: chain id → name → address only.
      expect(rememberDeployments(file)).to.deep.equal({
        chains: { "1": { EvidenceRegistry: REGISTRY }, "11155111": { EvidenceRegistry: REGISTRY } },
        blocks: { "11155111": { EvidenceRegistry: 7 } },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // The repository has no packed deployments.json: the package records no blocks here.
    expect(deploymentBlocksOf(11155111)).to.equal(undefined);
  });

  it("reads a history from the recorded block without an eth_getCode search, which it makes when none is recorded", async function () {
    const connection = await network.create({ override: { chainId: CHAIN_ID } });
    try {
      const { ethers, networkHelpers } = connection;
      const [signer] = await ethers.getSigners();
      // Block by block: hardhat_mine leaves a mined range without state, which would mislead the search.
      for (let i = 0; i < 12; i++) await networkHelpers.mine(1);
      const recorded = await ethers.deployContract("EvidenceRegistry");
      const block = (await recorded.deploymentTransaction()!.wait())!.blockNumber;
      const searched = await ethers.deployContract("EvidenceRegistry");
      const [a, b] = [await recorded.getAddress(), await searched.getAddress()];
      const digest = hashBytes("recorded deployment block");
      await new EvidenceClient(a, signer).anchor(digest, "sha256");
      await new EvidenceClient(b, signer).anchor(digest, "sha256");
      for (let i = 0; i < 5; i++) await networkHelpers.mine(1);
      expect(block).to.be.greaterThan(12);

      // As the package registers its deployments.json: read before the first history's search.
      loadDeploymentBlocksWith(() =>
        rememberDeployments({
          [String(CHAIN_ID)]: { EvidenceRegistry: a },
          [DEPLOYMENT_BLOCKS_KEY]: { [String(CHAIN_ID)]: { EvidenceRegistry: block } },
        }),
      );

      /** A fresh provider over the node that notes every JSON-RPC call (method and params). */
      const counted = () => {
        const calls: { method: string; params: unknown[] }[] = [];
        const eip1193: Eip1193Provider = {
          request: async (request) => {
            calls.push({ method: request.method, params: (request.params as unknown[] | undefined) ?? [] });
            return connection.provider.request(request);
          },
        };
        return { calls, provider: new BrowserProvider(eip1193) };
      };

      /** The block tag of every eth_getCode call. */
      const codeReads = (calls: { method: string; params: unknown[] }[]) =>
        calls.filter((c) => c.method === "eth_getCode").map((c) => c.params[1]);

      const first = counted();
      const records = await new EvidenceClient(a, first.provider).allRecordsOf(signer.address);
      expect(records.map((r) => r.id)).to.deep.equal([digest]);
      // The client's one check that the address holds code now, and no eth_getCode at a past block (the search).
      expect(codeReads(first.calls)).to.deep.equal(["latest"]);
      const logs = first.calls.filter((c) => c.method === "eth_getLogs");
      expect(logs).to.not.have.length(0);
      expect(Number((logs[0].params[0] as { fromBlock: string }).fromBlock)).to.equal(block);

      const second = counted();
      const others = await new EvidenceClient(b, second.provider).allRecordsOf(signer.address);
      expect(others.map((r) => r.id)).to.deep.equal([digest]);
      const searches = codeReads(second.calls).filter((tag) => tag !== "latest");
      expect(searches.length).to.be.greaterThan(1);
    } finally {
      await connection.close();
    }
  });

  it("keeps the block a caller recorded over the package's record for the same contract", async function () {
    const chainId = 424_244n;
    // Asked nothing but its chain: a recorded block needs no node.
    const provider = { getNetwork: async () => ({ chainId }) } as unknown as Provider;
    const other = "0x00000000000000000000000000000000000000b2";
    rememberDeploymentBlock(chainId, REGISTRY, 120);
    // As the package reads its deployments.json, lazily before the first history: it must not replace the 120.
    loadDeploymentBlocksWith(() =>
      rememberPackageDeployments({
        [String(chainId)]: { EvidenceRegistry: REGISTRY, CopyrightRegistry: other },
        [DEPLOYMENT_BLOCKS_KEY]: { [String(chainId)]: { EvidenceRegistry: 90, CopyrightRegistry: 95 } },
      }),
    );
    expect(await deploymentBlock(provider, REGISTRY)).to.equal(120);
    expect(await deploymentBlock(provider, other)).to.equal(95); // what the caller did not record, the package gives
    // The caller may still correct its own record later.
    rememberDeploymentBlock(chainId, REGISTRY.toLowerCase(), 121);
    expect(await deploymentBlock(provider, REGISTRY)).to.equal(121);
  });
});
