// Labels in English and Chinese: 中文 when the browser prefers it, switchable with the language button. Each page keeps
// its own dictionary beside it (`translator(en, zh)`); the shell's labels are below.
export type Lang = "en" | "zh";

export function preferredLang(): Lang {
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Fills `{name}` placeholders from `values`. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A dictionary's lookup: `t(lang, key, { name: value })`; the Chinese table must have every English key. */
export interface Translator<K extends string> {
  (lang: Lang, key: K, values?: Record<string, string | number>): string;
  has(key: string): key is K;
}

export function translator<K extends string>(en: Record<K, string>, zh: Record<K, string>): Translator<K> {
  const tables: Record<Lang, Record<K, string>> = { en, zh };
  const t = ((lang: Lang, key: K, values: Record<string, string | number> = {}) =>
    fill(tables[lang][key], values)) as Translator<K>;
  t.has = (key: string): key is K => key in en;
  return t;
}

/** The shell's labels: header, navigation, network panel, connection errors. */
export const shellText = translator(
  {
    brand: "ChainProof",
    navVerify: "Verify",
    navEvidence: "Evidence",
    navWork: "Works",
    navBill: "Bills",
    navAnchor: "Anchor",
    network: "Network",
    networkChoice: "Known network",
    networkCustom: "Typed in below",
    rpc: "JSON-RPC URL",
    registry: "EvidenceRegistry address (the one you trust)",
    contracts: "Other contracts",
    copyright: "CopyrightRegistry",
    disputes: "CopyrightDisputes",
    bills: "SupplyChainBills",
    participants: "ParticipantRegistry",
    connected: "Connected to chain {chainId}{name}",
    unreachable: "cannot reach the JSON-RPC URL {url}: {why}",
    badUrl: "Type the JSON-RPC URL of the network (http:// or https://).",
    notFound: "No such page: {route}",
  },
  {
    brand: "ChainProof 链证",
    navVerify: "验证",
    navEvidence: "存证",
    navWork: "作品",
    navBill: "票据",
    navAnchor: "存证上链",
    network: "网络",
    networkChoice: "已知网络",
    networkCustom: "在下方输入",
    rpc: "JSON-RPC 地址",
    registry: "您信任的 EvidenceRegistry 合约地址",
    contracts: "其他合约",
    copyright: "CopyrightRegistry（版权登记）",
    disputes: "CopyrightDisputes（版权争议）",
    bills: "SupplyChainBills（供应链票据）",
    participants: "ParticipantRegistry（参与方）",
    connected: "已连接链 {chainId}{name}",
    unreachable: "无法连接 JSON-RPC 地址 {url}：{why}",
    badUrl: "请输入网络的 JSON-RPC 地址（http:// 或 https://）。",
    notFound: "没有此页面：{route}",
  },
);
