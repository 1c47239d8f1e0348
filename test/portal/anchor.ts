// The portal's "anchor a document" (#/anchor) in Chromium, with an injected EIP-1193 wallet whose requests the test
// forwards to the hardhat node (whose unlocked accounts sign eth_sendTransaction): the page hashes the file, anchors it
// from the wallet's account, and offers the receipt, which the SDK then verifies. A wallet on another chain gets a
// clear message and nothing is sent.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider, getAddress } from "ethers";
import type { BrowserContext, Page } from "playwright-core";

import { EvidenceClient } from "../../src/evidence/client.js";
import { parseReceipt, type EvidenceReceipt } from "../../src/evidence/receipt.js";
import { hashBytes } from "../../src/hash.js";
import { deployEvidenceRegistry } from "../fixtures/evidence.js";
import { usePortal } from "./harness.js";

/** How the test's wallet behaves: the chain it says it is on, and whether it agrees to switch. */
interface WalletBehaviour {
  chainId?: string;
  switches?: boolean;
  /** The user declines the transaction (EIP-1193 error 4001). */
  declines?: boolean;
}

describe("the browser portal, anchor a document with an injected wallet, in Chromium on a hardhat node", function () {
  this.timeout(180_000);
  const portal = usePortal();
  let registry: string;
  let account: string;
  let dir: string;

  before(async function () {
    registry = await deployEvidenceRegistry(portal.signer);
    account = getAddress((await portal.provider.send("eth_accounts", []))[5]);
    dir = await mkdtemp(path.join(tmpdir(), "portal-anchor-"));
  });

  /**
   * Opens #/anchor with `window.ethereum` injected before the page's scripts run: its `request` goes to the test
   * (exposeFunction), which answers eth_requestAccounts / eth_accounts with the node's account 5, fakes the chain and
   * switching per `behaviour`, and forwards everything else to the node's JSON-RPC. Returns the methods it was asked.
   */
  async function openWithWallet(
    behaviour: WalletBehaviour | null,
    locale = "en-US",
  ): Promise<{ context: BrowserContext; page: Page; asked: string[] }> {
    const { context, page } = await portal.open({ locale, path: "#/anchor" });
    const asked: string[] = [];
    if (behaviour !== null) {
      let chainId = behaviour.chainId;
      await context.exposeFunction(
        "__testWallet",
        async (
          method: string,
          params: unknown[],
        ): Promise<{ result?: unknown; error?: { code: number; message: string } }> => {
          asked.push(method);
          if (method === "eth_requestAccounts" || method === "eth_accounts") return { result: [account.toLowerCase()] };
          if (method === "eth_chainId" && chainId !== undefined) return { result: chainId };
          if (method === "eth_sendTransaction" && behaviour.declines) {
            return { error: { code: 4001, message: "User rejected the request." } };
          }
          if (method === "wallet_switchEthereumChain") {
            if (!behaviour.switches) return { error: { code: 4902, message: "Unrecognized chain ID" } };
            chainId = undefined; // now on the node's chain
            return { result: null };
          }
          try {
            return { result: await portal.provider.send(method, params ?? []) };
          } catch (error) {
            return { error: { code: -32603, message: error instanceof Error ? error.message : String(error) } };
          }
        },
      );
      // A string, not a function: the test runner's transpiler may add helpers a page does not have.
      await context.addInitScript(`
        window.ethereum = {
          async request({ method, params }) {
            const answer = await window.__testWallet(method, params ?? []);
            if (answer.error !== undefined) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
            return answer.result;
          },
        };`);
      await page.reload();
      await page.waitForSelector("body[data-ready]");
    }
    await page.fill("#rpc", portal.node.url);
    await page.fill("#registry", registry);
    return { context, page, asked };
  }

  /** Chooses the file and algorithm (and a salt), anchors, and returns the result's status and message. */
  async function anchorInPage(
    page: Page,
    file: string,
    algorithm: string,
    salted: boolean,
  ): Promise<{ status: string; headline: string; message: string; salt: string }> {
    await page.setInputFiles("#file", file);
    await page.selectOption("#algorithm", algorithm);
    if (salted) await page.check("#salt");
    const salt = await page.inputValue("#saltValue");
    await page.click("#anchor");
    await page.waitForSelector("#result[data-status]:not([hidden])");
    return {
      status: (await page.getAttribute("#result", "data-status")) ?? "",
      headline: (await page.textContent("#headline")) ?? "",
      message: (await page.textContent("#message")) ?? "",
      salt,
    };
  }

  /** Clicks the receipt's download link and returns the downloaded file's name and text. */
  async function downloadReceipt(page: Page): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    const saved = path.join(dir, `downloaded-${Date.now()}.json`);
    await download.saveAs(saved);
    return { name: download.suggestedFilename(), text: await readFile(saved, "utf8") };
  }

  /** The SDK's verdict on the document with the receipt, through a provider of its own. */
  async function sdkVerify(receipt: EvidenceReceipt, file: string) {
    const provider = new JsonRpcProvider(portal.node.url, undefined, { batchMaxCount: 1 });
    try {
      return await new EvidenceClient(registry, provider).verifyReceipt(receipt, { file, knownDeployment: false });
    } finally {
      provider.destroy();
    }
  }

  it("hashes the file in the page, anchors it from the wallet (SM3, salted) and offers a receipt the SDK verifies", async function () {
    const file = path.join(dir, "lease.txt");
    await writeFile(file, "Lease of unit 12, 1 January 2027, 3,500.00 yuan a month\n");
    const { context, page, asked } = await openWithWallet({});
    const shown = await anchorInPage(page, file, "sm3", true);
    expect(shown.salt).to.match(/^0x[0-9a-f]{64}$/);
    expect(shown.status, shown.message).to.equal("anchored");
    expect(shown.headline).to.equal("ANCHORED");
    expect(asked).to.include.members(["eth_requestAccounts", "eth_sendTransaction"]);
    const downloaded = await downloadReceipt(page);
    expect(downloaded.name).to.equal("lease.txt.receipt.json");
    expect(await page.textContent("#receiptJson")).to.equal(downloaded.text);
    expect(await page.inputValue("#saltValue")).to.equal(shown.salt); // the salt shown is the receipt's
    await portal.screenshot(page, "anchor");
    await context.close();

    // The CLI's format: indented JSON and a final newline, parsed by the SDK's own parser.
    const receipt = parseReceipt(downloaded.text);
    expect(downloaded.text).to.equal(JSON.stringify(receipt, null, 2) + "\n");
    expect(receipt).to.deep.include({
      version: 2,
      algorithm: "sm3",
      salt: shown.salt,
      chainId: "31337",
      contract: registry,
      fileName: "lease.txt",
    });
    const verdict = await sdkVerify(receipt, file);
    expect(verdict.status, verdict.summary).to.equal("verified");
    expect(verdict.submitter).to.equal(account);
    expect(verdict.salted).to.equal(true);
    expect(verdict.transaction?.from).to.equal(account);
  });

  it("in Chinese, switches a wallet on another chain to the network's when it agrees, then anchors (keccak256, unsalted)", async function () {
    const file = path.join(dir, "合同.txt");
    await writeFile(file, "合同正文：甲方与乙方\n");
    const { context, page, asked } = await openWithWallet({ chainId: "0x1", switches: true }, "zh-CN");
    const shown = await anchorInPage(page, file, "keccak256", false);
    expect(shown.status, shown.message).to.equal("anchored");
    expect(shown.headline).to.equal("已存证");
    expect(asked).to.include("wallet_switchEthereumChain");
    const receipt = parseReceipt((await downloadReceipt(page)).text);
    await context.close();
    expect(receipt.salt).to.equal(undefined);
    const verdict = await sdkVerify(receipt, file);
    expect(verdict.status, verdict.summary).to.equal("verified");
    expect(verdict.algorithmName).to.equal("keccak256");
  });

  it("says plainly when the wallet is on another chain and will not switch, and sends nothing", async function () {
    const file = path.join(dir, "memo.txt");
    await writeFile(file, "a memo\n");
    const { context, page, asked } = await openWithWallet({ chainId: "0xaa36a7", switches: false });
    const shown = await anchorInPage(page, file, "sha256", false);
    await portal.screenshot(page, "anchor-wrong-chain");
    await context.close();
    expect(shown.status).to.equal("wrong-chain");
    expect(shown.headline).to.equal("WRONG NETWORK");
    expect(shown.message).to.equal(
      "Your wallet is on chain 11155111, but the chosen network is chain 31337 (Hardhat): switch your wallet to chain 31337 and try again.",
    );
    expect(asked).to.include("wallet_switchEthereumChain");
    expect(asked).to.not.include("eth_sendTransaction");
  });

  it("says plainly when the user declines the transaction in the wallet, and anchors nothing", async function () {
    const file = path.join(dir, "declined.txt");
    await writeFile(file, "declined in the wallet\n");
    const { context, page, asked } = await openWithWallet({ declines: true });
    const shown = await anchorInPage(page, file, "sha256", false);
    await context.close();
    expect(asked).to.include("eth_sendTransaction");
    expect(shown.status).to.equal("declined");
    expect(shown.headline).to.equal("DECLINED");
    expect(shown.message).to.equal("You declined the request in your wallet: nothing was anchored.");
    const provider = new JsonRpcProvider(portal.node.url, undefined, { batchMaxCount: 1 });
    try {
      const status = await new EvidenceClient(registry, provider).verify(hashBytes("declined in the wallet\n"));
      expect(status.exists).to.equal(false);
    } finally {
      provider.destroy();
    }
  });

  it("says plainly when the browser has no wallet", async function () {
    const file = path.join(dir, "note.txt");
    await writeFile(file, "a note\n");
    const { context, page } = await openWithWallet(null);
    const shown = await anchorInPage(page, file, "sha256", false);
    await context.close();
    expect(shown.status).to.equal("no-wallet");
    expect(shown.message).to.equal(
      "No wallet found in this browser: install or unlock an Ethereum wallet (such as MetaMask), then reload the page.",
    );
  });

  it("asked nothing of any host but the portal's server and the RPC URL", function () {
    portal.assertOnlyAllowedHosts();
  });
});
