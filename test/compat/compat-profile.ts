// The `compat` build profile targets pre-Shanghai EVMs (no PUSH0, MCOPY or transient storage), as consortium chains
// such as FISCO BCOS and BSN networks run. These tests compile the suites with that profile through Hardhat's own build
// system and run them on a chain configured with the `merge` (Paris) hardfork.
import path from "node:path";

import { expect } from "chai";
import type { InterfaceAbi } from "ethers";
import hre, { network } from "hardhat";

import { EvidenceClient } from "../../src/evidence/client.js";
import { signAnchor } from "../../src/evidence/signing.js";

const { ethers } = await network.create("preShanghai");

interface CompiledContract {
  abi: InterfaceAbi;
  evm: { bytecode: { object: string } };
}

/** Compiles `sourceFile` with the `compat` profile without touching the default artifacts. */
async function compileCompat(sourceFile: string, contractName: string): Promise<CompiledContract> {
  const root = path.join(hre.config.paths.root, sourceFile);
  const jobs = await hre.solidity.getCompilationJobs([root], { buildProfile: "compat", quiet: true });
  if (!("compilationJobsPerFile" in jobs)) throw new Error(`cannot build ${sourceFile}: ${JSON.stringify(jobs)}`);
  const job = jobs.compilationJobsPerFile.get(root);
  if (job === undefined) throw new Error(`no compilation job for ${sourceFile}`);
  const { output } = await hre.solidity.runCompilationJob(job, { buildProfile: "compat", quiet: true });
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  for (const contracts of Object.values(output.contracts ?? {})) {
    const compiled = contracts[contractName] as CompiledContract | undefined;
    if (compiled !== undefined) return compiled;
  }
  throw new Error(`${contractName} not found in the output of ${sourceFile}`);
}

const POST_PARIS_OPCODES: Record<number, string> = { 0x5c: "TLOAD", 0x5d: "TSTORE", 0x5e: "MCOPY", 0x5f: "PUSH0" };

/** Opcodes newer than Paris in `bytecode`, read as code (PUSH data and the trailing CBOR metadata skipped). */
function postParisOpcodes(bytecode: string): string[] {
  const code = ethers.getBytes(bytecode.startsWith("0x") ? bytecode : `0x${bytecode}`);
  const metadataLength = (code[code.length - 2] << 8) + code[code.length - 1] + 2;
  const found = new Set<string>();
  for (let pc = 0; pc < code.length - metadataLength; pc++) {
    const op = code[pc];
    if (POST_PARIS_OPCODES[op] !== undefined) found.add(POST_PARIS_OPCODES[op]);
    if (op >= 0x60 && op <= 0x7f) pc += op - 0x5f;
  }
  return [...found];
}

describe("compat build profile on a pre-Shanghai chain", function () {
  let registryCompat: CompiledContract;

  before(async function () {
    registryCompat = await compileCompat("contracts/evidence/EvidenceRegistry.sol", "EvidenceRegistry");
  });

  it("runs on the merge hardfork, where the default build cannot deploy", async function () {
    expect(hre.config.networks.preShanghai).to.include({ type: "edr-simulated", hardfork: "merge" });
    // The default profile targets Prague and emits PUSH0, which does not exist before Shanghai.
    const defaultBuild = await hre.artifacts.readArtifact("EvidenceRegistry");
    expect(postParisOpcodes(defaultBuild.bytecode)).to.include("PUSH0");
    await expect(ethers.deployContract("EvidenceRegistry")).to.be.rejectedWith(/reverted/);
    expect(postParisOpcodes(registryCompat.evm.bytecode.object)).to.deep.equal([]);
  });

  it("deploys EvidenceRegistry and anchors, verifies and relays signatures", async function () {
    const [submitter, relayer] = await ethers.getSigners();
    const factory = new ethers.ContractFactory(registryCompat.abi, registryCompat.evm.bytecode.object, submitter);
    const registry = await factory.deploy();
    await registry.waitForDeployment();
    const address = await registry.getAddress();
    const typed = await ethers.getContractAt("EvidenceRegistry", address);

    const digest = ethers.keccak256(ethers.toUtf8Bytes("compat"));
    await expect(typed.anchor(digest, 2, ethers.ZeroHash))
      .to.emit(typed, "Anchored")
      .withArgs(digest, submitter.address, 2, ethers.ZeroHash);
    expect((await typed.verify(digest)).submitter).to.equal(submitter.address);

    // ecrecover and EIP-712 hashing through OpenZeppelin work on the old EVM too.
    const other = ethers.keccak256(ethers.toUtf8Bytes("compat, by signature"));
    const deadline = BigInt((await ethers.provider.getBlock("latest"))!.timestamp + 600);
    const signed = await signAnchor(submitter, typed, { digest: other, algorithm: 4, deadline });
    await new EvidenceClient(address, relayer).relayAnchor(signed);
    const verification = await typed.verify(other);
    expect(verification.submitter).to.equal(submitter.address);
    expect(verification.algorithm).to.equal(4n);
  });
});
