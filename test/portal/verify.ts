// The browser portal (web/) in a real Chromium, on a hardhat node: a document dropped in the page gets the SDK's own
// verdict (the same summary, byte for byte), and the page asks nothing of any host but its server and the RPC URL.
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider } from "ethers";
import type { Page } from "playwright-core";

import { EvidenceClient } from "../../src/evidence/client.js";
import type { EvidenceReceipt } from "../../src/evidence/receipt.js";
import { hashBytes } from "../../src/hash.js";
import { EvidenceRegistry__factory } from "../../typechain-types/index.js";
import { usePortal } from "./harness.js";

describe("the browser portal, verify a document, in Chromium on a hardhat node", function () {
  this.timeout(180_000);
  const portal = usePortal();
  let client: EvidenceClient;
  let registry: string;
  let dir: string;

  before(async function () {
    const deployed = await new EvidenceRegistry__factory(portal.signer).deploy();
    await deployed.waitForDeployment();
    registry = await deployed.getAddress();
    client = new EvidenceClient(registry, portal.signer);
    dir = await mkdtemp(path.join(tmpdir(), "portal-"));
  });

  /** A file in the test's folder. */
  async function file(name: string, content: string): Promise<string> {
    const where = path.join(dir, name);
    await writeFile(where, content);
    return where;
  }

  /** Anchors a file with the SDK; returns its receipt, written beside it. */
  async function anchored(
    name: string,
    content: string,
  ): Promise<{ path: string; receipt: EvidenceReceipt; receiptPath: string }> {
    const where = await file(name, content);
    const { receipt } = await client.anchorFile(where, { algorithm: "sm3", salt: true });
    const receiptPath = `${where}.receipt.json`;
    await writeFile(receiptPath, JSON.stringify(receipt));
    return { path: where, receipt, receiptPath };
  }

  /**
   * The SDK's verdict from a verifier of its own (a fresh provider, as the CLI in another process would have): the
   * submitter's provider caches the block number for a moment after its own transaction, so its log reads can miss
   * the newest block (seen here for a revocation's reason: reported, not fixed in this slice).
   */
  async function sdkVerdict(receipt: EvidenceReceipt | undefined, documentPath: string) {
    const own = new JsonRpcProvider(portal.node.url, undefined, { batchMaxCount: 1 });
    try {
      const verifier = new EvidenceClient(registry, own);
      return receipt === undefined
        ? await verifier.verifyFile(documentPath, "sha256", { knownDeployment: false })
        : await verifier.verifyReceipt(receipt, documentPath);
    } finally {
      own.destroy();
    }
  }

  /** Opens the portal, chooses the document (and receipt), verifies, and returns what the page shows. */
  async function verifyInPage(
    shot: string,
    documentPath: string,
    receiptPath?: string,
    {
      locale = "en-US",
      rpc = portal.node.url,
      prepare,
      inspect,
    }: {
      locale?: string;
      rpc?: string;
      /** Run on the open page before the document is chosen. */
      prepare?: (page: Page) => Promise<unknown>;
      /** Run on the page once it shows the verdict, before it is closed. */
      inspect?: (page: Page) => Promise<unknown>;
    } = {},
  ): Promise<{ status: string; headline: string; summary: string; fields: string }> {
    const { context, page } = await portal.open({ locale });
    await prepare?.(page);
    await page.fill("#rpc", rpc);
    await page.fill("#registry", registry);
    await page.setInputFiles("#document", documentPath);
    if (receiptPath !== undefined) await page.setInputFiles("#receipt", receiptPath);
    await page.press("#verify", "Enter");
    await page.waitForSelector("#result[data-status]:not([hidden])");
    const shown = {
      status: (await page.getAttribute("#result", "data-status")) ?? "",
      headline: (await page.textContent("#verdict")) ?? "",
      summary: (await page.textContent("#summary")) ?? "",
      fields: (await page.textContent("#fields")) ?? "",
    };
    await portal.screenshot(page, shot);
    await inspect?.(page);
    await context.close();
    return shown;
  }

  it("shows VERIFIED for the original file with its receipt, with the SDK's own summary", async function () {
    const doc = await anchored("contract.txt", "the signed contract, version 1\n");
    const sdk = await sdkVerdict(doc.receipt, doc.path);
    expect(sdk.status).to.equal("verified");
    const shown = await verifyInPage("verified", doc.path, doc.receiptPath);
    expect(shown.status).to.equal("verified");
    expect(shown.headline).to.equal("VERIFIED");
    expect(shown.summary).to.equal(sdk.summary);
    expect(shown.fields).to.include(doc.receipt.transaction).and.include(sdk.submitter).and.include("sm3 (salted)");
  });

  it("shows 验证通过 with Chinese labels when the browser prefers Chinese", async function () {
    const doc = await anchored("合同.txt", "合同正文\n");
    const shown = await verifyInPage("verified-zh", doc.path, doc.receiptPath, { locale: "zh-CN" });
    expect(shown.status).to.equal("verified");
    expect(shown.headline).to.equal("验证通过");
    expect(shown.fields).to.include("存证时间（UTC）");
  });

  it("shows CONTENT MISMATCH for a changed file with the original's receipt", async function () {
    const doc = await anchored("invoice.txt", "invoice 42: 1,000.00 yuan\n");
    const changed = await file("invoice-changed.txt", "invoice 42: 9,000.00 yuan\n");
    const sdk = await sdkVerdict(doc.receipt, changed);
    const shown = await verifyInPage("content-mismatch", changed, doc.receiptPath);
    expect(shown.status).to.equal("content-mismatch");
    expect(shown.headline).to.equal("CONTENT MISMATCH");
    expect(shown.summary).to.equal(sdk.summary);
  });

  it("shows NOT ANCHORED for a file nobody anchored (no receipt)", async function () {
    const unknown = await file("unknown.txt", "never anchored\n");
    const sdk = await sdkVerdict(undefined, unknown);
    const shown = await verifyInPage("not-anchored", unknown);
    expect(shown.status).to.equal("not-anchored");
    expect(shown.headline).to.equal("NOT ANCHORED");
    expect(shown.summary).to.equal(sdk.summary);
  });

  it("shows REVOKED, with when and why, after its submitter revokes it", async function () {
    const doc = await anchored("draft.txt", "a draft later withdrawn\n");
    await client.revoke(doc.receipt.digest, "withdrawn");
    const sdk = await sdkVerdict(doc.receipt, doc.path);
    expect(sdk.status).to.equal("revoked");
    const shown = await verifyInPage("revoked", doc.path, doc.receiptPath);
    expect(shown.status).to.equal("revoked");
    expect(shown.headline).to.equal("REVOKED");
    expect(shown.summary).to.equal(sdk.summary);
    expect(shown.fields).to.include(sdk.revocationReason!);
  });

  it("refuses a receipt naming another registry or another chain, saying which", async function () {
    const doc = await anchored("memo.txt", "a memo\n");
    const forged = await file(
      "memo-forged.receipt.json",
      JSON.stringify({ ...doc.receipt, contract: "0x000000000000000000000000000000000000dEaD" }),
    );
    const other = await file("memo-other-chain.receipt.json", JSON.stringify({ ...doc.receipt, chainId: "11155111" }));
    const refused = await verifyInPage("untrusted-registry", doc.path, forged);
    expect(refused.status).to.equal("untrusted-registry");
    expect(refused.headline).to.equal("ANOTHER REGISTRY");
    expect(refused.summary).to.equal(
      `the receipt names registry 0x000000000000000000000000000000000000dEaD, but the EvidenceRegistry trusted on chain 31337 is ${registry}: refusing the receipt's contract`,
    );
    const wrong = await verifyInPage("wrong-network", doc.path, other);
    expect(wrong.status).to.equal("wrong-network");
    expect(wrong.headline).to.equal("WRONG NETWORK");
    expect(wrong.summary).to.equal("the receipt is for chain 11155111, but the provider is on chain 31337");
  });

  it("shows VERIFIED for a batch member from its receipt's proof", async function () {
    const contents = ["scan 1\n", "scan 2\n", "scan 3\n"];
    const paths = await Promise.all(contents.map((content, i) => file(`scan-${i + 1}.txt`, content)));
    const batch = await client.anchorBatch(
      contents.map((content) => hashBytes(content)),
      "sha256",
      { fileNames: paths.map((p) => path.basename(p)) },
    );
    const receiptPath = await file("scan-2.txt.receipt.json", JSON.stringify(batch.receipts[1]));
    const sdk = await sdkVerdict(batch.receipts[1], paths[1]);
    expect(sdk.status).to.equal("verified");
    const shown = await verifyInPage("batch-member", paths[1], receiptPath);
    expect(shown.status).to.equal("verified");
    expect(shown.summary).to.equal(sdk.summary);
    expect(shown.fields).to.include(`member of batch ${batch.root}`);
  });

  it("hashes in a Web Worker, and in the page's thread when the worker cannot load or never answers", async function () {
    const doc = await anchored("large-scan.bin", "a scanned deed\n".repeat(200_000));
    const sdk = await sdkVerdict(doc.receipt, doc.path);
    const workerScript = "**/assets/hash-worker-*.js";
    // What each case serves for the worker's script (undefined: the real one), and how many times it was asked for.
    const cases: Record<string, { status: number; body: string } | undefined> = {
      "worker-hashes": undefined,
      "worker-missing": { status: 404, body: "" },
      // Loads, but `init` is never answered: the page must give up on it in time and hash in its own thread.
      "worker-silent": { status: 200, body: "self.onmessage = () => {};" },
    };
    for (const [shot, served] of Object.entries(cases)) {
      let asked = 0;
      let chunksToWorkers: unknown;
      const shown = await verifyInPage(shot, doc.path, doc.receiptPath, {
        prepare: async (page) => {
          await page.route(workerScript, (route) => {
            asked += 1;
            return served === undefined
              ? route.continue()
              : route.fulfill({ ...served, contentType: "text/javascript" });
          });
          // Counts the slices the page hands to a worker (a string: the test's TypeScript has no DOM library).
          await page.evaluate(`
            window.chunksToWorkers = 0;
            const post = Worker.prototype.postMessage;
            Worker.prototype.postMessage = function (message, ...rest) {
              if (message && message.type === "chunk") window.chunksToWorkers += 1;
              return post.call(this, message, ...rest);
            };
          `);
        },
        inspect: async (page) => (chunksToWorkers = await page.evaluate("window.chunksToWorkers")),
      });
      expect(asked, shot).to.equal(1);
      expect(shown.status, shot).to.equal("verified");
      expect(shown.summary, shot).to.equal(sdk.summary);
      // The 3 MB file is one slice: hashed by the worker, or (no worker answering) in the page with none sent.
      expect(chunksToWorkers, shot).to.equal(served === undefined ? 1 : 0);
    }
  });

  it("says plainly when the RPC URL cannot be reached", async function () {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const rpc = `http://127.0.0.1:${closed}`;
    portal.rpcUrls.push(rpc);
    const doc = await file("offline.txt", "checked while the node is unreachable\n");
    const shown = await verifyInPage("rpc-unreachable", doc, undefined, { rpc });
    expect(shown.status).to.equal("rpc-unreachable");
    expect(shown.headline).to.equal("NETWORK UNREACHABLE");
    expect(shown.summary).to.match(new RegExp(`^cannot reach the JSON-RPC URL ${rpc}: `));
  });

  it("asked nothing of any host but the portal's server and the RPC URL", function () {
    portal.assertOnlyAllowedHosts();
    expect(portal.requests.some((url) => url.startsWith(portal.node.url))).to.equal(true);
  });
});
