import { readFileSync } from "node:fs";

import { DeploymentNotFoundError } from "./errors.js";
import { loadDeploymentBlocksWith, rememberDeploymentBlock } from "./logs.js";

/** Contract name → address, for one chain. */
export type ChainDeployment = Readonly<Record<string, string>>;

/** Contract name → the block it was deployed in, for one chain. */
export type ChainDeploymentBlocks = Readonly<Record<string, number>>;

/** The key of `deployments.json` under which the recorded deployment blocks are, by chain id (not a chain id itself). */
export const DEPLOYMENT_BLOCKS_KEY = "deploymentBlocks";

/**
 * `deployments.json`: chain id → contract name → address, and beside the chains, under `DEPLOYMENT_BLOCKS_KEY`, chain
 * id → contract name → deployment block, for the contracts whose record gives one (older files have no such key).
 */
export type DeploymentsFile = Readonly<
  Record<string, ChainDeployment | Readonly<Record<string, ChainDeploymentBlocks>>>
>;

let cache:
  | { chains: Readonly<Record<string, ChainDeployment>>; blocks: Readonly<Record<string, ChainDeploymentBlocks>> }
  | undefined;

function load(): NonNullable<typeof cache> {
  if (cache === undefined) {
    let file: DeploymentsFile = {};
    try {
      file = JSON.parse(readFileSync(new URL("../deployments.json", import.meta.url), "utf8")) as DeploymentsFile;
    } catch {
      // None published (e.g. run from the repository before `npm pack`).
    }
    cache = rememberPackageDeployments(file);
  }
  return cache;
}

// Histories read the package's recorded blocks before their first search, whether or not deploymentOf was called.
loadDeploymentBlocksWith(() => void load());

/**
 * `rememberDeployments` for the package's own file: it replaces no block recorded before, so a block the caller
 * recorded (`rememberDeploymentBlock`) wins over the package's. Exported for its test.
 */
export function rememberPackageDeployments(file: DeploymentsFile): ReturnType<typeof rememberDeployments> {
  return rememberDeployments(file, { replace: false });
}

/**
 * Makes the histories of the contracts in `file` (a `deployments.json`) start at their recorded deployment blocks,
 * without the one-off `eth_getCode` search (`rememberDeploymentBlock` for each, with `options`); returns the file's
 * chains and blocks. The package's own file goes through here when first read, so clients made from
 * `deploymentOf(chainId)` get them (`rememberPackageDeployments`).
 */
export function rememberDeployments(
  file: DeploymentsFile,
  options: { replace?: boolean } = {},
): {
  chains: Readonly<Record<string, ChainDeployment>>;
  blocks: Readonly<Record<string, ChainDeploymentBlocks>>;
} {
  const chains: Record<string, ChainDeployment> = {};
  for (const [chainId, contracts] of Object.entries(file)) {
    if (chainId !== DEPLOYMENT_BLOCKS_KEY) chains[chainId] = contracts as ChainDeployment;
  }
  const blocks = (file[DEPLOYMENT_BLOCKS_KEY] ?? {}) as Readonly<Record<string, ChainDeploymentBlocks>>;
  for (const [chainId, byName] of Object.entries(blocks)) {
    for (const [name, block] of Object.entries(byName)) {
      const address = chains[chainId]?.[name];
      if (address !== undefined) rememberDeploymentBlock(BigInt(chainId), address, block, options);
    }
  }
  return { chains, blocks };
}

/**
 * Every deployment the package was published with, by chain id (`deployments.json` beside the compiled SDK). It is
 * built at pack time from the repository's committed, reviewed records (`deploy/records/<chainId>.json`), never from
 * local deployment journals; it may be empty.
 */
export function deployments(): Readonly<Record<string, ChainDeployment>> {
  return load().chains;
}

/**
 * The blocks the package records its contracts on `chainId` were deployed in (name → block; only those whose record
 * gives one), or undefined when it records none there. Histories of those contracts start there by themselves.
 */
export function deploymentBlocksOf(chainId: bigint | number | string): ChainDeploymentBlocks | undefined {
  return load().blocks[String(chainId)];
}

/** The addresses the package records on `chainId`, or undefined when it records none. */
export function findDeployment(chainId: bigint | number | string): ChainDeployment | undefined {
  return deployments()[String(chainId)];
}

/**
 * The addresses the package records on `chainId` (e.g. `deploymentOf(11155111n).EvidenceRegistry`). Throws
 * `DeploymentNotFoundError` naming the chain when the package records none: pass your own addresses then (from your
 * Ignition deployment's `deployed_addresses.json`), or use `findDeployment` to test for one.
 */
export function deploymentOf(chainId: bigint | number | string): ChainDeployment {
  const found = findDeployment(chainId);
  if (found === undefined) {
    const known = Object.keys(deployments());
    throw new DeploymentNotFoundError(
      `@chainproof/contracts records no deployment on chain ${chainId} (${known.length === 0 ? "it records none" : `it records chains ${known.join(", ")}`}): pass your contracts' addresses to the clients yourself, e.g. new EvidenceClient("0x…", signer), taking them from your Ignition deployment's deployed_addresses.json`,
    );
  }
  return found;
}
