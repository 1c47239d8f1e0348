// `npm run bench:sdk` (also run by `npm run bench` unless BENCH_SDK=0): the SDK at scale, each figure beside a
// reference measured in the same run: hashFile's MB/s per algorithm on a large page-cached file against Node's
// in-process limit (its own hash fed from one reused 1 MiB buffer) and `openssl dgst`; anchorFolder over 1k, 10k and
// 100k files of 1 KiB against `find … | xargs -0 sha256sum`, with peak memory; proof generation against
// @openzeppelin/merkle-tree; 1,000,000 digests in one batch; and a history query on a long chain when bench/history.ts
// exists. Writes reports/sdk.json and prints a table. Targets are reported, not asserted (issue 13).
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomFillSync } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { createKeccak } from "hash-wasm";
import { network } from "hardhat";

import { EvidenceClient } from "../src/evidence/client.js";
import { EvidenceBatch } from "../src/evidence/merkle.js";
import { hashFile, type HashAlgorithmName } from "../src/hash-file.js";
import { printColumns } from "./report.js";

/** One measured figure beside its reference. `ratio` is value / referenceValue. */
export interface SdkRow {
  group: string;
  measure: string;
  value: number | null;
  unit: string;
  reference?: string;
  referenceValue?: number;
  referenceUnit?: string;
  ratio?: number;
  /** E.g. ">= 0.9 x reference", "<= 4 x reference", "<= 400 MB". */
  target?: string;
  met?: boolean;
  note?: string;
}

const MiB = 1 << 20;
const LARGE_FILE_MIB = Number(process.env.BENCH_SDK_FILE_MIB ?? 512);
const REPEATS = 5;
const FOLDER_SIZES = [1_000, 10_000, 100_000];
const MILLION = 1_000_000;
const ALGORITHMS: HashAlgorithmName[] = ["sha256", "sha3-256", "sm3", "keccak256"];
const OPENSSL: Partial<Record<HashAlgorithmName, string>> = { sha256: "-sha256", "sha3-256": "-sha3-256", sm3: "-sm3" };

const round = (n: number, digits = 3) => Number(n.toPrecision(digits));
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Peak resident memory while `run` runs (sampled, and the process's own high-water mark if it rose). */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ result: T; baseline: number; peak: number }> {
  const baseline = process.memoryUsage.rss();
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage.rss());
    const maxAfter = process.resourceUsage().maxRSS * 1024;
    if (maxAfter > maxBefore) peak = Math.max(peak, maxAfter);
    return { result, baseline, peak };
  } finally {
    clearInterval(timer);
  }
}

/** Node's in-process limit: its own hash (or hash-wasm's keccak) fed from one reused 1 MiB buffer, synchronously. */
async function inProcessLimit(file: string, algorithm: HashAlgorithmName): Promise<number> {
  const buffer = Buffer.allocUnsafe(MiB);
  const hash =
    algorithm === "keccak256"
      ? await createKeccak(256)
      : (() => {
          const h = createHash(algorithm);
          return { update: (b: Uint8Array) => h.update(b), digest: () => h.digest() };
        })();
  const start = process.hrtime.bigint();
  const fd = openSync(file, "r");
  for (let n; (n = readSync(fd, buffer, 0, MiB, null)) > 0;) hash.update(buffer.subarray(0, n));
  closeSync(fd);
  hash.digest();
  return seconds(start);
}

function opensslTime(file: string, flag: string): number {
  const start = process.hrtime.bigint();
  const out = spawnSync("openssl", ["dgst", flag, file], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`openssl dgst ${flag} failed: ${out.stderr}`);
  return seconds(start);
}

