// Writes dist/deployments.json, the addresses `deploymentOf(chainId)` knows, from the committed and reviewed deployment
// records deploy/records/<chainId>.json, and from nothing else: not from deploy/deployments/ (Ignition's journals,
// which hold whatever the packer deployed locally). A record is
//   { "chainId": 11155111, "build": "default" | "compat", "contracts": { "EvidenceRegistry": "0x…", … } }
// and a malformed one stops the pack with the file and the fault named.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { getAddress } from "ethers";

const root = process.cwd();
const recordsDir = path.join(root, "deploy", "records");
const SUITE = new Set([
  "EvidenceRegistry",
  "ParticipantRegistry",
  "SupplyChainBills",
  "CopyrightRegistry",
  "CopyrightDisputes",
  "CopyrightRelay",
]);

interface DeploymentRecord {
  chainId: number;
  build: "default" | "compat";
  contracts: Record<string, string>;
}

function parseRecord(file: string, text: string): DeploymentRecord {
  const fail = (why: string): never => {
    throw new Error(`deploy/records/${file}: ${why}`);
  };
  const record = JSON.parse(text) as Partial<DeploymentRecord>;
  if (!Number.isSafeInteger(record.chainId) || `${record.chainId}.json` !== file) {
    fail(`chainId ${String(record.chainId)} does not match the file name`);
  }
  if (record.build !== "default" && record.build !== "compat") fail(`build must be "default" or "compat"`);
  const contracts: Record<string, string> = {};
  for (const [name, address] of Object.entries(record.contracts ?? fail("contracts is missing"))) {
    if (!SUITE.has(name)) fail(`${name} is not a contract of the suite`);
    try {
      contracts[name] = getAddress(address);
    } catch {
      fail(`${name}'s address ${address} is not an address`);
    }
  }
  if (Object.keys(contracts).length === 0) fail("contracts is empty");
  return { chainId: record.chainId!, build: record.build!, contracts };
}

const result: Record<string, Record<string, string>> = {};
const files = existsSync(recordsDir) ? (await readdir(recordsDir)).filter((f) => /^\d+\.json$/.test(f)).sort() : [];
for (const file of files) {
  const record = parseRecord(file, await readFile(path.join(recordsDir, file), "utf8"));
  result[String(record.chainId)] = record.contracts;
}

await mkdir(path.join(root, "dist"), { recursive: true });
await writeFile(path.join(root, "dist", "deployments.json"), JSON.stringify(result, null, 2) + "\n");
console.log(`dist/deployments.json: ${files.length} chain(s) from deploy/records/`);
