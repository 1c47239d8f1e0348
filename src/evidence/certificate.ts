// The evidence certificate (存证证书): one A4 page, in Chinese and English, stating what the SDK's verdict on a receipt
// says, with a QR code that opens the portal's verify page filled in with the receipt. Browser-safe (no `node:`
// imports): the CLI and the portal make the same PDF. The font is passed in (a TTF with CJK glyphs) and embedded as a
// subset, so the page renders the same on any machine and the package carries no font.
// pdf-lib and fontkit (1.2 MB minified) are imported when a certificate is made, not with this module: a page that
// imports the browser entry (src/verify.ts) for verdicts and links only does not load them.
// `qrcode` too is imported when a QR code is made: the link helpers (certificate-link.ts) are what a page needs first.
import type { Color, PDFDocument, PDFFont, PDFPage } from "pdf-lib";
import type { QRCode as QrSymbol } from "qrcode";

import { InvalidInputError } from "../errors.js";
import { certificateRefusal, certificateUrl } from "./certificate-link.js";
import type { EvidenceReceipt } from "./receipt-format.js";
import { VERDICT_HEADLINES, formatEvidenceTime, type EvidenceVerification, type VerdictStatus } from "./verdict.js";

export * from "./certificate-link.js";

/** What a certificate is made from: the receipt and the SDK's verdict on it, never facts derived a second time. */
export interface CertificateInput {
  receipt: EvidenceReceipt;
  /** The SDK's verdict on the receipt (with the document when it was given), from the registry the verifier trusts. */
  verification: EvidenceVerification;
  /** A TrueType/OpenType font with CJK glyphs (e.g. Noto Sans SC); only the glyphs used are embedded. */
  font: Uint8Array;
  /** The portal's verify page, e.g. `http://127.0.0.1:5173/`; the QR code opens it with the receipt. */
  portalUrl: string;
  /** The JSON-RPC URL the portal should ask (put in the QR code's URL when given). */
  rpcUrl?: string;
  /** The EvidenceRegistry the verifier trusts (put in the QR code's URL). */
  registry: string;
  /**
   * The name of the document that was hashed and matched the digest (`verification.contentMatches` true), shown as it
   * is. Without one, or when no document was checked, the receipt's `fileName` is shown, marked as stated in the
   * receipt and not checked.
   */
  documentName?: string;
  /** When the certificate is issued; default now. */
  issuedAt?: Date;
  /** The chain's name when the caller knows it better than the built-in list. */
  chainName?: string;
}

/** The headline of each verdict in Chinese, beside the SDK's English one (VERDICT_HEADLINES): the portal's words. */
export const VERDICT_HEADLINES_ZH: Readonly<Record<VerdictStatus, string>> = {
  verified: "验证通过",
  "document-not-checked": "未比对文件",
  "content-mismatch": "内容不一致",
  "not-anchored": "未存证",
  revoked: "已撤销",
  "witnesses-pending": "见证未完成",
  "witnesses-not-met": "见证未达成",
};

const CHAIN_NAMES: Readonly<Record<string, string>> = {
  "1": "Ethereum",
  "10": "OP Mainnet",
  "137": "Polygon",
  "8453": "Base",
  "42161": "Arbitrum One",
  "11155111": "Sepolia",
  "17000": "Holesky",
  "31337": "Hardhat (local)",
  "1337": "local development chain",
};

/** A chain's name when it is a well-known one, else undefined. */
export function chainNameOf(chainId: string): string | undefined {
  return CHAIN_NAMES[chainId];
}

/**
 * The QR code's error correction, most robust first: the highest level whose symbol stays small enough to scan from
 * paper (version ≤ 25, 117 modules), else the level that fits at all (up to version 40, 177 modules).
 */
const COMFORTABLE_VERSION = 25;
type QrLevel = "H" | "Q" | "M" | "L";

