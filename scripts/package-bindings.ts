// Builds what the package ships from the compiled SDK and both builds' bindings, replacing strip-mock-bindings:
// - dist/src and dist/typechain-types: the SDK and the default build's bindings (Cancun), from tsconfig.build.json;
// - dist/typechain-types-compat: the `compat` build's bindings (evmVersion paris), exported as
//   `@chainproof/contracts/typechain-types/compat`, for chains without PUSH0/MCOPY (FISCO BCOS, BSN, ...).
// Both are typed (.d.ts) and have the test mocks removed (their sources are not packed either). Run after
// `hardhat build` and `hardhat build --build-profile compat`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const root = process.cwd();
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

function compile(args: string[]): void {
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`tsc ${args.join(" ")} failed (exit ${result.status})`);
}

/** Drops the mocks' types and factories from compiled bindings, and their exports from the index files. */
async function stripMocks(bindings: string): Promise<number> {
  await rm(path.join(bindings, "mocks"), { recursive: true, force: true });
  await rm(path.join(bindings, "factories", "mocks"), { recursive: true, force: true });
  let stripped = 0;
  for (const index of ["index.js", "index.d.ts", "factories/index.js", "factories/index.d.ts"]) {
    const file = path.join(bindings, index);
    if (!existsSync(file)) continue;
    const lines = (await readFile(file, "utf8")).split("\n");
    const kept = lines.filter((line) => !/['"]\.\/(factories\/)?mocks\//.test(line) && !/\bmocks\b/.test(line));
    stripped += lines.length - kept.length;
    await writeFile(file, kept.join("\n"));
  }
  return stripped;
}

for (const dir of ["typechain-types", "typechain-types-compat"]) {
  if (!existsSync(path.join(root, dir, "index.ts"))) {
    const profile = dir.endsWith("-compat") ? " --build-profile compat" : "";
    throw new Error(`${dir}/ is missing: run \`npx hardhat build${profile}\` first`);
  }
}

compile(["-p", "tsconfig.build.json"]);
// The compat bindings on their own: from the index (hardhat.d.ts, Hardhat's type extension, is not reachable).
compile([
  ...["--outDir", "dist/typechain-types-compat", "--rootDir", "typechain-types-compat", "--declaration"],
  ...["--module", "node16", "--target", "es2022", "--lib", "es2023", "--strict", "--skipLibCheck", "--types", "node"],
  "typechain-types-compat/index.ts",
]);

for (const dir of ["typechain-types", "typechain-types-compat"]) {
  const stripped = await stripMocks(path.join(root, "dist", dir));
  console.log(`dist/${dir}: compiled, test mocks removed (${stripped} export lines)`);
}
