// "Verify a document": hashes the file in the page (streamed), applies the receipt's salt and proof and shows the SDK's
// own verdict (`@chainproof/contracts/verify`, src/verify.ts) from the registry the user trusts, never the receipt's.
import { getAddress, isAddress } from "ethers";

import {
  SdkError,
  VERDICT_HEADLINES,
  certificateRefusal,
  chainTimeToDate,
  formatEvidenceTime,
  isLoopbackUrl,
  parseCertificateUrl,
  parseReceipt,
  timeUnitOf,
  verifyDocument,
  type EvidenceReceipt,
  type EvidenceVerification,
  type HashAlgorithmName,
} from "../../../src/verify.js";
import { translator } from "../i18n.js";
import {
  RpcUnreachableError,
  el,
  localIso,
  trustNote,
  type Connection,
  type Page,
  type PortalContext,
} from "../shell.js";
import { workerHasher } from "../worker-hasher.js";

const t = translator(
  {
    title: "Verify a document",
    intro:
      "Your file never leaves this device: it is hashed here, in the page; only the digest is looked up on the chain.",
    document: "Document",
    dropHint: "Choose or drop a file",
    receipt: "Receipt (JSON, optional)",
    receiptText: "…or paste the receipt",
    algorithm: "Algorithm (without a receipt)",
    verify: "Verify",
    hashing: "Hashing {name}: {done} of {total} bytes",
    noDocument: "Choose a document or a receipt first.",
    badRegistry: "Type the address of the EvidenceRegistry you trust (0x and 40 hex digits).",
    error: "ERROR",
    "rpc-unreachable": "NETWORK UNREACHABLE",
    "wrong-network": "WRONG NETWORK",
    "untrusted-registry": "ANOTHER REGISTRY",
    ...VERDICT_HEADLINES, // the SDK's own headline words
    fDocument: "Document",
    fDigest: "Digest",
    fAlgorithm: "Algorithm",
    fTimeLocal: "Anchored (local time)",
    fTimeUtc: "Anchored (UTC)",
    fSubmitter: "Submitter",
    fBlock: "Block",
    fTransaction: "Transaction",
    fWitnesses: "Witnesses",
    fRevoked: "Revoked",
    fSuperseded: "Superseded by",
    fBatch: "Batch",
    fNetwork: "Network",
    fNotes: "Notes",
    matches: "matches the digest",
    differs: "does NOT match the digest",
    notChecked: "not checked",
    salted: "salted",
    none: "none",
    no: "no",
    signed: "signed",
    notSigned: "not signed",
    ofRequired: "{signed} of {threshold} required signed",
    batchRoot: "member of batch {root}",
    notBatched: "anchored directly",
    reason: "reason",
    record: "record",
    certificate: "Certificate (PDF)",
    certificateMaking: "Making the certificate…",
    certificateDone: "cert.pdf downloaded ({size} KB).",
    fromLink: "Receipt, RPC URL and registry taken from the certificate's link.",
    certificateRefused:
      "No certificate for a {verdict} verdict: a certificate must never look like a proof of something false.",
    certificateRpc: "Put this RPC URL in the QR code:",
    certificateLoopback:
      "This RPC URL is on this computer (loopback): a QR link that names it opens only on this computer.",
    certificateRemote:
      "This RPC URL is not on this computer and may carry an access key: tick the box only if it may be printed.",
    asStated: "as stated in the receipt, not checked",
  },
  {
    title: "验证文件",
    intro: "文件不会离开本设备：哈希在本页面内计算，只把摘要拿到链上查询。",
    document: "文件",
    dropHint: "选择或拖入文件",
    receipt: "存证回执（JSON，可选）",
    receiptText: "…或粘贴回执内容",
    algorithm: "哈希算法（无回执时）",
    verify: "验证",
    hashing: "正在计算 {name} 的哈希：{done} / {total} 字节",
    noDocument: "请先选择文件或回执。",
    badRegistry: "请输入您信任的 EvidenceRegistry 地址（0x 加 40 位十六进制）。",
    error: "错误",
    "rpc-unreachable": "无法连接网络",
    "wrong-network": "网络不符",
    "untrusted-registry": "合约不符",
    verified: "验证通过",
    "document-not-checked": "未比对文件",
    "content-mismatch": "内容不一致",
    "not-anchored": "未存证",
    revoked: "已撤销",
    "witnesses-pending": "见证未完成",
    "witnesses-not-met": "见证未达成",
    fDocument: "文件",
    fDigest: "摘要",
    fAlgorithm: "算法",
    fTimeLocal: "存证时间（本地）",
    fTimeUtc: "存证时间（UTC）",
    fSubmitter: "提交者",
    fBlock: "区块",
    fTransaction: "交易",
    fWitnesses: "见证人",
    fRevoked: "撤销",
    fSuperseded: "被替代为",
    fBatch: "批次",
    fNetwork: "网络",
    fNotes: "说明",
    matches: "与摘要一致",
    differs: "与摘要不一致",
    notChecked: "未比对",
    salted: "加盐",
    none: "无",
    no: "否",
    signed: "已签",
    notSigned: "未签",
    ofRequired: "已签 {signed} / 需 {threshold}",
    batchRoot: "属于批次 {root}",
    notBatched: "单独存证",
    reason: "原因",
    record: "记录",
    certificate: "存证证书（PDF）",
    certificateMaking: "正在生成存证证书…",
    certificateDone: "已下载 cert.pdf（{size} KB）。",
    fromLink: "已从证书链接中取出回执、RPC 地址和合约地址。",
    certificateRefused: "验证结果为「{verdict}」，不出具存证证书：证书绝不能让不实之事看似得到证明。",
    certificateRpc: "把此 RPC 地址放入二维码：",
    certificateLoopback: "此 RPC 地址指向本机（回环地址）：含有它的二维码链接只能在这台电脑上打开。",
    certificateRemote: "此 RPC 地址不在本机，可能含有访问密钥：仅当它可以印在证书上时才勾选。",
    asStated: "回执所载，未核对",
  },
);
type Key = Parameters<typeof t>[1];

