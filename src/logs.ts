import { JsonRpcProvider, type Log, type Provider } from "ethers";

import { InvalidInputError, SdkError } from "./errors.js";

/** Blocks asked for in one `eth_getLogs` until the provider refuses a range (then halved). */
export const DEFAULT_LOG_CHUNK = 5_000;

/** Logs returned by one page unless the caller asks for another limit. */
export const DEFAULT_PAGE_LIMIT = 100;

/**
 * A JSON-RPC provider for `url` that sends each call on its own (`batchMaxCount: 1`): ethers' default batching waits
 * for more calls before sending one, which costs a single query most of its time.
 */
export function jsonRpcProvider(url: string): JsonRpcProvider {
  return new JsonRpcProvider(url, undefined, { batchMaxCount: 1 });
}

/** The provider refused even a one-block `eth_getLogs` range: nothing smaller can be asked. */
export class LogRangeRefusedError extends SdkError {
  constructor(block: number, options?: { cause?: unknown }) {
    super("LOG_RANGE_REFUSED", `the provider refused eth_getLogs even for block ${block} alone`, options);
  }
}

const REFUSAL_TEXT =
  /range|limit|too many|too large|10[,_]?000|exceed|more than|response size|block range|query returned/i;

const RATE_LIMITED = /rate limit|too many requests|\b429\b/i;

/**
 * Whether `error` is a provider refusing an `eth_getLogs` range as too wide or too full (Infura, Alchemy, QuickNode,
 * public nodes: "query returned more than 10000 results", "block range is too large", "exceed maximum block range",
 * code -32005 ...; codes -32600/-32602/-32000 come with such a message), rather than another failure.
 */
export function isRangeRefusal(error: unknown): boolean {
  const texts: string[] = [];
  const codes: number[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (value === null || typeof value !== "object" || depth > 6 || seen.has(value)) return;
    seen.add(value);
    const e = value as Record<string, unknown>;
    if (typeof e.message === "string") texts.push(e.message);
    if (typeof e.shortMessage === "string") texts.push(e.shortMessage);
    if (typeof e.code === "number") codes.push(e.code);
    for (const key of ["error", "info", "cause", "data", "body"]) {
      const inner = e[key];
      if (typeof inner === "string" && key === "body") {
        try {
          visit(JSON.parse(inner), depth + 1);
        } catch {
          texts.push(inner);
        }
      } else visit(inner, depth + 1);
    }
  };
  visit(error, 0);
  const text = texts.join(" ");
  // ethers folds the JSON-RPC error into its message as `error={ "code": -32005, "message": "..." }`.
  const quoted = [...text.matchAll(/"code":\s*(-?\d+)/g)].map((m) => Number(m[1]));
  if ([...codes, ...quoted].includes(-32005)) return true;
  // Rate limiting ("too many requests", HTTP 429) is not about the range: halving would not help.
  if (RATE_LIMITED.test(text)) return false;
  return REFUSAL_TEXT.test(text);
}

/**
 * The widest range a refusal names, when it names one in blocks ("exceeds max block range 1000", "limited to a 500
 * block range"): the next request uses it instead of halving again. Result counts ("more than 10000 results") are not
 * ranges and give undefined.
 */
export function rangeNamedIn(error: unknown): number | undefined {
  const text = error instanceof Error ? error.message : (JSON.stringify(error) ?? "");
  const match =
    /block range(?: of| is|:)? *(\d[\d,_]*)|range (?:of |limit )?(\d[\d,_]*)(?! *results)|(\d[\d,_]*) *-?block range/i.exec(
      text,
    );
  const digits = match?.[1] ?? match?.[2] ?? match?.[3];
  if (digits === undefined) return undefined;
  const blocks = Number(digits.replace(/[,_]/g, ""));
  return Number.isSafeInteger(blocks) && blocks >= 1 ? blocks : undefined;
}

// ------------------------------------------------------------------ deployment blocks

const deploymentBlocks = new Map<string, Promise<number>>();
const key = (chainId: bigint, address: string) => `${chainId}:${address.toLowerCase()}`;

/**
 * Records where a contract was deployed (from a deployment record), so its histories start there without a search.
 * `replace: false` keeps a block already recorded for that contract: the package's own records yield to the caller's.
 */
export function rememberDeploymentBlock(
  chainId: bigint | number,
  address: string,
  block: number,
  { replace = true }: { replace?: boolean } = {},
): void {
  if (!Number.isSafeInteger(block) || block < 0) throw new InvalidInputError(`not a block number: ${block}`);
  const k = key(BigInt(chainId), address);
  if (replace || !deploymentBlocks.has(k)) deploymentBlocks.set(k, Promise.resolve(block));
}

