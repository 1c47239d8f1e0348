// The evidence certificate in Chromium: its QR code, decoded from the rendered PDF, opens the portal filled in and
// re-verifies the document (VERIFIED for the original, CONTENT MISMATCH for a changed one); the same link pasted in the
// receipt box does too; the page's own "Certificate (PDF)" button downloads a PDF that states the digest.
import { execFileSync, spawnSync } from "node:child_process";
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
import { screenshots, usePortal } from "./harness.js";

/** Whether the Debian tools are installed; without them the QR code cannot be read back (said plainly). */
function tools(...names: string[]): boolean {
  const missing = names.filter((name) => spawnSync(name, ["-v"], { stdio: "ignore" }).error !== undefined);
  if (missing.length > 0) console.log(`      skipped: ${missing.join(", ")} not installed (poppler-utils, zbar-tools)`);
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
    execFileSync("pdftoppm", ["-png", "-r", "150", "-singlefile", pdfPath, path.join(dir, "cert")]);
    await copyFile(path.join(dir, "cert.png"), path.join(screenshots, "certificate-pdf.png"));
    link = execFileSync("zbarimg", ["--raw", "-q", path.join(dir, "cert.png")], { encoding: "utf8" }).trim();
  });

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
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#certificate")]);
    expect(download.suggestedFilename()).to.equal("cert.pdf");
    const saved = path.join(dir, "downloaded.pdf");
    await download.saveAs(saved);
    expect((await readFile(saved)).subarray(0, 5).toString()).to.equal("%PDF-");
    const text = execFileSync("pdftotext", ["-layout", saved, "-"], { encoding: "utf8" });
    expect(text).to.match(new RegExp(`^摘要\\s+${receipt.digest}$`, "m"));
    expect(text).to.match(/^签发时状态\s+VERIFIED · 验证通过$/m);
    expect(text).to.match(/^文件名称\s+合同 contract\.txt$/m);
    await page.waitForSelector("#certificateStatus:has-text('cert.pdf downloaded')");
    // The page's certificate links back to this site, with the RPC URL the page asked.
    execFileSync("pdftoppm", ["-png", "-r", "150", "-singlefile", saved, path.join(dir, "downloaded")]);
    expect(
      execFileSync("zbarimg", ["--raw", "-q", path.join(dir, "downloaded.png")], { encoding: "utf8" }).trim(),
    ).to.equal(link);
    await portal.screenshot(page, "certificate");
    await context.close();
    portal.assertOnlyAllowedHosts();
  });

  it("shows CONTENT MISMATCH for a changed file opened from the same link", async function () {
    const changed = path.join(dir, "changed.txt");
    await writeFile(changed, "the signed contract, version 2\n");
    const { context, page } = await portal.open({ path: link });
    const shown = await verifyWith(page, changed);
    expect(shown).to.deep.equal({ status: "content-mismatch", headline: VERDICT_HEADLINES["content-mismatch"] });
    await portal.screenshot(page, "certificate-mismatch");
    await context.close();
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