type Shown =
  | {
      kind: "verdict";
      verdict: EvidenceVerification;
      fileName?: string;
      /** The name of the document hashed in the page, when one was (else `fileName` is the receipt's word). */
      documentName?: string;
      batchRoot?: string;
      /** The receipt verified and the RPC URL asked: a certificate can be made of them. */
      receipt?: EvidenceReceipt;
      rpcUrl?: string;
      /** The network it was judged on: where its registry and RPC URL came from (said beside the verdict). */
      connection: Connection;
    }
  | { kind: "error"; code: string; message: string };

const TEMPLATE = `
  <h2 data-t="title"></h2>
  <p class="intro" data-t="intro"></p>
  <form id="form" novalidate>
    <label class="drop" id="drop" for="document">
      <span data-t="document"></span>
      <input type="file" id="document" name="document" />
      <span class="hint" data-t="dropHint"></span>
    </label>
    <label for="receipt">
      <span data-t="receipt"></span>
      <input type="file" id="receipt" name="receipt" accept=".json,application/json" />
    </label>
    <label for="receiptText">
      <span data-t="receiptText"></span>
      <textarea id="receiptText" name="receiptText" rows="3" spellcheck="false"></textarea>
    </label>
    <label for="algorithm">
      <span data-t="algorithm"></span>
      <select id="algorithm" name="algorithm">
        <option value="sha256">SHA-256</option>
        <option value="sha3-256">SHA3-256</option>
        <option value="keccak256">keccak256</option>
        <option value="sm3">SM3</option>
      </select>
    </label>
    <button type="submit" id="verify" data-t="verify"></button>
  </form>
  <p id="progress" role="status" aria-live="polite"></p>
  <section id="result" aria-live="polite" hidden>
    <h2 id="verdict" tabindex="-1"></h2>
    <p id="summary"></p>
    <p id="trust" class="trust"></p>
    <dl id="fields"></dl>
    <label class="check" id="certificateRpcLabel" for="certificateRpc" hidden>
      <input type="checkbox" id="certificateRpc" />
      <span><span data-t="certificateRpc"></span> <code id="certificateRpcUrl"></code></span>
    </label>
    <p id="certificateLoopback" class="certificate-note" data-t="certificateLoopback" hidden></p>
    <p id="certificateRemote" class="certificate-note" data-t="certificateRemote" hidden></p>
    <p><button type="button" id="certificate" data-t="certificate" hidden></button></p>
    <p id="certificateRefused" class="certificate-note" hidden></p>
    <p id="certificateStatus" role="status" aria-live="polite"></p>
  </section>`;

