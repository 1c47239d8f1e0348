// Collects the addresses of every Ignition deployment under deploy/deployments/ into dist/deployments.json, keyed by
// chain id and contract name, for the packed SDK's `deploymentOf()`. The chain id comes from each journal, so
// deployments made with `--deployment-id` count too (the default `chain-<id>` one wins a name both have). Hardhat's
// local chain (31337) and the chains the tests start nodes on (31338-31342) are left out: throwaway nodes.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const LOCAL_CHAIN_IDS = new Set(["31337", "31338", "31339", "31340", "31341", "31342"]);
const root = process.cwd();
const deploymentsDir = path.join(root, "deploy", "deployments");
const result: Record<string, Record<string, string>> = {};

async function journalChainId(dir: string): Promise<string | undefined> {
  const journal = path.join(dir, "journal.jsonl");
  if (!existsSync(journal)) return undefined;
  const first = (await readFile(journal, "utf8")).split("\n", 1)[0];
  const chainId = (JSON.parse(first) as { chainId?: unknown }).chainId;
  return typeof chainId === "number" || typeof chainId === "string" ? String(chainId) : undefined;
}

// Default-named deployments last, so that their addresses win.
const entries = (existsSync(deploymentsDir) ? await readdir(deploymentsDir) : []).sort(
  (a, b) => Number(a.startsWith("chain-")) - Number(b.startsWith("chain-")),
);
for (const entry of entries) {
  const dir = path.join(deploymentsDir, entry);
  const file = path.join(dir, "deployed_addresses.json");
  const chainId = (await journalChainId(dir)) ?? /^chain-(\d+)$/.exec(entry)?.[1];
  if (chainId === undefined || LOCAL_CHAIN_IDS.has(chainId) || !existsSync(file)) continue;
  const addresses = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  // "Evidence#EvidenceRegistry" -> "EvidenceRegistry"
  result[chainId] = {
    ...result[chainId],
    ...Object.fromEntries(Object.entries(addresses).map(([id, address]) => [id.split("#")[1] ?? id, address])),
  };
}

await mkdir(path.join(root, "dist"), { recursive: true });
await writeFile(path.join(root, "dist", "deployments.json"), JSON.stringify(result, null, 2) + "\n");
console.log(`dist/deployments.json: ${Object.keys(result).length} chain(s)`);
