// Collects the addresses of every Ignition deployment under deploy/deployments/chain-<id> into dist/deployments.json,
// keyed by chain id and contract name, for the packed SDK's `deployments()`. Hardhat's local chain (31337) is left out:
// its journals describe throwaway nodes.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const LOCAL_CHAIN_IDS = new Set(["31337"]);
const root = process.cwd();
const deploymentsDir = path.join(root, "deploy", "deployments");
const result: Record<string, Record<string, string>> = {};

for (const entry of existsSync(deploymentsDir) ? await readdir(deploymentsDir) : []) {
  const match = /^chain-(\d+)$/.exec(entry);
  const file = path.join(deploymentsDir, entry, "deployed_addresses.json");
  if (match === null || LOCAL_CHAIN_IDS.has(match[1]) || !existsSync(file)) continue;
  const addresses = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  // "Evidence#EvidenceRegistry" -> "EvidenceRegistry"
  result[match[1]] = Object.fromEntries(
    Object.entries(addresses).map(([id, address]) => [id.split("#")[1] ?? id, address]),
  );
}

await mkdir(path.join(root, "dist"), { recursive: true });
await writeFile(path.join(root, "dist", "deployments.json"), JSON.stringify(result, null, 2) + "\n");
console.log(`dist/deployments.json: ${Object.keys(result).length} chain(s)`);
