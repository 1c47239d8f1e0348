import { expect } from "chai";
import { BrowserProvider, type Eip1193Provider } from "ethers";
import { network } from "hardhat";

import { BillsClient, BillsReader, partTokenId, yuanText } from "../../src/bills/index.js";
import { BillsReader as BrowserBillsReader } from "../../src/verify.js";
import { deployWorld, type World } from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

/** The date of the block that mined `transaction`. */
async function dateOf(transaction: string): Promise<Date> {
  const receipt = await ethers.provider.getTransactionReceipt(transaction);
  const block = await ethers.provider.getBlock(receipt!.blockNumber);
  return new Date(block!.timestamp * 1000);
}

describe("bills reader (browser-safe)", function () {
  async function world() {
    const w = await deployWorld(connection);
    const as = (signer: World["core"]) => new BillsClient(w.bills.target as string, signer);
    return { w, as };
  }

  async function issue(w: World, as: (s: World["core"]) => BillsClient, amount: string) {
    const issued = await as(w.core).issue({
      acceptor: w.core.address,
      payee: w.tier1.address,
      token: w.token.target as string,
      amount,
      maturity: w.maturity,
      tradeDigest: "purchase contract PC-7",
    });
    await as(w.core).accept(issued.packageId);
    await as(w.tier1).sign(issued.rootTokenId);
    return issued;
  }

  it("is the one the browser entry exports, and the client is one", function () {
    expect(BrowserBillsReader).to.equal(BillsReader);
    expect(BillsClient.prototype).to.be.instanceOf(BillsReader);
  });

  it("tells a package's facts: parts, endorsement chain, funding, discount and redemption, yuan grouped", async function () {
    const { w, as } = await networkHelpers.loadFixture(world);
    const issued = await issue(w, as, "1,000,000.00");
    const endorsed = await as(w.tier1).endorse(issued.rootTokenId, w.tier2a.address, "300,000.00");
    await as(w.tier2a).sign(endorsed.tokenId);
    const split = await as(w.tier2a).split(endorsed.tokenId, "100,000.00");
    const offer = await as(w.tier2a).offerDiscount(split.tokenId, w.bank.address, "50,000.00", "3.5");
    const quote = await as(w.bank).discountPrice(offer.tokenId);
    await as(w.bank).signDiscount(offer.tokenId);
    await networkHelpers.time.increaseTo(w.maturity);
    const funded = await as(w.core).fund(issued.packageId);
    const redeemed = await as(w.bank).redeem(offer.tokenId);

    // A reader on a bare provider: no signer, nothing it could send.
    const reader = new BillsReader(w.bills.target as string, ethers.provider);
    const facts = await reader.lookup(issued.packageId);
    expect(facts.package.status).to.equal("funded");
    expect([facts.faceValue, facts.outstanding, facts.funded, facts.redeemed]).to.deep.equal([
      "1,000,000.00",
      "950,000.00",
      "1,000,000.00",
      "50,000.00",
    ]);
    expect(facts.package.maturityDate.getTime()).to.equal(w.maturity * 1000);
    expect(facts.timeUnit).to.equal(1n);

    const part = (seq: bigint) => partTokenId(issued.packageId, seq);
    expect(facts.parts.map((p) => [p.tokenId, p.holder, p.valueText, p.paidText, p.state])).to.deep.equal([
      [part(1n), w.tier1.address, "700,000.00", "0.00", "held"],
      [part(2n), w.tier2a.address, "200,000.00", "0.00", "held"],
      [part(3n), w.tier2a.address, "50,000.00", "0.00", "held"],
      [part(4n), w.bank.address, "0.00", "50,000.00", "redeemed"],
    ]);
    expect(facts.parts[3].chain).to.deep.equal([w.core.address, w.tier1.address, w.tier2a.address]);

    expect(
      facts.transfers.map((t) => [t.kind, t.fromTokenId, t.tokenId, t.from, t.to, t.value, t.state]),
    ).to.deep.equal([
      ["issue", 0n, part(1n), w.core.address, w.tier1.address, "1,000,000.00", "held"],
      ["endorsement", part(1n), part(2n), w.tier1.address, w.tier2a.address, "300,000.00", "held"],
      ["split", part(2n), part(3n), w.tier2a.address, w.tier2a.address, "100,000.00", "held"],
      ["discount", part(3n), part(4n), w.tier2a.address, w.bank.address, "50,000.00", "redeemed"],
    ]);
    expect(facts.transfers[0].date).to.deep.equal(await dateOf(issued.transaction));
    expect(facts.transfers[3].transaction).to.equal(offer.transaction);

    expect(facts.funding).to.deep.equal({
      acceptor: w.core.address,
      amount: "1,000,000.00",
      date: await dateOf(funded.transaction),
      transaction: funded.transaction,
    });
    expect(facts.discounts).to.have.length(1);
    expect(facts.discounts[0]).to.deep.include({
      tokenId: part(4n),
      financier: w.bank.address,
      endorser: w.tier2a.address,
      rate: "3.50%",
      days: quote.days,
      price: yuanText(BigInt(quote.yuan.replace(".", ""))),
    });
    expect(facts.redemptions).to.deep.equal([
      {
        tokenId: part(4n),
        beneficiary: w.bank.address,
        value: "50,000.00",
        amount: "50,000.00",
        date: await dateOf(redeemed.transaction),
      },
    ]);
    expect(facts.recourse).to.deep.equal([]);
    expect(facts.dishonored).to.equal(null);
    // The timeline holds the bill's events and the value movements between its parts, in chain order.
    expect(facts.events.map((e) => e.name)).to.deep.equal([
      "Issued",
      "TransferValue",
      "Offered",
      "Accepted",
      "Signed",
      "TransferValue",
      "Offered",
      "Signed",
      "TransferValue",
      "TransferValue",
      "Offered",
      "DiscountOffered",
      "Signed",
      "Discounted",
      "Funded",
      "TransferValue",
      "Redeemed",
    ]);
  });

  it("tells a dishonoured bill's recourse: who claimed what from whom, and who paid", async function () {
    const { w, as } = await networkHelpers.loadFixture(world);
    const issued = await issue(w, as, "500.00");
    const offer = await as(w.tier1).endorse(issued.rootTokenId, w.tier2a.address, "200.00");
    await as(w.tier2a).sign(offer.tokenId);
    await networkHelpers.time.increaseTo(w.maturity);
    const dishonored = await as(w.core).dishonor(issued.packageId, "no funds");
    await as(w.tier2a).claimRecourse(offer.tokenId, w.tier1.address);
    await as(w.tier1).payRecourse(offer.tokenId);

    const facts = await new BillsReader(w.bills.target as string, ethers.provider).lookup(issued.packageId);
    expect(facts.package.status).to.equal("dishonored");
    expect(facts.funding).to.equal(null);
    expect(facts.dishonored).to.deep.equal({ by: w.core.address, date: await dateOf(dishonored.transaction) });
    expect(facts.recourse.map((r) => [r.kind, r.tokenId, r.party, r.claimant, r.amount])).to.deep.equal([
      ["claimed", offer.tokenId, w.tier1.address, w.tier2a.address, "200.00"],
      ["paid", offer.tokenId, w.tier1.address, w.tier2a.address, "200.00"],
    ]);
    // Paying took the claim over: the part is the payer's now.
    expect(facts.parts[1].holder).to.equal(w.tier2a.address);
    expect(facts.parts[1].owner).to.equal(w.tier1.address);
  });

  it("reads the value moves of a package split into 40 parts with filters of at most 32 part ids each", async function () {
    const { w, as } = await networkHelpers.loadFixture(world);
    const issued = await issue(w, as, "40.00");
    for (let i = 0; i < 39; i++) await as(w.tier1).split(issued.rootTokenId, "1.00");

    // A reader whose every JSON-RPC request is noted: public RPCs bound how many ids one topic may list.
    const filters: { topics: (string | string[] | null)[] }[] = [];
    const eip1193: Eip1193Provider = {
      request: async (request) => {
        if (request.method === "eth_getLogs") filters.push((request.params as { topics: [] }[])[0]);
        return connection.provider.request(request);
      },
    };
    const provider = new BrowserProvider(eip1193);
    const facts = await new BillsReader(w.bills.target as string, provider).lookup(issued.packageId);
    provider.destroy();

    expect(facts.parts).to.have.length(40);
    const splits = facts.transfers.filter((t) => t.kind === "split");
    expect(splits.map((t) => t.tokenId)).to.deep.equal(
      Array.from({ length: 39 }, (_, i) => partTokenId(issued.packageId, BigInt(i + 2))),
    );
    expect(facts.events.filter((e) => e.name === "TransferValue")).to.have.length(40);
    const listed = filters.flatMap((f) => f.topics.filter((topic) => Array.isArray(topic)).map((ids) => ids.length));
    expect(Math.max(...listed)).to.equal(32);
    // Out of and into 40 parts: two groups (32 and 8) per side.
    expect(listed.filter((n) => n === 32 || n === 8).sort()).to.deep.equal([32, 32, 8, 8]);
  });
});