/** The verify page's elements, looked up once it is mounted. */
function elements(root: HTMLElement) {
  const $ = <T extends HTMLElement>(id: string): T => root.querySelector(`#${id}`) as T;
  return {
    form: $<HTMLFormElement>("form"),
    documentInput: $<HTMLInputElement>("document"),
    receiptInput: $<HTMLInputElement>("receipt"),
    receiptText: $<HTMLTextAreaElement>("receiptText"),
    algorithm: $<HTMLSelectElement>("algorithm"),
    button: $<HTMLButtonElement>("verify"),
    progress: $<HTMLParagraphElement>("progress"),
    result: $<HTMLElement>("result"),
    verdict: $<HTMLHeadingElement>("verdict"),
    summary: $<HTMLParagraphElement>("summary"),
    trust: $<HTMLParagraphElement>("trust"),
    fields: $<HTMLDListElement>("fields"),
    drop: $<HTMLLabelElement>("drop"),
    certificate: $<HTMLButtonElement>("certificate"),
    certificateStatus: $<HTMLParagraphElement>("certificateStatus"),
    certificateRefused: $<HTMLParagraphElement>("certificateRefused"),
    certificateRpcLabel: $<HTMLLabelElement>("certificateRpcLabel"),
    certificateRpc: $<HTMLInputElement>("certificateRpc"),
    certificateRpcUrl: $<HTMLElement>("certificateRpcUrl"),
    certificateLoopback: $<HTMLParagraphElement>("certificateLoopback"),
    certificateRemote: $<HTMLParagraphElement>("certificateRemote"),
  };
}

