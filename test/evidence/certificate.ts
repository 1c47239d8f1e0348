// The evidence certificate (存证证书): the PDF read back with Debian's poppler tools (pdftotext, pdffonts, pdfinfo,
// pdftoppm) and its QR code decoded with zbarimg from the rendered page; then the CLI on a hardhat node.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider } from "ethers";
import { network } from "hardhat";

import { InvalidInputError } from "../../src/errors.js";
import {
  QR_FILE_NAME_LIMIT,
  certificateQr,
  certificateRefusal,
  certificateTimes,
  certificateUrl,
  compactReceipt,
  evidenceCertificate,
  isLoopbackUrl,
  parseCertificateUrl,
} from "../../src/evidence/certificate.js";
import { parseReceipt } from "../../src/evidence/receipt-format.js";
import { EvidenceClient, verifyReceipt } from "../../src/evidence/client.js";
import type { EvidenceReceipt } from "../../src/evidence/receipt.js";
import { formatEvidenceTime, type EvidenceVerification } from "../../src/evidence/verdict.js";
import { CERTIFICATE_FONT, localRpcUrl } from "../../tasks/evidence/certificate.js";
import { EvidenceRegistry__factory } from "../../typechain-types/index.js";
import { errorLine, ok, runHardhat, startNode, type LocalNode } from "../helpers/cli.js";
import { decodedQr, pdfText } from "../helpers/pdf.js";
import { cannotRun, toolInstalled } from "../helpers/system-tools.js";

const { ethers } = await network.create();

const PORTAL = "http://127.0.0.1:5173/";
const RPC = "http://127.0.0.1:8545";
// In the evening, UTC: already the next day in Beijing, so a certificate that showed one zone's date would be caught.
const ISSUED = new Date("2026-12-06T18:30:00Z");
const ISSUED_UTC = "2026-12-06 18:30:00 UTC · 6 December 2026";
const ISSUED_BEIJING = "2026-12-07 02:30:00 北京时间 (UTC+8) · 2026年12月7日";

/**
 * A chain time as the certificate must state it, worked out here another way (ISO strings, Intl with an explicit
 * zone): on one line (`utc`, `beijing`) and as a time row's two lines (`utcLine`, `beijingLine`).
 */
function bothZones(chainTime: number): { utc: string; beijing: string; utcLine: string; beijingLine: string } {
  const at = new Date(formatEvidenceTime(chainTime));
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  const stamp = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");
  const utcDate = at.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
  const [y, m, d] = beijing.toISOString().slice(0, 10).split("-").map(Number);
  return {
    utc: `${stamp(at)} UTC`,
    beijing: `${stamp(beijing)} 北京时间`,
    utcLine: `${stamp(at)} UTC · ${utcDate}`,
    beijingLine: `${stamp(beijing)} 北京时间 (UTC+8) · ${y}年${m}月${d}日`,
  };
}

