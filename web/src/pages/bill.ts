// "Look up a bill package": status, parts with holders and values in yuan, the endorsement chain as a flow from the
// drawer down, maturity, funding, discounts, redemptions and recourse, read with the SDK's own BillsReader.
import { InvalidInputError, BillsReader, type BillFacts, type BillTransfer } from "../../../src/verify.js";
import { translator, type Lang } from "../i18n.js";
import { el, type Page } from "../shell.js";
import { common, contractOf, dateText, facts, hex, mountLookup, section } from "./lookup.js";

const t = translator(
  {
    title: "Look up a bill package",
    label: "Package id (a number, or hex with 0x)",
    badId: "A package id is a positive whole number, e.g. 1 or 0x1.",
    bill: "Bill package",
    packageId: "Package id",
    status: "Status",
    drawer: "Drawer",
    acceptor: "Acceptor",
    payee: "Payee",
    faceValue: "Face value",
    outstanding: "Outstanding",
    maturity: "Maturity",
    transferable: "Transferable",
    token: "Settlement token",
    tradeDigest: "Trade documents (digest)",
    evidence: "Evidence",
    parts: "Parts",
    part: "Part",
    holder: "Holder",
    value: "Value",
    paid: "Paid",
    state: "State",
    chain: "Endorsement chain",
    kind_issue: "Issued",
    kind_endorsement: "Endorsed",
    kind_discount: "Discounted",
    kind_pledge: "Pledged",
    kind_split: "Split",
    stepFrom: "from part {part}",
    funding: "Funding",
    notFunded: "not funded",
    fundedBy: "{amount} yuan paid in by {who} on {date}",
    discounts: "Discounts",
    discountLine: "Part {part}: {financier} paid {price} yuan at {rate} a year for {days} days, to {endorser}",
    redemptions: "Redemptions",
    redemptionLine: "Part {part}: {value} yuan paid to {who} ({amount} yuan of the token) on {date}",
    recourse: "Recourse",
    dishonored: "Dishonoured by {who} on {date}",
    claimedLine: "Part {part}: {claimant} claims {amount} yuan from {party} ({date})",
    paidLine: "Part {part}: {party} paid {amount} yuan to {claimant} and took the claim over ({date})",
    none: "none",
    st_none: "none",
    st_issued: "issued",
    st_accepted: "accepted",
    st_active: "active",
    st_funded: "funded",
    st_dishonored: "dishonoured",
    st_cancelled: "cancelled",
    ps_offered: "offered",
    "ps_discount-offered": "offered for discount",
    "ps_pledge-offered": "offered in pledge",
    ps_held: "held",
    ps_pledged: "pledged",
    ps_redeemed: "redeemed",
    ps_cancelled: "cancelled",
    ps_burned: "merged away",
    ps_released: "released",
    ps_none: "none",
  },
  {
    title: "查询票据包",
    label: "票据包编号（数字，或 0x 开头的十六进制）",
    badId: "票据包编号为正整数，例如 1 或 0x1。",
    bill: "票据包",
    packageId: "票据包编号",
    status: "状态",
    drawer: "出票人",
    acceptor: "承兑人",
    payee: "收款人",
    faceValue: "票面金额",
    outstanding: "未兑付金额",
    maturity: "到期日",
    transferable: "可转让",
    token: "结算代币",
    tradeDigest: "贸易背景文件（摘要）",
    evidence: "存证",
    parts: "子票据",
    part: "子票",
    holder: "持有人",
    value: "金额",
    paid: "已兑付",
    state: "状态",
    chain: "背书链",
    kind_issue: "出票",
    kind_endorsement: "背书",
    kind_discount: "贴现",
    kind_pledge: "质押",
    kind_split: "拆分",
    stepFrom: "来自子票 {part}",
    funding: "资金到位",
    notFunded: "尚未付款",
    fundedBy: "{who} 于 {date} 付入 {amount} 元",
    discounts: "贴现",
    discountLine: "子票 {part}：{financier} 按年利率 {rate}、{days} 天，向 {endorser} 支付 {price} 元",
    redemptions: "兑付",
    redemptionLine: "子票 {part}：于 {date} 向 {who} 兑付 {value} 元（代币 {amount} 元）",
    recourse: "追索",
    dishonored: "{who} 于 {date} 拒付",
    claimedLine: "子票 {part}：{claimant} 向 {party} 追索 {amount} 元（{date}）",
    paidLine: "子票 {part}：{party} 向 {claimant} 清偿 {amount} 元并承接追索权（{date}）",
    none: "无",
    st_none: "无",
    st_issued: "已出票",
    st_accepted: "已承兑",
    st_active: "流通中",
    st_funded: "已付款",
    st_dishonored: "已拒付",
    st_cancelled: "已撤销",
    ps_offered: "待签收",
    "ps_discount-offered": "待贴现",
    "ps_pledge-offered": "待质押",
    ps_held: "持有",
    ps_pledged: "质押中",
    ps_redeemed: "已兑付",
    ps_cancelled: "已撤回",
    ps_burned: "已合并",
    ps_released: "已解除质押",
    ps_none: "无",
  },
);

const idHex = (id: bigint) => `0x${id.toString(16)}`;
const yuan = (amount: string, lang: Lang) => `${amount} ${common(lang, "yuan")}`;

function partState(state: string, lang: Lang): string {
  const key = `ps_${state}`;
  return t.has(key) ? t(lang, key) : state;
}