async function benchHashing(dir: string): Promise<SdkRow[]> {
  const file = path.join(dir, "large.bin");
  const bytes = LARGE_FILE_MIB * MiB;
  const chunk = Buffer.allocUnsafe(64 * MiB);
  const fd = openSync(file, "w");
  for (let written = 0; written < bytes; written += chunk.length) {
    randomFillSync(chunk);
    writeFileSync(fd, chunk.subarray(0, Math.min(chunk.length, bytes - written)));
  }
  closeSync(fd);
  execFileSync("cat", [file], { stdio: "ignore" }); // page-cache it

  // Paired: each repetition times the SDK and its reference back to back (alternating which goes first), so both meet
  // the same machine state; the reported pair is the one with the median ratio. openssl: best of the repetitions.
  const pairs: Record<HashAlgorithmName, { sdk: number; limit: number }[]> = {
    sha256: [],
    "sha3-256": [],
    sm3: [],
    keccak256: [],
  };
  const wasmKeccak: number[] = [];
  const openssl: Record<string, number> = {};
  for (let r = 0; r < REPEATS; r++) {
    for (const algorithm of ALGORITHMS) {
      // keccak256's reference is Node's sha3-256 (OpenSSL has no keccak).
      const reference = algorithm === "keccak256" ? "sha3-256" : algorithm;
      const sdk = async () => {
        const start = process.hrtime.bigint();
        await hashFile(file, algorithm);
        return seconds(start);
      };
      let pair;
      if (r % 2 === 0) {
        const limit = await inProcessLimit(file, reference);
        pair = { limit, sdk: await sdk() };
      } else {
        const first = await sdk();
        pair = { sdk: first, limit: await inProcessLimit(file, reference) };
      }
      pairs[algorithm].push(pair);
      if (algorithm === "keccak256") wasmKeccak.push(await inProcessLimit(file, "keccak256"));
      const flag = OPENSSL[algorithm];
      if (flag !== undefined) openssl[algorithm] = Math.min(openssl[algorithm] ?? Infinity, opensslTime(file, flag));
    }
  }
  const mbps = (time: number) => round(bytes / 1e6 / time, 4);
  const rows: SdkRow[] = [];
  for (const algorithm of ALGORITHMS) {
    const keccak = algorithm === "keccak256";
    const sorted = [...pairs[algorithm]].sort((x, y) => x.limit / x.sdk - y.limit / y.sdk);
    const median = sorted[Math.floor(sorted.length / 2)];
    const value = mbps(median.sdk);
    const reference = mbps(median.limit);
    const target = keccak ? 0.5 : 0.9;
    const flag = OPENSSL[algorithm];
    const ratios = pairs[algorithm].map((p) => round(p.limit / p.sdk, 2)).join(", ");
    rows.push({
      group: "hashFile",
      measure: `${algorithm}, ${LARGE_FILE_MIB} MiB file`,
      value,
      unit: "MB/s",
      reference: keccak
        ? "Node's sha3-256 from one reused 1 MiB buffer"
        : `Node's ${algorithm} from one reused 1 MiB buffer`,
      referenceValue: reference,
      referenceUnit: "MB/s",
      ratio: round(median.limit / median.sdk),
      target: `>= ${target} x reference`,
      met: median.limit / median.sdk >= target,
      note: [
        `median of ${REPEATS} paired runs (ratios ${ratios})`,
        flag === undefined ? "openssl dgst: no keccak256" : `openssl dgst ${flag}: ${mbps(openssl[algorithm])} MB/s`,
        keccak ? `hash-wasm keccak from one 1 MiB buffer: ${mbps(Math.min(...wasmKeccak))} MB/s` : undefined,
      ]
        .filter((n) => n !== undefined)
        .join("; "),
    });
  }
  await rm(file);
  return rows;
}

async function makeFolder(folder: string, count: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  const content = Buffer.alloc(1024);
  for (let i = 0; i < count; i++) {
    content.writeUInt32BE(i, 0);
    content.writeUInt32BE(count, 4);
    writeFileSync(path.join(folder, `doc-${String(i).padStart(6, "0")}.bin`), content);
  }
}

function sha256sumTime(folder: string): number {
  const start = process.hrtime.bigint();
  const out = spawnSync("sh", ["-c", `find "${folder}" -type f -print0 | xargs -0 sha256sum > /dev/null`]);
  if (out.status !== 0) throw new Error(`sha256sum over ${folder} failed: ${out.stderr}`);
  return seconds(start);
}

