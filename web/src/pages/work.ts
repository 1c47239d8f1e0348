// "Look up a work": owner, authors and shares, priority time and whether it is settled, terms, licenses, derivatives
// and parents (a small graph linking to them) and disputes, read with the SDK's own CopyrightReader.
import { ZeroAddress, toBeHex } from "ethers";

import { CopyrightReader, chainTimeToDate, timeUnitOf, toWorkId, type WorkFacts } from "../../../src/verify.js";
import { translator, type Lang } from "../i18n.js";
import { el, type Page } from "../shell.js";
import { common, contractOf, dateText, facts, hex, mountLookup, section } from "./lookup.js";

const t = translator(
  {
    title: "Look up a work",
    label: "Work id (its 32-byte content digest, or the decimal token id)",
    work: "Work",
    digest: "Work id (digest)",
    owner: "Owner",
    algorithm: "Algorithm",
    priority: "Priority time",
    settled: "Settled",
    settledYes: "yes, since {date}",
    settledNo: "not yet: an earlier commitment may still claim it until {date}",
    frozen: "Frozen",
    authors: "Authors and shares",
    payees: "Paid now",
    account: "Account",
    share: "Share",
    terms: "Terms",
    termsId: "Terms id",
    fee: "Fee",
    native: "native coin",
    duration: "Duration",
    perpetual: "perpetual",
    seconds: "{n} s",
    royalty: "Royalty",
    flags: "Allows",
    commercial: "commercial use",
    derivativesAllowed: "derivatives",
    exclusive: "exclusive",
    sublicensable: "sublicensing",
    onSale: "On sale",
    licenses: "Licenses",
    licensee: "Licensee",
    from: "From",
    until: "Until",
    sublicensedBy: "sublicensed by {who}",
    family: "Parents and derivatives",
    parents: "Parents",
    derivatives: "Derivatives",
    thisWork: "this work",
    disputes: "Disputes",
    dispute: "Dispute #{id}",
    claimant: "Claimant",
    evidence: "Evidence",
    disputeStatus: "Status",
    raisedAt: "Raised at",
    earlier: "Earlier",
    earlierEvidence: "the evidence predates the work",
    earlierWork: "the work predates the evidence",
    earlierSame: "same time",
    open: "open",
    upheld: "upheld",
    rejected: "rejected",
    none: "none",
  },
  {
    title: "查询作品",
    label: "作品编号（32 字节内容摘要，或十进制编号）",
    work: "作品",
    digest: "作品编号（摘要）",
    owner: "权利人",
    algorithm: "算法",
    priority: "优先权时间",
    settled: "权属确定",
    settledYes: "是，自 {date}",
    settledNo: "尚未确定：在 {date} 之前，更早的承诺仍可主张该作品",
    frozen: "已冻结",
    authors: "作者及份额",
    payees: "当前收款人",
    account: "账户",
    share: "份额",
    terms: "许可条款",
    termsId: "条款编号",
    fee: "费用",
    native: "链上原生币",
    duration: "期限",
    perpetual: "永久",
    seconds: "{n} 秒",
    royalty: "版税",
    flags: "允许",
    commercial: "商业使用",
    derivativesAllowed: "演绎作品",
    exclusive: "独占",
    sublicensable: "再许可",
    onSale: "在售",
    licenses: "许可",
    licensee: "被许可人",
    from: "起",
    until: "止",
    sublicensedBy: "由 {who} 再许可",
    family: "原作与演绎作品",
    parents: "原作",
    derivatives: "演绎作品",
    thisWork: "本作品",
    disputes: "争议",
    dispute: "争议 #{id}",
    claimant: "主张人",
    evidence: "证据",
    disputeStatus: "状态",
    raisedAt: "提出时间",
    earlier: "先后",
    earlierEvidence: "证据早于作品",
    earlierWork: "作品早于证据",
    earlierSame: "同时",
    open: "审理中",
    upheld: "支持",
    rejected: "驳回",
    none: "无",
  },
);

const PERPETUAL = 2n ** 64n - 1n;
const percent = (bps: number) => `${(bps / 100).toFixed(2)}%`;
const short = (id: string) => `${id.slice(0, 8)}…${id.slice(-6)}`;
const workHex = (id: bigint) => toBeHex(id, 32);
const date = (time: number | bigint) => dateText(chainTimeToDate(time, timeUnitOf(BigInt(time))));

