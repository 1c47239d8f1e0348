// The copyright suite under the `compat` build profile (Paris: no PUSH0, MCOPY or transient storage) on a chain
// running the merge hardfork, which enforces the 24,576-byte code-size limit at deployment.
import path from "node:path";

import { expect } from "chai";
import type { InterfaceAbi } from "ethers";
import hre, { network } from "hardhat";

import { CopyrightClient } from "../../src/copyright/client.js";

const { ethers, networkHelpers } = await network.create("preShanghai");

interface Compiled {
  abi: InterfaceAbi;
  evm: { bytecode: { object: string }; deployedBytecode: { object: string } };
}

async function compileCompat(sourceFile: string, contractName: string): Promise<Compiled> {
  const root = path.join(hre.config.paths.root, sourceFile);
  const jobs = await hre.solidity.getCompilationJobs([root], { buildProfile: "compat", quiet: true });
  if (!("compilationJobsPerFile" in jobs)) throw new Error(`cannot build ${sourceFile}`);
  const job = jobs.compilationJobsPerFile.get(root)!;
  const { output } = await hre.solidity.runCompilationJob(job, { buildProfile: "compat", quiet: true });
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  for (const contracts of Object.values(output.contracts ?? {})) {
    const compiled = contracts[contractName] as Compiled | undefined;
    if (compiled !== undefined) return compiled;
  }
  throw new Error(`${contractName} not found in the output of ${sourceFile}`);
}

/** Opcodes newer than Paris in `bytecode`, read as code (PUSH data and the trailing CBOR metadata skipped). */
function postParisOpcodes(bytecode: string): string[] {
  const names: Record<number, string> = { 0x5c: "TLOAD", 0x5d: "TSTORE", 0x5e: "MCOPY", 0x5f: "PUSH0" };
  const code = ethers.getBytes(`0x${bytecode.replace(/^0x/, "")}`);
  const metadataLength = (code[code.length - 2] << 8) + code[code.length - 1] + 2;
  const found = new Set<string>();
  for (let pc = 0; pc < code.length - metadataLength; pc++) {
    if (names[code[pc]] !== undefined) found.add(names[code[pc]]);
    if (code[pc] >= 0x60 && code[pc] <= 0x7f) pc += code[pc] - 0x5f;
  }
  return [...found];
}

describe("copyright suite, compat build on a pre-Shanghai chain", function () {
  this.timeout(300_000);
  const compiled: Record<string, Compiled> = {};

  before(async function () {
    for (const name of ["CopyrightRegistry", "CopyrightDisputes", "CopyrightRelay"]) {
      compiled[name] = await compileCompat(`contracts/copyright/${name}.sol`, name);
    }
    compiled.EvidenceRegistry = await compileCompat("contracts/evidence/EvidenceRegistry.sol", "EvidenceRegistry");
  });

  it("has no post-Paris opcodes and fits the code-size limit", function () {
    for (const [name, c] of Object.entries(compiled)) {
      expect(postParisOpcodes(c.evm.deployedBytecode.object), name).to.deep.equal([]);
      // Coverage instruments the code, which then no longer fits; the limit holds for the real build.
      if (!hre.globalOptions.coverage) expect(c.evm.deployedBytecode.object.length / 2, name).to.be.at.most(24_576);
    }
  });

  it("deploys and registers, licenses, disputes and freezes", async function () {
    const [admin, author, licensee] = await ethers.getSigners();
    const deploy = async (name: string, args: unknown[]) => {
      const factory = new ethers.ContractFactory(compiled[name].abi, compiled[name].evm.bytecode.object, admin);
      const contract = await factory.deploy(...args);
      await contract.waitForDeployment();
      return contract.getAddress();
    };
    const evidence = await deploy("EvidenceRegistry", []);
    const registry = await deploy("CopyrightRegistry", [admin.address, admin.address, 86_400n]);
    const disputes = await deploy("CopyrightDisputes", [admin.address, admin.address, registry, evidence]);
    const typed = await ethers.getContractAt("CopyrightRegistry", registry);
    await (await typed.grantRole(ethers.id("RULING_ROLE"), disputes)).wait();

    const client = (signer: typeof admin) => new CopyrightClient({ registry, disputes }, signer);
    const digest = ethers.id("compat song");
    const authors = [{ account: author.address, shares: 10_000 }];
    const { workId } = await client(author).registerWork({ digest, algorithm: "sm3", authors });
    const { termsId } = await client(author).registerTerms({ fee: 1_000n, duration: 3_600n });
    await client(author).attachTerms(workId, termsId);
    // Licensing waits for settlement: the reveal window (one day) after the registration.
    await networkHelpers.time.increaseTo((await client(author).getWork(workId)).settledAt);
    await client(licensee).purchaseLicense(workId, termsId);
    expect(await client(licensee).isLicensed(workId, licensee.address, termsId)).to.equal(true);
    expect((await client(author).withdraw()).amount).to.equal(1_000n);

    const evidenceRegistry = await ethers.getContractAt("EvidenceRegistry", evidence);
    const evidenceId = ethers.id("earlier draft");
    await (await evidenceRegistry.anchor(evidenceId, 2, ethers.ZeroHash)).wait();
    const { disputeId } = await client(licensee).raiseDispute(workId, evidenceId);
    await client(admin).resolveDispute(disputeId, true);
    expect((await client(admin).getWork(workId)).frozen).to.equal(true);
  });
});
