// `npm run portal [-- --port 5173] [-- --rpc http://127.0.0.1:8545]`: builds the browser portal (web/ → web/dist, Vite)
// and serves it on 127.0.0.1. When a node answers at the RPC URL and this clone holds its Ignition deployment
// (deploy/deployments/chain-<id>/deployed_addresses.json), the page lists it as "Local node" (served as
// /networks.json) and starts on it. The page talks to nothing but its server and the JSON-RPC URL. Also used by the
// browser tests (test/portal/harness.ts: buildPortal, servePortal).
import { createReadStream, existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const webDir = path.join(root, "web");
export const distDir = path.join(webDir, "dist");

/**
 * What the page's meta-tag policy cannot say (web/vite.config.ts): no other site may frame it (a framed anchor page
 * could be clicked through by a disguised overlay). Any host of web/dist should send the same.
 */
export const FRAMING_HEADERS = {
  "content-security-policy": "frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
} as const;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Builds web/ into web/dist with Vite's build API, in this process. */
export async function buildPortal(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: path.join(webDir, "vite.config.ts"), logLevel: "warn" });
}

/** A network the page lists (web/src/networks.ts reads `networks.json`): addresses by contract name. */
export interface SiteNetwork {
  name: string;
  chainId: number | string;
  rpc?: string;
  contracts: Record<string, string>;
  /** The block each contract was deployed in, when known (histories start there). */
  blocks?: Record<string, number>;
}

/**
 * The local node's entry: asks `rpc` for its chain id and reads this clone's Ignition journal of that chain
 * (`Module#Contract` names → `Contract`); undefined when no node answers or nothing is deployed on it.
 */
export async function localNetwork(rpc: string): Promise<SiteNetwork | undefined> {
  let chainId: bigint;
  try {
    const response = await fetch(rpc, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(5_000),
    });
    chainId = BigInt(((await response.json()) as { result?: string }).result ?? "");
  } catch {
    return undefined;
  }
  const journal = path.join(root, "deploy", "deployments", `chain-${chainId}`, "deployed_addresses.json");
  if (!existsSync(journal)) return undefined;
  const addresses = JSON.parse(await readFile(journal, "utf8")) as Record<string, string>;
  const contracts = Object.fromEntries(
    Object.entries(addresses).map(([id, address]) => [id.split("#").pop()!, address]),
  );
  return { name: "Local node", chainId: String(chainId), rpc, contracts };
}

/**
 * Serves `dir` (static files, index.html for "/") on 127.0.0.1:`port` (0: a free port), with `networks` as
 * /networks.json when given; resolves with the server.
 */
export async function servePortal(
  port: number,
  dir: string = distDir,
  networks?: readonly SiteNetwork[] | (() => Promise<readonly SiteNetwork[]>),
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      response.writeHead(400, { "content-type": "text/plain" }).end("bad request path\n");
      return;
    }
    if (pathname === "/networks.json" && networks !== undefined) {
      Promise.resolve(typeof networks === "function" ? networks() : networks).then(
        (list) => {
          response.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache" });
          response.end(JSON.stringify(list));
        },
        () => response.writeHead(500).end(),
      );
      return;
    }
    const file = path.join(dir, pathname === "/" ? "index.html" : pathname);
    if (!file.startsWith(dir + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) throw new Error("not a file");
        response.writeHead(200, {
          "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
          "content-length": info.size,
          "cache-control": "no-cache",
          ...FRAMING_HEADERS,
        });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404, { "content-type": "text/plain" }).end("not found\n"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const bound = typeof address === "object" && address !== null ? address.port : port;
  return { server, url: `http://127.0.0.1:${bound}/` };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : (args[i + 1] ?? "");
}

function portArgument(args: string[]): number {
  const text = option(args, "--port") ?? process.env.PORTAL_PORT ?? "5173";
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number (0-65535), got "${text ?? ""}"`);
  }
  return port;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const args = process.argv.slice(2);
    const port = portArgument(args);
    const rpc = option(args, "--rpc") ?? "http://127.0.0.1:8545";
    await buildPortal();
    const local = await localNetwork(rpc);
    // Asked again on every page load, so a node started (or redeployed) after the portal is found too.
    const { url } = await servePortal(port, distDir, async () => {
      const found = await localNetwork(rpc);
      return found === undefined ? [] : [found];
    });
    console.log(`portal: ${url} (built into ${path.relative(root, distDir)}; Ctrl-C stops it)`);
    console.log(
      local === undefined
        ? `  no deployment found on ${rpc} yet (start \`npx hardhat node\` and deploy; the page looks again when loaded)`
        : `  network: the local node ${rpc}, chain ${local.chainId}, ${Object.keys(local.contracts).length} contracts from deploy/deployments/chain-${local.chainId}/`,
    );
  } catch (error) {
    console.error(`portal: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