let loadRecorded: (() => void) | undefined;

/**
 * Registers a loader of recorded deployment blocks (it calls `rememberDeploymentBlock`), run once before the first
 * lookup: the package's deployments.json registers its own, so a client given the recorded address by hand still starts
 * there.
 */
export function loadDeploymentBlocksWith(loader: () => void): void {
  loadRecorded = loader;
}

/** Hardhat and Anvil development chains. */
const DEV_CHAINS = new Set([31337n, 1337n]);

/**
 * The block a contract was deployed in: as recorded (`rememberDeploymentBlock`), else found once by binary search
 * over `eth_getCode` at past blocks (`findDeploymentBlock`) and cached per chain and address. On development chains
 * (ids 31337 and 1337) it is 0 unless recorded: they restart and revert to snapshots (so one address holds different
 * deployments over time), their chains are short, and Hardhat's `hardhat_mine` leaves blocks without state (code
 * reads as empty inside a mined range), which would mislead a search.
 */
export async function deploymentBlock(provider: Provider, address: string): Promise<number> {
  const { chainId } = await provider.getNetwork();
  const loader = loadRecorded;
  loadRecorded = undefined;
  loader?.();
  const k = key(chainId, address);
  let found = deploymentBlocks.get(k);
  if (found === undefined) {
    if (DEV_CHAINS.has(chainId)) return 0;
    found = findDeploymentBlock(provider, address);
    deploymentBlocks.set(k, found);
    found.catch(() => deploymentBlocks.delete(k));
  }
  return found;
}

/**
 * The chain's head now. ethers' `getBlockNumber()` may answer from a short-lived cache, which right after one's own
 * transaction can be a block behind and would end a history one block short; a provider that can send raw
 * JSON-RPC is asked directly.
 */
export async function currentBlockNumber(provider: Provider): Promise<number> {
  const raw = provider as Provider & { send?: (method: string, params: unknown[]) => Promise<unknown> };
  if (typeof raw.send === "function") {
    const head = await raw.send("eth_blockNumber", []);
    if (typeof head === "string" || typeof head === "number" || typeof head === "bigint") return Number(head);
  }
  return provider.getBlockNumber();
}

/**
 * Searches the first block at which `address` holds code: about log2(chain length) `eth_getCode` calls at past
 * blocks. 0 when the provider cannot read past state (not an archive node) or the address holds no code now, so a
 * history then starts at the chain's beginning.
 */
export async function findDeploymentBlock(provider: Provider, address: string): Promise<number> {
  const latest = await provider.getBlockNumber();
  const hasCode = async (block: number) => (await provider.getCode(address, block)) !== "0x";
  try {
    if (!(await hasCode(latest))) return 0;
    let low = 0;
    let high = latest;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (await hasCode(mid)) high = mid;
      else low = mid + 1;
    }
    return low;
  } catch {
    return 0;
  }
}

// ------------------------------------------------------------------ chunked log queries

/** Where a history resumes: the next log at or after (`block`, `index`). */
interface Position {
  block: number;
  index: number;
}

function parseCursor(cursor: string): Position {
  const match = /^(\d+):(\d+)$/.exec(cursor);
  if (match === null) throw new InvalidInputError(`not a history cursor: "${cursor}"`);
  return { block: Number(match[1]), index: Number(match[2]) };
}

const formatCursor = (position: Position) => `${position.block}:${position.index}`;

/** Requests a log query made, and how many of them the provider refused as too wide. */
export interface LogStats {
  requests: number;
  refused: number;
}

/** A contract's logs by topics, with the block range they are read over. */
export interface LogFilter {
  address: string;
  topics: (string | string[] | null)[];
  /** First block (default: the contract's deployment block). */
  fromBlock?: number | bigint;
  /** Last block (default: the latest when the query runs). */
  toBlock?: number | bigint | "latest";
}

export interface LogQueryOptions {
  /** Blocks per request before any refusal (default `DEFAULT_LOG_CHUNK`). */
  chunkSize?: number;
  /** Counts requests and refusals into this object. */
  stats?: LogStats;
  /** Runs before the first request (a client's deployment check). */
  ready?: () => Promise<void>;
}

/** The chunk size a provider last accepted, so later queries start there instead of being refused again. */
const learnedChunk = new WeakMap<object, number>();

/**
 * Reads a contract's logs over a block range in chunks: from the deployment block (or `fromBlock`) to the latest (or
 * `toBlock`), `chunkSize` blocks per `eth_getLogs`. When the provider refuses a range (`isRangeRefusal`) the chunk
 * shrinks, to the range the refusal names (`rangeNamedIn`) or else by half, and the provider's accepted size is kept
 * for its later queries; a refused single block is `LogRangeRefusedError`. Every request either advances or shrinks
 * the chunk, so it never loops. Yields logs in chain order.
 */
