import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";

/** The project root (the folder of hardhat.config.ts). */
export const root = path.resolve(import.meta.dirname, "..", "..");
const hardhatCli = path.join(root, "node_modules", "hardhat", "dist", "src", "cli.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `hardhat <args>` in the project with the current (pinned) Node, as an operator would. The test process has
 * built the contracts before any test runs and every child reuses that build (deploys pass `--build-profile default`;
 * the production profile is the same settings), so no child compiles; the timeout only stops a hung child, and is
 * generous because a loaded 2-core machine can make a plain deploy take minutes.
 */
export function runHardhat(args: string[], env: Record<string, string> = {}, cwd: string = root): CliResult {
  const result = spawnSync(process.execPath, [hardhatCli, ...args], {
    cwd,
    env: { ...process.env, ...env, FORCE_COLOR: "0" },
    encoding: "utf8",
    timeout: 15 * 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * A `hardhat node` on 127.0.0.1 and a free port; `stop()` kills it by its pid and waits for it to exit. Suites that
 * use one name themselves "... on a hardhat node": coverage runs skip them (their subprocesses are not instrumented).
 */
export interface LocalNode {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

// Nodes still running are killed when the test process exits or is interrupted, whatever the tests did.
const running = new Set<ChildProcess>();
let exitHooks = false;
function killAll(): void {
  for (const child of running) if (child.exitCode === null && child.pid !== undefined) child.kill("SIGKILL");
}
function installExitHooks(): void {
  if (exitHooks) return;
  exitHooks = true;
  process.once("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
    });
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startNode(options: { chainId?: number } = {}): Promise<LocalNode> {
  const port = await freePort();
  const args = [hardhatCli, "node", "--hostname", "127.0.0.1", "--port", String(port)];
  if (options.chainId !== undefined) args.push("--chain-id", String(options.chainId));
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  installExitHooks();
  running.add(child);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopProcess(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hardhat node exited early:\n${output}`);
    try {
      await rpc(url, "eth_chainId");
      return { url, port, process: child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`hardhat node did not start on ${url} within 60 s:\n${output}`);
}

/** One JSON-RPC call to a node. */
export async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** The Ignition journal of a chain, removed before a suite deploys there so each run starts clean. */
export function journalDir(chainId: number): string {
  return path.join(root, "deploy", "deployments", `chain-${chainId}`);
}

/** A command's output, asserting it succeeded. */
export function ok(result: CliResult): string {
  if (result.status !== 0) throw new Error(`exit ${result.status}\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** The single `error:` line a failed command prints, asserting it exited 1 and printed nothing else. */
export function errorLine(result: CliResult): string {
  const lines = result.stderr.split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
  if (result.status !== 1 || lines.length !== 1) {
    throw new Error(`expected exit 1 and one error line, got exit ${result.status}\n${result.stdout}${result.stderr}`);
  }
  return lines[0];
}

/** What `describeOnNode` hands its suite: the node (once the suite's first `before` has run) and the CLI aimed at it. */
export interface OnNode {
  /** The suite's node. */
  readonly node: LocalNode;
  /** Its JSON-RPC URL. */
  readonly url: string;
  /** The environment that points `--network localhost` at the node (`LOCALHOST_URL`). */
  readonly env: Record<string, string>;
  /** `hardhat <command> …args --network localhost` against the node (`command` as given to `describeOnNode`). */
  cli(...args: string[]): CliResult;
}

/**
 * A suite of CLI tests against a `hardhat node` of its own on `chainId` (so its Ignition journal never mixes with a
 * developer's or another suite's): before the suite's own hooks, clears that chain's journal and starts the node;
 * after, stops the node and clears the journal. `title` should say "on a hardhat node" (coverage runs skip those).
 */
export function describeOnNode(
  title: string,
  options: { chainId: number; command: string; timeout: number },
  body: (on: OnNode) => void,
): void {
  const journal = journalDir(options.chainId);
  let node: LocalNode | undefined;
  const started = (): LocalNode => {
    if (node === undefined) throw new Error(`${title}: the node is not started yet (use it inside hooks and tests)`);
    return node;
  };
  const on: OnNode = {
    get node() {
      return started();
    },
    get url() {
      return started().url;
    },
    get env() {
      return { LOCALHOST_URL: started().url };
    },
    cli: (...args) => runHardhat([options.command, ...args, "--network", "localhost"], on.env),
  };
  describe(title, function () {
    this.timeout(options.timeout);
    before(async function () {
      await rm(journal, { recursive: true, force: true });
      node = await startNode({ chainId: options.chainId });
    });
    after(async function () {
      await node?.stop();
      await rm(journal, { recursive: true, force: true });
    });
    body(on);
  });
}
