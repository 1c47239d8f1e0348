// The evidence certificate (存证证书): the PDF read back with Debian's poppler tools (pdftotext, pdffonts, pdfinfo,
// pdftoppm) and its QR code decoded with zbarimg from the rendered page; then the CLI on a hardhat node.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider } from "ethers";
import { network } from "hardhat";

import { InvalidInputError } from "../../src/errors.js";
import {
  certificateQr,
  certificateUrl,
  compactReceipt,
  evidenceCertificate,
  parseCertificateUrl,
} from "../../src/evidence/certificate.js";
import { EvidenceClient, verifyReceipt } from "../../src/evidence/client.js";
import type { EvidenceReceipt } from "../../src/evidence/receipt.js";
import { formatEvidenceTime, type EvidenceVerification } from "../../src/evidence/verdict.js";
import { CERTIFICATE_FONT } from "../../tasks/evidence/certificate.js";
import { EvidenceRegistry__factory } from "../../typechain-types/index.js";
import { errorLine, ok, runHardhat, startNode, type LocalNode } from "../helpers/cli.js";

const { ethers } = await network.create();

const PORTAL = "http://127.0.0.1:5173/";
const RPC = "http://127.0.0.1:8545";
const ISSUED = new Date("2026-12-06T06:00:00Z");

/** Whether a Debian tool is installed; when not, the assertion that needs it is skipped, saying so. */
function installed(tool: string): boolean {
  const found = spawnSync(tool, ["-v"], { stdio: "ignore" }).error === undefined;
  if (!found) console.log(`      skipped a check: ${tool} is not installed (apt-get install poppler-utils zbar-tools)`);
  return found;
}

/** The PDF's text, laid out as on the page (pdftotext -layout). */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** The page's QR code, decoded from a 150 dpi rendering of it (pdftoppm, zbarimg). */
function decodedQr(file: string): string {
  const png = file.replace(/\.pdf$/, "");
  execFileSync("pdftoppm", ["-png", "-r", "150", "-singlefile", file, png]);
  return execFileSync("zbarimg", ["--raw", "-q", `${png}.png`], { encoding: "utf8" }).replace(/\n$/, "");
}

/** Checks what every certificate shows: one page, the embedded font, the labels, the facts and the QR code's URL. */
async function checkCertificate(
  file: string,
  receipt: EvidenceReceipt,
  verdict: EvidenceVerification,
  registry: string,
  rpcUrl: string | undefined,
): Promise<string> {
  const pdf = await readFile(file);
  expect(pdf.subarray(0, 5).toString()).to.equal("%PDF-");
  let text = "";
  if (installed("pdfinfo")) {
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).to.match(/^Pages:\s+1$/m);
  }
  if (installed("pdffonts")) {
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(fonts).to.have.length(1);
    // name, type, encoding, embedded: the one font is Noto Sans SC, embedded.
    expect(fonts[0]).to.match(/^NotoSansSC-Regular\S*\s+CID TrueType\s+Identity-H\s+yes\s/);
  }
  if (installed("pdftotext")) {
    text = pdfText(file);
    expect(text).to.contain("存证证书 · Evidence certificate");
    for (const [zh, en] of [
      ["签发时状态", "Status at issuance"],
      ["文件名称", "Document name"],
      ["摘要", "Digest"],
      ["算法", "Algorithm"],
      ["存证时间", "Anchoring time"],
      ["区块链", "Chain"],
      ["合约", "Contract (registry)"],
      ["交易哈希", "Transaction"],
      ["区块", "Block"],
      ["提交者", "Submitter"],
      ["见证人", "Witnesses"],
      ["签发时间", "Issued"],
    ]) {
      expect(text).to.match(new RegExp(`^${zh}\\s`, "m"));
      expect(text).to.match(new RegExp(`^${en.replace(/[()]/g, "\\$&")}\\s`, "m"));
    }
    const value = (label: string) => new RegExp(`^${label}\\s+(.+)$`, "m").exec(text)?.[1].trim();
    expect(value("摘要")).to.equal(receipt.digest);
    expect(value("交易哈希")).to.equal(receipt.transaction);
    expect(value("提交者")).to.equal(verdict.submitter);
    expect(value("区块")).to.equal(String(verdict.blockNumber));
    expect(value("合约")).to.equal(registry);
    expect(value("区块链")).to.equal("31337 · Hardhat (local)");
    expect(value("存证时间")).to.equal(`${formatEvidenceTime(verdict.time)} (UTC)`);
    expect(value("签发时间")).to.equal("2026-12-06T06:00:00Z (UTC)");
    expect(text).to.match(/^Issued\s+2026年12月6日 · 6 December 2026$/m);
  }
  if (installed("pdftoppm") && installed("zbarimg")) {
    const url = decodedQr(file);
    expect(url).to.equal(certificateUrl({ portalUrl: PORTAL, receipt, registry, rpcUrl }));
    expect(url).to.equal(
      `${PORTAL}?receipt=${encodeURIComponent(compactReceipt(receipt))}` +
        `${rpcUrl === undefined ? "" : `&rpc=${encodeURIComponent(rpcUrl)}`}&registry=${registry}`,
    );
    const parts = parseCertificateUrl(url)!;
    expect(JSON.parse(parts.receipt)).to.deep.equal(JSON.parse(JSON.stringify(receipt)));
    expect(parts).to.include({ rpc: rpcUrl, registry });
  }
  return text;
}