function table(headers: string[], rows: (string | Node)[][], id?: string): HTMLElement {
  const head = el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)));
  const body = rows.map((cells) => el("tr", {}, ...cells.map((c) => el("td", {}, c))));
  const attributes: Record<string, string> = { class: "lookup-table" };
  if (id !== undefined) attributes.id = id;
  return el("div", { class: "table-wrap" }, el("table", attributes, el("thead", {}, head), el("tbody", {}, ...body)));
}

const SVG = "http://www.w3.org/2000/svg";
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Parents above, this work in the middle, derivatives below; every other work a link to its page. */
function familyGraph(f: WorkFacts, lang: Lang): SVGSVGElement {
  const width = 400;
  const box = { w: 190, h: 44 };
  const rows = [f.parents.map((p) => p.workId), [f.work.workId], f.derivatives.map((d) => d.workId)].filter(
    (row) => row.length > 0,
  );
  const rowGap = 70;
  const height = rows.length * rowGap;
  const graph = svg("svg", {
    class: "graph",
    id: "work-graph",
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": t(lang, "family"),
  });
  // Each node's centre and box width: a row of many works gets narrower boxes (and smaller text).
  const centres = new Map<string, { x: number; y: number; w: number }>();
  rows.forEach((row, r) => {
    const y = r * rowGap + 10;
    const w = Math.min(box.w, width / row.length - 8);
    row.forEach((id, i) => {
      const x = ((i + 0.5) * width) / row.length;
      centres.set(`${r}:${id}`, { x, y, w });
    });
  });
  const centre = f.parents.length > 0 ? 1 : 0;
  const me = centres.get(`${centre}:${f.work.workId}`)!;
  for (const [key, at] of centres) {
    if (key === `${centre}:${f.work.workId}`) continue;
    graph.append(
      svg("line", {
        x1: at.x,
        y1: at.y + box.h / 2,
        x2: me.x,
        y2: me.y + box.h / 2,
        stroke: "#8c99a6",
        "stroke-width": 2,
      }),
    );
  }
  for (const [key, at] of centres) {
    const id = BigInt(key.split(":")[1]);
    const self = key === `${centre}:${f.work.workId}`;
    const group = svg("g", {});
    group.append(
      svg("rect", {
        x: at.x - at.w / 2,
        y: at.y,
        width: at.w,
        height: box.h,
        rx: 6,
        fill: self ? "#16324f" : "#fff",
        stroke: "#16324f",
        "stroke-width": 2,
      }),
      svg(
        "text",
        {
          x: at.x,
          y: at.y + (self ? 19 : 27),
          "text-anchor": "middle",
          "font-size": at.w < 150 ? 10 : 13,
          "font-family": "ui-monospace, monospace",
          fill: self ? "#fff" : "#16324f",
        },
        short(workHex(id)),
      ),
    );
    if (self) {
      group.append(
        svg(
          "text",
          { x: at.x, y: at.y + 36, "text-anchor": "middle", "font-size": 12, fill: "#fff" },
          t(lang, "thisWork"),
        ),
      );
    }
    if (self) {
      graph.append(group);
    } else {
      const link = svg("a", { href: `#/work/${workHex(id)}`, "aria-label": workHex(id) });
      link.append(svg("title", {}, workHex(id)), group);
      graph.append(link);
    }
  }
  return graph;
}

