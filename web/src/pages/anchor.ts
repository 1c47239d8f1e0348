// "Anchor a document" from the browser: the file is hashed here, in the page (`hashBlob`, by slices, in a Web Worker;
// optionally salted with 32 random bytes kept in the receipt), then anchored on the chosen network's EvidenceRegistry
// through the user's injected wallet (EIP-1193) by the SDK's own browser-safe code (`EvidenceAnchorer`), and the
// receipt is offered for download in the CLI's format. The file never leaves the device; only its digest is sent.
import { BrowserProvider, Network, getAddress, isAddress, toQuantity, type Eip1193Provider } from "ethers";

import {
  EvidenceAnchorer,
  SdkError,
  hashBlob,
  randomSalt,
  receiptJson,
  type EvidenceReceipt,
  type HashAlgorithmName,
} from "../../../src/verify.js";
import { translator } from "../i18n.js";
import { chainName } from "../networks.js";
import { RpcUnreachableError, el, type Connection, type Page, type PortalContext } from "../shell.js";
import { workerHasher } from "../worker-hasher.js";

const t = translator(
  {
    title: "Anchor a document",
    intro:
      "Your file never leaves this device: it is hashed here, in the page, and only its digest is anchored, from your own wallet.",
    document: "Document",
    dropHint: "Choose or drop a file",
    algorithm: "Algorithm",
    salt: "Add a random salt (for documents whose content could be guessed)",
    saltValue: "Salt (kept in the receipt: keep the receipt as private as the document)",
    anchor: "Anchor with my wallet",
    hashing: "Hashing {name}: {done} of {total} bytes",
    connectingWallet: "Asking your wallet for an account…",
    sending: "Confirm the transaction in your wallet…",
    noFile: "Choose the document to anchor first.",
    noRegistry: "Type the address of the EvidenceRegistry to anchor on (0x and 40 hex digits) in the network panel.",
    noWallet:
      "No wallet found in this browser: install or unlock an Ethereum wallet (such as MetaMask), then reload the page.",
    noAccount: "Your wallet gave no account: unlock it and allow this page to use an account.",
    wrongChain:
      "Your wallet is on chain {wallet}, but the chosen network is chain {chain}{name}: switch your wallet to chain {chain} and try again.",
    rejected: "You declined the request in your wallet: nothing was anchored.",
    declined: "DECLINED",
    anchored: "ANCHORED",
    anchoredText:
      "The document's {algorithm} digest was anchored in block {block} on chain {chain}. Download its receipt and keep it with the document: with both, anyone can verify it.",
    error: "ERROR",
    "wrong-chain": "WRONG NETWORK",
    "no-wallet": "NO WALLET",
    "rpc-unreachable": "NETWORK UNREACHABLE",
    download: "Download the receipt ({name})",
    fDocument: "Document",
    fDigest: "Digest",
    fAlgorithm: "Algorithm",
    fSalt: "Salt",
    fTransaction: "Transaction",
    fBlock: "Block",
    fSubmitter: "Submitter",
    fNetwork: "Network",
    fReceipt: "Receipt",
    salted: "salted",
  },
  {
    title: "文件存证上链",
    intro: "文件不会离开本设备：哈希在本页面内计算，只用您自己的钱包把摘要存证上链。",
    document: "文件",
    dropHint: "选择或拖入文件",
    algorithm: "哈希算法",
    salt: "加随机盐（适用于内容可能被猜出的文件）",
    saltValue: "盐值（保存在回执中：请像保管文件一样保管回执）",
    anchor: "用我的钱包存证",
    hashing: "正在计算 {name} 的哈希：{done} / {total} 字节",
    connectingWallet: "正在向钱包请求账户…",
    sending: "请在钱包中确认交易…",
    noFile: "请先选择要存证的文件。",
    noRegistry: "请在网络设置中输入要存证的 EvidenceRegistry 合约地址（0x 加 40 位十六进制）。",
    noWallet: "此浏览器中没有以太坊钱包：请安装或解锁钱包（如 MetaMask）后重新加载页面。",
    noAccount: "钱包未提供账户：请解锁钱包并允许本页面使用账户。",
    wrongChain: "您的钱包在链 {wallet} 上，而所选网络是链 {chain}{name}：请把钱包切换到链 {chain} 后重试。",
    rejected: "您在钱包中拒绝了请求：未进行存证。",
    declined: "已拒绝",
    anchored: "已存证",
    anchoredText:
      "文件的 {algorithm} 摘要已存证于链 {chain} 的区块 {block}。请下载回执并与文件一起保存：凭二者任何人都可以验证。",
    error: "错误",
    "wrong-chain": "网络不符",
    "no-wallet": "没有钱包",
    "rpc-unreachable": "无法连接网络",
    download: "下载回执（{name}）",
    fDocument: "文件",
    fDigest: "摘要",
    fAlgorithm: "算法",
    fSalt: "盐值",
    fTransaction: "交易",
    fBlock: "区块",
    fSubmitter: "提交者",
    fNetwork: "网络",
    fReceipt: "回执",
    salted: "加盐",
  },
);
type Key = Parameters<typeof t>[1];

