// The packed bindings are for integrators: drop the test mocks' types and factories (their sources are not packed
// either) from the compiled dist/typechain-types, and their exports from its index files.
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const bindings = path.join(process.cwd(), "dist", "typechain-types");
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
console.log(`dist/typechain-types: test mocks removed (${stripped} export lines)`);
