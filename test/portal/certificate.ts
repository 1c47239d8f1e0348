// The evidence certificate in Chromium: its QR code, decoded from the rendered PDF, opens the portal filled in and
// re-verifies the document (VERIFIED for the original, CONTENT MISMATCH for a changed one); the same link pasted in the
// receipt box does too; the page's own "Certificate (PDF)" button downloads a PDF that states the digest.
import { readFileSync, readdirSync } from "node:fs";
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider } from "ethers";
import type { Page } from "playwright-core";

import { certificateUrl, compactReceipt, evidenceCertificate } from "../../src/evidence/certificate.js";
import { EvidenceClient } from "../../src/evidence/client.js";
import type { EvidenceReceipt } from "../../src/evidence/receipt.js";
import { VERDICT_HEADLINES } from "../../src/evidence/verdict.js";
import { CERTIFICATE_FONT } from "../../tasks/evidence/certificate.js";
import { EvidenceRegistry__factory } from "../../typechain-types/index.js";
import { root } from "../helpers/cli.js";
import { decodedQr, pdfText } from "../helpers/pdf.js";
import { cannotRun, toolInstalled } from "../helpers/system-tools.js";
import { screenshots, usePortal } from "./harness.js";

/** Whether the Debian tools are installed; without them the QR code cannot be read back (said plainly). */
function tools(...names: string[]): boolean {
  const missing = names.filter((name) => !toolInstalled(name));
  if (missing.length > 0) cannotRun(`${missing.join(", ")} not installed (poppler-utils, zbar-tools)`);
  return missing.length === 0;
}

