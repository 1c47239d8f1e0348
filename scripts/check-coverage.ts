// Holds each contract suite to its coverage floors after `hardhat test --coverage`: lines from coverage/lcov.info, and
// branches measured here, because EDR reports statements but no branches yet (Hardhat's lcov writer has its BRDA lines
// commented out). A branch is one outcome of an `if`: taken when the first statement of that outcome ran; the
// implicit `else` of an `if` without one is taken when the `if` ran more often than its body. The statement hit
// counts come from coverage/data (tags by EDR's instrumentation, which is deterministic, so re-instrumenting a
// source here reproduces its tags); the `if`s come from solc's parse of the same source. Ternaries and
// short-circuit operands are expressions, which EDR does not tag, so they are not counted.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { addStatementCoverageInstrumentation } from "@nomicfoundation/edr";

const MIN_LINES = 95;
const MIN_BRANCHES = 90;
const root = process.cwd();
const coverageDir = path.join(root, "coverage");

function suiteOf(file: string): string | undefined {
  const match = /(?:^|\/)contracts\/([^/]+)\//.exec(file.replace(/\\/g, "/"));
  return match !== null && match[1] !== "mocks" ? `contracts/${match[1]}` : undefined;
}

interface Totals {
  found: number;
  hit: number;
}
const add = (map: Map<string, Totals>, key: string, hit: boolean) => {
  const totals = map.get(key) ?? { found: 0, hit: 0 };
  totals.found++;
  if (hit) totals.hit++;
  map.set(key, totals);
};

// Lines.
const lcovFile = path.join(coverageDir, "lcov.info");
if (!existsSync(lcovFile)) {
  console.error("error: coverage/lcov.info not found; run `hardhat test --coverage` first");
  process.exit(1);
}
const lines = new Map<string, Totals>();
let suite: string | undefined;
for (const line of (await readFile(lcovFile, "utf8")).split("\n")) {
  if (line.startsWith("SF:")) suite = suiteOf(line.slice(3));
  else if (suite !== undefined && line.startsWith("DA:")) add(lines, suite, Number(line.split(",")[1]) > 0);
}

// Statement hit counts of every run (mocha and solidity), by tag.
const hits = new Map<string, number>();
for (const run of existsSync(path.join(coverageDir, "data")) ? await readdir(path.join(coverageDir, "data")) : []) {
  for (const file of await readdir(path.join(coverageDir, "data", run))) {
    const counts = JSON.parse(await readFile(path.join(coverageDir, "data", run, file), "utf8")) as Record<
      string,
      number
    >;
    for (const [tag, count] of Object.entries(counts)) hits.set(tag, (hits.get(tag) ?? 0) + count);
  }
}

// Branches.
interface Statement {
  start: number;
  end: number;
  count: number;
}
interface AstNode {
  nodeType: string;
  src: string;
  statements?: AstNode[];
  trueBody?: AstNode;
  falseBody?: AstNode | null;
  [key: string]: unknown;
}

const require = createRequire(import.meta.url);
const solc = require("solc") as { compile(input: string, callbacks: object): string };
const solcVersion = (require("solc/package.json") as { version: string }).version;

async function solidityFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "mocks" ? [] : solidityFiles(full);
      return entry.name.endsWith(".sol") ? [full] : [];
    }),
  );
  return nested.flat();
}

/** UTF-16 offset of every UTF-8 byte offset of `text` (solc counts bytes, EDR counts UTF-16 units). */
function byteToUtf16(text: string): number[] {
  const map: number[] = [];
  let utf16 = 0;
  for (const char of text) {
    const bytes = Buffer.byteLength(char, "utf8");
    for (let i = 0; i < bytes; i++) map.push(utf16);
    utf16 += char.length;
  }
  map.push(utf16);
  return map;
}