/** A message for people, by key and values, so that it follows the language switch. */
type Text = { key: Key; values?: Record<string, string | number> } | { raw: string };

type Shown =
  { kind: "anchored"; receipt: EvidenceReceipt; submitter: string } | { kind: "error"; code: string; text: Text };

const TEMPLATE = `
  <h2 data-t="title"></h2>
  <p class="intro" data-t="intro"></p>
  <form id="anchorForm" novalidate>
    <label class="drop" id="drop" for="file">
      <span data-t="document"></span>
      <input type="file" id="file" name="file" />
      <span class="hint" data-t="dropHint"></span>
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
    <label class="check" for="salt">
      <input type="checkbox" id="salt" name="salt" />
      <span data-t="salt"></span>
    </label>
    <label for="saltValue" id="saltLabel" hidden>
      <span data-t="saltValue"></span>
      <input type="text" id="saltValue" name="saltValue" readonly spellcheck="false" />
    </label>
    <button type="submit" id="anchor" data-t="anchor"></button>
  </form>
  <p id="progress" role="status" aria-live="polite"></p>
  <section id="result" aria-live="polite" hidden>
    <h2 id="headline" tabindex="-1"></h2>
    <p id="message"></p>
    <dl id="fields"></dl>
  </section>`;

/** The injected wallet (EIP-1193), if the browser has one. */
function injectedWallet(): Eip1193Provider | undefined {
  return (window as unknown as { ethereum?: Eip1193Provider }).ethereum;
}

/** A wallet error's EIP-1193 code (4001: the user rejected the request), if it has one. */
function walletCode(error: unknown): number | undefined {
  const e = error as { code?: unknown; error?: { code?: unknown }; info?: { error?: { code?: unknown } } } | null;
  const code = e?.code ?? e?.error?.code ?? e?.info?.error?.code;
  return typeof code === "number" ? code : code === "ACTION_REJECTED" ? 4001 : undefined;
}

class PageError extends Error {
  constructor(
    readonly code: string,
    readonly text: Text,
  ) {
    super(code);
  }
}

/**
 * The wallet's account on the chosen network's chain: asks for accounts (`eth_requestAccounts`), and if the wallet is
 * on another chain asks it to switch (`wallet_switchEthereumChain`); throws a `PageError` saying which chains when not.
 */
async function walletOn(wallet: Eip1193Provider, connection: Connection): Promise<string> {
  const accounts = (await wallet.request({ method: "eth_requestAccounts" })) as string[];
  if (!Array.isArray(accounts) || accounts.length === 0 || !isAddress(accounts[0])) {
    throw new PageError("error", { key: "noAccount" });
  }
  const chainOf = async () => BigInt((await wallet.request({ method: "eth_chainId" })) as string);
  let chain = await chainOf();
  if (chain !== connection.chainId) {
    try {
      await wallet.request({
        method: "wallet_switchEthereumChain",
        params: [{ chainId: toQuantity(connection.chainId) }],
      });
      chain = await chainOf();
    } catch (error) {
      if (walletCode(error) === 4001) throw new PageError("declined", { key: "rejected" });
      // Not switched (an unknown chain for the wallet, or no switching): said below.
    }
  }
  if (chain !== connection.chainId) {
    const name = chainName(connection.chainId);
    throw new PageError("wrong-chain", {
      key: "wrongChain",
      values: { wallet: chain.toString(), chain: connection.chainId.toString(), name: name ? ` (${name})` : "" },
    });
  }
  return getAddress(accounts[0]);
}

