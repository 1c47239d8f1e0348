// `npm run portal [-- --port 5173]`: builds the browser portal (web/ → web/dist, Vite) and serves it on 127.0.0.1.
// The page talks to nothing but its JSON-RPC URL (default the local node, http://127.0.0.1:8545). Also used by
// test/portal/verify.ts (buildPortal, servePortal).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const webDir = path.join(root, "web");
export const distDir = path.join(webDir, "dist");

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

/** Serves `dir` (static files, index.html for "/") on 127.0.0.1:`port` (0: a free port); resolves with the server. */
export async function servePortal(port: number, dir: string = distDir): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
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

function portArgument(args: string[]): number {
  const i = args.indexOf("--port");
  const text = i === -1 ? (process.env.PORTAL_PORT ?? "5173") : args[i + 1];
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number (0-65535), got "${text ?? ""}"`);
  }
  return port;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const port = portArgument(process.argv.slice(2));
    await buildPortal();
    const { url } = await servePortal(port);
    console.log(`portal: ${url} (built into ${path.relative(root, distDir)}; Ctrl-C stops it)`);
    console.log(
      `  verifies against the RPC URL typed in the page, by default http://127.0.0.1:8545 (npx hardhat node)`,
    );
  } catch (error) {
    console.error(`portal: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