export const verifyPage: Page = {
  route: "verify",
  mount(root: HTMLElement, ctx: PortalContext): void {
    root.innerHTML = TEMPLATE;
    const e = elements(root);
    let dropped: File | undefined;
    let shown: Shown | undefined;
    let makingCertificate = false;
    // The RPC URL the QR box was last set for: a new URL resets the box to the CLI's rule (ticked for a loopback URL
    // only, since a remote one may carry an access key); the person's own choice stands while the URL stays.
    let certificateRpcFor: string | undefined;

    const receiptParam = new URLSearchParams(location.search).get("receipt");
    if (receiptParam !== null) e.receiptText.value = receiptParam;

    // The content of a certificate's QR code (its URL) pasted as the receipt: the receipt goes in the box, the RPC URL
    // and the registry in the network panel (the shell's #rpc and #registry fields), as opening the link would.
    const takeCertificateLink = (): void => {
      const link = parseCertificateUrl(e.receiptText.value);
      if (link === null) return;
      e.receiptText.value = link.receipt;
      const rpc = document.querySelector<HTMLInputElement>("#rpc");
      const registry = document.querySelector<HTMLInputElement>("#registry");
      if (link.rpc !== undefined && rpc !== null) {
        rpc.value = link.rpc;
        rpc.dispatchEvent(new Event("change"));
      }
      if (link.registry !== undefined && registry !== null) {
        registry.value = link.registry;
        registry.dispatchEvent(new Event("input"));
      }
      e.progress.textContent = t(ctx.lang(), "fromLink");
    };
    e.receiptText.addEventListener("input", takeCertificateLink);

    const relabel = () => {
      for (const node of root.querySelectorAll<HTMLElement>("[data-t]")) {
        const key = node.dataset.t!;
        if (t.has(key)) node.textContent = t(ctx.lang(), key);
      }
      if (dropped !== undefined) e.drop.querySelector(".hint")!.textContent = dropped.name;
      if (shown !== undefined) render(shown);
    };
    ctx.onLang(relabel);

    e.drop.addEventListener("dragover", (event) => {
      event.preventDefault();
      e.drop.classList.add("over");
    });
    e.drop.addEventListener("dragleave", () => e.drop.classList.remove("over"));
    e.drop.addEventListener("drop", (event) => {
      event.preventDefault();
      e.drop.classList.remove("over");
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) {
        dropped = file;
        e.drop.querySelector(".hint")!.textContent = file.name;
      }
    });
    e.documentInput.addEventListener("change", () => {
      dropped = undefined;
    });

    const field = (name: Key, value: string | Node): void => {
      e.fields.append(el("dt", {}, t(ctx.lang(), name)), el("dd", {}, value));
    };

    function render(what: Shown): void {
      const lang = ctx.lang();
      shown = what;
      e.result.hidden = false;
      e.fields.replaceChildren();
      showCertificateControls(what);
      e.trust.replaceChildren();
      delete e.result.dataset.trust;
      delete e.trust.dataset.trust;
      if (what.kind === "error") {
        e.verdict.textContent = t(lang, t.has(what.code) ? what.code : "error");
        e.verdict.dataset.status = what.code;
        e.result.dataset.status = what.code;
        e.summary.textContent = what.message;
        return;
      }
      const v = what.verdict;
      e.verdict.textContent = t(lang, v.status);
      e.verdict.dataset.status = v.status;
      e.result.dataset.status = v.status;
      e.summary.textContent = v.summary;
      // How far to trust it: the registry known, typed in, or chosen by the link that opened the page (and its RPC URL).
      const note = trustNote(what.connection, "EvidenceRegistry", lang);
      e.trust.replaceChildren(...note.childNodes);
      e.trust.dataset.trust = e.result.dataset.trust = note.dataset.rpc ?? note.dataset.trust!;
      if (what.documentName !== undefined) field("fDocument", what.documentName);
      else if (what.fileName !== undefined) field("fDocument", `${what.fileName} (${t(lang, "asStated")})`);
      field(
        "fDigest",
        `${v.digest} — ${v.contentMatches === null ? t(lang, "notChecked") : t(lang, v.contentMatches ? "matches" : "differs")}`,
      );
      field("fAlgorithm", `${v.algorithmName}${v.salted || v.receiptVersion === 1 ? ` (${t(lang, "salted")})` : ""}`);
      if (v.exists || v.anchored) {
        const date = chainTimeToDate(v.time, timeUnitOf(BigInt(v.time)));
        field("fTimeLocal", localIso(date));
        field("fTimeUtc", formatEvidenceTime(v.time));
        field("fSubmitter", v.submitter);
        field("fBlock", String(v.blockNumber));
      }
      if (v.transaction !== null) field("fTransaction", v.transaction.hash);
      if (v.witnesses.length > 0) {
        const list = el("ul");
        for (const w of v.witnesses) {
          list.append(
            el(
              "li",
              {},
              `${w.address}: ${w.signed ? `${t(lang, "signed")} ${w.signedAt === null ? "" : formatEvidenceTime(w.signedAt)}` : t(lang, "notSigned")}`,
            ),
          );
        }
        const text = el(
          "span",
          {},
          t(lang, "ofRequired", { signed: v.witnessSignatures, threshold: v.witnessThreshold }),
        );
        field("fWitnesses", el("div", {}, text, list));
      } else {
        field("fWitnesses", t(lang, "none"));
      }
      field(
        "fRevoked",
        v.revoked
          ? `${formatEvidenceTime(v.revokedAt)}, ${t(lang, "reason")} ${v.revocationReason ?? "?"}`
          : t(lang, "no"),
      );
      if (v.supersededBy === null) field("fSuperseded", t(lang, "none"));
      else field("fSuperseded", el("a", { href: `#/evidence/${v.supersededBy}` }, v.supersededBy));
      field(
        "fBatch",
        what.batchRoot !== undefined ? t(lang, "batchRoot", { root: what.batchRoot }) : t(lang, "notBatched"),
      );
      field("fNetwork", `chain ${v.chainId}, ${v.registry}`);
      if (v.notes.length > 0) field("fNotes", v.notes.join("; "));
    }

    /**
     * The certificate's button and options under a verdict on a receipt: refused, disabled and said why, for a verdict
     * no certificate is made of; else the choice to put the page's RPC URL in the QR code, and a note when that URL is
     * a loopback one (the link would open only on this computer) or a remote one (it may carry an access key).
     */
    function showCertificateControls(what: Shown): void {
      const lang = ctx.lang();
      const verdict = what.kind === "verdict" && what.receipt !== undefined ? what.verdict : undefined;
      const refused = verdict !== undefined && certificateRefusal(verdict) !== undefined;
      e.certificate.hidden = verdict === undefined;
      e.certificate.disabled = refused || makingCertificate;
      e.certificateRefused.hidden = !refused;
      e.certificateRefused.textContent = refused
        ? t(lang, "certificateRefused", { verdict: t(lang, verdict!.status) })
        : "";
      const rpcUrl = what.kind === "verdict" ? (what.rpcUrl ?? "") : "";
      e.certificateRpcLabel.hidden = verdict === undefined || refused || rpcUrl === "";
      e.certificateRpcUrl.textContent = rpcUrl;
      const loopback = isLoopbackUrl(rpcUrl);
      if (rpcUrl !== certificateRpcFor) {
        certificateRpcFor = rpcUrl;
        e.certificateRpc.checked = loopback;
      }
      e.certificateLoopback.hidden = e.certificateRpcLabel.hidden || !e.certificateRpc.checked || !loopback;
      e.certificateRemote.hidden = e.certificateRpcLabel.hidden || loopback;
    }
    e.certificateRpc.addEventListener("change", () => {
      if (shown !== undefined) showCertificateControls(shown);
    });

    async function readReceipt(): Promise<EvidenceReceipt | undefined> {
      const file = e.receiptInput.files?.[0];
      const text = file !== undefined ? await file.text() : e.receiptText.value.trim();
      return text === "" ? undefined : parseReceipt(text);
    }

    async function verify(): Promise<void> {
      const lang = ctx.lang();
      takeCertificateLink();
      e.button.disabled = true;
      e.progress.textContent = "";
      let connection: Awaited<ReturnType<PortalContext["connect"]>> | undefined;
      try {
        connection = await ctx.connect();
        const receipt = await readReceipt();
        const file = dropped ?? e.documentInput.files?.[0];
        if (file === undefined && receipt === undefined) {
          render({ kind: "error", code: "error", message: t(lang, "noDocument") });
          return;
        }
        const registry = connection.contracts.EvidenceRegistry;
        if (registry === undefined || !isAddress(registry)) {
          render({ kind: "error", code: "error", message: t(lang, "badRegistry") });
          return;
        }
        const verdict = await verifyDocument(connection.provider, {
          registry: getAddress(registry),
          knownDeployment: connection.known.EvidenceRegistry ?? false,
          receipt,
          algorithm: e.algorithm.value as HashAlgorithmName,
          document: file,
          hasher: workerHasher,
          onProgress: (done) => {
            e.progress.textContent = t(ctx.lang(), "hashing", { name: file!.name, done, total: file!.size });
          },
        });
        e.progress.textContent = "";
        e.certificateStatus.textContent = "";
        render({
          kind: "verdict",
          verdict,
          fileName: file?.name ?? receipt?.fileName,
          documentName: file?.name,
          batchRoot: receipt?.batch?.root,
          receipt,
          rpcUrl: connection.rpcUrl,
          connection,
        });
        e.verdict.focus();
      } catch (error) {
        e.progress.textContent = "";
        const code =
          error instanceof SdkError
            ? error.code.toLowerCase().replace(/_/g, "-")
            : error instanceof RpcUnreachableError
              ? error.code
              : "error";
        render({ kind: "error", code, message: error instanceof Error ? error.message : String(error) });
      } finally {
        connection?.provider.destroy();
        e.button.disabled = false;
      }
    }

    e.certificate.addEventListener("click", () => {
      if (shown?.kind !== "verdict" || shown.receipt === undefined || certificateRefusal(shown.verdict) !== undefined)
        return;
      const { verdict, receipt, documentName } = shown;
      // The page's RPC URL goes in the QR code only while the box is ticked.
      const rpcUrl = e.certificateRpc.checked && shown.rpcUrl !== "" ? shown.rpcUrl : undefined;
      makingCertificate = true;
      e.certificate.disabled = true;
      e.certificateStatus.textContent = t(ctx.lang(), "certificateMaking");
      // Loaded on the first click only: the PDF code and the font stay out of the page until then.
      import("../certificate.js")
        .then(({ downloadCertificate }) =>
          downloadCertificate({ receipt, verification: verdict, rpcUrl, documentName }),
        )
        .then((pdf) => {
          e.certificateStatus.textContent = t(ctx.lang(), "certificateDone", { size: Math.ceil(pdf.length / 1024) });
        })
        .catch((error: unknown) => {
          e.certificateStatus.textContent = error instanceof Error ? error.message : String(error);
        })
        .finally(() => {
          makingCertificate = false;
          e.certificate.disabled = false;
        });
    });

    e.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void verify();
    });
    relabel();
  },
};