describe("the evidence certificate (存证证书)", function () {
  this.timeout(120_000);
  let dir: string;
  let font: Uint8Array;
  let registry: string;
  let client: EvidenceClient;

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "certificate-"));
    font = await readFile(CERTIFICATE_FONT);
    const contract = await ethers.deployContract("EvidenceRegistry");
    registry = await contract.getAddress();
    client = new EvidenceClient(registry, (await ethers.getSigners())[0]);
  });

  async function certificate(
    name: string,
    receipt: EvidenceReceipt,
    verification: EvidenceVerification,
  ): Promise<string> {
    const pdf = await evidenceCertificate({
      receipt,
      verification,
      font,
      portalUrl: PORTAL,
      rpcUrl: RPC,
      registry,
      issuedAt: ISSUED,
    });
    const file = path.join(dir, `${name}.pdf`);
    await writeFile(file, pdf);
    return file;
  }

  it("certifies a salted SM3 document: labels in Chinese and English, its facts, the font embedded, the QR code's URL", async function () {
    const document = path.join(dir, "合同 contract.txt");
    await writeFile(document, "a deed of sale, signed");
    const { receipt } = await client.anchorFile(document, { algorithm: "sm3", salt: true });
    const verdict = await verifyReceipt(receipt, ethers.provider, { registry, file: document });
    expect(verdict.status).to.equal("verified");
    const file = await certificate("salted-sm3", receipt, verdict);
    const text = await checkCertificate(file, receipt, verdict, registry, RPC);
    if (text !== "") {
      expect(text).to.match(/^签发时状态\s+VERIFIED · 验证通过$/m);
      expect(text).to.match(/^文件名称\s+合同 contract\.txt$/m);
      expect(text).to.match(/^算法\s+sm3，加盐 · salted \(the salt is in the receipt\)$/m);
      expect(text).to.match(/^见证人\s+无要求 · none required$/m);
      expect(text).to.match(/^Contract \(registry\)\s+非已知部署 · NOT a known deployment$/m);
      expect(text).to.not.contain("批量存证");
      expect(text).to.not.contain("已撤销");
    }
  });

  it("certifies a batch member with witnesses: the root, its proof, M of N and who signed when", async function () {
    const folder = path.join(dir, "batch");
    await mkdir(folder);
    for (const name of ["a.txt", "b.txt", "c.txt", "d.txt"])
      await writeFile(path.join(folder, name), `document ${name}`);
    const batch = await client.anchorFolder(folder, { algorithm: "sha256" });
    const [, w1, w2] = await ethers.getSigners();
    await client.requireWitnesses(batch.root, [w1.address, w2.address], 1);
    await new EvidenceClient(registry, w1).cosign(batch.root);
    const receipt = batch.receipts[1];
    const verdict = await verifyReceipt(receipt, ethers.provider, { registry, file: path.join(folder, "b.txt") });
    expect(verdict.status).to.equal("verified");
    const signedAt = verdict.witnesses[0].signedAt!;
    const file = await certificate("batch-member", receipt, verdict);
    const text = await checkCertificate(file, receipt, verdict, registry, RPC);
    if (text !== "") {
      expect(text).to.match(/^文件名称\s+b\.txt$/m);
      expect(text).to.match(/^算法\s+sha256，未加盐 · not salted$/m);
      expect(text).to.match(new RegExp(`^批量存证\\s+${batch.root}$`, "m"));
      expect(text).to.match(/^Batch \(Merkle root\)\s+默克尔证明 2 步 · Merkle proof of 2 steps$/m);
      expect(text).to.match(/^见证人\s+需 1 \/ 2，已签 1 · 1 of 2 required, 1 signed \(无期限 · no deadline\)$/m);
      expect(text).to.match(
        new RegExp(`^Witnesses\\s+${w1.address} 已签 · signed ${formatEvidenceTime(signedAt)}$`, "m"),
      );
      expect(text).to.match(new RegExp(`^\\s+${w2.address} 未签 · not signed$`, "m"));
    }
  });

  it("states a revocation and a successor, and the verdict at issuance", async function () {
    const first = path.join(dir, "v1.txt");
    const second = path.join(dir, "v2.txt");
    await writeFile(first, "version 1");
    await writeFile(second, "version 2");
    const { receipt } = await client.anchorFile(first);
    const { receipt: newer } = await client.anchorFile(second);
    await client.supersede(receipt.digest, newer.digest);
    await client.revoke(receipt.digest, "issued in error");
    const verdict = await verifyReceipt(receipt, ethers.provider, { registry, file: first });
    expect(verdict.status).to.equal("revoked");
    const file = await certificate("revoked", receipt, verdict);
    if (installed("pdftotext")) {
      const text = pdfText(file);
      expect(text).to.match(/^签发时状态\s+REVOKED · 已撤销$/m);
      expect(text).to.match(new RegExp(`^已撤销\\s+${formatEvidenceTime(verdict.revokedAt)}$`, "m"));
      expect(text).to.match(new RegExp(`^Revoked\\s+原因 · reason ${verdict.revocationReason}$`, "m"));
      expect(text).to.match(new RegExp(`^已被替代\\s+${newer.digest}$`, "m"));
    }
  });

  it("refuses a receipt whose link cannot fit in a QR code, and a font that is not one, in one clear error", async function () {
    const document = path.join(dir, "plain.txt");
    await writeFile(document, "plain");
    const { receipt } = await client.anchorFile(document);
    const verdict = await verifyReceipt(receipt, ethers.provider, { registry, file: document });
    const huge = { ...receipt, batch: { root: receipt.digest, proof: Array<string>(60).fill(receipt.digest) } };
    await expect(
      evidenceCertificate({ receipt: huge, verification: verdict, font, portalUrl: PORTAL, registry }),
    ).to.be.rejectedWith(
      InvalidInputError,
      /^the certificate's QR code cannot hold this receipt: its URL is \d+ bytes/,
    );
    await expect(
      evidenceCertificate({ receipt, verification: verdict, font: new Uint8Array(64), portalUrl: PORTAL, registry }),
    ).to.be.rejectedWith(InvalidInputError, /^the certificate's font is not a usable TrueType\/OpenType font/);
  });

  it("keeps a receipt with a long proof readable from the paper (a larger symbol, lower error correction)", async function () {
    const document = path.join(dir, "long-proof.txt");
    await writeFile(document, "long proof");
    const { receipt } = await client.anchorFile(document);
    const verdict = await verifyReceipt(receipt, ethers.provider, { registry, file: document });
    // A batch of a million documents: 20 proof steps, a symbol of version 30 or more (the receipt is only drawn, not checked, here).
    const deep = { ...receipt, batch: { root: receipt.digest, proof: Array<string>(20).fill(receipt.digest) } };
    const url = certificateUrl({ portalUrl: PORTAL, receipt: deep, registry, rpcUrl: RPC });
    expect(certificateQr(url)).to.include({ level: "L" });
    expect(certificateQr(url).version).to.be.at.least(30);
    const file = await certificate("long-proof", deep, verdict);
    if (installed("pdftoppm") && installed("zbarimg")) {
      expect(decodedQr(file)).to.equal(url);
    }
  });
});

