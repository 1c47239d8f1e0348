// Deployed code size of every deployable contract in the default and the `compat` build, against the EIP-170 limit.
// The default build is read from the artifacts the run already built; the `compat` build is compiled in this process
// through Hardhat's build system (the artifacts stay the default build's) and kept in the cache folder under each
// compilation job's build id, so it is compiled once for a given source and reused by the bench and the tests.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

/** EIP-170: the most code a contract may deploy. */
export const CODE_SIZE_LIMIT = 24_576;
/** Room every deployable contract keeps under the limit, in every build. */
export const MIN_HEADROOM = 2_048;
export const BUILDS = ["default", "compat"] as const;
export type Build = (typeof BUILDS)[number];

/** One contract's deployed size in one build. */
export interface SizeRow {
  contract: string;
  /** Source file, relative to the project root. */
  source: string;
  build: Build;
  /** Length of the deployed (runtime) bytecode. */
  bytes: number;
  /** CODE_SIZE_LIMIT - bytes. */
  headroom: number;
  /** Whether headroom >= MIN_HEADROOM. */
  meetsTarget: boolean;
}

/** A contract compiled with the `compat` profile. */
export interface CompatContract {
  abi: unknown[];
  bytecode: string;
  deployedBytecode: string;
}

interface Deployable {
  contract: string;
  source: string;
  deployedBytecode: string;
}

/** Builds a row from a deployed bytecode (hex, with or without 0x). */
export function sizeRow(contract: string, source: string, build: Build, deployedBytecode: string): SizeRow {
  const hex = deployedBytecode.startsWith("0x") ? deployedBytecode.slice(2) : deployedBytecode;
  const bytes = hex.length / 2;
  const headroom = CODE_SIZE_LIMIT - bytes;
  return { contract, source, build, bytes, headroom, meetsTarget: headroom >= MIN_HEADROOM };
}

/**
 * The deployable contracts, from the default build's artifacts: every contract under `contracts/` but the mocks that
 * has runtime code and an ABI (interfaces and abstract contracts have no code, internal libraries no ABI).
 */
async function deployables(hre: HardhatRuntimeEnvironment): Promise<Deployable[]> {
  const found: Deployable[] = [];
  for (const name of [...(await hre.artifacts.getAllFullyQualifiedNames())].sort()) {
    const artifact = await hre.artifacts.readArtifact(name);
    const source = artifact.inputSourceName?.replace(/^project\//, "") ?? artifact.sourceName;
    if (!source.startsWith("contracts/") || source.startsWith("contracts/mocks/")) continue;
    if (artifact.deployedBytecode.length <= 2 || artifact.abi.length === 0) continue;
    found.push({ contract: artifact.contractName, source, deployedBytecode: artifact.deployedBytecode });
  }
  return found;
}

let compatBuild: Promise<Map<string, CompatContract>> | undefined;

/**
 * Every contract under `contracts/` (mocks included) built with the `compat` profile, by name. Compiled once per
 * process, and not at all when the cache holds the same compilation jobs' output.
 */
export function compatContracts(hre: HardhatRuntimeEnvironment): Promise<Map<string, CompatContract>> {
  compatBuild ??= buildCompat(hre);
  return compatBuild;
}

/** One contract of the `compat` build. */
export async function compatContract(hre: HardhatRuntimeEnvironment, contract: string): Promise<CompatContract> {
  const compiled = (await compatContracts(hre)).get(contract);
  if (compiled === undefined) throw new Error(`${contract} is not in the compat build of contracts/`);
  return compiled;
}

async function buildCompat(hre: HardhatRuntimeEnvironment): Promise<Map<string, CompatContract>> {
  const contractsDir = path.join(hre.config.paths.root, "contracts") + path.sep;
  const roots = (await hre.solidity.getRootFilePaths()).filter((root) => root.startsWith(contractsDir)).sort();
  const options = { buildProfile: "compat", quiet: true };
  const jobs = await hre.solidity.getCompilationJobs(roots, options);
  if (!jobs.success) throw new Error(`cannot build the compat profile: ${jobs.formattedReason}`);
  // Files the last build left cached have no job of their own: take their individual job.
  const unique = new Set(
    roots.map((root) => jobs.compilationJobsPerFile.get(root) ?? jobs.indexedIndividualJobs.get(root)),
  );
  const cacheDir = path.join(hre.config.paths.cache, "compat-build");
  const contracts = new Map<string, CompatContract>();
  for (const job of unique) {
    if (job === undefined) continue;
    const file = path.join(cacheDir, `${await job.getBuildId()}.json`);
    let compiled: Record<string, CompatContract>;
    try {
      compiled = JSON.parse(await readFile(file, "utf8")) as Record<string, CompatContract>;
    } catch {
      const { output } = await hre.solidity.runCompilationJob(job, options);
      const errors = (output.errors ?? []).filter((e) => e.severity === "error");
      if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
      const rootSources = new Set(Object.values(job.dependencyGraph.getRootsUserSourceNameMap()));
      compiled = {};
      for (const [sourceName, byName] of Object.entries(output.contracts ?? {})) {
        if (!rootSources.has(sourceName)) continue;
        for (const [name, c] of Object.entries(byName)) {
          compiled[name] = {
            abi: c.abi as unknown[],
            bytecode: `0x${c.evm?.bytecode?.object ?? ""}`,
            deployedBytecode: `0x${c.evm?.deployedBytecode?.object ?? ""}`,
          };
        }
      }
      await mkdir(cacheDir, { recursive: true });
      await writeFile(file, JSON.stringify(compiled));
    }
    for (const [name, c] of Object.entries(compiled)) contracts.set(name, c);
  }
  return contracts;
}

/** Every deployable contract's size and headroom in the default build, then in the `compat` build. */
export async function measureSizes(hre: HardhatRuntimeEnvironment): Promise<SizeRow[]> {
  const list = await deployables(hre);
  const compat = await compatContracts(hre);
  const rows = list.map((d) => sizeRow(d.contract, d.source, "default", d.deployedBytecode));
  for (const d of list) {
    const compiled = compat.get(d.contract);
    if (compiled === undefined) throw new Error(`${d.contract} is missing from the compat build`);
    rows.push(sizeRow(d.contract, d.source, "compat", compiled.deployedBytecode));
  }
  return rows;
}