/** The QR code of a URL: its modules and the error correction chosen; `InvalidInputError` when it cannot fit. */
export async function certificateQr(url: string): Promise<{
  size: number;
  dark: (row: number, col: number) => boolean;
  level: QrLevel;
  version: number;
}> {
  const { default: QRCode } = await import("qrcode");
  const qrCode = (text: string, level: QrLevel): QrSymbol | undefined => {
    try {
      return QRCode.create(text, { errorCorrectionLevel: level });
    } catch {
      return undefined;
    }
  };
  for (const level of ["Q", "M", "L"] as const) {
    const code = qrCode(url, level);
    if (code !== undefined && code.version <= COMFORTABLE_VERSION) return wrap(code, level);
  }
  // Larger than comfortable: the lowest error correction keeps the symbol smallest, so its modules largest on paper.
  const fallback = qrCode(url, "L");
  if (fallback === undefined) {
    throw new InvalidInputError(
      `the certificate's QR code cannot hold this receipt: its URL is ${new TextEncoder().encode(url).length} bytes, a QR code holds at most 2953 (use a shorter portal URL or a receipt with a shorter Merkle proof)`,
    );
  }
  return wrap(fallback, "L");

  function wrap(code: QrSymbol, level: QrLevel) {
    const { size, data } = code.modules;
    return { size, dark: (row: number, col: number) => data[row * size + col] === 1, level, version: code.version };
  }
}

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

/** The parts of @pdf-lib/fontkit's TrueType subset that `evenGlyphs` mends (not in its types). */
interface TrueTypeSubset {
  glyf?: Uint8Array[];
  offset?: number;
  _addGlyph?: (gid: number) => number;
}

/**
 * @pdf-lib/fontkit 1.1.1 writes a TrueType subset's `loca` in the short format (offsets / 2) without padding glyph
 * records to an even length, so after the first odd-length glyph every offset is off by a byte and most glyphs render
 * blank (pdf-lib#1232; fixed upstream in fontkit 1.8, foliojs/fontkit#191, which the fork predates). This fontkit pads
 * each subset glyph to an even length, as the TrueType spec asks, so the short offsets stay exact.
 */
const evenGlyphs = (fontkit: Fontkit): Fontkit => ({
  create(data, postscriptName) {
    const font = fontkit.create(data, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as ReturnType<typeof createSubset> & TrueTypeSubset;
      const addGlyph = subset._addGlyph;
      if (typeof addGlyph !== "function") return subset;
      subset._addGlyph = function (this: TrueTypeSubset, gid: number): number {
        const index = addGlyph.call(this, gid);
        const glyph = this.glyf?.[index];
        if (glyph !== undefined && glyph.length % 2 === 1 && this.glyf !== undefined && this.offset !== undefined) {
          // The same Buffer class as fontkit's own (its encoder accepts no plain Uint8Array).
          const BufferClass = glyph.constructor as unknown as { alloc(size: number): Uint8Array };
          const padded = BufferClass.alloc(glyph.length + 1);
          padded.set(glyph);
          this.glyf[index] = padded;
          this.offset += 1;
        }
        return index;
      };
      return subset;
    };
    return font;
  },
});

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const LABEL_WIDTH = 150;
// pdf-lib's `rgb(r, g, b)`, without loading it: ColorTypes.RGB is "RGB".
const rgb = (red: number, green: number, blue: number): Color => ({ type: "RGB", red, green, blue }) as Color;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const RED = rgb(0.7, 0.1, 0.1);
const GREEN = rgb(0.05, 0.45, 0.2);

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** China Standard Time (北京时间): UTC+8 all year, no daylight saving. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A moment as the certificate states it, in UTC and in China Standard Time (北京时间, UTC+8), never in the issuing
 * machine's zone (the paper is read far from where it was made): `2026-12-06 18:30:00 UTC` and
 * `2026-12-07 02:30:00 北京时间`, with each one's date for people (`6 December 2026`, `2026年12月7日`).
 */
