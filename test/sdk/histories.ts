// Every history query of the SDK, run through a JSON-RPC proxy that refuses eth_getLogs ranges over 1,000 blocks (as
// public providers do), on a chain of more than 10,000 blocks with records made early and late: each answers what the
// in-process provider (no range limit) answers, and the paged queries page.
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import type { JsonRpcProvider } from "ethers";
import { network } from "hardhat";

import { BillsClient } from "../../src/bills/client.js";
import { CopyrightClient } from "../../src/copyright/client.js";
import { EvidenceClient } from "../../src/evidence/client.js";
import { hashBytes } from "../../src/hash.js";
import {
  LogRangeRefusedError,
  deploymentBlock,
  findDeploymentBlock,
  isRangeRefusal,
  jsonRpcProvider,
  rangeNamedIn,
  readLogs,
  type LogStats,
} from "../../src/logs.js";
import { ParticipantsClient } from "../../src/participants/client.js";
import { deployWorld, type World } from "../bills/fixture.js";
import { startRangeLimitedProxy, type RangeLimitedProxy } from "../helpers/range-limited-proxy.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

const EARLY_GAP = 2_000;
const LONG_GAP = 12_000;
const DAY = 86_400n;

describe("SDK histories through a provider that refuses ranges over 1,000 blocks", function () {
  let proxy: RangeLimitedProxy;
  let read: JsonRpcProvider;
  let w: World;
  let alice: HardhatEthersSigner;
  let bob: HardhatEthersSigner;
  let carol: HardhatEthersSigner;
  let copyrightAddress: string;
  const early = hashBytes("early record");
  const late = hashBytes("late record");
  let earlyWork: bigint;
  let lateWork: bigint;
  let rootPart: bigint;
  let endorsedPart: bigint;
  let packageId: bigint;

  before(async function () {
    await networkHelpers.mine(EARLY_GAP);
    w = await deployWorld(connection);
    [, , , , , , , , , alice, bob, carol] = await ethers.getSigners();
    const copyright = await ethers.deployContract("CopyrightRegistry", [w.admin.address, w.admin.address, DAY]);
    copyrightAddress = await copyright.getAddress();
    const evidence = new EvidenceClient(await w.evidence.getAddress(), w.core);
    const bills = (signer: HardhatEthersSigner) => new BillsClient(w.bills.target as string, signer);
    const works = (signer: HardhatEthersSigner) => new CopyrightClient({ registry: copyrightAddress }, signer);

    // Early: a record, a bill delivered to tier1, a work of alice's.
    await evidence.anchor(early, "sha256");
    const issued = await bills(w.core).issue({
      acceptor: w.core.address,
      payee: w.tier1.address,
      token: w.token.target as string,
      amount: "10.00",
      maturity: w.maturity,
      tradeDigest: "contract 1",
    });
    packageId = issued.packageId;
    rootPart = issued.rootTokenId;
    await bills(w.core).accept(packageId);
    await bills(w.tier1).sign(rootPart);
    earlyWork = (
      await works(alice).registerWork({
        digest: hashBytes("early work"),
        algorithm: "sha256",
        authors: [{ account: alice.address, shares: 10_000 }],
      })
    ).workId;

    await networkHelpers.mine(LONG_GAP);

    // Late: another record and the early one's revocation, an endorsement, a suspension, a license and a transfer.
    await evidence.anchor(late, "sha256");
    await evidence.revoke(early, "superseded by the late record");
    endorsedPart = (await bills(w.tier1).endorse(rootPart, w.tier2a.address, "2.50")).tokenId;
    await bills(w.tier2a).sign(endorsedPart);
    await new ParticipantsClient(w.registry.target as string, w.admin).suspend(w.tier2b.address, "audit");
    await networkHelpers.time.increase(Number(DAY) + 1);
    const { termsId } = await works(alice).registerTerms({ fee: 0n });
    await works(alice).grantLicense(earlyWork, termsId, carol.address);
    await works(alice).transferWork(earlyWork, bob.address);
    lateWork = (
      await works(alice).registerWork({
        digest: hashBytes("late work"),
        algorithm: "sha256",
        authors: [{ account: alice.address, shares: 10_000 }],
      })
    ).workId;
    await networkHelpers.mine(300);

    proxy = await startRangeLimitedProxy(connection.provider, 1_000);
    read = jsonRpcProvider(proxy.url);
  });

  after(async function () {
    read?.destroy();
    await proxy?.close();
  });

  it("the chain is long and the proxy refuses wide ranges", async function () {
    expect(await read.getBlockNumber()).to.be.greaterThan(EARLY_GAP + LONG_GAP);
    await expect(read.getLogs({ address: await w.evidence.getAddress(), fromBlock: 0, toBlock: "latest" })).to.be
      .rejected;
    expect(proxy.stats.refused).to.equal(1);
  });

  it("finds a contract's deployment block by binary search over eth_getCode; a dev chain starts at 0", async function () {
    // hardhat_mine leaves the blocks inside a mined range without state, so this chain is made block by block.
    const local = await network.create();
    for (let i = 0; i < 37; i++) await local.networkHelpers.mine(1);
    const registry = await local.ethers.deployContract("EvidenceRegistry");
    const block = (await registry.deploymentTransaction()!.wait())!.blockNumber;
    for (let i = 0; i < 20; i++) await local.networkHelpers.mine(1);
    expect(block).to.be.greaterThan(37);
    expect(await findDeploymentBlock(local.ethers.provider, await registry.getAddress())).to.equal(block);
    expect(await findDeploymentBlock(local.ethers.provider, w.admin.address)).to.equal(0);
    expect(await deploymentBlock(read, await w.evidence.getAddress())).to.equal(0);
  });

  it("evidence history() and revocationReason() of an early record with a late revocation", async function () {
    const address = await w.evidence.getAddress();
    const direct = await new EvidenceClient(address, ethers.provider).history(early);
    const history = await new EvidenceClient(address, read).history(early);
    expect(history.map((e) => e.name)).to.deep.equal(["Anchored", "Revoked"]);
    expect(history).to.deep.equal(direct);
    expect(history[1].blockNumber - history[0].blockNumber).to.be.greaterThan(LONG_GAP);
    expect(await new EvidenceClient(address, read).revocationReason(early)).to.equal(
      hashBytes("superseded by the late record", "keccak256"),
    );
  });

  it("evidence recordsOf() pages a submitter's records; allRecordsOf() reads them all", async function () {
    const client = new EvidenceClient(await w.evidence.getAddress(), read);
    const first = await client.recordsOf(w.core.address).page({ limit: 1 });
    expect(first.items.map((r) => r.id)).to.deep.equal([early]);
    expect(first.cursor).to.be.a("string");
    const second = await client.recordsOf(w.core.address).page({ cursor: first.cursor, limit: 1 });
    expect(second.items.map((r) => r.id)).to.deep.equal([late]);
    const rest = await client.recordsOf(w.core.address).page({ cursor: second.cursor, limit: 1 });
    expect(rest).to.deep.equal({ items: [], cursor: null });
    const all = await client.allRecordsOf(w.core.address);
    expect(all.map((r) => [r.id, r.submitter, r.algorithmName])).to.deep.equal([
      [early, w.core.address, "sha256"],
      [late, w.core.address, "sha256"],
    ]);
    const iterated = [];
    for await (const record of client.recordsOf(w.core.address)) iterated.push(record);
    expect(iterated).to.deep.equal(all);
    expect(await client.allRecordsOf(w.tier1.address)).to.deep.equal([]);
  });

  it("bills history(), partHistory() and partsOf()", async function () {
    const address = w.bills.target as string;
    const client = new BillsClient(address, read);
    const direct = new BillsClient(address, ethers.provider);
    const history = await client.history(packageId);
    expect(history).to.deep.equal(await direct.history(packageId));
    expect(history.map((e) => e.name)).to.include.members(["Issued", "Accepted", "Signed", "Offered"]);
    const partHistory = await client.partHistory(rootPart);
    expect(partHistory).to.deep.equal(await direct.partHistory(rootPart));
    expect(partHistory.some((e) => e.name === "Offered" && e.blockNumber > EARLY_GAP + LONG_GAP)).to.equal(true);
    expect((await client.partsOf(w.tier2a.address).all()).map((p) => p.tokenId)).to.deep.equal([endorsedPart]);
    const tier1 = await client.partsOf(w.tier1.address).page({ limit: 10 });
    expect(tier1.items.map((p) => [p.tokenId, p.value])).to.deep.equal([[rootPart, "7.50"]]);
    expect(tier1.cursor).to.equal(null);
  });

  it("participants history() of one participant and of all", async function () {
    const address = w.registry.target as string;
    const client = new ParticipantsClient(address, read, { timeUnitsPerSecond: 1 });
    const one = await client.history(w.tier2b.address);
    expect(one.map((e) => e.name)).to.deep.equal(["ParticipantRegistered", "ParticipantSuspended"]);
    const all = await client.history();
    expect(all).to.deep.equal(await new ParticipantsClient(address, ethers.provider).history());
    expect(all).to.have.length(8);
  });

  it("copyright worksOf(), licensesOf(), payeesOf(), registeredAuthors() and derivativesOf()", async function () {
    const client = new CopyrightClient({ registry: copyrightAddress }, read);
    expect((await client.worksOf(alice.address).all()).map((work) => work.workId)).to.deep.equal([lateWork]);
    const bobs = await client.worksOf(bob.address).page({ limit: 5 });
    expect(bobs.items.map((work) => work.workId)).to.deep.equal([earlyWork]);
    const licenses = await client.licensesOf(earlyWork);
    expect(licenses.map((l) => l.licensee)).to.deep.equal([carol.address]);
    expect(await client.payeesOf(earlyWork)).to.deep.equal([{ account: bob.address, shares: 10_000 }]);
    expect(await client.registeredAuthors(earlyWork)).to.deep.equal([{ account: alice.address, shares: 10_000 }]);
    expect(await client.derivativesOf(earlyWork)).to.deep.equal([]);
  });

  it("reads up to the chain's head even when ethers has just cached an older block number", async function () {
    const reader = new EvidenceClient(await w.evidence.getAddress(), read);
    await reader.chainId();
    const digest = hashBytes("anchored a moment ago");
    await read.getBlockNumber(); // ethers keeps this answer for a moment
    await new EvidenceClient(await w.evidence.getAddress(), w.core).anchor(digest, "sha256");
    const events = await reader.history(digest);
    expect(events.map((event) => event.name)).to.deep.equal(["Anchored"]);
  });

  it("never asked the proxy for more than 1,000 blocks once refused, and was refused only a few times", function () {
    expect(proxy.widestAnswered).to.be.at.most(1_000);
    expect(proxy.stats.refused).to.be.within(1, 6);
  });

  it("gives up with LogRangeRefusedError when even one block is refused, instead of looping", async function () {
    const strict = await startRangeLimitedProxy(connection.provider, 0);
    const provider = jsonRpcProvider(strict.url);
    try {
      const stats: LogStats = { requests: 0, refused: 0 };
      const logs = readLogs(
        provider,
        { address: await w.evidence.getAddress(), topics: [], fromBlock: 0, toBlock: 1_023 },
        { chunkSize: 1_024, stats },
      );
      await expect(logs.next()).to.be.rejectedWith(LogRangeRefusedError, "refused eth_getLogs even for block 0 alone");
      expect(stats).to.deep.equal({ requests: 11, refused: 11 });
    } finally {
      provider.destroy();
      await strict.close();
    }
  });

  it("recognises providers' range refusals, and not other failures", function () {
    const refusals = [
      { code: -32005, message: "query returned more than 10000 results" },
      {
        code: -32602,
        message: "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range",
      },
      { code: -32600, message: "eth_getLogs is limited to a 10,000 range" },
      { error: { code: -32000, message: "block range is too large" } },
      new Error('could not coalesce error (error={ "code": -32005, "message": "limit exceeded" })'),
    ];
    for (const refusal of refusals) expect(isRangeRefusal(refusal), JSON.stringify(refusal)).to.equal(true);
    const others = [
      { code: -32000, message: "header not found" },
      { code: 429, message: "Too Many Requests" },
      new Error("connect ECONNREFUSED 127.0.0.1:8545"),
      "nonsense",
    ];
    for (const other of others) expect(isRangeRefusal(other), JSON.stringify(other)).to.equal(false);
  });

  it("takes the range a refusal names, in blocks, and not a result count", function () {
    expect(
      rangeNamedIn(new Error('error={ "code": -32005, "message": "query exceeds max block range 1000" }')),
    ).to.equal(1_000);
    expect(rangeNamedIn({ message: "exceed maximum block range: 5000" })).to.equal(5_000);
    expect(rangeNamedIn({ message: "eth_getLogs is limited to a 500 block range" })).to.equal(500);
    expect(rangeNamedIn({ message: "query returned more than 10000 results" })).to.equal(undefined);
    expect(rangeNamedIn({ message: "block range is too large" })).to.equal(undefined);
  });
});
