// The networks the portal knows: the package's reviewed deployments (deploy/records/<chainId>.json, built into the
// page) and the site's own `networks.json` beside index.html (written by whoever serves the site: `npm run portal`
// lists the local node's Ignition deployment there). Anything else is typed in by the user.
import { getAddress } from "ethers";

/** The suite's contracts a page may read. */
export const CONTRACTS = [
  "EvidenceRegistry",
  "CopyrightRegistry",
  "CopyrightDisputes",
  "SupplyChainBills",
  "ParticipantRegistry",
] as const;
export type ContractName = (typeof CONTRACTS)[number];
export type Contracts = Partial<Record<ContractName, string>>;

/** A network the page offers in its list. */
export interface KnownNetwork {
  /** A name for people, e.g. "Local node" or "Sepolia". */
  name: string;
  chainId: bigint;
  /** The JSON-RPC URL, when the list knows one (the package's records do not: the user types theirs). */
  rpc?: string;
  contracts: Contracts;
  /** The block each contract was deployed in, when recorded: histories start there (no search on a public RPC). */
  blocks: Partial<Record<ContractName, number>>;
  /** Where the entry comes from: the package's reviewed records, or the site's networks.json. */
  source: "package" | "site";
}

const CHAIN_NAMES: Record<string, string> = {
  "1": "Ethereum",
  "11155111": "Sepolia",
  "17000": "Holesky",
  "560048": "Hoodi",
  "31337": "Hardhat",
  "1337": "Local",
};

export function chainName(chainId: bigint): string | undefined {
  return CHAIN_NAMES[chainId.toString()];
}

function contractsOf(record: Record<string, unknown>): Contracts {
  const contracts: Contracts = {};
  for (const name of CONTRACTS) {
    const address = record[name];
    if (typeof address === "string") contracts[name] = getAddress(address);
  }
  return contracts;
}

function blocksOf(blocks: Record<string, unknown> | undefined): Partial<Record<ContractName, number>> {
  const out: Partial<Record<ContractName, number>> = {};
  for (const name of CONTRACTS) {
    const block = blocks?.[name];
    if (typeof block === "number" && Number.isSafeInteger(block) && block >= 0) out[name] = block;
  }
  return out;
}

/** Deployment records committed in the repository (deploy/records/<chainId>.json), bundled at build time. */
const records = import.meta.glob<{
  chainId: number;
  contracts: Record<string, string>;
  blocks?: Record<string, unknown>;
}>("../../deploy/records/*.json", { eager: true, import: "default" });

const packageNetworks: KnownNetwork[] = Object.values(records).map((record) => ({
  name: chainName(BigInt(record.chainId)) ?? `chain ${record.chainId}`,
  chainId: BigInt(record.chainId),
  contracts: contractsOf(record.contracts),
  blocks: blocksOf(record.blocks),
  source: "package",
}));

/** The site's `networks.json` (same origin; absent on most hosts): `[{ name, chainId, rpc?, contracts, blocks? }]`. */
async function siteNetworks(): Promise<KnownNetwork[]> {
  try {
    const response = await fetch("./networks.json", { cache: "no-store" });
    if (!response.ok) return [];
    const list = (await response.json()) as {
      name?: string;
      chainId: number | string;
      rpc?: string;
      contracts?: Record<string, unknown>;
      blocks?: Record<string, unknown>;
    }[];
    return list.map((entry) => ({
      name: entry.name ?? chainName(BigInt(entry.chainId)) ?? `chain ${entry.chainId}`,
      chainId: BigInt(entry.chainId),
      rpc: entry.rpc,
      contracts: contractsOf(entry.contracts ?? {}),
      blocks: blocksOf(entry.blocks),
      source: "site" as const,
    }));
  } catch {
    return [];
  }
}

/** Every network the page knows: the site's first (the local node, when `npm run portal` found one), then the package's. */
export async function knownNetworks(): Promise<KnownNetwork[]> {
  return [...(await siteNetworks()), ...packageNetworks];
}

/**
 * The known deployment on `chainId`, if any: the package's reviewed record first (a site's networks.json cannot
 * replace it), then the site's entry.
 */
export function deploymentOn(networks: readonly KnownNetwork[], chainId: bigint): KnownNetwork | undefined {
  const on = networks.filter((n) => n.chainId === chainId && Object.keys(n.contracts).length > 0);
  return on.find((n) => n.source === "package") ?? on[0];
}
