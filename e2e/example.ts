// The packed example project (examples/integrator), shared by the end-to-end tests: pack the package, install the
// tarball into the example (not the source tree), type-check and build it, run it under a given Node, and check the
// one JSON line it prints against the chain.
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import type { JsonRpcProvider } from "ethers";

export const root = path.resolve(import.meta.dirname, "..");
export const example = path.join(root, "examples", "integrator");

/** Runs a command; no timeout (packing and installing compile and copy, at the machine's pace). */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.status, `${command} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).to.equal(0);
  return result.stdout;
}

/** npm under the pinned Node, so the package's lifecycle scripts run on a Node that Hardhat accepts. */
export function npm(args: string[], cwd: string): string {
  const npmCli = process.env.npm_execpath;
  return npmCli?.endsWith(".js") ? run(process.execPath, [npmCli, ...args], cwd) : run("npm", args, cwd);
}

let installed: Promise<void> | undefined;

/**
 * `npm pack`, then a fresh install of the tarball into the example, type-checked and built: once per test process
 * (the end-to-end files share it; nothing they run writes into the example's node_modules).
 */
export function packAndInstallExample(): Promise<void> {
  if (installed === undefined) {
    const attempt = packAndInstall();
    // A failed attempt is made again by the next caller (its own caller still sees the failure).
    attempt.catch(() => {
      if (installed === attempt) installed = undefined;
    });
    installed = attempt;
  }
  return installed;
}

async function packAndInstall(): Promise<void> {
  const packed = npm(["pack", "--silent"], root).trim().split("\n").at(-1);
  expect(packed).to.equal("chainproof-contracts-0.1.0.tgz");
  await rm(path.join(example, "node_modules"), { recursive: true, force: true });
  npm(["install", "--no-package-lock", "--no-audit", "--no-fund"], example);
  run(process.execPath, [path.join(example, "node_modules", "typescript", "bin", "tsc"), "-p", example], example);
}

/**
 * The machine's own Node (the first `node` on PATH, or /usr/bin/node, that is not the pinned one this process runs
 * on), which integrators run the SDK under; undefined when there is no other.
 */
export function systemNode(): string | undefined {
  const pinned = realpathSync(process.execPath);
  const candidates = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir !== "" && !dir.includes("node_modules"))
    .map((dir) => path.join(dir, "node"))
    .concat(["/usr/bin/node", "/usr/local/bin/node"]);
  return candidates.find((candidate) => existsSync(candidate) && realpathSync(candidate) !== pinned);
}

export interface ExampleEnv {
  RPC_URL: string;
  /** An Ignition deployed_addresses.json. */
  DEPLOYMENT: string;
  SETTLEMENT_TOKEN: string;
}

/** Runs the built example under `node` and returns the report it prints. */
export function runExample(node: string, env: ExampleEnv): Record<string, any> {
  const output = run(node, [path.join(example, "dist", "index.js")], example, { ...env });
  return JSON.parse(output.trim().split("\n").at(-1)!) as Record<string, any>;
}

/** Every suite's flow, every signed path included, as the example reports it on `chainId`. */
export async function expectReport(report: Record<string, any>, provider: JsonRpcProvider, chainId: number) {
  const [platform, supplier, author, licensee, subSupplier] = await Promise.all(
    [0, 2, 3, 4, 5].map((i) => provider.getSigner(i).then((s) => s.address)),
  );
  expect(report.chainId).to.equal(String(chainId));
  // Test chains are not recorded in deployments.json.
  expect(report.packagedDeployment).to.equal(false);
  expect(report.evidence).to.deep.include({
    maxAlgorithm: 127,
    duplicate: `AlreadyAnchored:${platform}`,
    batchSize: 3,
    batchValid: true,
    // anchorBySig: the customer signed, the platform relayed.
    relayedSubmitter: licensee,
    history: ["Anchored"],
  });
  expect(Number(report.evidence.gasUsed)).to.be.within(40_000, 50_000);
  // One witness co-signed itself, the other's signed co-signature was relayed (cosignBySig).
  expect(report.evidence.witnessed).to.deep.equal([
    "Anchored",
    "WitnessesRequired",
    "Cosigned",
    "Cosigned",
    "Witnessed",
  ]);
  expect(report.participants).to.deep.equal({ supplier: { active: true, roles: ["enterprise"] } });
  expect(report.bills.kept).to.deep.equal({ holder: supplier, value: "1000.00", state: "held" });
  // endorseWithSignature: the endorsee's signed consent.
  expect(report.bills.passedOn).to.deep.equal({ holder: subSupplier, value: "234.56", state: "held" });
  // Issuance offers the bill to the payee; an endorsement with signed consent is signed at once.
  expect(report.bills.history).to.deep.equal(["Issued", "Offered", "Accepted", "Signed", "Signed"]);
  expect(report.copyright).to.deep.include({ licensed: true, licensees: [licensee], withdrawn: "1000000" });
  // Relayed registration: the platform paid, the creator who signed owns the work.
  expect(report.copyright.relayedOwner).to.equal(author);
}
