// The portal's "verify a document": hashes the file in the page (streamed), applies the receipt's salt and proof and
// shows the SDK's own verdict (`@chainproof/contracts/verify`, src/verify.ts) from the registry the user trusts.
import "./styles.css";

import { JsonRpcProvider, Network, getAddress, isAddress } from "ethers";

import {
  SdkError,
  chainTimeToDate,
  formatEvidenceTime,
  parseReceipt,
  timeUnitOf,
  verifyDocument,
  type EvidenceReceipt,
  type EvidenceVerification,
  type HashAlgorithmName,
} from "../../src/verify.js";
import { isKey, preferredLang, t, type Key, type Lang } from "./i18n.js";

/** Deployment records committed in the repository (deploy/records/<chainId>.json): the known registries. */
const records = import.meta.glob<{ chainId: number; contracts: Record<string, string> }>(
  "../../deploy/records/*.json",
  {
    eager: true,
    import: "default",
  },
);
const knownRegistry = (chainId: bigint): string | undefined =>
  Object.values(records).find((r) => BigInt(r.chainId) === chainId)?.contracts.EvidenceRegistry;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = $<HTMLFormElement>("form");
const documentInput = $<HTMLInputElement>("document");
const receiptInput = $<HTMLInputElement>("receipt");
const receiptText = $<HTMLTextAreaElement>("receiptText");
const algorithmSelect = $<HTMLSelectElement>("algorithm");
const rpcInput = $<HTMLInputElement>("rpc");
const registryInput = $<HTMLInputElement>("registry");
const progress = $<HTMLParagraphElement>("progress");
const result = $<HTMLElement>("result");
const verdictHeading = $<HTMLHeadingElement>("verdict");
const summary = $<HTMLParagraphElement>("summary");
const fields = $<HTMLDListElement>("fields");
const drop = $<HTMLLabelElement>("drop");
const langButton = $<HTMLButtonElement>("lang");

type Shown =
  | { kind: "verdict"; verdict: EvidenceVerification; fileName?: string; batchRoot?: string }
  | { kind: "error"; code: string; message: string };

let lang: Lang = preferredLang();
let dropped: File | undefined;
let shown: Shown | undefined;

const params = new URLSearchParams(location.search);
rpcInput.value = params.get("rpc") ?? rpcInput.value;
registryInput.value = params.get("registry") ?? "";
const receiptParam = params.get("receipt");
if (receiptParam !== null) receiptText.value = receiptParam;

function applyLang(): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const key = el.dataset.i18n!;
    if (isKey(key)) el.textContent = t(lang, key);
  }
  langButton.textContent = lang === "zh" ? "English" : "中文";
  document.title = `ChainProof · ${t(lang, "title")}`;
  if (shown !== undefined) render(shown);
}

langButton.addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  applyLang();
});

drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  const file = event.dataTransfer?.files[0];
  if (file !== undefined) {
    dropped = file;
    drop.querySelector(".hint")!.textContent = file.name;
  }
});
documentInput.addEventListener("change", () => {
  dropped = undefined;
});