export const anchorPage: Page = {
  route: "anchor",
  mount(root: HTMLElement, ctx: PortalContext): void {
    root.innerHTML = TEMPLATE;
    const $ = <T extends HTMLElement>(id: string): T => root.querySelector(`#${id}`) as T;
    const form = $<HTMLFormElement>("anchorForm");
    const fileInput = $<HTMLInputElement>("file");
    const drop = $<HTMLLabelElement>("drop");
    const algorithm = $<HTMLSelectElement>("algorithm");
    const saltBox = $<HTMLInputElement>("salt");
    const saltLabel = $<HTMLLabelElement>("saltLabel");
    const saltValue = $<HTMLInputElement>("saltValue");
    const button = $<HTMLButtonElement>("anchor");
    const progress = $<HTMLParagraphElement>("progress");
    const result = $<HTMLElement>("result");
    const headline = $<HTMLHeadingElement>("headline");
    const message = $<HTMLParagraphElement>("message");
    const fields = $<HTMLDListElement>("fields");
    let dropped: File | undefined;
    let shown: Shown | undefined;
    let download: string | undefined;

    const text = (what: Text) => ("raw" in what ? what.raw : t(ctx.lang(), what.key, what.values));
    const relabel = () => {
      for (const node of root.querySelectorAll<HTMLElement>("[data-t]")) {
        const key = node.dataset.t!;
        if (t.has(key)) node.textContent = t(ctx.lang(), key);
      }
      if (dropped !== undefined) drop.querySelector(".hint")!.textContent = dropped.name;
      if (shown !== undefined) render(shown);
    };
    ctx.onLang(relabel);

    // A fresh salt (crypto.getRandomValues) when it is asked for and for each document chosen, shown before anything
    // is sent and kept in the receipt.
    const freshSalt = () => {
      saltLabel.hidden = !saltBox.checked;
      saltValue.value = saltBox.checked ? randomSalt() : "";
    };
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
        freshSalt();
      }
    });
    fileInput.addEventListener("change", () => {
      dropped = undefined;
      freshSalt();
    });
    saltBox.addEventListener("change", freshSalt);

    function render(what: Shown): void {
      const lang = ctx.lang();
      shown = what;
      result.hidden = false;
      result.dataset.status = what.kind === "anchored" ? "anchored" : what.code;
      fields.replaceChildren();
      if (what.kind === "error") {
        headline.textContent = t(lang, t.has(what.code) ? what.code : "error");
        message.textContent = text(what.text);
        return;
      }
      const r = what.receipt;
      headline.textContent = t(lang, "anchored");
      message.textContent = t(lang, "anchoredText", { algorithm: r.algorithm, block: r.blockNumber, chain: r.chainId });
      const field = (name: Key, value: string | Node) =>
        fields.append(el("dt", {}, t(lang, name)), el("dd", {}, value));
      if (r.fileName !== undefined) field("fDocument", r.fileName);
      field("fDigest", r.digest);
      field("fAlgorithm", `${r.algorithm}${r.salt === undefined ? "" : ` (${t(lang, "salted")})`}`);
      if (r.salt !== undefined) field("fSalt", r.salt);
      field("fTransaction", r.transaction);
      field("fBlock", String(r.blockNumber));
      field("fSubmitter", what.submitter);
      field("fNetwork", `chain ${r.chainId}, ${r.contract}`);
      const name = `${r.fileName ?? "document"}.receipt.json`;
      const link = el("a", { id: "download", href: download!, download: name }, t(lang, "download", { name }));
      field("fReceipt", el("div", {}, link, el("pre", { id: "receiptJson", class: "receipt-json" }, receiptJson(r))));
    }

    async function anchor(): Promise<void> {
      button.disabled = true;
      progress.textContent = "";
      let connection: Connection | undefined;
      let wallet: BrowserProvider | undefined;
      try {
        const file = dropped ?? fileInput.files?.[0];
        if (file === undefined) throw new PageError("error", { key: "noFile" });
        connection = await ctx.connect();
        const registry = connection.contracts.EvidenceRegistry;
        if (registry === undefined || !isAddress(registry)) throw new PageError("error", { key: "noRegistry" });
        const injected = injectedWallet();
        if (injected === undefined) throw new PageError("no-wallet", { key: "noWallet" });
        progress.textContent = t(ctx.lang(), "connectingWallet");
        const account = await walletOn(injected, connection);

        const name = algorithm.value as HashAlgorithmName;
        const salt = saltBox.checked ? saltValue.value : undefined;
        const digest = await hashBlob(file, name, {
          salt,
          hasher: workerHasher,
          onProgress: (done) => {
            progress.textContent = t(ctx.lang(), "hashing", { name: file.name, done, total: file.size });
          },
        });

        progress.textContent = t(ctx.lang(), "sending");
        const network = Network.from(connection.chainId);
        wallet = new BrowserProvider(injected, network, { staticNetwork: network });
        const anchorer = new EvidenceAnchorer(getAddress(registry), await wallet.getSigner(account));
        const { receipt } = await anchorer.anchorDigest(digest, name, { salt, fileName: file.name });
        if (download !== undefined) URL.revokeObjectURL(download);
        download = URL.createObjectURL(new Blob([receiptJson(receipt)], { type: "application/json" }));
        progress.textContent = "";
        render({ kind: "anchored", receipt, submitter: account });
      } catch (error) {
        progress.textContent = "";
        if (error instanceof PageError) render({ kind: "error", code: error.code, text: error.text });
        else if (walletCode(error) === 4001) render({ kind: "error", code: "declined", text: { key: "rejected" } });
        else {
          const code =
            error instanceof SdkError
              ? error.code.toLowerCase().replace(/_/g, "-")
              : error instanceof RpcUnreachableError
                ? error.code
                : "error";
          const raw =
            (error as { shortMessage?: string }).shortMessage ??
            (error instanceof Error ? error.message : String(error));
          render({ kind: "error", code, text: { raw } });
        }
      } finally {
        connection?.provider.destroy();
        wallet?.destroy();
        button.disabled = false;
        headline.focus();
      }
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void anchor();
    });
    relabel();
  },
};