export function certificateTimes(date: Date): { utc: string; beijing: string; utcDate: string; beijingDate: string } {
  const pad = (n: number) => String(n).padStart(2, "0");
  const stamp = (d: Date) =>
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  // The UTC fields of a date shifted by +8 h are Beijing's wall clock (no daylight saving there).
  const beijing = new Date(date.getTime() + BEIJING_OFFSET_MS);
  return {
    utc: `${stamp(date)} UTC`,
    beijing: `${stamp(beijing)} 北京时间`,
    utcDate: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`,
    beijingDate: `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`,
  };
}

/** A moment as a row's two lines: UTC with its date, then Beijing time with its date. */
function timeLines(date: Date): [string, string] {
  const t = certificateTimes(date);
  return [`${t.utc} · ${t.utcDate}`, `${t.beijing} (UTC+8) · ${t.beijingDate}`];
}

/** A chain time (seconds or milliseconds, as the registry stores it) on one line, in UTC and in Beijing time. */
function chainTimeLine(time: number): string {
  const t = certificateTimes(new Date(formatEvidenceTime(time)));
  return `${t.utc} · ${t.beijing}`;
}

/** Draws text at (x, y), shrinking it down to `min` to fit `width`, then wrapping; returns the height used. */
function drawFitted(
  page: PDFPage,
  font: PDFFont,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  color = INK,
  min = 6.5,
): number {
  let s = size;
  while (s > min && font.widthOfTextAtSize(text, s) > width) s -= 0.5;
  const lines: string[] = [];
  let line = "";
  for (const ch of Array.from(text)) {
    if (line !== "" && font.widthOfTextAtSize(line + ch, s) > width) {
      // Break at the last space when there is one on the line, else mid-word (hex has no spaces).
      const space = line.lastIndexOf(" ");
      if (space > 0 && !/^[0-9a-fA-Fx]+$/.test(line.slice(space + 1) + ch)) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1) + ch;
        continue;
      }
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line !== "") lines.push(line);
  const leading = s * 1.3;
  lines.forEach((l, i) => page.drawText(l, { x, y: y - s - i * leading, size: s, font, color }));
  return Math.max(lines.length, 1) * leading;
}

/**
 * The evidence certificate as a one-page A4 PDF: the document's name and digest (algorithm, salted or not), the
 * anchoring time, chain and registry, transaction, block, submitter, witnesses, the verdict at issuance and any
 * revocation or successor, labelled in Chinese and English, with a QR code that opens the portal on the receipt.
 * Times are stated in UTC and in Beijing time. `InvalidInputError` for a CONTENT MISMATCH or NOT ANCHORED verdict: a
 * certificate of it would look like a proof of something false.
 */
export async function evidenceCertificate(input: CertificateInput): Promise<Uint8Array> {
  const { receipt, verification: v } = input;
  const refusal = certificateRefusal(v);
  if (refusal !== undefined) throw new InvalidInputError(refusal);
  const url = certificateUrl(input);
  const qr = await certificateQr(url);
  const issuedAt = input.issuedAt ?? new Date();

  const [{ PDFDocument }, { default: fontkit }] = await Promise.all([import("pdf-lib"), import("@pdf-lib/fontkit")]);
  const doc = await PDFDocument.create();
  doc.registerFontkit(evenGlyphs(fontkit));
  let font: PDFFont;
  try {
    font = await doc.embedFont(input.font, { subset: true });
  } catch (e) {
    throw new InvalidInputError(
      `the certificate's font is not a usable TrueType/OpenType font (${(e as Error).message})`,
    );
  }
  doc.setTitle("存证证书 · Evidence certificate");
  doc.setSubject(`${receipt.digest} (${v.algorithmName})`);
  doc.setCreator("@chainproof/contracts");
  doc.setProducer("@chainproof/contracts with pdf-lib");
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  const page = doc.addPage([A4.width, A4.height]);
  const right = A4.width - MARGIN;
  let y = A4.height - MARGIN;

  const title = "存证证书 · Evidence certificate";
  const titleSize = 22;
  page.drawText(title, {
    x: (A4.width - font.widthOfTextAtSize(title, titleSize)) / 2,
    y: y - titleSize,
    size: titleSize,
    font,
    color: INK,
  });
  y -= titleSize + 10;
  const sub = "区块链存证 · Anchored on a blockchain: the receipt, checked against the chain, is the proof";
  y -= drawFitted(page, font, sub, MARGIN, y, right - MARGIN, 9, MUTED);
  y -= 6;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: right, y }, thickness: 0.8, color: INK });
  y -= 10;

  const valueX = MARGIN + LABEL_WIDTH;
  const valueWidth = right - valueX;
  const row = (zh: string, en: string, values: string[], color = INK) => {
    page.drawText(zh, { x: MARGIN, y: y - 10, size: 10, font, color: INK });
    page.drawText(en, { x: MARGIN, y: y - 22, size: 7.5, font, color: MUTED });
    let used = 0;
    for (const value of values) used += drawFitted(page, font, value, valueX, y - used, valueWidth, 9.5, color);
    y -= Math.max(used, 24) + 5;
  };

  const salted = v.salted || v.receiptVersion === 1;
  const status = v.status;
  const statusColor = v.valid ? GREEN : status === "document-not-checked" ? INK : RED;

  row(
    "签发时状态",
    "Status at issuance",
    [`${VERDICT_HEADLINES[status]} · ${VERDICT_HEADLINES_ZH[status]}`],
    statusColor,
  );
  y += 4;
  y -= drawFitted(page, font, v.summary, valueX, y, valueWidth, 7.5, MUTED) + 6;
  // A name is shown as the document's only when that document was hashed and matched; the receipt's own is its word.
  if (v.contentMatches === true && input.documentName !== undefined)
    row("文件名称", "Document name", [input.documentName]);
  else if (receipt.fileName !== undefined) {
    row("文件名称", "Document name", [receipt.fileName, "回执所载，未核对 · as stated in the receipt, not checked"]);
  } else row("文件名称", "Document name", ["—（回执未记录 · not in the receipt）"]);
  row("摘要", "Digest", [receipt.digest]);
  row("算法", "Algorithm", [
    `${v.algorithmName}${salted ? "，加盐 · salted (the salt is in the receipt)" : "，未加盐 · not salted"}`,
  ]);
  if (receipt.batch !== undefined) {
    row("批量存证", "Batch (Merkle root)", [
      receipt.batch.root,
      `默克尔证明 ${receipt.batch.proof.length} 步 · Merkle proof of ${receipt.batch.proof.length} step${receipt.batch.proof.length === 1 ? "" : "s"}`,
    ]);
  }
  if (v.exists) {
    row("存证时间", "Anchoring time", timeLines(new Date(formatEvidenceTime(v.time))));
  } else {
    row("存证时间", "Anchoring time", ["链上无此存证 · not found on the chain"], RED);
  }
  const chainName = input.chainName ?? chainNameOf(v.chainId);
  row("区块链", "Chain", [`${v.chainId}${chainName === undefined ? "" : ` · ${chainName}`}`]);
  row("合约", "Contract (registry)", [
    v.registry,
    v.knownDeployment ? "已知部署 · the known deployment" : "非已知部署 · NOT a known deployment",
  ]);
  row("交易哈希", "Transaction", [receipt.transaction]);
  row("区块", "Block", [String(v.exists ? v.blockNumber : receipt.blockNumber)]);
  row("提交者", "Submitter", [v.exists ? v.submitter : "—"]);

  // Modules a whole number of 150 dpi pixels (0.48 pt) wide, on that pixel grid, as large as 220 pt allows: crisp
  // when rendered at 150, 300 or 600 dpi and printed, so a scanner reads even a large symbol.
  const GRID = 72 / 150;
  const module = Math.max(Math.floor(220 / (qr.size + 8) / GRID), 2) * GRID;
  const qrSide = module * (qr.size + 8);
  const qrBottom = A4.height - Math.round((A4.height - (MARGIN + 26) - qrSide) / GRID) * GRID - qrSide;
  const qrTop = qrBottom + qrSide;
  // The witnesses' lines: M of N (and the deadline) always; then each witness, a signer's time on a line of its own.
  const witnessValues: string[] = [];
  const witnessLines: string[][] = [];
  if (v.witnesses.length === 0) witnessValues.push("无要求 · none required");
  else {
    witnessValues.push(
      `需 ${v.witnessThreshold} / ${v.witnesses.length}，已签 ${v.witnessSignatures} · ${v.witnessThreshold} of ${v.witnesses.length} required, ${v.witnessSignatures} signed` +
        (v.witnessDeadline === 0 ? " (无期限 · no deadline)" : ""),
    );
    if (v.witnessDeadline !== 0) witnessValues.push(`期限 · deadline ${chainTimeLine(v.witnessDeadline)}`);
    for (const w of v.witnesses) {
      if (!w.signed) witnessLines.push([`${w.address} 未签 · not signed`]);
      else if (w.signedAt === null) witnessLines.push([`${w.address} 已签 · signed`]);
      else witnessLines.push([`${w.address} 已签 · signed`, `    ${chainTimeLine(w.signedAt)}`]);
    }
  }
  // Keep the witnesses above the QR code: past the room left, the rest are counted, not listed.
  const lineHeight = 9.5 * 1.3;
  const twoLineRow = 2 * lineHeight + 5;
  const after = twoLineRow * (1 + (v.revoked ? 1 : 0) + (v.supersededBy !== null ? 1 : 0));
  const room = Math.max(Math.floor((y - qrTop - 12 - after - 7) / lineHeight), witnessValues.length + 1);
  if (witnessValues.length + witnessLines.flat().length <= room) witnessValues.push(...witnessLines.flat());
  else {
    let listed = 0;
    while (listed < witnessLines.length && witnessValues.length + witnessLines[listed].length <= room - 1) {
      witnessValues.push(...witnessLines[listed]);
      listed += 1;
    }
    const hidden = witnessLines.length - listed;
    witnessValues.push(`…另有 ${hidden} 位见证人 · and ${hidden} more witnesses (see the portal)`);
  }
  row("见证人", "Witnesses", witnessValues);
  if (v.revoked) {
    row("已撤销", "Revoked", [chainTimeLine(v.revokedAt), `原因 · reason ${v.revocationReason ?? "unknown"}`], RED);
  }
  if (v.supersededBy !== null) row("已被替代", "Superseded by", [v.supersededBy], RED);
  row("签发时间", "Issued", timeLines(issuedAt));

  // The QR code, bottom left, with how to use it beside it.
  const qrX = Math.round(MARGIN / GRID) * GRID;
  page.drawRectangle({ x: qrX, y: qrBottom, width: qrSide, height: qrSide, color: rgb(1, 1, 1) });
  for (let r = 0; r < qr.size; r++) {
    let c = 0;
    while (c < qr.size) {
      if (!qr.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < qr.size && qr.dark(r, c)) c++;
      page.drawRectangle({
        x: qrX + (start + 4) * module,
        y: qrBottom + qrSide - (r + 5) * module,
        width: (c - start) * module,
        height: module,
        color: rgb(0, 0, 0),
      });
    }
  }
  const noteX = qrX + qrSide + 16;
  const noteWidth = right - noteX;
  let ny = qrTop - 4;
  ny -= drawFitted(page, font, "扫码复核", noteX, ny, noteWidth, 12);
  ny -= drawFitted(page, font, "Scan to verify again", noteX, ny, noteWidth, 10, MUTED) + 6;
  ny -= drawFitted(
    page,
    font,
    "二维码打开验证页面并填入回执；在浏览器中选择原文件，页面在本机计算摘要并查询链上记录。",
    noteX,
    ny,
    noteWidth,
    8.5,
  );
  ny -= 4;
  ny -= drawFitted(
    page,
    font,
    "The QR code opens the verify page with this receipt; choose the original file there: it is hashed on your device and checked against the chain.",
    noteX,
    ny,
    noteWidth,
    8.5,
    MUTED,
  );
  ny -= 6;
  drawFitted(page, font, `Portal: ${input.portalUrl}`, noteX, ny, noteWidth, 7.5, MUTED);

  const foot =
    "本证书仅为便于阅读；证明以回执与链上记录为准 · This page is a convenience: the proof is the receipt checked against the chain.";
  drawFitted(page, font, foot, MARGIN, MARGIN + 16, right - MARGIN, 7, MUTED);

  if (y < qrTop + 8) {
    throw new InvalidInputError("the certificate's facts do not fit on one page (too many witnesses or lines)");
  }
  return doc.save();
}