/** A local date as an ISO-style text with its UTC offset, e.g. 2026-12-06 11:15:02 (UTC+08:00). */
function localIso(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ` +
    `(UTC${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)})`
  );
}

function field(name: Key, value: string | Node): void {
  const dt = document.createElement("dt");
  dt.textContent = t(lang, name);
  const dd = document.createElement("dd");
  dd.append(value);
  fields.append(dt, dd);
}

function render(what: Shown): void {
  shown = what;
  result.hidden = false;
  fields.replaceChildren();
  if (what.kind === "error") {
    const key = isKey(what.code) ? what.code : "error";
    verdictHeading.textContent = t(lang, key);
    verdictHeading.dataset.status = what.code;
    result.dataset.status = what.code;
    summary.textContent = what.message;
    return;
  }
  const v = what.verdict;
  verdictHeading.textContent = t(lang, v.status);
  verdictHeading.dataset.status = v.status;
  result.dataset.status = v.status;
  summary.textContent = v.summary;
  if (what.fileName !== undefined) field("fDocument", what.fileName);
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
    const list = document.createElement("ul");
    for (const w of v.witnesses) {
      const li = document.createElement("li");
      li.textContent = `${w.address}: ${w.signed ? `${t(lang, "signed")} ${w.signedAt === null ? "" : formatEvidenceTime(w.signedAt)}` : t(lang, "notSigned")}`;
      list.append(li);
    }
    const text = document.createElement("span");
    text.textContent = t(lang, "ofRequired", { signed: v.witnessSignatures, threshold: v.witnessThreshold });
    const box = document.createElement("div");
    box.append(text, list);
    field("fWitnesses", box);
  } else {
    field("fWitnesses", t(lang, "none"));
  }
  field(
    "fRevoked",
    v.revoked ? `${formatEvidenceTime(v.revokedAt)}, ${t(lang, "reason")} ${v.revocationReason ?? "?"}` : t(lang, "no"),
  );
  field("fSuperseded", v.supersededBy ?? t(lang, "none"));
  field(
    "fBatch",
    what.batchRoot !== undefined ? t(lang, "batchRoot", { root: what.batchRoot }) : t(lang, "notBatched"),
  );
  field("fNetwork", `chain ${v.chainId}, ${v.registry}${v.knownDeployment ? "" : " (typed in)"}`);
  if (v.notes.length > 0) field("fNotes", v.notes.join("; "));
}

async function readReceipt(): Promise<EvidenceReceipt | undefined> {
  const file = receiptInput.files?.[0];
  const text = file !== undefined ? await file.text() : receiptText.value.trim();
  return text === "" ? undefined : parseReceipt(text);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void verify();
});

/**
 * A provider for `url` on the chain it answers for: asked once with a plain `eth_chainId` so that an unreachable URL is
 * one clear error (ethers' own network detection would retry for ever), then pinned (`staticNetwork`), one call per
 * request (`batchMaxCount: 1`, as the SDK's `jsonRpcProvider`).
 */
async function connect(url: string): Promise<JsonRpcProvider> {
  let chainId: bigint;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json()) as { result?: string };
    chainId = BigInt(body.result ?? "");
  } catch (error) {
    throw new RpcUnreachable(
      t(lang, "unreachable", { url, why: error instanceof Error ? error.message : String(error) }),
    );
  }
  const network = Network.from(chainId);
  return new JsonRpcProvider(url, network, { batchMaxCount: 1, staticNetwork: network });
}

class RpcUnreachable extends Error {}

async function verify(): Promise<void> {
  const button = $<HTMLButtonElement>("verify");
  button.disabled = true;
  progress.textContent = "";
  let provider: JsonRpcProvider | undefined;
  try {
    provider = await connect(rpcInput.value.trim());
    const receipt = await readReceipt();
    const file = dropped ?? documentInput.files?.[0];
    if (file === undefined && receipt === undefined) {
      render({ kind: "error", code: "error", message: t(lang, "noDocument") });
      return;
    }
    let registry = registryInput.value.trim();
    const { chainId } = await provider.getNetwork();
    const known = knownRegistry(chainId);
    if (registry === "" && known !== undefined) registryInput.value = registry = known;
    if (!isAddress(registry)) {
      render({ kind: "error", code: "error", message: t(lang, "badRegistry") });
      return;
    }
    const verdict = await verifyDocument(provider, {
      registry: getAddress(registry),
      knownDeployment: known !== undefined && known.toLowerCase() === registry.toLowerCase(),
      receipt,
      algorithm: algorithmSelect.value as HashAlgorithmName,
      document: file === undefined ? undefined : () => file.stream(),
      onProgress: (done) => {
        progress.textContent = t(lang, "hashing", { name: file!.name, done, total: file!.size });
      },
    });
    progress.textContent = "";
    render({ kind: "verdict", verdict, fileName: file?.name ?? receipt?.fileName, batchRoot: receipt?.batch?.root });
    verdictHeading.focus();
  } catch (error) {
    progress.textContent = "";
    const code =
      error instanceof SdkError
        ? error.code.toLowerCase().replace(/_/g, "-")
        : error instanceof RpcUnreachable
          ? "rpc-unreachable"
          : "error";
    render({ kind: "error", code, message: error instanceof Error ? error.message : String(error) });
  } finally {
    provider?.destroy();
    button.disabled = false;
  }
}

applyLang();
