import { readFileSync } from "node:fs";

/** Contract name → address, for one chain. */
export type ChainDeployment = Readonly<Record<string, string>>;

let cache: Readonly<Record<string, ChainDeployment>> | undefined;

/**
 * Every deployment the package was published with, by chain id, read from the Ignition journals at pack time
 * (`deployments.json` beside the compiled SDK). Local development chains are not included.
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

/** The addresses deployed on `chainId` (e.g. `deploymentOf(11155111n).EvidenceRegistry`), or undefined. */
export function deploymentOf(chainId: bigint | number | string): ChainDeployment | undefined {
  return deployments()[String(chainId)];
}