export async function* readLogs(
  provider: Provider,
  filter: LogFilter,
  options: LogQueryOptions & { from?: Position } = {},
): AsyncGenerator<Log> {
  await options.ready?.();
  const first =
    filter.fromBlock === undefined ? await deploymentBlock(provider, filter.address) : Number(filter.fromBlock);
  const last =
    filter.toBlock === undefined || filter.toBlock === "latest"
      ? await currentBlockNumber(provider)
      : Number(filter.toBlock);
  const resume = options.from;
  let start = resume === undefined ? first : Math.max(first, resume.block);
  const wanted = options.chunkSize ?? DEFAULT_LOG_CHUNK;
  if (!Number.isSafeInteger(wanted) || wanted < 1) throw new InvalidInputError(`chunk size must be ≥ 1, got ${wanted}`);
  let chunk = Math.min(wanted, learnedChunk.get(provider) ?? wanted);
  while (start <= last) {
    const end = Math.min(last, start + chunk - 1);
    let logs: Log[];
    try {
      if (options.stats) options.stats.requests++;
      logs = await provider.getLogs({ address: filter.address, topics: filter.topics, fromBlock: start, toBlock: end });
    } catch (error) {
      if (!isRangeRefusal(error)) throw error;
      if (options.stats) options.stats.refused++;
      if (chunk === 1) throw new LogRangeRefusedError(start, { cause: error });
      const named = rangeNamedIn(error);
      chunk = named !== undefined && named < chunk ? named : Math.max(1, Math.floor(chunk / 2));
      learnedChunk.set(provider, chunk);
      continue;
    }
    logs.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
    for (const log of logs) {
      if (
        resume !== undefined &&
        (log.blockNumber < resume.block || (log.blockNumber === resume.block && log.index < resume.index))
      ) {
        continue;
      }
      yield log;
    }
    start = end + 1;
  }
}

/** Every log of `filter`, in chain order, read in chunks (`readLogs`). */
export async function allLogs(provider: Provider, filter: LogFilter, options: LogQueryOptions = {}): Promise<Log[]> {
  const logs: Log[] = [];
  for await (const log of readLogs(provider, filter, options)) logs.push(log);
  return logs;
}

/** One page of a history: its items, and the cursor of the next page (null once the history is read to its end). */
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export interface PageOptions {
  /** The `cursor` of the previous page; none for the first. */
  cursor?: string | null;
  /** Items per page (default `DEFAULT_PAGE_LIMIT`). */
  limit?: number;
}

/**
 * A long history read lazily: `for await (const item of history)`, page by page with `page({ cursor, limit })`, or
 * whole with `all()`. Items come from one log query, in chain order; a log that maps to `undefined` is skipped (so a
 * page may end before its limit only at the end of the history).
 */
export class PagedHistory<T> implements AsyncIterable<T> {
  constructor(
    private readonly provider: Provider,
    private readonly filter: LogFilter,
    private readonly map: (log: Log) => T | undefined | Promise<T | undefined>,
    private readonly options: LogQueryOptions & {
      /** An item's identity: one read (an iteration, `all()` or a page) lists each identity once, at its first log. */
      unique?: (item: T) => string;
    } = {},
  ) {}

  /** `map`, skipping items already seen in this read. */
  private mapper(): (log: Log) => Promise<T | undefined> {
    const unique = this.options.unique;
    const seen = new Set<string>();
    return async (log) => {
      const item = await this.map(log);
      if (item === undefined || unique === undefined) return item;
      const id = unique(item);
      if (seen.has(id)) return undefined;
      seen.add(id);
      return item;
    };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const map = this.mapper();
    for await (const log of readLogs(this.provider, this.filter, this.options)) {
      const item = await map(log);
      if (item !== undefined) yield item;
    }
  }

  /** Up to `limit` items from `cursor` on, and the cursor of the next page. */
  async page(options: PageOptions = {}): Promise<Page<T>> {
    const limit = options.limit ?? DEFAULT_PAGE_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new InvalidInputError(`page limit must be ≥ 1, got ${limit}`);
    const from = options.cursor == null ? undefined : parseCursor(options.cursor);
    const items: T[] = [];
    const map = this.mapper();
    for await (const log of readLogs(this.provider, this.filter, { ...this.options, from })) {
      const item = await map(log);
      if (item === undefined) continue;
      items.push(item);
      if (items.length === limit) {
        return { items, cursor: formatCursor({ block: log.blockNumber, index: log.index + 1 }) };
      }
    }
    return { items, cursor: null };
  }

  /** Every item, in chain order. */
  async all(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