async function benchFolders(dir: string): Promise<SdkRow[]> {
  const { ethers } = await network.create();
  const [signer] = await ethers.getSigners();
  const registry = await ethers.deployContract("EvidenceRegistry");
  const client = new EvidenceClient(await registry.getAddress(), signer);
  const rows: SdkRow[] = [];
  for (const count of FOLDER_SIZES) {
    const folder = path.join(dir, `folder-${count}`);
    await makeFolder(folder, count);
    const before = sha256sumTime(folder); // also warms the page cache
    const receiptsFile = path.join(dir, `receipts-${count}.jsonl`);
    const start = process.hrtime.bigint();
    const { result, baseline, peak } = await withPeakRss(() =>
      client.anchorFolder(folder, { algorithm: "sha256", receiptsFile }),
    );
    const time = seconds(start);
    const reference = Math.min(before, sha256sumTime(folder));
    if (result.size !== count) throw new Error(`anchored ${result.size} of ${count} files`);
    const growth = (peak - baseline) / 1e6;
    const big = count === 100_000;
    const files = count.toLocaleString("en-US");
    rows.push({
      group: "anchorFolder",
      measure: `${files} files of 1 KiB (sha256, receipts streamed to a JSON Lines file)`,
      value: round(time),
      unit: "s",
      reference: "find … | xargs -0 sha256sum",
      referenceValue: round(reference),
      referenceUnit: "s",
      ratio: round(time / reference),
      target: big ? "<= 4 x reference" : undefined,
      met: big ? time <= 4 * reference : undefined,
      note: `${Math.round(count / time).toLocaleString("en-US")} files/s`,
    });
    rows.push({
      group: "anchorFolder",
      measure: `${files} files: memory growth (peak RSS over the start)`,
      value: round(growth),
      unit: "MB",
      target: big ? "<= 400 MB" : undefined,
      met: big ? growth <= 400 : undefined,
      note: `peak RSS of the whole process ${round(peak / 1e6)} MB (Hardhat's in-process chain included), start ${round(baseline / 1e6)} MB`,
    });
    await rm(receiptsFile);

    if (big) {
      // The same folder with one receipt file per document (the CLI's layout): adds a file creation per document.
      const receiptsDir = path.join(dir, `receipts-${count}`);
      // A second registry: the first already holds this folder's root.
      const other = await ethers.deployContract("EvidenceRegistry");
      const second = new EvidenceClient(await other.getAddress(), signer);
      const t0 = process.hrtime.bigint();
      const perFile = await withPeakRss(() => second.anchorFolder(folder, { algorithm: "sha256", receiptsDir }));
      const perFileTime = seconds(t0);
      await rm(receiptsDir, { recursive: true });
      const createStart = process.hrtime.bigint();
      await makeFolder(receiptsDir, count);
      const createTime = seconds(createStart);
      await rm(receiptsDir, { recursive: true });
      rows.push({
        group: "anchorFolder",
        measure: `${files} files of 1 KiB (sha256, one receipt file per document)`,
        value: round(perFileTime),
        unit: "s",
        reference: "find … | xargs -0 sha256sum",
        referenceValue: round(reference),
        referenceUnit: "s",
        ratio: round(perFileTime / reference),
        note: `memory growth ${round((perFile.peak - perFile.baseline) / 1e6)} MB; creating ${files} files of 1 KiB alone took ${round(createTime)} s here`,
      });
    }
    await rm(folder, { recursive: true });
  }
  return rows;
}

function packedDigests(count: number): Uint8Array {
  const packed = new Uint8Array(count * 32);
  for (let offset = 0; offset < packed.length; offset += 1 << 16) {
    randomFillSync(packed.subarray(offset, Math.min(packed.length, offset + (1 << 16))));
  }
  return packed;
}

function hexDigests(packed: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < packed.length; i += 32) out.push("0x" + Buffer.from(packed.subarray(i, i + 32)).toString("hex"));
  return out;
}

/** Digest counts whose tree is timed (build, then every proof); up to `OZ_COMPARED`, beside OpenZeppelin's. */
const TREE_SIZES = [10_000, 100_000];
/** OpenZeppelin's tree takes tens of seconds beyond this; the ratio at this size stands for larger ones. */
const OZ_COMPARED = 10_000;

/** Times building a tree and then every proof of it, in seconds; returns its root. */
function timeTree<T extends { root: string }>(
  build: () => T,
  proofs: (tree: T) => void,
): { root: string; build: number; proofs: number } {
  let start = process.hrtime.bigint();
  const tree = build();
  const built = seconds(start);
  start = process.hrtime.bigint();
  proofs(tree);
  return { root: tree.root, build: built, proofs: seconds(start) };
}

