// The look-up pages in Chromium on a hardhat node with the suite deployed: a work with two authors, a license and a
// derivative; a bill package endorsed, split and discounted down a chain; an evidence record witnessed and revoked.
// Each page must show their facts as the chain holds them (addresses, shares, yuan amounts, timeline entries).
import { expect } from "chai";
import { MaxUint256, id as utf8Hash, type JsonRpcSigner } from "ethers";

import { BillsClient } from "../../src/bills/client.js";
import { CopyrightClient } from "../../src/copyright/client.js";
import { EvidenceClient } from "../../src/evidence/client.js";
import {
  CopyrightDisputes__factory,
  CopyrightRegistry__factory,
  EvidenceRegistry__factory,
  MockStablecoin__factory,
  ParticipantRegistry__factory,
  SupplyChainBills__factory,
} from "../../typechain-types/index.js";
import { rpc } from "../helpers/cli.js";
import { usePortal } from "./harness.js";

const DAY = 86_400;
/** The page's date text: local time with its offset, then UTC; the UTC half is the same on any machine. */
const utc = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");

describe("the portal's look-up pages (evidence, work, bill), in Chromium on a hardhat node", function () {
  this.timeout(240_000);
  const portal = usePortal();
  const s: Record<string, JsonRpcSigner> = {};
  const a: Record<string, string> = {};
  let work: string;
  let remix: string;
  let evidenceId: string;
  let packageId: bigint;
  let rootPart: bigint;
  let anchoredAt: number;
  let claim: string;
  let copyrightBlock: number;

  before(async function () {
    const names = ["admin", "alice", "bob", "carol", "core", "tier1", "tier2a", "bank", "dave"];
    for (const [i, name] of names.entries()) {
      s[name] = await portal.provider.getSigner(i);
      a[name] = await s[name].getAddress();
    }
    const deployed = async <T extends { waitForDeployment(): Promise<unknown>; getAddress(): Promise<string> }>(
      contract: Promise<T>,
    ) => {
      const c = await contract;
      await c.waitForDeployment();
      return c;
    };
    const evidence = await deployed(new EvidenceRegistry__factory(s.admin).deploy());
    const registry = await deployed(new CopyrightRegistry__factory(s.admin).deploy(a.admin, a.admin, DAY));
    copyrightBlock = (await registry.deploymentTransaction()!.wait())!.blockNumber;
    const disputes = await deployed(
      new CopyrightDisputes__factory(s.admin).deploy(a.admin, a.admin, registry, evidence),
    );
    await (await registry.grantRole(await registry.RULING_ROLE(), disputes)).wait();
    const participants = await deployed(new ParticipantRegistry__factory(s.admin).deploy(a.admin, a.admin));
    const bills = await deployed(
      new SupplyChainBills__factory(s.admin).deploy(participants, evidence, 3 * DAY, 1, "https://bills.test/"),
    );
    const token = await deployed(new MockStablecoin__factory(s.admin).deploy(6));
    const addresses = {
      EvidenceRegistry: await evidence.getAddress(),
      CopyrightRegistry: await registry.getAddress(),
      CopyrightDisputes: await disputes.getAddress(),
      SupplyChainBills: await bills.getAddress(),
      ParticipantRegistry: await participants.getAddress(),
    };
    portal.networks.push({ name: "Local node", chainId: 31337, rpc: portal.node.url, contracts: addresses });

    // Evidence: anchored, two witnesses required and both co-sign, then revoked.
    evidenceId = utf8Hash("lease agreement, signed copy");
    const ev = (signer: JsonRpcSigner) => new EvidenceClient(addresses.EvidenceRegistry, signer);
    const anchored = await ev(s.alice).anchor(evidenceId, "sha256");
    anchoredAt = (await portal.provider.getBlock(anchored.blockNumber))!.timestamp;
    await ev(s.alice).requireWitnesses(evidenceId, [a.bob, a.carol], 2);
    await ev(s.bob).cosign(evidenceId);
    await ev(s.carol).cosign(evidenceId);
    await ev(s.alice).revoke(evidenceId, "replaced by the notarised copy");

    // A work by alice (60 %) and bob (40 %), terms allowing derivatives, a license to carol and carol's remix.
    const cr = (signer: JsonRpcSigner) =>
      new CopyrightClient({ registry: addresses.CopyrightRegistry, disputes: addresses.CopyrightDisputes }, signer);
    work = utf8Hash("river song, master recording");
    await cr(s.alice).registerWork({
      digest: work,
      algorithm: "sha256",
      authors: [
        { account: a.alice, shares: 6_000 },
        { account: a.bob, shares: 4_000 },
      ],
    });
    const { termsId } = await cr(s.alice).registerTerms({ fee: 0n, derivativesAllowed: true, royaltyBps: 500 });
    await cr(s.alice).attachTerms(BigInt(work), termsId);
    const { settledAt } = await cr(s.alice).getWork(work);
    await rpc(portal.node.url, "evm_setNextBlockTimestamp", [settledAt + 1]);
    await rpc(portal.node.url, "evm_mine");
    await cr(s.alice).grantLicense(BigInt(work), termsId, a.carol);
    remix = utf8Hash("river song, carol's remix");
    await cr(s.carol).registerDerivative({
      digest: remix,
      algorithm: "sha256",
      authors: [{ account: a.carol, shares: 10_000 }],
      parents: [{ workId: BigInt(work), termsId }],
    });
    // Dave claims the work from an earlier recording of his, anchored as evidence.
    claim = utf8Hash("dave's field recording of the river");
    await ev(s.dave).anchor(claim, "sha256");
    await cr(s.dave).raiseDispute(BigInt(work), claim);

    // A bill: core draws 1,000,000.00 yuan to tier1, who endorses 300,000.00 to tier2a, who splits 100,000.00 off and
    // discounts 50,000.00 of it with the bank.
    const now = (await portal.provider.getBlock("latest"))!.timestamp;
    for (const [who, roles] of [
      ["core", 1],
      ["tier1", 1],
      ["tier2a", 1],
      ["bank", 2],
    ] as const) {
      await (await participants.register(a[who], utf8Hash(`USCC-${who}`), roles, now + 3650 * DAY)).wait();
      await (await token.mint(a[who], 10n ** 15n)).wait();
      await (await token.connect(s[who]).approve(bills, MaxUint256)).wait();
    }
    const bc = (signer: JsonRpcSigner) => new BillsClient(addresses.SupplyChainBills, signer);
    const issued = await bc(s.core).issue({
      acceptor: a.core,
      payee: a.tier1,
      token: await token.getAddress(),
      amount: "1,000,000.00",
      maturity: now + 90 * DAY,
      tradeDigest: "purchase contract PC-12",
    });
    packageId = issued.packageId;
    rootPart = issued.rootTokenId;
    await bc(s.core).accept(packageId);
    await bc(s.tier1).sign(rootPart);
    const endorsed = await bc(s.tier1).endorse(rootPart, a.tier2a, "300,000.00");
    await bc(s.tier2a).sign(endorsed.tokenId);
    const split = await bc(s.tier2a).split(endorsed.tokenId, "100,000.00");
    const offer = await bc(s.tier2a).offerDiscount(split.tokenId, a.bank, "50,000.00", "3.5");
    await bc(s.bank).signDiscount(offer.tokenId);
  });

  it("shows an evidence record's status and its timeline: anchored, witnessed, revoked", async function () {
    const { context, page } = await portal.open({ path: `#/evidence/${evidenceId}` });
    await page.waitForSelector("#evidence-timeline");
    expect(await page.textContent("#page h2")).to.equal("Look up evidence");
    expect(await page.textContent(".status-badge")).to.equal("revoked");
    const status = (await page.textContent("#evidence-result .facts")) ?? "";
    expect(status).to.include(a.alice).and.include(utc(anchoredAt)).and.include("2 of 2 signed");
    const events = await page.$$eval("#evidence-timeline li", (items) =>
      items.map((li) => [li.getAttribute("data-event"), li.querySelector(".what")?.textContent]),
    );
    expect(events).to.deep.equal([
      ["Anchored", `Anchored by ${a.alice} (sha256)`],
      ["WitnessesRequired", `2 of 2 witnesses required: ${a.bob}, ${a.carol}`],
      ["Cosigned", `Co-signed by ${a.bob} (1 so far)`],
      ["Cosigned", `Co-signed by ${a.carol} (2 so far)`],
      ["Witnessed", "Witnessed: enough witnesses signed"],
      ["Revoked", `Revoked (reason hash ${utf8Hash("replaced by the notarised copy")})`],
    ]);
    expect(await page.textContent("#evidence-timeline li .when")).to.include(utc(anchoredAt));
    await portal.screenshot(page, "evidence");
    // A malformed id typed in the form is one sentence, and nothing is looked up.
    await page.fill("#evidence-id", "0x1234");
    await page.press("#evidence-id", "Enter");
    expect(await page.textContent(".lookup-status")).to.equal(
      "Could not read it: An evidence id is 32 bytes of hex: 0x and 64 hex digits.",
    );
    await context.close();
  });

  it("shows a work: owner, authors and shares, settled, terms, license, dispute, derivative as a linked graph", async function () {
    const { context, page } = await portal.open({ path: "#/work" });
    // Typed in the form (keyboard only): the page goes to the work's route.
    await page.fill("#work-id", work);
    await page.press("#work-id", "Enter");
    await page.waitForSelector("#work-authors");
    expect(await page.evaluate("location.hash")).to.equal(`#/work/${work}`);
    const record = (await page.textContent("#work-result .facts")) ?? "";
    expect(record).to.include(work).and.include(a.alice).and.include("yes, since");
    const authors = await page.$$eval("#work-authors tbody tr", (rows) =>
      rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent)),
    );
    expect(authors).to.deep.equal([
      [a.alice, "60.00%"],
      [a.bob, "40.00%"],
    ]);
    expect(await page.textContent("#work-terms tbody"))
      .to.include("5.00%")
      .and.include("derivatives");
    expect(await page.textContent("#work-licenses tbody"))
      .to.include(a.carol)
      .and.include("perpetual");
    const dispute = (await page.textContent(".dispute")) ?? "";
    expect(dispute).to.include("Dispute #1").and.include(a.dave).and.include(claim).and.include("open");
    expect(await page.locator(`.dispute a[href="#/evidence/${claim}"]`).count()).to.equal(1);
    const link = `#work-graph a[href="#/work/${remix}"]`;
    expect(await page.locator(link).count()).to.equal(1);
    await portal.screenshot(page, "work");
    // The derivative's page, reached through the graph, names this work as its parent.
    await page.focus(link);
    await page.keyboard.press("Enter");
    await page.waitForFunction(`location.hash === "#/work/${remix}"`);
    await page.waitForSelector(`#work-graph a[href="#/work/${work}"]`);
    expect(await page.textContent("#work-result .facts")).to.include(a.carol);
    await context.close();
  });

  it("starts a work's histories at the deployment block its network records, not at block 0", async function () {
    // A public RPC refuses or throttles a scan from block 0: a recorded block (networks.json or the package's records)
    // is where every history of the contract starts.
    portal.networks[0].blocks = { CopyrightRegistry: copyrightBlock };
    try {
      const { context, page } = await portal.open({ path: `#/work/${work}` });
      const fromBlocks: string[] = [];
      page.on("request", (request) => {
        const body = request.postDataJSON() as { method?: string; params?: { address?: string; fromBlock?: string }[] };
        const filter = body?.params?.[0];
        if (
          body?.method === "eth_getLogs" &&
          filter?.fromBlock !== undefined &&
          filter.address?.toLowerCase() === portal.networks[0].contracts.CopyrightRegistry.toLowerCase()
        ) {
          fromBlocks.push(filter.fromBlock);
        }
      });
      await page.evaluate("location.reload()");
      await page.waitForSelector("#work-authors");
      expect(fromBlocks.length).to.be.greaterThan(0);
      expect(fromBlocks.map((block) => Number(block))).to.satisfy((blocks: number[]) =>
        blocks.every((block) => block >= copyrightBlock),
      );
      await context.close();
    } finally {
      delete portal.networks[0].blocks;
    }
  });

  it("shows a bill package: parts with holders and yuan values, the endorsement chain, the discount", async function () {
    const { context, page } = await portal.open({ path: `#/bill/${packageId}` });
    await page.waitForSelector("#bill-parts");
    const part = (seq: bigint) => `0x${((packageId << 24n) | seq).toString(16)}`;
    const parts = await page.$$eval("#bill-parts tbody tr", (rows) =>
      rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent)),
    );
    expect(parts).to.deep.equal([
      [part(1n), a.tier1, "700,000.00", "0.00", "held"],
      [part(2n), a.tier2a, "200,000.00", "0.00", "held"],
      [part(3n), a.tier2a, "50,000.00", "0.00", "held"],
      [part(4n), a.bank, "50,000.00", "0.00", "held"],
    ]);
    const facts = (await page.textContent("#bill-result .facts")) ?? "";
    expect(facts).to.include("1,000,000.00 yuan").and.include(a.core);
    const flow = await page.$$eval("#bill-flow li", (items) =>
      items.map((li) => [li.getAttribute("data-kind"), li.querySelector(".amount")?.textContent]),
    );
    expect(flow).to.deep.equal([
      ["issue", "1,000,000.00 yuan"],
      ["endorsement", "300,000.00 yuan"],
      ["split", "100,000.00 yuan"],
      ["discount", "50,000.00 yuan"],
    ]);
    expect(await page.textContent("#bill-flow li:nth-child(2) .parties")).to.equal(`${a.tier1} → ${a.tier2a}`);
    expect(await page.textContent("#bill-discounts"))
      .to.include(`${a.bank} paid`)
      .and.include("at 3.50% a year");
    expect(await page.textContent("#bill-funding")).to.equal("not funded");
    await portal.screenshot(page, "bill");
    // The same page in Chinese.
    await page.click("#lang");
    expect(await page.textContent("#page h2")).to.equal("查询票据包");
    expect(await page.textContent("#bill-flow li:first-child .amount")).to.equal("1,000,000.00 元");
    await portal.screenshot(page, "bill-zh");
    await context.close();
    portal.assertOnlyAllowedHosts();
  });
});
