import { readFileSync } from "node:fs";

import { DeploymentNotFoundError } from "./errors.js";

/** Contract name → address, for one chain. */
export type ChainDeployment = Readonly<Record<string, string>>;

let cache: Readonly<Record<string, ChainDeployment>> | undefined;

/**
 * Every deployment the package was published with, by chain id (`deployments.json` beside the compiled SDK). It is
 * built at pack time from the repository's committed, reviewed records (`deploy/records/<chainId>.json`), never from
 * local deployment journals; it may be empty.
 */
export function deployments(): Readonly<Record<string, ChainDeployment>> {
  if (cache === undefined) {
    try {
      cache = JSON.parse(readFileSync(new URL("../deployments.json", import.meta.url), "utf8")) as Record<
        string,
        ChainDeployment
      >;
    } catch {
      cache = {};
    }
  }
  return cache;
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