/** A regular expression matching `text` literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a Debian tool is installed; when not, the assertion that needs it is skipped, saying so. */
function installed(tool: string): boolean {
  const found = toolInstalled(tool);
  if (!found) cannotRun(`one check needs ${tool}, which is not installed (apt-get install poppler-utils zbar-tools)`);
  return found;
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
    const anchored = bothZones(verdict.time);
    expect(value("存证时间")).to.equal(anchored.utcLine);
    expect(text).to.match(new RegExp(`^Anchoring time\\s+${literal(anchored.beijingLine)}$`, "m"));
    expect(value("签发时间")).to.equal(ISSUED_UTC);
    expect(text).to.match(new RegExp(`^Issued\\s+${literal(ISSUED_BEIJING)}$`, "m"));
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
    documentName?: string,
  ): Promise<string> {
    const pdf = await evidenceCertificate({
      receipt,
      verification,
      font,
      portalUrl: PORTAL,
      rpcUrl: RPC,
      registry,
      issuedAt: ISSUED,
      documentName,
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
    const file = await certificate("salted-sm3", receipt, verdict, "合同 contract.txt");
    const text = await checkCertificate(file, receipt, verdict, registry, RPC);
    if (text !== "") {
      expect(text).to.match(/^签发时状态\s+VERIFIED · 验证通过$/m);
      // The document was hashed and matched: its own name, no caveat.
      expect(text).to.match(/^文件名称\s+合同 contract\.txt$/m);
      expect(text).to.match(/^Document name\s*$/m);
      expect(text).to.not.contain("未核对");
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
    const signedAt = bothZones(verdict.witnesses[0].signedAt!);
    const file = await certificate("batch-member", receipt, verdict, "b.txt");
    const text = await checkCertificate(file, receipt, verdict, registry, RPC);
    if (text !== "") {
      expect(text).to.match(/^文件名称\s+b\.txt$/m);
      expect(text).to.match(/^算法\s+sha256，未加盐 · not salted$/m);
      expect(text).to.match(new RegExp(`^批量存证\\s+${batch.root}$`, "m"));
      expect(text).to.match(/^Batch \(Merkle root\)\s+默克尔证明 2 步 · Merkle proof of 2 steps$/m);
      expect(text).to.match(/^见证人\s+需 1 \/ 2，已签 1 · 1 of 2 required, 1 signed \(无期限 · no deadline\)$/m);
      expect(text).to.match(new RegExp(`^Witnesses\\s+${w1.address} 已签 · signed$`, "m"));
      expect(text).to.match(new RegExp(`^\\s+${literal(`${signedAt.utc} · ${signedAt.beijing}`)}$`, "m"));
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
      const revokedAt = bothZones(verdict.revokedAt);
      expect(text).to.match(new RegExp(`^已撤销\\s+${literal(`${revokedAt.utc} · ${revokedAt.beijing}`)}$`, "m"));
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
    const qr = await certificateQr(url);
    expect(qr).to.include({ level: "L" });
    expect(qr.version).to.be.at.least(30);
    const file = await certificate("long-proof", deep, verdict);
    if (installed("pdftoppm") && installed("zbarimg")) {
      expect(decodedQr(file)).to.equal(url);
    }
  });

  it("refuses a CONTENT MISMATCH or NOT ANCHORED verdict with a plain error naming it, and certifies every other", async function () {
    const original = path.join(dir, "refused.txt");
    const changed = path.join(dir, "refused-changed.txt");
    await writeFile(original, "the agreed text");
    await writeFile(changed, "the agreed text, altered");
    const { receipt } = await client.anchorFile(original);
    const mismatch = await verifyReceipt(receipt, ethers.provider, { registry, file: changed });
    expect(mismatch.status).to.equal("content-mismatch");
    await expect(
      evidenceCertificate({ receipt, verification: mismatch, font, portalUrl: PORTAL, registry }),
    ).to.be.rejectedWith(
      InvalidInputError,
      /^no certificate is made for a CONTENT MISMATCH verdict: the document checked is not the one the receipt's digest anchors$/,
    );
    // A digest nobody anchored (the receipt's transaction anchors another one).
    const unanchored = { ...receipt, digest: `0x${"ab".repeat(32)}` };
    const notAnchored = await verifyReceipt(unanchored, ethers.provider, { registry });
    expect(notAnchored.status).to.equal("not-anchored");
    await expect(
      evidenceCertificate({ receipt: unanchored, verification: notAnchored, font, portalUrl: PORTAL, registry }),
    ).to.be.rejectedWith(
      InvalidInputError,
      /^no certificate is made for a NOT ANCHORED verdict: the receipt's digest is not anchored on the registry checked$/,
    );
    for (const status of [
      "verified",
      "document-not-checked",
      "revoked",
      "witnesses-pending",
      "witnesses-not-met",
    ] as const) {
      expect(certificateRefusal({ status }), status).to.equal(undefined);
    }
  });

  it("marks a document name taken from the receipt as not checked, and ignores a name given for no document checked", async function () {
    const document = path.join(dir, "report.txt");
    await writeFile(document, "the quarterly report");
    const { receipt } = await client.anchorFile(document);
    const verdict = await verifyReceipt(receipt, ethers.provider, { registry });
    expect(verdict.status).to.equal("document-not-checked");
    const file = await certificate("name-not-checked", receipt, verdict, "what-the-caller-says.txt");
    if (installed("pdftotext")) {
      const text = pdfText(file);
      expect(text).to.match(/^签发时状态\s+DOCUMENT NOT CHECKED · 未比对文件$/m);
      expect(text).to.match(/^文件名称\s+report\.txt$/m);
      expect(text).to.match(/^Document name\s+回执所载，未核对 · as stated in the receipt, not checked$/m);
      expect(text).to.not.contain("what-the-caller-says");
    }
  });

  it("caps a long file name in the QR link (the digest unchanged, the verifier ignores the name)", async function () {
    const document = path.join(dir, "long-name.txt");
    await writeFile(document, "a document with a long name in its receipt");
    const anchored = (await client.anchorFile(document)).receipt;
    // 300 CJK characters: 2,700 bytes once URI-encoded, more than a QR code holds with the rest of the link.
    const longName = `${"长".repeat(300)}.pdf`;
    const receipt = { ...anchored, fileName: longName };
    const compact = JSON.parse(compactReceipt(receipt)) as EvidenceReceipt;
    expect(compact.fileName).to.equal(`${"长".repeat(QR_FILE_NAME_LIMIT - 1)}…`);
    expect({ ...compact, fileName: longName }).to.deep.equal(JSON.parse(JSON.stringify(receipt)));
    // Cut by characters, not UTF-16 units: no emoji is split; a name at the limit is kept whole.
    const emoji = JSON.parse(compactReceipt({ ...receipt, fileName: "😀".repeat(100) })) as EvidenceReceipt;
    expect(Array.from(emoji.fileName!)).to.deep.equal([...Array<string>(QR_FILE_NAME_LIMIT - 1).fill("😀"), "…"]);
    const atLimit = "a".repeat(QR_FILE_NAME_LIMIT);
    expect((JSON.parse(compactReceipt({ ...receipt, fileName: atLimit })) as EvidenceReceipt).fileName).to.equal(
      atLimit,
    );

    const verdict = await verifyReceipt(receipt, ethers.provider, { registry, file: document });
    expect(verdict.status).to.equal("verified");
    const file = await certificate("long-name", receipt, verdict, "long-name.txt");
    const url = certificateUrl({ portalUrl: PORTAL, receipt, registry, rpcUrl: RPC });
    if (installed("pdftoppm") && installed("zbarimg")) expect(decodedQr(file)).to.equal(url);
    // The receipt read back from the link verifies the document exactly as the full one does.
    const fromLink = parseReceipt(parseCertificateUrl(url)!.receipt);
    expect(fromLink.fileName).to.equal(compact.fileName);
    const again = await verifyReceipt(fromLink, ethers.provider, { registry, file: document });
    expect(again.status).to.equal("verified");
    expect(again.digest).to.equal(verdict.digest);
    expect(again.summary).to.equal(verdict.summary);
    // Without the document, the whole name is printed (wrapped, marked as the receipt's word) and the page still fits.
    const unchecked = await verifyReceipt(receipt, ethers.provider, { registry });
    const uncheckedFile = await certificate("long-name-unchecked", receipt, unchecked);
    if (installed("pdftotext")) {
      const text = pdfText(uncheckedFile);
      expect(text.match(/长/g)).to.have.length(300);
      expect(text).to.match(/长\.pdf\n\s+回执所载，未核对 · as stated in the receipt, not checked$/m);
    }
    if (installed("pdftoppm") && installed("zbarimg")) expect(decodedQr(uncheckedFile)).to.equal(url);
  });

  it("states times in UTC and Beijing time (UTC+8) whatever the issuing machine's zone", async function () {
    const zone = process.env.TZ;
    const document = path.join(dir, "zones.txt");
    await writeFile(document, "zones");
    const { receipt } = await client.anchorFile(document);
    const verdict = await verifyReceipt(receipt, ethers.provider, { registry, file: document });
    try {
      for (const tz of ["America/Los_Angeles", "Asia/Kolkata", "UTC"]) {
        process.env.TZ = tz;
        expect(certificateTimes(ISSUED), tz).to.deep.equal({
          utc: "2026-12-06 18:30:00 UTC",
          beijing: "2026-12-07 02:30:00 北京时间",
          utcDate: "6 December 2026",
          beijingDate: "2026年12月7日",
        });
      }
      process.env.TZ = "Pacific/Auckland";
      expect(ISSUED.getHours()).to.equal(7); // the zone did change: a local-time certificate would say 07:30
      const file = await certificate(`zones`, receipt, verdict, "zones.txt");
      if (installed("pdftotext")) {
        const text = pdfText(file);
        expect(text).to.match(new RegExp(`^签发时间\\s+${literal(ISSUED_UTC)}$`, "m"));
        expect(text).to.match(new RegExp(`^Issued\\s+${literal(ISSUED_BEIJING)}$`, "m"));
        expect(text).to.not.contain("07:30");
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("tells a loopback RPC URL (only this computer) from any other, and the CLI puts only such one in the QR code", async function () {
    for (const url of [
      "http://127.0.0.1:8545",
      "http://localhost:8545/",
      "http://LOCALHOST:8545",
      "http://[::1]:8545",
      "http://127.3.4.5/",
      "http://127.1:8545",
      "http://node.localhost:8545",
      "http://[::ffff:127.0.0.1]:8545",
    ]) {
      expect(isLoopbackUrl(url), url).to.equal(true);
    }
    for (const url of [
      "https://rpc.example",
      "http://128.0.0.1:8545",
      "http://localhost.example.com",
      "http://10.0.0.1:8545",
      "http://[::2]:8545",
      "http://127.0.0.1.example/",
      "not a url",
      "",
    ]) {
      expect(isLoopbackUrl(url), url).to.equal(false);
    }
    const config = (url: string) => ({ type: "http", url: { getUrl: async () => url } });
    expect(await localRpcUrl(config("http://127.0.0.2:8545"))).to.equal("http://127.0.0.2:8545");
    expect(await localRpcUrl(config("https://rpc.example/v3/key"))).to.equal(undefined);
    expect(await localRpcUrl({ type: "edr-simulated" })).to.equal(undefined);
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

  // In New York's zone: the certificate's times must not follow the issuing machine's.
  const certificate = (...args: string[]) =>
    runHardhat(["evidence", "certificate", ...args, "--registry", registry, "--network", "localhost"], {
      LOCALHOST_URL: node.url,
      TZ: "America/New_York",
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
      // Issued now: in UTC, then the same moment in Beijing, eight hours ahead (not New York's time).
      const utc = /^签发时间\s+(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC · \d{1,2} [A-Z][a-z]+ \d{4}$/m.exec(text);
      const beijing =
        /^Issued\s+(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) 北京时间 \(UTC\+8\) · \d{4}年\d{1,2}月\d{1,2}日$/m.exec(text);
      expect(utc, text).to.not.equal(null);
      expect(beijing, text).to.not.equal(null);
      const issued = Date.parse(`${utc![1].replace(" ", "T")}Z`);
      expect(Date.parse(`${beijing![1].replace(" ", "T")}Z`) - issued).to.equal(8 * 3_600_000);
      expect(Math.abs(issued - Date.now())).to.be.below(10 * 60_000);
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
    if (installed("pdftotext")) {
      const text = pdfText(out);
      expect(text).to.match(/^文件名称\s+deed\.txt$/m);
      expect(text).to.match(/^Document name\s+回执所载，未核对 · as stated in the receipt, not checked$/m);
    }
    if (installed("pdftoppm") && installed("zbarimg")) {
      expect(decodedQr(out)).to.equal(
        `https://verify.example/?receipt=${encodeURIComponent(compactReceipt(receipt))}` +
          `&rpc=${encodeURIComponent("https://rpc.example")}&registry=${registry}#/verify`,
      );
    }
  });

  it("writes no certificate for a CONTENT MISMATCH or NOT ANCHORED verdict: one error line naming it, exit 1", async function () {
    const changed = path.join(dir, "deed-altered.txt");
    await writeFile(changed, "a deed, altered");
    const mismatchOut = path.join(dir, "mismatch.pdf");
    expect(errorLine(certificate(receiptFile, "--out", mismatchOut, "--document", changed))).to.equal(
      "error: no certificate is made for a CONTENT MISMATCH verdict: the document checked is not the one the receipt's digest anchors",
    );
    expect(existsSync(mismatchOut)).to.equal(false);
    const unanchored = path.join(dir, "unanchored.receipt.json");
    await writeFile(unanchored, JSON.stringify({ ...receipt, digest: `0x${"cd".repeat(32)}` }, null, 2));
    const notAnchoredOut = path.join(dir, "not-anchored.pdf");
    expect(errorLine(certificate(unanchored, "--out", notAnchoredOut))).to.equal(
      "error: no certificate is made for a NOT ANCHORED verdict: the receipt's digest is not anchored on the registry checked",
    );
    expect(existsSync(notAnchoredOut)).to.equal(false);
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