describe("evidence certificate CLI on a hardhat node", function () {
  this.timeout(300_000);
  let node: LocalNode;
  let dir: string;
  let registry: string;
  let receiptFile: string;
  let document: string;
  let receipt: EvidenceReceipt;

  before(async function () {
    node = await startNode({ chainId: 31_342 });
    dir = await mkdtemp(path.join(tmpdir(), "certificate-cli-"));
    const provider = new JsonRpcProvider(node.url, undefined, { batchMaxCount: 1 });
    const signer = await provider.getSigner(0);
    const deployed = await new EvidenceRegistry__factory(signer).deploy();
    await deployed.waitForDeployment();
    registry = await deployed.getAddress();
    document = path.join(dir, "deed.txt");
    await writeFile(document, "a deed");
    ({ receipt } = await new EvidenceClient(registry, signer).anchorFile(document, { algorithm: "sm3", salt: true }));
    receiptFile = path.join(dir, "deed.txt.receipt.json");
    await writeFile(receiptFile, JSON.stringify(receipt, null, 2));
    provider.destroy();
  });

  after(async function () {
    await node?.stop();
  });

  const certificate = (...args: string[]) =>
    runHardhat(["evidence", "certificate", ...args, "--registry", registry, "--network", "localhost"], {
      LOCALHOST_URL: node.url,
    });

  it("verifies the receipt with the document, writes cert.pdf and says where, with the verdict line", async function () {
    const out = path.join(dir, "cert.pdf");
    const stdout = ok(certificate(receiptFile, "--out", out, "--document", document));
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).to.match(new RegExp(`^certificate written to ${out} \\(\\d+ bytes, 1 page\\)$`));
    expect(lines[1]).to.match(/^VERIFIED: /);
    expect(lines).to.have.length(2);
    if (installed("pdftotext")) {
      const text = pdfText(out);
      expect(text).to.match(/^签发时状态\s+VERIFIED · 验证通过$/m);
      expect(text).to.match(/^文件名称\s+deed\.txt$/m);
      expect(text).to.match(new RegExp(`^摘要\\s+${receipt.digest}$`, "m"));
      expect(text).to.match(/^区块链\s+31342$/m);
    }
    if (installed("pdftoppm") && installed("zbarimg")) {
      expect(decodedQr(out)).to.equal(
        certificateUrl({ portalUrl: "http://127.0.0.1:5173/", receipt, registry, rpcUrl: node.url }),
      );
    }
  });

  it("without the document, certifies the anchor as DOCUMENT NOT CHECKED, with the portal and RPC it is given", async function () {
    const out = path.join(dir, "anchor-only.pdf");
    const stdout = ok(
      certificate(
        receiptFile,
        "--out",
        out,
        "--portal",
        "https://verify.example/#/verify",
        "--rpc",
        "https://rpc.example",
      ),
    );
    expect(stdout.split("\n")[1]).to.match(/^DOCUMENT NOT CHECKED: /);
    if (installed("pdftoppm") && installed("zbarimg")) {
      expect(decodedQr(out)).to.equal(
        `https://verify.example/?receipt=${encodeURIComponent(compactReceipt(receipt))}` +
          `&rpc=${encodeURIComponent("https://rpc.example")}&registry=${registry}#/verify`,
      );
    }
  });

  it("answers a missing receipt, a missing --out and an unwritable --out with one clear line", function () {
    const missing = path.join(dir, "nope.json");
    expect(errorLine(certificate(missing, "--out", path.join(dir, "x.pdf")))).to.equal(
      `error: receipt not found: ${missing}`,
    );
    expect(errorLine(certificate(receiptFile))).to.equal("error: --out is required");
    const unwritable = path.join(dir, "no-such-folder", "cert.pdf");
    expect(errorLine(certificate(receiptFile, "--out", unwritable))).to.equal(
      `error: cannot write the certificate to ${unwritable} (ENOENT)`,
    );
    expect(errorLine(certificate(receiptFile, "--out", path.join(dir, "y.pdf"), "--portal", "not a url"))).to.equal(
      "error: --portal is not a URL: not a url",
    );
  });
});
