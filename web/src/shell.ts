// What every page of the portal gets from the shell (web/src/main.ts): the language, the chosen network and navigation.
import { JsonRpcProvider, Network } from "ethers";

import type { Lang } from "./i18n.js";
import type { ContractName, Contracts } from "./networks.js";

export type { ContractName, Contracts };

/** The network the user chose, connected: one JSON-RPC URL, pinned to the chain it answered for. */
export interface Connection {
  provider: JsonRpcProvider;
  chainId: bigint;
  rpcUrl: string;
  /** The contracts' addresses: typed in, or from a known deployment of this chain. */
  contracts: Contracts;
  /** Whether each address given is the one a known deployment records on this chain (the package's or the site's). */
  known: Partial<Record<ContractName, boolean>>;
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
