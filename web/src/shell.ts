// What every page of the portal gets from the shell (web/src/main.ts): the language, the chosen network and navigation.
import { JsonRpcProvider, Network } from "ethers";

import { translator, type Lang } from "./i18n.js";
import type { ContractName, Contracts } from "./networks.js";

export type { ContractName, Contracts };

/**
 * Where a network setting came from: the user's own typing, a known network of the list (the package's records or the
 * site's networks.json), or the link that opened the page (a certificate's QR code, an e-mail): the last is whoever
 * made the link's choice, never the reader's, and the page says so.
 */
export type Origin = "typed" | "list" | "link";

/** The network the user chose, connected: one JSON-RPC URL, pinned to the chain it answered for. */
export interface Connection {
  provider: JsonRpcProvider;
  chainId: bigint;
  rpcUrl: string;
  /** The contracts' addresses: typed in, or from a known deployment of this chain. */
  contracts: Contracts;
  /** Whether each address given is the one a known deployment records on this chain (the package's or the site's). */
  known: Partial<Record<ContractName, boolean>>;
  /** Where the RPC URL and each address came from. */
  origins: Partial<Record<ContractName | "rpc", Origin>>;
}

const trustText = translator(
  {
    known: "{contract} {address}: the known deployment on this chain.",
    typed:
      "{contract} {address} was typed in and is NOT a known deployment on this chain: check it is the one you trust.",
    link:
      "{contract} {address} came from the link that opened this page and is NOT a known deployment: what it says is only " +
      "as good as that address. Check it against the address its operator publishes.",
    rpcLink:
      "The network (RPC {host}) came from the link that opened this page: a node you do not trust can answer anything. " +
      "For a verdict you rely on, use your own RPC URL.",
  },
  {
    known: "{contract} {address}：本链的已知部署。",
    typed: "{contract} {address} 为手动输入，并非本链已知部署：请确认是您信任的合约。",
    link: "{contract} {address} 来自打开本页的链接，并非已知部署：以下内容仅在该地址可信时成立。请与其运营方公布的地址核对。",
    rpcLink:
      "网络（RPC {host}）来自打开本页的链接：不受信任的节点可以返回任何结果。如需可依赖的结论，请使用您自己的 RPC 地址。",
  },
);

/**
 * One sentence on how far the page trusts `contract` of `connection` (and the RPC URL, when a link chose it), as an
 * element whose `data-trust` is `known`, `typed` or `link`, and `data-rpc="link"` when the link chose the RPC URL.
 */
export function trustNote(connection: Connection, contract: ContractName, lang: Lang): HTMLElement {
  const address = connection.contracts[contract] ?? "";
  const trust =
    connection.known[contract] === true ? "known" : connection.origins[contract] === "link" ? "link" : "typed";
  const note = el("p", { class: "trust", "data-trust": trust }, trustText(lang, trust, { contract, address }));
  if (connection.origins.rpc === "link") {
    note.dataset.rpc = "link";
    note.append(" ", trustText(lang, "rpcLink", { host: hostOf(connection.rpcUrl) }));
  }
  return note;
}

/** The host (and port) of a URL, for people; the whole text when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The sentence the shell shows while a link chose the RPC URL (see `trustNote`). */
export function rpcLinkText(lang: Lang, rpcUrl: string): string {
  return trustText(lang, "rpcLink", { host: hostOf(rpcUrl) });
}

export interface PortalContext {
  /** The language shown now. */
  lang(): Lang;
  /** Calls `render` whenever the language changes (until the page is left). */
  onLang(render: () => void): void;
  /** Connects to the chosen network; throws `RpcUnreachableError` with a sentence for people when it cannot. */
  connect(): Promise<Connection>;
  /** Goes to another page, e.g. `navigate("#/work/0x…")`. */
  navigate(route: string): void;
}

export interface Page {
  /** The first part of the hash route: `#/<route>/<arg>`. */
  route: string;
  /** Builds the page into `root` (emptied before); `arg` is the rest of the route (an id), if any. */
  mount(root: HTMLElement, ctx: PortalContext, arg?: string): void | Promise<void>;
}

/** The JSON-RPC URL did not answer `eth_chainId`. */
export class RpcUnreachableError extends Error {
  override name = "RpcUnreachableError";
  readonly code = "rpc-unreachable";
}

/**
 * A provider for `url` on the chain it answers for: asked once with a plain `eth_chainId` so that an unreachable URL is
 * one clear error (ethers' own network detection would retry for ever), then pinned (`staticNetwork`), one call per
 * request (`batchMaxCount: 1`, as the SDK's `jsonRpcProvider`).
 */
export async function connectRpc(url: string, describe: (why: string) => string): Promise<JsonRpcProvider> {
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
    throw new RpcUnreachableError(describe(error instanceof Error ? error.message : String(error)));
  }
  const network = Network.from(chainId);
  return new JsonRpcProvider(url, network, { batchMaxCount: 1, staticNetwork: network });
}

/** A local date as an ISO-style text with its UTC offset, e.g. 2026-12-06 11:15:02 (UTC+08:00). */
export function localIso(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ` +
    `(UTC${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)})`
  );
}

/** An element with children: `el("p", { class: "x" }, "text", child)`. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (string | Node)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
