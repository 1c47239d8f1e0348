// The browser-safe entry (`@chainproof/contracts/verify`, src/verify.ts) must pull in no Node module, or the portal
// could not load it: walk its static import graph (type-only imports are erased) and fail on any Node builtin.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NODE_BUILTINS = new Set(builtinModules);

/**
 * The runtime module specifiers of a TypeScript source: `import`/`export … from`, minus `import type`/`export type`,
 * and `import("…")` unless `dynamic` is false (what loads with the module itself, not later).
 */
export function runtimeImports(source: string, dynamic = true): string[] {
  const specifiers: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gms;
  for (const match of source.matchAll(statement)) {
    if (match[2] === undefined) specifiers.push(match[4]);
  }
  for (const match of source.matchAll(/^\s*import\s*["']([^"']+)["']/gm)) specifiers.push(match[1]);
  if (dynamic) for (const match of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(match[1]);
  return specifiers;
}

/**
 * Every file reached from `entry` through relative imports, and the bare specifiers each one imports; with `dynamic`
 * false, only through static imports (what a page loads with the entry).
 */
function importGraph(entry: string, dynamic = true): { files: string[]; packages: Map<string, string> } {
  const files: string[] = [];
  const packages = new Map<string, string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    for (const specifier of runtimeImports(readFileSync(file, "utf8"), dynamic)) {
      if (specifier.startsWith(".")) {
        pending.push(path.resolve(path.dirname(file), specifier).replace(/\.js$/, ".ts"));
      } else {
        packages.set(specifier, path.relative(root, file));
      }
    }
  }
  return { files, packages };
}

describe("the browser-safe entry @chainproof/contracts/verify", function () {
  const { files, packages } = importGraph(path.join(root, "src/verify.ts"));

  it("reaches the SDK's own receipt parsing, hashing, reader and verdict code", function () {
    const relative = files.map((f) => path.relative(root, f));
    expect(relative).to.include.members([
      "src/hash.ts",
      "src/evidence/receipt-format.ts",
      "src/evidence/merkle.ts",
      "src/evidence/reader.ts",
      "src/evidence/verifier.ts",
      "src/evidence/verdict.ts",
      "src/evidence/certificate.ts",
      "src/evidence/certificate-link.ts",
    ]);
    expect(relative).to.not.include.members(["src/hash-file.ts"]);
    expect(relative.filter((f) => f.endsWith("client.ts") || f.endsWith("deployments.ts"))).to.deep.equal([]);
  });

  it("imports no Node builtin, directly or through the SDK's files", function () {
    const nodeOnly = [...packages].filter(
      ([specifier]) => specifier.startsWith("node:") || NODE_BUILTINS.has(specifier),
    );
    expect(nodeOnly.map(([specifier, file]) => `${file} imports ${specifier}`)).to.deep.equal([]);
    expect([...packages.keys()].sort()).to.deep.equal(["@pdf-lib/fontkit", "ethers", "hash-wasm", "pdf-lib", "qrcode"]);
  });

  it("loads the QR and PDF code (qrcode, pdf-lib, fontkit) only when a certificate is made, not with the portal's page", function () {
    const lazy = ["qrcode", "pdf-lib", "@pdf-lib/fontkit"];
    for (const entry of ["src/verify.ts", "web/src/main.ts"]) {
      const { files, packages: staticPackages } = importGraph(path.join(root, entry), false);
      expect(
        [...staticPackages]
          .filter(([specifier]) => lazy.includes(specifier))
          .map(([s, file]) => `${file} imports ${s}`),
        entry,
      ).to.deep.equal([]);
      // The link helpers the verify page reads a certificate's link with are in the first load, without that code.
      expect(files.map((f) => path.relative(root, f))).to.include("src/evidence/certificate-link.ts");
    }
    expect(runtimeImports('const q = await import("qrcode");\nimport x from "ethers";', false)).to.deep.equal([
      "ethers",
    ]);
  });

  it("would catch a Node import (the scan is not blind)", function () {
    expect(
      runtimeImports('import { readFile } from "node:fs/promises";\nimport type { X } from "node:os";'),
    ).to.deep.equal(["node:fs/promises"]);
    expect(runtimeImports('export { a,\n b } from "./x.js";\nconst m = await import("node:path");')).to.deep.equal([
      "./x.js",
      "node:path",
    ]);
  });
});
