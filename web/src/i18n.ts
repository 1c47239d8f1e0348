// Labels in English and Chinese: 中文 when the browser prefers it, switchable with the language button.
import { VERDICT_HEADLINES } from "../../src/verify.js";

export type Lang = "en" | "zh";

const en = {
  title: "Verify a document",
  intro:
    "Your file never leaves this device: it is hashed here, in the page; only the digest is looked up on the chain.",
  document: "Document",
  dropHint: "Choose or drop a file",
  receipt: "Receipt (JSON, optional)",
  receiptText: "…or paste the receipt",
  algorithm: "Algorithm (without a receipt)",
  network: "Network",
  rpc: "JSON-RPC URL",
  registry: "EvidenceRegistry address (the one you trust)",
  verify: "Verify",
  hashing: "Hashing {name}: {done} of {total} bytes",
  asking: "Asking the chain…",
  noDocument: "Choose a document or a receipt first.",
  badRegistry: "Type the address of the EvidenceRegistry you trust (0x and 40 hex digits).",
  error: "ERROR",
  unreachable: "cannot reach the JSON-RPC URL {url}: {why}",
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
};

export type Key = keyof typeof en;

const zh: Record<Key, string> = {
  title: "验证文件",
  intro: "文件不会离开本设备：哈希在本页面内计算，只把摘要拿到链上查询。",
  document: "文件",
  dropHint: "选择或拖入文件",
  receipt: "存证回执（JSON，可选）",
  receiptText: "…或粘贴回执内容",
  algorithm: "哈希算法（无回执时）",
  network: "网络",
  rpc: "JSON-RPC 地址",
  registry: "您信任的 EvidenceRegistry 合约地址",
  verify: "验证",
  hashing: "正在计算 {name} 的哈希：{done} / {total} 字节",
  asking: "正在查询链上记录…",
  noDocument: "请先选择文件或回执。",
  badRegistry: "请输入您信任的 EvidenceRegistry 地址（0x 加 40 位十六进制）。",
  error: "错误",
  unreachable: "无法连接 JSON-RPC 地址 {url}：{why}",
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
};

const TABLES: Record<Lang, Record<Key, string>> = { en, zh };

export function preferredLang(): Lang {
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The label `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function t(lang: Lang, key: Key, values: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export function isKey(value: string): value is Key {
  return value in en;
}
