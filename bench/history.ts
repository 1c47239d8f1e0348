// A history query on a long chain, as it runs against a public RPC provider: `EvidenceClient.history()` of a record
// anchored early and revoked 20,000 blocks later, through a local JSON-RPC proxy that refuses eth_getLogs ranges over
// 1,000 blocks (test/helpers/range-limited-proxy.ts), with a fresh unbatched provider (`jsonRpcProvider`), so the
// figure includes learning the provider's range limit. `npm run bench` reports it; nothing asserts the time.
import { performance } from "node:perf_hooks";

import { network } from "hardhat";

import { EvidenceClient } from "../src/evidence/client.js";
import { hashBytes } from "../src/hash.js";
import { jsonRpcProvider } from "../src/logs.js";
import { startRangeLimitedProxy } from "../test/helpers/range-limited-proxy.js";

/** Blocks between the record's anchor and its revocation. */
export const HISTORY_SPAN = 20_000;

/** What one history query cost: blocks it covered, wall time, JSON-RPC requests sent and ranges refused. */
export interface HistoryQueryFigures {
  blocks: number;
  ms: number;
  requests: number;
  refused: number;
}

/** Builds the long chain, then times one `history()` through the range-limited proxy. */
export async function measureHistoryQuery(): Promise<HistoryQueryFigures> {
  const connection = await network.create();
  const { ethers, networkHelpers } = connection;
  const registry = await ethers.deployContract("EvidenceRegistry");
  const address = await registry.getAddress();
  const [submitter] = await ethers.getSigners();
  const writer = new EvidenceClient(address, submitter);
  const id = hashBytes("a record with a long history");
  const anchored = await writer.anchor(id, "sha256");
  await networkHelpers.mine(HISTORY_SPAN);
  await writer.revoke(id, "revoked much later");
  const latest = await ethers.provider.getBlockNumber();

  const proxy = await startRangeLimitedProxy(connection.provider, 1_000);
  const provider = jsonRpcProvider(proxy.url);
  try {
    const client = new EvidenceClient(address, provider);
    await provider.getNetwork();
    const before = { ...proxy.stats };
    const start = performance.now();
    const events = await client.history(id);
    const ms = performance.now() - start;
    if (events.map((e) => e.name).join() !== "Anchored,Revoked") {
      throw new Error(`history query returned ${events.map((e) => e.name).join()}, not Anchored,Revoked`);
    }
    return {
      blocks: latest - anchored.blockNumber + 1,
      ms: Math.round(ms * 10) / 10,
      requests: proxy.stats.requests - before.requests,
      refused: proxy.stats.refused - before.refused,
    };
  } finally {
    provider.destroy();
    await proxy.close();
  }
}
