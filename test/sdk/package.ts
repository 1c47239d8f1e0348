// What an integrator installs: `npm pack` the package (its prepack builds both targets) and read the tarball. Both
// builds' typed factories are in it (`./typechain-types`, the default build, and `./typechain-types/compat`, the Paris
// build), without test mocks; the compat bytecode has no opcode newer than Paris while the default one has PUSH0 and
// MCOPY; the manifest has no install script, exports ./package.json and declares the Node the SDK needs.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import hre from "hardhat";

import { postParisOpcodes } from "../../scripts/opcodes.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const SUITE = [
  ["evidence", "EvidenceRegistry"],
  ["participants", "ParticipantRegistry"],
  ["bills", "SupplyChainBills"],
  ["copyright", "CopyrightRegistry"],
  ["copyright", "CopyrightDisputes"],
  ["copyright", "CopyrightRelay"],
] as const;

function run(command: string, args: string[], cwd: string): string {
  // No timeout: packing compiles the SDK, whose time depends on the machine.
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  expect(result.status, `${command} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).to.equal(0);
  return result.stdout;
}

/** npm under the pinned Node, so the package's lifecycle scripts run on a Node that Hardhat accepts. */
function npm(args: string[], cwd: string): string {
  const npmCli = process.env.npm_execpath;
  return npmCli?.endsWith(".js") ? run(process.execPath, [npmCli, ...args], cwd) : run("npm", args, cwd);
}

/** The deployment bytecode a packed factory carries (typechain's `_bytecode`). */
function factoryBytecode(source: string): string {
  const match = /const _bytecode = "(0x[0-9a-f]+)"/.exec(source);
  expect(match, "a factory without _bytecode").to.not.equal(null);
  return match![1];
}

describe("the packed package", function () {
  this.timeout(0);
  let unpacked: string;
  let files: string[];

  before(async function () {
    // A coverage run's artifacts are instrumented, unlike the packed bytecode: the pack is checked in plain runs.
    if (hre.globalOptions.coverage) {
      console.log("    skipped under --coverage: the packed bytecode is compared with uninstrumented artifacts");
      this.skip();
    }
    const destination = await mkdtemp(path.join(tmpdir(), "chainproof-pack-"));
    const tarball = npm(["pack", "--silent", "--pack-destination", destination], root).trim().split("\n").at(-1)!;
    expect(tarball).to.equal("chainproof-contracts-0.1.0.tgz");
    run("tar", ["-xzf", path.join(destination, tarball), "-C", destination], root);
    unpacked = path.join(destination, "package");
    files = run("tar", ["-tzf", path.join(destination, tarball)], root)
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => line.replace(/^package\//, ""));
  });

  after(async function () {
    if (unpacked !== undefined) await rm(path.dirname(unpacked), { recursive: true, force: true });
  });

  it("has a manifest without install scripts, with ./package.json exported and the SDK's Node versions", async function () {
    const manifest = JSON.parse(await readFile(path.join(unpacked, "package.json"), "utf8"));
    expect(manifest.scripts ?? {}).to.not.have.any.keys("preinstall", "install", "postinstall", "prepare");
    expect(manifest).to.not.have.property("devDependencies");
    expect(manifest.engines).to.deep.equal({ node: ">=20.19" });
    expect(manifest.exports["./package.json"]).to.equal("./package.json");
    expect(manifest.exports["./typechain-types"]).to.deep.equal({
      types: "./dist/typechain-types/index.d.ts",
      default: "./dist/typechain-types/index.js",
    });
    expect(manifest.exports["./typechain-types/compat"]).to.deep.equal({
      types: "./dist/typechain-types-compat/index.d.ts",
      default: "./dist/typechain-types-compat/index.js",
    });
    // The repository keeps its own manifest (Hardhat's Node, ensure-edr on install) once the pack is done.
    const repository = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
    expect(repository.engines.node).to.equal(">=22.13");
    expect(repository.scripts.postinstall).to.equal("node scripts/ensure-edr.mjs");
  });

  it("holds both targets' typed factories for every contract of the suite, and no mocks", function () {
    for (const dir of ["dist/typechain-types", "dist/typechain-types-compat"]) {
      for (const [suite, name] of SUITE) {
        for (const ext of ["js", "d.ts"]) {
          expect(files).to.include(`${dir}/factories/${suite}/${name}__factory.${ext}`);
        }
      }
      expect(files).to.include(`${dir}/index.d.ts`);
      expect(files.filter((file) => file.startsWith(dir) && /mocks/i.test(file))).to.deep.equal([]);
    }
    expect(files.filter((file) => /(^|\/)(scripts|test|e2e)\//.test(file))).to.deep.equal([]);
    expect(files).to.include("dist/deployments.json");
  });

  it("packs Paris bytecode without post-Paris opcodes in compat, and the default build's PUSH0 and MCOPY", async function () {
    for (const [suite, name] of SUITE) {
      const packed = async (dir: string) =>
        factoryBytecode(await readFile(path.join(unpacked, dir, "factories", suite, `${name}__factory.js`), "utf8"));
      const compat = await packed("dist/typechain-types-compat");
      const current = await packed("dist/typechain-types");
      expect(compat, `${name}: both targets pack the same bytecode`).to.not.equal(current);

      // The runtime code lies inside the creation code; the artifacts say where it is.
      const defaultArtifact = await hre.artifacts.readArtifact(name);
      const compatArtifact = JSON.parse(
        await readFile(path.join(root, "artifacts-compat", "contracts", suite, `${name}.sol`, `${name}.json`), "utf8"),
      ) as { bytecode: string; deployedBytecode: string };
      expect(current).to.equal(defaultArtifact.bytecode);
      expect(compat).to.equal(compatArtifact.bytecode);
      expect(compat).to.contain(compatArtifact.deployedBytecode.slice(2));
      expect([...postParisOpcodes(compat).keys()], `${name} compat constructor`).to.deep.equal([]);
      expect([...postParisOpcodes(compatArtifact.deployedBytecode).keys()], `${name} compat`).to.deep.equal([]);
      expect([...postParisOpcodes(defaultArtifact.deployedBytecode).keys()], `${name} default`).to.include("PUSH0");
    }
    const registry = await hre.artifacts.readArtifact("EvidenceRegistry");
    expect([...postParisOpcodes(registry.deployedBytecode).keys()]).to.include.members(["PUSH0", "MCOPY"]);
  });
});
