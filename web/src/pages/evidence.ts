// "Look up an evidence id": the record's status (anchored, witnesses, revoked, superseded) and its history as a
// timeline with each event's date, read with the SDK's own EvidenceReader.
import { isHexString } from "ethers";

import {
  EvidenceReader,
  chainTimeToDate,
  timeUnitOf,
  type EvidenceStatus,
  type EvidenceTimelineEntry,
} from "../../../src/verify.js";
import { translator, type Lang } from "../i18n.js";
import { el, type Page } from "../shell.js";
import { common, contractOf, dateText, facts, hex, mountLookup, section } from "./lookup.js";

const t = translator(
  {
    title: "Look up evidence",
    label: "Evidence id (32-byte hex digest or batch root)",
    badId: "An evidence id is 32 bytes of hex: 0x and 64 hex digits.",
    status: "Status",
    notAnchored: "not anchored",
    anchored: "anchored",
    revoked: "revoked",
    superseded: "superseded",
    awaitingWitnesses: "anchored, awaiting witnesses",
    id: "Evidence id",
    submitter: "Submitter",
    time: "Anchored at",
    block: "Block",
    algorithm: "Algorithm",
    salted: "salted",
    batch: "Batch root",
    witnesses: "Witnesses",
    witnessCount: "{signed} of {threshold} signed",
    revokedAt: "Revoked at",
    supersededBy: "Superseded by",
    history: "History",
    evAnchored: "Anchored by {who} ({algorithm})",
    evBatchAnchored: "Anchored as a batch of {size} documents",
    evMetadataURI: "Metadata URI: {uri}",
    evWitnessesRequired: "{threshold} of {count} witnesses required: {witnesses}",
    evCosigned: "Co-signed by {witness} ({signatures} so far)",
    evWitnessed: "Witnessed: enough witnesses signed",
    evRevoked: "Revoked (reason hash {reason})",
    evSuperseded: "Superseded by {id}",
    evSupersedes: "Supersedes {id}",
    transaction: "transaction",
  },
  {
    title: "查询存证",
    label: "存证编号（32 字节十六进制摘要或批次根）",
    badId: "存证编号为 32 字节十六进制：0x 加 64 位十六进制数字。",
    status: "状态",
    notAnchored: "未存证",
    anchored: "已存证",
    revoked: "已撤销",
    superseded: "已被取代",
    awaitingWitnesses: "已存证，等待见证",
    id: "存证编号",
    submitter: "提交者",
    time: "存证时间",
    block: "区块",
    algorithm: "算法",
    salted: "加盐",
    batch: "批次根",
    witnesses: "见证人",
    witnessCount: "已签 {signed} / 需 {threshold}",
    revokedAt: "撤销时间",
    supersededBy: "取代者",
    history: "历史",
    evAnchored: "由 {who} 存证（{algorithm}）",
    evBatchAnchored: "作为 {size} 份文件的批次存证",
    evMetadataURI: "元数据 URI：{uri}",
    evWitnessesRequired: "需要 {count} 位见证人中的 {threshold} 位签名：{witnesses}",
    evCosigned: "见证人 {witness} 已联署（共 {signatures} 位）",
    evWitnessed: "见证完成：签名人数已足",
    evRevoked: "已撤销（原因哈希 {reason}）",
    evSuperseded: "被 {id} 取代",
    evSupersedes: "取代 {id}",
    transaction: "交易",
  },
);

interface EvidenceFacts {
  id: string;
  status: EvidenceStatus;
  timeline: EvidenceTimelineEntry[];
}

function statusKey(s: EvidenceStatus): "notAnchored" | "revoked" | "superseded" | "awaitingWitnesses" | "anchored" {
  if (!s.exists) return "notAnchored";
  if (s.revoked) return "revoked";
  if (s.supersededBy !== null) return "superseded";
  if (s.witnessThreshold > 0 && !s.witnessed) return "awaitingWitnesses";
  return "anchored";
}

