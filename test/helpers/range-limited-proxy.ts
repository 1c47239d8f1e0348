// A local JSON-RPC endpoint in front of a Hardhat network (in-process, or a node's provider) that refuses eth_getLogs
// ranges wider than `maxRange` blocks the way public providers do (code -32005, "query exceeds max block range"), so
// histories can be tested as they run against Infura, Alchemy or a public node.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy forwards to: an EIP-1193 provider (`connection.provider` of `network.create()`). */
export interface Eip1193 {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

export interface RangeLimitedProxy {
  url: string;
  /** eth_getLogs requests received, and how many were refused as too wide. */
  stats: { getLogs: number; refused: number; requests: number };
  /** The widest eth_getLogs range the proxy answered. */
  widestAnswered: number;
  close(): Promise<void>;
}

interface JsonRpcRequest {
  jsonrpc: "2.0";
  id: number | string | null;
  method: string;
  params?: unknown[];
}

function blockOf(tag: unknown, latest: number): number {
  if (
    tag === undefined ||
    tag === null ||
    tag === "latest" ||
    tag === "pending" ||
    tag === "safe" ||
    tag === "finalized"
  ) {
    return latest;
  }
  if (tag === "earliest") return 0;
  return Number(BigInt(tag as string));
}

/** Starts the proxy on 127.0.0.1 (a free port). */
export async function startRangeLimitedProxy(target: Eip1193, maxRange = 1_000): Promise<RangeLimitedProxy> {
  const proxy: RangeLimitedProxy = {
    url: "",
    stats: { getLogs: 0, refused: 0, requests: 0 },
    widestAnswered: 0,
    close: async () => {},
  };

  async function answer(call: JsonRpcRequest): Promise<object> {
    proxy.stats.requests++;
    const reply = (body: object) => ({ jsonrpc: "2.0", id: call.id, ...body });
    try {
      if (call.method === "eth_getLogs") {
        proxy.stats.getLogs++;
        const filter = (call.params?.[0] ?? {}) as { fromBlock?: unknown; toBlock?: unknown; blockHash?: unknown };
        if (filter.blockHash === undefined) {
          const latest = Number(BigInt((await target.request({ method: "eth_blockNumber" })) as string));
          const range = blockOf(filter.toBlock, latest) - blockOf(filter.fromBlock, latest) + 1;
          if (range > maxRange) {
            proxy.stats.refused++;
            return reply({ error: { code: -32005, message: `query exceeds max block range ${maxRange}` } });
          }
          proxy.widestAnswered = Math.max(proxy.widestAnswered, range);
        }
      }
      return reply({ result: await target.request({ method: call.method, params: call.params ?? [] }) });
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown; data?: unknown };
      return reply({
        error: {
          code: typeof e.code === "number" ? e.code : -32603,
          message: typeof e.message === "string" ? e.message : String(error),
          data: e.data,
        },
      });
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as JsonRpcRequest | JsonRpcRequest[];
    const result = Array.isArray(body) ? await Promise.all(body.map(answer)) : await answer(body);
    const text = JSON.stringify(result, (_, value: unknown) =>
      typeof value === "bigint" ? `0x${value.toString(16)}` : value,
    );
    response.writeHead(200, { "content-type": "application/json" });
    response.end(text);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return proxy;
}
