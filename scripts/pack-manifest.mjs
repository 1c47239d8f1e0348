// The published manifest is the SDK's, not the repository's: `prepack` swaps package.json for it (keeping the
// original beside it), `postpack` puts the original back. Differences:
// - engines.node: what the SDK needs (its strictest dependency, @noble/hashes 2, declares >= 20.19), not Hardhat's >= 22.13;
// - no install or development scripts (an integrator's `--ignore-scripts` policy, npm's install-script flag):
//   `postinstall` (ensure-edr) is for this repository's own Hardhat only;
// - no devDependencies.
// Usage: node scripts/pack-manifest.mjs publish | restore
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

export const SDK_NODE_ENGINES = ">=20.19";
const manifest = "package.json";
const original = "package.json.repository";

const mode = process.argv[2];
if (mode === "publish") {
  if (existsSync(original)) {
    console.error(
      `pack-manifest: ${original} exists (an interrupted pack?); run \`node scripts/pack-manifest.mjs restore\``,
    );
    process.exit(1);
  }
  const text = readFileSync(manifest, "utf8");
  const pkg = JSON.parse(text);
  writeFileSync(original, text);
  pkg.engines = { ...pkg.engines, node: SDK_NODE_ENGINES };
  delete pkg.scripts;
  delete pkg.devDependencies;
  delete pkg.overrides;
  pkg.files = (pkg.files ?? []).filter((file) => file !== "scripts/ensure-edr.mjs");
  writeFileSync(manifest, JSON.stringify(pkg, null, 2) + "\n");
  console.log(`pack-manifest: published manifest written (engines.node ${SDK_NODE_ENGINES}, no scripts)`);
} else if (mode === "restore") {
  if (existsSync(original)) {
    renameSync(original, manifest);
    console.log("pack-manifest: repository manifest restored");
  }
} else {
  console.error("usage: node scripts/pack-manifest.mjs publish | restore");
  process.exit(1);
}
