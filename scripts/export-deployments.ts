// Writes dist/deployments.json, the addresses `deploymentOf(chainId)` knows, from the committed and reviewed deployment
// records deploy/records/<chainId>.json, and from nothing else: not from deploy/deployments/ (Ignition's journals,
// which hold whatever the packer deployed locally). A record is
//   { "chainId": 11155111, "build": "default" | "compat", "contracts": { "EvidenceRegistry": "0x…", … },
//     "blocks": { "EvidenceRegistry": 5123456, … } }
// (`blocks`, optional: the block each contract was deployed in, so histories start there without an eth_getCode
// search) and a malformed one stops the pack with the file and the fault named. The output keeps its older shape,
// chain id → name → address, and adds the blocks beside the chains under "deploymentBlocks" (chain id → name → block).
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { getAddress } from "ethers";

import { DEPLOYMENT_BLOCKS_KEY } from "../src/deployments.js";

const SUITE = new Set([
  "EvidenceRegistry",
  "ParticipantRegistry",
  "SupplyChainBills",
  "CopyrightRegistry",
  "CopyrightDisputes",
  "CopyrightRelay",
]);

export interface DeploymentRecord {
  chainId: number;
  build: "default" | "compat";
  contracts: Record<string, string>;
  /** Contract name → the block it was deployed in (optional; a name of `contracts`). */
  blocks?: Record<string, number>;
}

/** Parses and checks one record, `file` being its name (`<chainId>.json`); throws naming the file and the fault. */
export function parseRecord(file: string, text: string): DeploymentRecord {
  const fail = (why: string): never => {
    throw new Error(`deploy/records/${file}: ${why}`);
  };
  let record: Partial<DeploymentRecord>;
  try {
    record = JSON.parse(text) as Partial<DeploymentRecord>;
  } catch (error) {
    return fail(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
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
  const parsed: DeploymentRecord = { chainId: record.chainId!, build: record.build!, contracts };
  if (record.blocks !== undefined) {
    if (typeof record.blocks !== "object" || record.blocks === null || Array.isArray(record.blocks)) {
      fail("blocks must be an object of contract name → deployment block");
    }
    const blocks: Record<string, number> = {};
    for (const [name, block] of Object.entries(record.blocks)) {
      if (contracts[name] === undefined) fail(`blocks names ${name}, which is not in contracts`);
      if (typeof block !== "number" || !Number.isSafeInteger(block) || block < 0) {
        fail(`${name}'s block ${JSON.stringify(block)} is not a block number`);
      }
      blocks[name] = block;
    }
    if (Object.keys(blocks).length > 0) parsed.blocks = blocks;
  }
  return parsed;
}

/** The content of dist/deployments.json for these records (each chain once). */
export function deploymentsJson(records: DeploymentRecord[]): Record<string, unknown> {
  const chains: Record<string, Record<string, string>> = {};
  const blocks: Record<string, Record<string, number>> = {};
  for (const record of records) {
    chains[String(record.chainId)] = record.contracts;
    if (record.blocks !== undefined) blocks[String(record.chainId)] = record.blocks;
  }
  return Object.keys(blocks).length === 0 ? chains : { ...chains, [DEPLOYMENT_BLOCKS_KEY]: blocks };
}

/** Reads every record in `recordsDir` and writes `out`; returns how many chains it wrote. */
export async function exportDeployments(recordsDir: string, out: string): Promise<number> {
  const files = existsSync(recordsDir) ? (await readdir(recordsDir)).filter((f) => /^\d+\.json$/.test(f)).sort() : [];
  const records: DeploymentRecord[] = [];
  for (const file of files) records.push(parseRecord(file, await readFile(path.join(recordsDir, file), "utf8")));
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(deploymentsJson(records), null, 2) + "\n");
  return files.length;
}

// `hardhat run scripts/export-deployments.ts` (in `npm run build:package`) runs it; tests import the functions.
if (process.argv.some((arg) => arg.replaceAll("\\", "/").endsWith("scripts/export-deployments.ts"))) {
  const root = process.cwd();
  const count = await exportDeployments(
    path.join(root, "deploy", "records"),
    path.join(root, "dist", "deployments.json"),
  );
  console.log(`dist/deployments.json: ${count} chain(s) from deploy/records/`);
}
