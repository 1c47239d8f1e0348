// The browser tests' shared set-up: the portal built once per test process, served on 127.0.0.1 with a networks.json
// the test controls, a hardhat node, and Debian's Chromium driven by playwright-core (skipped, saying so, without it).
// Every request a page makes is recorded; `assertOnlyAllowedHosts()` checks none left for a host but the server and
// the RPC URLs. A page that breaks its Content-Security-Policy fails the suite. Screenshots go to reports/portal/ for
// people to look at.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider, type JsonRpcSigner } from "ethers";
import type { Browser, BrowserContext, Page } from "playwright-core";

import { buildPortal, servePortal, type SiteNetwork } from "../../scripts/portal.js";
import { root, startNode, type LocalNode } from "../helpers/cli.js";
import { cannotRun } from "../helpers/system-tools.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const screenshots = path.join(root, "reports", "portal");

let built: Promise<void> | undefined;
/** Builds web/ into web/dist once per test process (Vite's build API, in this process). */
export function builtPortal(): Promise<void> {
  built ??= buildPortal();
  return built;
}

export interface PortalHarness {
  node: LocalNode;
  /** A provider on the node (one call per request). */
  provider: JsonRpcProvider;
  /** The node's account 0. */
  signer: JsonRpcSigner;
  browser: Browser;
  /** The portal's address, e.g. http://127.0.0.1:40123/ */
  url: string;
  /** The networks the site lists (its /networks.json): push entries before opening a page. */
  networks: SiteNetwork[];
  /** Every URL a page asked for. */
  requests: string[];
  /** RPC URLs besides the node's a test points a page at (allowed hosts). */
  rpcUrls: string[];
  /**
   * Every Content-Security-Policy violation a page reported (its console message); the suite fails in its `after`
   * hook if any is left, so a test that provokes one on purpose takes it out.
   */
  policyViolations: string[];
  /**
   * A new page at `width` × 900 in `locale` (`path`: e.g. "#/work/0x…" or "?receipt=…"), once its first page is shown;
   * its requests are recorded and any to another host refused.
   */
  open(options?: { locale?: string; width?: number; path?: string }): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves a full-page screenshot as reports/portal/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Asserts that no page asked anything of a host other than the portal's server and the RPC URLs. */
  assertOnlyAllowedHosts(): void;
}

/**
 * Registers `before`/`after` hooks in the calling `describe` and returns the harness they fill in. Without Chromium the
 * suite is skipped with a plain message.
 */
export function usePortal(): PortalHarness {
  const harness = { networks: [], requests: [], rpcUrls: [], policyViolations: [] } as unknown as PortalHarness & {
    server: Server;
  };

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      cannotRun(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
      this.skip();
    }
    await builtPortal();
    const served = await servePortal(0, undefined, async () => harness.networks);
    harness.server = served.server;
    harness.url = served.url;
    harness.node = await startNode();
    harness.provider = new JsonRpcProvider(harness.node.url, undefined, { batchMaxCount: 1 });
    harness.signer = await harness.provider.getSigner(0);
    await mkdir(screenshots, { recursive: true });
    const { chromium } = await import("playwright-core");
    harness.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    harness.open = async ({ locale = "en-US", width = 420, path: at = "" } = {}) => {
      const context = await harness.browser.newContext({
        locale,
        viewport: { width, height: 900 },
        acceptDownloads: true,
      });
      // Waits are for the page's answer, not a speed check: generous, so that a busy machine passes too.
      context.setDefaultTimeout(120_000);
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.text().includes("Content Security Policy")) harness.policyViolations.push(message.text());
      });
      await page.route("**/*", (route) => {
        const url = route.request().url();
        harness.requests.push(url);
        const allowed = [harness.url, harness.node.url, ...harness.rpcUrls];
        return allowed.some((prefix) => url.startsWith(prefix)) ? route.continue() : route.abort();
      });
      await page.goto(new URL(at, harness.url).href);
      await page.waitForSelector("body[data-ready]");
      return { context, page };
    };
    harness.screenshot = async (page, name) => {
      await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
    };
    harness.assertOnlyAllowedHosts = () => {
      expect(harness.requests.length).to.be.greaterThan(0);
      const allowed = [harness.url, harness.node.url, ...harness.rpcUrls];
      expect(harness.requests.filter((url) => !allowed.some((prefix) => url.startsWith(prefix)))).to.deep.equal([]);
    };
  });

  after(async function () {
    await harness.browser?.close();
    harness.server?.close();
    harness.provider?.destroy();
    await harness.node?.stop();
    expect(harness.policyViolations, "the pages broke their Content-Security-Policy").to.deep.equal([]);
  });

  return harness;
}