describe("the evidence certificate in the browser portal, on a hardhat node", function () {
  this.timeout(180_000);
  const portal = usePortal();
  let registry: string;
  let dir: string;
  let documentPath: string;
  let receipt: EvidenceReceipt;
  let link: string;

  before(async function () {
    if (!tools("pdftoppm", "zbarimg", "pdftotext")) this.skip();
    const deployed = await new EvidenceRegistry__factory(portal.signer).deploy();
    await deployed.waitForDeployment();
    registry = await deployed.getAddress();
    dir = await mkdtemp(path.join(tmpdir(), "portal-certificate-"));
    documentPath = path.join(dir, "合同 contract.txt");
    await writeFile(documentPath, "the signed contract, version 1\n");
    ({ receipt } = await new EvidenceClient(registry, portal.signer).anchorFile(documentPath, {
      algorithm: "sm3",
      salt: true,
    }));
    // The certificate as the CLI makes it (a verifier of its own), pointing at this portal and node.
    const own = new JsonRpcProvider(portal.node.url, undefined, { batchMaxCount: 1 });
    const verification = await new EvidenceClient(registry, own).verifyReceipt(receipt, documentPath);
    own.destroy();
    const pdf = await evidenceCertificate({
      receipt,
      verification,
      font: await readFile(CERTIFICATE_FONT),
      portalUrl: portal.url,
      rpcUrl: portal.node.url,
      registry,
    });
    const pdfPath = path.join(dir, "cert.pdf");
    await writeFile(pdfPath, pdf);
    link = decodedQr(pdfPath);
    await copyFile(path.join(dir, "cert.png"), path.join(screenshots, "certificate-pdf.png"));
  });

  /** Clicks the page's certificate button and saves what it downloads as `<dir>/<name>.pdf`. */
  async function downloadCertificate(page: Page, name: string) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#certificate")]);
    const saved = path.join(dir, `${name}.pdf`);
    await download.saveAs(saved);
    return { download, saved };
  }

  it("decodes the QR code to the portal's verify link with the receipt, RPC URL and registry", function () {
    expect(link).to.equal(certificateUrl({ portalUrl: portal.url, receipt, registry, rpcUrl: portal.node.url }));
    expect(link).to.equal(
      `${portal.url}?receipt=${encodeURIComponent(compactReceipt(receipt))}` +
        `&rpc=${encodeURIComponent(portal.node.url)}&registry=${registry}`,
    );
  });

  /** Chooses the document in an open page, verifies, and returns the verdict's status and headline. */
  async function verifyWith(page: Page, file: string): Promise<{ status: string; headline: string }> {
    await page.setInputFiles("#document", file);
    await page.press("#verify", "Enter");
    await page.waitForSelector("#result[data-status]:not([hidden])");
    return {
      status: (await page.getAttribute("#result", "data-status")) ?? "",
      headline: (await page.textContent("#verdict")) ?? "",
    };
  }

  it("opens the decoded link filled in: VERIFIED for the original file, and its button downloads the certificate", async function () {
    const { context, page } = await portal.open({ path: link, width: 900 });
    expect(await page.inputValue("#rpc")).to.equal(portal.node.url);
    expect(await page.inputValue("#registry")).to.equal(registry);
    expect(JSON.parse(await page.inputValue("#receiptText"))).to.deep.equal(JSON.parse(compactReceipt(receipt)));
    const shown = await verifyWith(page, documentPath);
    expect(shown).to.deep.equal({ status: "verified", headline: VERDICT_HEADLINES.verified });

    expect(await page.isVisible("#certificate")).to.equal(true);
    expect(await page.textContent("#certificate")).to.equal("Certificate (PDF)");
    const { download, saved } = await downloadCertificate(page, "downloaded");
    expect(download.suggestedFilename()).to.equal("cert.pdf");
    expect((await readFile(saved)).subarray(0, 5).toString()).to.equal("%PDF-");
    const text = pdfText(saved);
    expect(text).to.match(new RegExp(`^摘要\\s+${receipt.digest}$`, "m"));
    expect(text).to.match(/^签发时状态\s+VERIFIED · 验证通过$/m);
    expect(text).to.match(/^文件名称\s+合同 contract\.txt$/m);
    await page.waitForSelector("#certificateStatus:has-text('cert.pdf downloaded')");
    // The page's certificate links back to this site, with the RPC URL the page asked.
    expect(decodedQr(saved)).to.equal(link);
    await portal.screenshot(page, "certificate");
    await context.close();
    portal.assertOnlyAllowedHosts();
  });

  it("shows CONTENT MISMATCH for a changed file opened from the same link, and refuses its certificate, saying why", async function () {
    const changed = path.join(dir, "changed.txt");
    await writeFile(changed, "the signed contract, version 2\n");
    const { context, page } = await portal.open({ path: link });
    const shown = await verifyWith(page, changed);
    expect(shown).to.deep.equal({ status: "content-mismatch", headline: VERDICT_HEADLINES["content-mismatch"] });
    expect(await page.isVisible("#certificate")).to.equal(true);
    expect(await page.isDisabled("#certificate")).to.equal(true);
    expect(await page.textContent("#certificateRefused")).to.equal(
      "No certificate for a CONTENT MISMATCH verdict: a certificate must never look like a proof of something false.",
    );
    expect(await page.isHidden("#certificateRpcLabel")).to.equal(true);
    expect(await page.isHidden("#certificateLoopback")).to.equal(true);
    await portal.screenshot(page, "certificate-mismatch");
    await page.click("#lang");
    expect(await page.textContent("#certificateRefused")).to.equal(
      "验证结果为「内容不一致」，不出具存证证书：证书绝不能让不实之事看似得到证明。",
    );
    expect(await page.isDisabled("#certificate")).to.equal(true);
    await context.close();
  });

  it("without the document: the name is the receipt's, marked not checked; unticked, the QR link names no RPC URL", async function () {
    const { context, page } = await portal.open({ path: link, width: 900 });
    await page.press("#verify", "Enter");
    await page.waitForSelector("#result[data-status]:not([hidden])");
    expect(await page.getAttribute("#result", "data-status")).to.equal("document-not-checked");
    expect(await page.textContent("#fields")).to.contain("合同 contract.txt (as stated in the receipt, not checked)");
    // The page's RPC URL is the node's, a loopback one: the box says which URL, ticked, with the note.
    expect(await page.isEnabled("#certificate")).to.equal(true);
    expect(await page.isHidden("#certificateRefused")).to.equal(true);
    expect(await page.innerText("#certificateRpcLabel")).to.equal(
      `Put this RPC URL in the QR code: ${portal.node.url}`,
    );
    expect(await page.isChecked("#certificateRpc")).to.equal(true);
    expect(await page.textContent("#certificateLoopback")).to.equal(
      "This RPC URL is on this computer (loopback): a QR link that names it opens only on this computer.",
    );
    expect(await page.isVisible("#certificateLoopback")).to.equal(true);
    await page.click("#lang");
    expect(await page.innerText("#certificateRpcLabel")).to.equal(`把此 RPC 地址放入二维码： ${portal.node.url}`);
    expect(await page.textContent("#certificateLoopback")).to.equal(
      "此 RPC 地址指向本机（回环地址）：含有它的二维码链接只能在这台电脑上打开。",
    );
    await page.click("#lang");
    await page.uncheck("#certificateRpc");
    expect(await page.isHidden("#certificateLoopback")).to.equal(true);

    const { saved } = await downloadCertificate(page, "unchecked");
    const text = pdfText(saved);
    expect(text).to.match(/^签发时状态\s+DOCUMENT NOT CHECKED · 未比对文件$/m);
    expect(text).to.match(/^文件名称\s+合同 contract\.txt$/m);
    expect(text).to.match(/^Document name\s+回执所载，未核对 · as stated in the receipt, not checked$/m);
    expect(decodedQr(saved)).to.equal(certificateUrl({ portalUrl: portal.url, receipt, registry }));
    await context.close();
  });

  it("leaves a remote RPC URL (it may carry a key) out of the QR link unless the box is ticked", async function () {
    // A remote-looking RPC URL with a key in its path, answered by the node behind it.
    const remote = "http://rpc.example.test:8545/v3/secret-key";
    portal.rpcUrls.push(remote);
    const { context, page } = await portal.open({ path: link, width: 900 });
    await page.route(`${remote}**`, (route) => route.continue({ url: portal.node.url }));
    await page.fill("#rpc", remote);
    expect(await verifyWith(page, documentPath)).to.deep.equal({
      status: "verified",
      headline: VERDICT_HEADLINES.verified,
    });
    expect(await page.innerText("#certificateRpcLabel")).to.equal(`Put this RPC URL in the QR code: ${remote}`);
    expect(await page.isChecked("#certificateRpc")).to.equal(false);
    expect(await page.isHidden("#certificateLoopback")).to.equal(true);
    expect(await page.textContent("#certificateRemote")).to.equal(
      "This RPC URL is not on this computer and may carry an access key: tick the box only if it may be printed.",
    );
    await page.click("#lang");
    expect(await page.textContent("#certificateRemote")).to.equal(
      "此 RPC 地址不在本机，可能含有访问密钥：仅当它可以印在证书上时才勾选。",
    );
    await page.click("#lang");

    /** The link in the QR code of the certificate the page's button downloads. */
    const downloadedLink = async (name: string) => decodedQr((await downloadCertificate(page, name)).saved);
    expect(await downloadedLink("remote-unticked")).to.equal(
      certificateUrl({ portalUrl: portal.url, receipt, registry }),
    );
    await page.check("#certificateRpc");
    expect(await page.isVisible("#certificateRemote")).to.equal(true);
    expect(await downloadedLink("remote-ticked")).to.equal(
      certificateUrl({ portalUrl: portal.url, receipt, registry, rpcUrl: remote }),
    );
    // The tick was for that URL: a verdict read through another remote URL starts unticked again, a loopback one ticked.
    const otherRemote = "http://rpc2.example.test/another-key";
    portal.rpcUrls.push(otherRemote);
    await page.route(`${otherRemote}**`, (route) => route.continue({ url: portal.node.url }));
    for (const [rpc, ticked] of [
      [otherRemote, false],
      [portal.node.url, true],
      [remote, false],
    ] as const) {
      await page.fill("#rpc", rpc);
      await page.press("#verify", "Enter");
      // The last verdict stays shown while the next is read: wait for the one read through this URL.
      await page.waitForSelector(`#certificateRpcUrl:text-is("${rpc}")`);
      expect(await page.getAttribute("#result", "data-status"), rpc).to.equal("verified");
      expect(await page.innerText("#certificateRpcLabel"), rpc).to.equal(`Put this RPC URL in the QR code: ${rpc}`);
      expect(await page.isChecked("#certificateRpc"), rpc).to.equal(ticked);
    }
    await context.close();
  });

  it("keeps qrcode and pdf-lib out of the built portal's first load (they load with the first certificate)", async function () {
    // The first load: the entry script, the chunks it preloads, and every chunk those import statically.
    const assets = path.join(root, "web", "dist");
    const html = readFileSync(path.join(assets, "index.html"), "utf8");
    const pending = [
      ...html.matchAll(/<(?:script[^>]*\ssrc|link rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g),
    ].map((match) => match[1]);
    const firstLoad = new Map<string, string>();
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (firstLoad.has(file)) continue;
      const code = readFileSync(path.join(assets, file), "utf8");
      firstLoad.set(file, code);
      for (const match of code.matchAll(/\bimport\s*(?:[\w{}$,\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
        pending.push(path.posix.join(path.posix.dirname(file), match[1]));
      }
    }
    expect([...firstLoad.keys()].some((file) => /^assets\/index-[\w-]+\.js$/.test(file))).to.equal(true);
    // Strings of qrcode's and pdf-lib's own code (their error messages survive minifying), in no first-load chunk
    // but in a chunk loaded later (so the markers are real).
    const chunks = readdirSync(path.join(assets, "assets")).filter((file) => file.endsWith(".js"));
    for (const marker of ["too big to be stored in a QR Code", "Failed to parse PDF document"]) {
      expect(
        [...firstLoad].filter(([, code]) => code.includes(marker)).map(([file]) => file),
        marker,
      ).to.deep.equal([]);
      const holders = chunks.filter((file) => readFileSync(path.join(assets, "assets", file), "utf8").includes(marker));
      expect(holders, marker).to.have.length(1);
      expect(firstLoad.has(`assets/${holders[0]}`)).to.equal(false);
    }
  });

  it("takes the QR code's content pasted in the receipt box: receipt, RPC URL and registry", async function () {
    const { context, page } = await portal.open({ width: 900 });
    await page.fill("#rpc", "http://127.0.0.1:9/");
    await page.fill("#registry", "");
    await page.fill("#receiptText", link);
    expect(JSON.parse(await page.inputValue("#receiptText"))).to.deep.equal(JSON.parse(compactReceipt(receipt)));
    expect(await page.inputValue("#rpc")).to.equal(portal.node.url);
    expect(await page.inputValue("#registry")).to.equal(registry);
    expect(await page.textContent("#progress")).to.equal(
      "Receipt, RPC URL and registry taken from the certificate's link.",
    );
    const shown = await verifyWith(page, documentPath);
    expect(shown).to.deep.equal({ status: "verified", headline: VERDICT_HEADLINES.verified });
    await context.close();
  });
});
