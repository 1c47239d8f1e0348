// Foundry's anvil from the npm package @foundry-rs/anvil-linux-amd64 (a binary inside a registry package): an EVM node
// that is not Hardhat's, for the end-to-end tests. Started on 127.0.0.1 and a free port, stopped by its pid.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { freePort } from "./cli.js";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Where the npm package puts the binary; it exists for Linux on x64 only. */
export const ANVIL_PATH = path.join(root, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

/** The anvil binary, or why there is none on this machine (the e2e test prints the reason and skips). */
export function anvilBinary(): { path: string } | { missing: string } {
  if (process.platform !== "linux" || process.arch !== "x64") {
    return { missing: `@foundry-rs/anvil-linux-amd64 has no binary for ${process.platform}-${process.arch}` };
  }
  if (!existsSync(ANVIL_PATH))
    return { missing: `${ANVIL_PATH} is not installed (npm install without optional deps?)` };
  return { path: ANVIL_PATH };
}

export interface AnvilNode {
  url: string;
  pid: number;
  /** anvil's output. */
  logFile: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running)
    if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, "SIGKILL");
});

/**
 * Starts anvil (automine, its ten funded and unlocked accounts) on `hardfork` (anvil's default when undefined) and
 * resolves once it answers eth_chainId, or rejects with its output if it exits first.
 */
export async function startAnvil(binary: string, options: { chainId: number; hardfork?: string }): Promise<AnvilNode> {
  const port = await freePort();
  const args = ["--host", "127.0.0.1", "--port", String(port), "--chain-id", String(options.chainId)];
  if (options.hardfork !== undefined) args.push("--hardfork", options.hardfork);
  // Its output goes to a file, not a pipe: anvil logs every request, and a pipe that this process does not drain
  // (it waits in spawnSync while a child deploys) fills up and blocks anvil mid-deployment.
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), "anvil-")), "anvil.log");
  const log = openSync(logFile, "w");
  const child = spawn(binary, args, { stdio: ["ignore", log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`anvil did not start: ${binary}`);
  running.add(child);
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  // Ready when it answers; no time limit here (a loaded machine starts it late), only its exit ends the wait.
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`anvil exited before serving ${url}:\n${readFileSync(logFile, "utf8")}`);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    pid,
    logFile,
    async stop() {
      if (child.exitCode === null) process.kill(pid, "SIGTERM");
      await exited;
      running.delete(child);
    },
  };
}