function flowStep(s: BillTransfer, lang: Lang): HTMLLIElement {
  const kind = t(lang, `kind_${s.kind}`);
  const parties =
    s.kind === "split"
      ? el("span", { class: "parties" }, hex(s.to))
      : el("span", { class: "parties" }, hex(s.from), " → ", hex(s.to));
  return el(
    "li",
    { "data-kind": s.kind, "data-part": idHex(s.tokenId) },
    el("span", { class: "step-kind" }, `${kind} · ${t(lang, "part")} ${idHex(s.tokenId)}`),
    s.fromTokenId === 0n ? "" : ` (${t(lang, "stepFrom", { part: idHex(s.fromTokenId) })})`,
    parties,
    el("span", { class: "amount" }, yuan(s.value, lang)),
    ` · ${partState(s.state, lang)}`,
    el("span", { class: "when" }, dateText(s.date)),
  );
}

function lines(items: string[], lang: Lang, id: string): HTMLElement {
  if (items.length === 0) return el("p", {}, t(lang, "none"));
  return el("ul", { id }, ...items.map((text) => el("li", {}, text)));
}

function render(out: HTMLElement, f: BillFacts, lang: Lang): void {
  const p = f.package;
  out.append(
    section(
      t(lang, "bill"),
      facts([
        [t(lang, "packageId"), hex(idHex(p.packageId))],
        [t(lang, "status"), el("span", { class: "status-badge", "data-status": p.status }, t(lang, `st_${p.status}`))],
        [t(lang, "faceValue"), yuan(f.faceValue, lang)],
        [t(lang, "outstanding"), yuan(f.outstanding, lang)],
        [t(lang, "maturity"), dateText(p.maturityDate)],
        [t(lang, "drawer"), hex(p.drawer)],
        [t(lang, "acceptor"), hex(p.acceptor)],
        [t(lang, "payee"), hex(p.payee)],
        [t(lang, "transferable"), common(lang, p.nonTransferable ? "no" : "yes")],
        [t(lang, "token"), hex(p.token)],
        [t(lang, "tradeDigest"), hex(p.tradeDigest)],
        [
          t(lang, "evidence"),
          p.evidenceId === null ? t(lang, "none") : el("a", { href: `#/evidence/${p.evidenceId}` }, hex(p.evidenceId)),
        ],
      ]),
    ),
  );
  const head = el(
    "tr",
    {},
    ...[t(lang, "part"), t(lang, "holder"), t(lang, "value"), t(lang, "paid"), t(lang, "state")].map((h) =>
      el("th", { scope: "col" }, h),
    ),
  );
  const rows = f.parts.map((part) =>
    el(
      "tr",
      { "data-part": idHex(part.tokenId) },
      el("td", {}, hex(idHex(part.tokenId))),
      el("td", {}, hex(part.holder)),
      el("td", { class: "amount" }, part.valueText),
      el("td", { class: "amount" }, part.paidText),
      el("td", {}, partState(part.state, lang) + (part.frozen ? " ❄" : "")),
    ),
  );
  out.append(
    section(
      t(lang, "parts"),
      el(
        "div",
        { class: "table-wrap" },
        el("table", { class: "lookup-table", id: "bill-parts" }, el("thead", {}, head), el("tbody", {}, ...rows)),
      ),
    ),
  );
  out.append(
    section(
      t(lang, "chain"),
      el("ol", { class: "flow", id: "bill-flow" }, ...f.transfers.map((s) => flowStep(s, lang))),
    ),
  );
  out.append(
    section(
      t(lang, "funding"),
      el(
        "p",
        { id: "bill-funding" },
        f.funding === null
          ? t(lang, "notFunded")
          : t(lang, "fundedBy", { amount: f.funding.amount, who: f.funding.acceptor, date: dateText(f.funding.date) }),
      ),
    ),
  );
  out.append(
    section(
      t(lang, "discounts"),
      lines(
        f.discounts.map((d) =>
          t(lang, "discountLine", {
            part: idHex(d.tokenId),
            financier: d.financier,
            price: d.price,
            rate: d.rate,
            days: d.days,
            endorser: d.endorser,
          }),
        ),
        lang,
        "bill-discounts",
      ),
    ),
  );
  out.append(
    section(
      t(lang, "redemptions"),
      lines(
        f.redemptions.map((r) =>
          t(lang, "redemptionLine", {
            part: idHex(r.tokenId),
            value: r.value,
            who: r.beneficiary,
            amount: r.amount,
            date: dateText(r.date),
          }),
        ),
        lang,
        "bill-redemptions",
      ),
    ),
  );
  const recourse = f.recourse.map((r) =>
    t(lang, r.kind === "claimed" ? "claimedLine" : "paidLine", {
      part: idHex(r.tokenId),
      party: r.party,
      claimant: r.claimant,
      amount: r.amount,
      date: dateText(r.date),
    }),
  );
  if (f.dishonored !== null) {
    recourse.unshift(t(lang, "dishonored", { who: f.dishonored.by, date: dateText(f.dishonored.date) }));
  }
  out.append(section(t(lang, "recourse"), lines(recourse, lang, "bill-recourse")));
}

export const billPage: Page = {
  route: "bill",
  mount(root, ctx, arg) {
    return mountLookup<BillFacts>(root, ctx, arg, {
      route: "bill",
      contract: "SupplyChainBills",
      title: (lang) => t(lang, "title"),
      label: (lang) => t(lang, "label"),
      placeholder: "1",
      normalise(text, lang) {
        let id: bigint;
        try {
          id = /^(0x[0-9a-f]+|[0-9]+)$/i.test(text) ? BigInt(text) : -1n;
        } catch {
          id = -1n;
        }
        if (id <= 0n || id >= 2n ** 232n) throw new InvalidInputError(t(lang, "badId"));
        return idHex(id);
      },
      async read(connection, id) {
        const reader = new BillsReader(contractOf(connection, "SupplyChainBills", ctx.lang()), connection.provider);
        return reader.lookup(BigInt(id));
      },
      render: (out, value, lang) => render(out, value, lang),
    });
  },
};