/** One line for a timeline event. */
export function eventText(e: EvidenceTimelineEntry, lang: Lang): string {
  switch (e.name) {
    case "Anchored":
      return t(lang, "evAnchored", { who: e.submitter, algorithm: e.algorithmName });
    case "BatchAnchored":
      return t(lang, "evBatchAnchored", { size: e.size.toString() });
    case "MetadataURI":
      return t(lang, "evMetadataURI", { uri: e.uri });
    case "WitnessesRequired":
      return t(lang, "evWitnessesRequired", {
        threshold: e.threshold,
        count: e.witnesses.length,
        witnesses: e.witnesses.join(", "),
      });
    case "Cosigned":
      return t(lang, "evCosigned", { witness: e.witness, signatures: e.signatures });
    case "Witnessed":
      return t(lang, "evWitnessed");
    case "Revoked":
      return t(lang, "evRevoked", { reason: e.reason });
    case "Superseded":
      return t(lang, "evSuperseded", { id: e.supersededBy });
    case "Supersedes":
      return t(lang, "evSupersedes", { id: e.previous });
  }
}

function render(out: HTMLElement, f: EvidenceFacts, lang: Lang): void {
  const s = f.status;
  const key = statusKey(s);
  const badge = el("span", { class: "status-badge", "data-status": key }, t(lang, key));
  const rows: [string, string | Node][] = [
    [t(lang, "status"), badge],
    [t(lang, "id"), hex(f.id)],
  ];
  if (s.exists) {
    const unit = timeUnitOf(BigInt(s.time));
    rows.push(
      [t(lang, "submitter"), hex(s.submitter)],
      [t(lang, "time"), dateText(chainTimeToDate(s.time, unit))],
      [t(lang, "block"), String(s.blockNumber)],
      [t(lang, "algorithm"), s.algorithmName + (s.salted ? ` (${t(lang, "salted")})` : "")],
      [
        t(lang, "witnesses"),
        s.witnessThreshold === 0
          ? common(lang, "none")
          : t(lang, "witnessCount", { signed: s.witnessSignatures, threshold: s.witnessThreshold }),
      ],
    );
    if (s.revoked) rows.push([t(lang, "revokedAt"), dateText(chainTimeToDate(s.revokedAt, unit))]);
    if (s.supersededBy !== null) {
      const link = el("a", { href: `#/evidence/${s.supersededBy}` }, hex(s.supersededBy));
      rows.push([t(lang, "supersededBy"), link]);
    }
  }
  out.append(section(t(lang, "status"), facts(rows)));
  if (f.timeline.length > 0) {
    const list = el("ol", { class: "timeline", id: "evidence-timeline" });
    for (const e of f.timeline) {
      list.append(
        el(
          "li",
          { "data-event": e.name },
          el("span", { class: "what" }, eventText(e, lang)),
          el("span", { class: "when" }, `${dateText(e.date)} · ${t(lang, "block")} ${e.blockNumber}`),
        ),
      );
    }
    out.append(section(t(lang, "history"), list));
  }
}

export const evidencePage: Page = {
  route: "evidence",
  mount(root, ctx, arg) {
    return mountLookup<EvidenceFacts>(root, ctx, arg, {
      route: "evidence",
      contract: "EvidenceRegistry",
      title: (lang) => t(lang, "title"),
      label: (lang) => t(lang, "label"),
      placeholder: "0x…",
      normalise(text, lang) {
        if (!isHexString(text, 32)) throw new Error(t(lang, "badId"));
        return text.toLowerCase();
      },
      async read(connection, id) {
        const reader = new EvidenceReader(contractOf(connection, "EvidenceRegistry", ctx.lang()), connection.provider);
        const [status, timeline] = await Promise.all([reader.verify(id), reader.timeline(id)]);
        return { id, status, timeline };
      },
      render: (out, value, lang) => render(out, value, lang),
    });
  },
};