async function benchProofs(): Promise<SdkRow[]> {
  const rows: SdkRow[] = [];
  for (const count of TREE_SIZES) {
    const packed = packedDigests(count);
    const n = count.toLocaleString("en-US");
    // Compared with OZ: the same hex digests through both (build, then a proof of each).
    const compared = count <= OZ_COMPARED;
    const input = compared ? hexDigests(packed) : packed;
    const oz = compared
      ? timeTree(
          () =>
            StandardMerkleTree.of(
              (input as string[]).map((d) => [d]),
              ["bytes32"],
            ),
          (tree) => {
            for (let i = 0; i < count; i++) tree.getProof(i);
          },
        )
      : undefined;
    const ours = timeTree(
      () => new EvidenceBatch(input),
      (tree) => {
        for (let i = 0; i < tree.size; i++) tree.proof(i);
      },
    );
    if (oz !== undefined && ours.root !== oz.root) throw new Error("the tree's root differs from OpenZeppelin's");
    const row = (measure: string, time: number, reference?: { name: string; time: number }, note?: string): SdkRow => ({
      group: "Merkle tree",
      measure,
      value: round(time * 1000),
      unit: "ms",
      ...(reference === undefined
        ? {}
        : {
            reference: reference.name,
            referenceValue: round(reference.time * 1000),
            referenceUnit: "ms",
            ratio: round(time / reference.time),
          }),
      ...(note === undefined ? {} : { note }),
    });
    rows.push(
      row(
        `build over ${n} digests`,
        ours.build,
        oz && { name: "@openzeppelin/merkle-tree StandardMerkleTree.of", time: oz.build },
        oz && "same root",
      ),
      row(
        `all ${n} proofs`,
        ours.proofs,
        oz && { name: "@openzeppelin/merkle-tree getProof(i) each", time: oz.proofs },
      ),
    );
  }

  // A million digests: built, then every proof made and dropped (as receipts streamed to disk would be).
  const million = packedDigests(MILLION);
  const t0 = process.hrtime.bigint();
  const { result, baseline, peak } = await withPeakRss(async () => {
    const big = new EvidenceBatch(million);
    for (let i = 0; i < big.size; i++) big.proof(i);
    return big.size;
  });
  const time = seconds(t0);
  rows.push({
    group: "Merkle tree",
    measure: "1,000,000 digests: build + every proof",
    value: round(time),
    unit: "s",
    target: "completes (no out-of-memory)",
    met: result === MILLION,
    note: `memory growth ${round((peak - baseline) / 1e6)} MB (peak RSS ${round(peak / 1e6)} MB)`,
  });
  return rows;
}

interface HistoryMeasure {
  blocks: number;
  ms: number;
  requests: number;
  refused: number;
}

async function benchHistory(): Promise<SdkRow> {
  const row: SdkRow = { group: "history", measure: "history query on a long chain", value: null, unit: "ms" };
  if (!existsSync(new URL("./history.ts", import.meta.url))) return { ...row, note: "not measured" };
  const module = (await import(new URL("./history.js", import.meta.url).href)) as {
    measureHistoryQuery?: () => Promise<HistoryMeasure>;
  };
  if (module.measureHistoryQuery === undefined) return { ...row, note: "not measured (no measureHistoryQuery)" };
  const m = await module.measureHistoryQuery();
  return {
    ...row,
    value: round(m.ms),
    note: `${m.blocks.toLocaleString("en-US")} blocks, ${m.requests} requests, ${m.refused} refused`,
  };
}

/** Runs every SDK measurement, writes reports/sdk.json, prints the table; returns the rows. */
export async function benchSdk(): Promise<SdkRow[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "chainproof-bench-sdk-"));
  try {
    const rows = [
      ...(await benchHashing(dir)),
      ...(await benchFolders(dir)),
      ...(await benchProofs()),
      await benchHistory(),
    ];
    const file = path.join(process.cwd(), "reports", "sdk.json");
    mkdirSync(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ machine: machine(), rows }, null, 2) + "\n");
    printSdkTable(rows);
    console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
    const missed = rows.filter((r) => r.met === false);
    if (missed.length > 0) console.log(`targets missed: ${missed.map((r) => `${r.group} ${r.measure}`).join(", ")}`);
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The machine the figures were taken on (written beside them). */
export function machine(): Record<string, string | number> {
  return { node: process.version, platform: process.platform, arch: process.arch, date: new Date().toISOString() };
}

export function printSdkTable(rows: SdkRow[], title = "SDK at scale (issue 13)"): void {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? "" : v.toLocaleString("en-US"));
  const header = ["group", "measure", "value", "unit", "reference", "ref value", "ratio", "target", "met", "note"];
  const lines = rows.map((r) => [
    r.group,
    r.measure,
    r.value === null ? "not measured" : n(r.value),
    r.unit,
    r.reference ?? "",
    r.referenceValue === undefined ? "" : `${n(r.referenceValue)} ${r.referenceUnit ?? ""}`.trim(),
    n(r.ratio),
    r.target ?? "",
    r.met === undefined ? "" : r.met ? "yes" : "NO",
    r.note ?? "",
  ]);
  console.log(`\n${title}`);
  printColumns(header, lines);
}

// `hardhat run bench/sdk.ts` runs it; `bench/run.ts` imports it and calls benchSdk() itself.
if (process.argv.some((arg) => arg.replaceAll("\\", "/").endsWith("bench/sdk.ts"))) await benchSdk();