const branches = new Map<string, Totals>();
const missed = new Map<string, string[]>();
for (const file of await solidityFiles(path.join(root, "contracts"))) {
  const relative = path.relative(root, file).replace(/\\/g, "/");
  const source = await readFile(file, "utf8");
  const { metadata } = addStatementCoverageInstrumentation(source, `project/${relative}`, solcVersion);
  const statements: Statement[] = metadata
    .filter((m) => m.kind === "statement")
    .map((m) => ({
      start: m.startUtf16,
      end: m.endUtf16,
      count: hits.get(Buffer.from(m.tag).toString("hex")) ?? 0,
    }));
  if (statements.length === 0) continue;

  const output = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: "Solidity",
        sources: { [relative]: { content: source } },
        settings: { stopAfter: "parsing", outputSelection: { "*": { "": ["ast"] } } },
      }),
      { import: () => ({ contents: "" }) },
    ),
  ) as { sources?: Record<string, { ast: AstNode }>; errors?: { severity: string; formattedMessage: string }[] };
  const ast = output.sources?.[relative]?.ast;
  if (ast === undefined) {
    const errors = (output.errors ?? []).filter((e) => e.severity === "error").map((e) => e.formattedMessage);
    throw new Error(`solc could not parse ${relative}: ${errors.join("\n")}`);
  }
  const offsets = byteToUtf16(source);
  const range = (node: AstNode) => {
    const [start, length] = node.src.split(":").map(Number);
    return { start: offsets[start], end: offsets[start + length] };
  };
  const lineOf = (offset: number) => source.slice(0, offset).split("\n").length;
  // The innermost instrumented statement that covers the whole node.
  const statementOf = (node: AstNode): Statement | undefined => {
    const { start, end } = range(node);
    let best: Statement | undefined;
    for (const s of statements) {
      if (s.start <= start && s.end >= end && (best === undefined || s.end - s.start < best.end - best.start)) best = s;
    }
    return best;
  };
  const firstStatement = (node: AstNode): AstNode | undefined =>
    node.nodeType === "Block" || node.nodeType === "UncheckedBlock"
      ? node.statements?.[0] && firstStatement(node.statements[0])
      : node;
  const fileSuite = suiteOf(relative)!;
  const record = (taken: boolean, what: string, node: AstNode) => {
    add(branches, fileSuite, taken);
    if (!taken)
      missed.set(fileSuite, [...(missed.get(fileSuite) ?? []), `${relative}:${lineOf(range(node).start)} ${what}`]);
  };

  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const n = node as AstNode;
    if (n.nodeType === "IfStatement" && n.trueBody !== undefined) {
      const ifStatement = statementOf(n);
      const trueFirst = firstStatement(n.trueBody);
      const trueCount = trueFirst === undefined ? undefined : statementOf(trueFirst)?.count;
      const falseFirst = n.falseBody ? firstStatement(n.falseBody) : undefined;
      if (ifStatement !== undefined && trueCount !== undefined) {
        record(trueCount > 0, "if-branch never taken", n);
        const falseTaken = n.falseBody
          ? falseFirst !== undefined && (statementOf(falseFirst)?.count ?? 0) > 0
          : ifStatement.count > trueCount;
        record(falseTaken, n.falseBody ? "else-branch never taken" : "condition never false", n);
      }
    }
    for (const value of Object.values(n)) if (typeof value === "object") visit(value);
  };
  visit(ast);
}

let failed = false;
for (const name of [...new Set([...lines.keys(), ...branches.keys()])].sort()) {
  const report = (label: string, totals: Totals | undefined, min: number) => {
    if (totals === undefined || totals.found === 0) return `${label} n/a`;
    const percent = (100 * totals.hit) / totals.found;
    failed ||= percent < min;
    const shown = `${label} ${percent.toFixed(1).padStart(5)}% (${totals.hit}/${totals.found})`;
    return percent < min ? `${shown} below ${min}%` : shown;
  };
  console.log(
    `${name.padEnd(24)} ${report("lines", lines.get(name), MIN_LINES).padEnd(32)} ${report("branches", branches.get(name), MIN_BRANCHES)}`,
  );
  for (const miss of missed.get(name) ?? []) console.log(`  ${miss}`);
}
if (lines.size === 0) {
  console.error("error: no contract lines in coverage/lcov.info");
  failed = true;
}
process.exitCode = failed ? 1 : 0;