function render(out: HTMLElement, f: WorkFacts, lang: Lang): void {
  const w = f.work;
  const settled = el(
    "span",
    { class: "status-badge", "data-status": w.settled ? "settled" : "open" },
    w.settled ? t(lang, "settledYes", { date: date(w.settledAt) }) : t(lang, "settledNo", { date: date(w.settledAt) }),
  );
  out.append(
    section(
      t(lang, "work"),
      facts([
        [t(lang, "digest"), hex(w.digest)],
        [t(lang, "owner"), hex(w.owner)],
        [t(lang, "priority"), date(w.priorityTime)],
        [t(lang, "settled"), settled],
        [t(lang, "algorithm"), w.algorithmName],
        [t(lang, "frozen"), common(lang, w.frozen ? "yes" : "no")],
      ]),
    ),
  );
  out.append(
    section(
      t(lang, "authors"),
      table(
        [t(lang, "account"), t(lang, "share")],
        f.authors.map((a) => [hex(a.account), percent(a.shares)]),
        "work-authors",
      ),
      el(
        "p",
        {},
        `${t(lang, "payees")}: `,
        ...f.payees.flatMap((p, i) => [i > 0 ? ", " : "", hex(p.account), ` (${percent(p.shares)})`]),
      ),
    ),
  );
  out.append(
    section(
      t(lang, "terms"),
      f.terms.length === 0
        ? el("p", {}, t(lang, "none"))
        : table(
            [
              t(lang, "termsId"),
              t(lang, "fee"),
              t(lang, "duration"),
              t(lang, "royalty"),
              t(lang, "flags"),
              t(lang, "onSale"),
            ],
            f.terms.map(({ termsId, onSale, terms }) => {
              const flags = [
                terms.commercialUse && t(lang, "commercial"),
                terms.derivativesAllowed && t(lang, "derivativesAllowed"),
                terms.exclusive && t(lang, "exclusive"),
                terms.sublicensable && t(lang, "sublicensable"),
              ].filter((x): x is string => typeof x === "string");
              const currency = String(terms.currency);
              return [
                hex(short(termsId)),
                `${BigInt(terms.fee).toString()} ${currency === ZeroAddress ? t(lang, "native") : currency}`,
                BigInt(terms.duration) === 0n
                  ? t(lang, "perpetual")
                  : t(lang, "seconds", { n: BigInt(terms.duration).toString() }),
                percent(Number(terms.royaltyBps)),
                flags.join(", ") || t(lang, "none"),
                common(lang, onSale ? "yes" : "no"),
              ];
            }),
            "work-terms",
          ),
    ),
  );
  out.append(
    section(
      t(lang, "licenses"),
      f.licenses.length === 0
        ? el("p", {}, t(lang, "none"))
        : table(
            [t(lang, "licensee"), t(lang, "termsId"), t(lang, "from"), t(lang, "until")],
            f.licenses.map((l) => [
              l.sublicensedBy === undefined
                ? hex(l.licensee)
                : el("span", {}, hex(l.licensee), ` (${t(lang, "sublicensedBy", { who: l.sublicensedBy })})`),
              hex(short(l.termsId)),
              date(l.start),
              l.end === PERPETUAL ? t(lang, "perpetual") : date(l.end),
            ]),
            "work-licenses",
          ),
    ),
  );
  const family: Node[] = [];
  if (f.parents.length + f.derivatives.length > 0) family.push(familyGraph(f, lang));
  const links = (label: string, ids: bigint[]) =>
    el(
      "p",
      {},
      `${label}: `,
      ...(ids.length === 0
        ? [t(lang, "none")]
        : ids.flatMap((id, i) => [i > 0 ? ", " : "", el("a", { href: `#/work/${workHex(id)}` }, hex(workHex(id)))])),
    );
  family.push(
    links(
      t(lang, "parents"),
      f.parents.map((p) => p.workId),
    ),
    links(
      t(lang, "derivatives"),
      f.derivatives.map((d) => d.workId),
    ),
  );
  out.append(section(t(lang, "family"), ...family));
  out.append(
    section(
      t(lang, "disputes"),
      ...(f.disputes.length === 0
        ? [el("p", {}, t(lang, "none"))]
        : f.disputes.map((d) =>
            el(
              "div",
              { class: "dispute", "data-dispute": d.disputeId.toString() },
              el("h4", {}, t(lang, "dispute", { id: d.disputeId.toString() })),
              facts([
                [
                  t(lang, "disputeStatus"),
                  el(
                    "span",
                    { class: "status-badge", "data-status": d.status },
                    d.status === "none" ? t(lang, "none") : t(lang, d.status),
                  ),
                ],
                [t(lang, "claimant"), hex(d.claimant)],
                [t(lang, "evidence"), el("a", { href: `#/evidence/${d.evidenceId}` }, hex(d.evidenceId))],
                [t(lang, "raisedAt"), date(d.raisedAt)],
                [
                  t(lang, "earlier"),
                  t(
                    lang,
                    d.earlier === "evidence" ? "earlierEvidence" : d.earlier === "work" ? "earlierWork" : "earlierSame",
                  ),
                ],
              ]),
            ),
          )),
    ),
  );
}

export const workPage: Page = {
  route: "work",
  mount(root, ctx, arg) {
    return mountLookup<WorkFacts>(root, ctx, arg, {
      route: "work",
      contract: "CopyrightRegistry",
      title: (lang) => t(lang, "title"),
      label: (lang) => t(lang, "label"),
      placeholder: "0x…",
      normalise: (text) => workHex(toWorkId(text)),
      async read(connection, id) {
        const lang = ctx.lang();
        const reader = new CopyrightReader(
          {
            registry: contractOf(connection, "CopyrightRegistry", lang),
            disputes: connection.contracts.CopyrightDisputes,
          },
          connection.provider,
        );
        return reader.lookup(id);
      },
      render: (out, value, lang) => render(out, value, lang),
    });
  },
};
