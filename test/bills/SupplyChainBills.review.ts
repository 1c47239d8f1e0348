import { expect } from "chai";
import { network } from "hardhat";

import { BILLS_TYPES, discountQuote } from "../../src/bills/index.js";
import { BASE_URI, DAY, ENTERPRISE, FACE, PartState, ROOT, activeWorld, partOfFirst } from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const id = partOfFirst;
const active = () => activeWorld(connection);

// Regression tests for the adversarial review (issue 9), each written from the attacker's side.
describe("SupplyChainBills: review findings", function () {
  it("1: a pledgee accepts only the value it saw; a re-pledge of the same id with less collateral is refused", async function () {
    const w = await networkHelpers.loadFixture(active);
    await w.bills.connect(w.tier1).pledge(ROOT, w.bank.address);
    // The bank saw FACE offered. The pledgor withdraws, splits the part down to 0.01 yuan and pledges the id again.
    await w.bills.connect(w.tier1).withdraw(ROOT);
    await w.bills.connect(w.tier1).split(ROOT, FACE - 1n);
    await w.bills.connect(w.tier1).pledge(ROOT, w.bank.address);
    await expect(w.bills.connect(w.bank).signPledge(ROOT, FACE))
      .to.be.revertedWithCustomError(w.bills, "PledgeValueChanged")
      .withArgs(ROOT, 1n, FACE);
    await expect(w.bills.connect(w.bank).sign(ROOT))
      .to.be.revertedWithCustomError(w.bills, "WrongPartState")
      .withArgs(ROOT, PartState.PledgeOffered, false);
    await expect(w.bills.connect(w.bank).signPledge(ROOT, 1n))
      .to.emit(w.bills, "Signed")
      .withArgs(1n, ROOT, w.bank.address);
  });

  it("2: a split leaves a rest, and returning an offer needs no new part id, also after maturity", async function () {
    const w = await networkHelpers.loadFixture(active);
    await expect(w.bills.connect(w.tier1).split(ROOT, FACE))
      .to.be.revertedWithCustomError(w.bills, "InvalidAmount")
      .withArgs(FACE, FACE);
    await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1_000n);
    const parts = (await w.bills.packageOf(1n)).parts;
    await networkHelpers.time.increaseTo(w.maturity);
    // At maturity the offer can no longer be signed; its addressee returns it and its value is redeemable again.
    await expect(w.bills.connect(w.tier2a).reject(id(2n)))
      .to.emit(w.bills, "TransferValue")
      .withArgs(id(2n), ROOT, 1_000n)
      .and.to.emit(w.bills, "SlotChanged")
      .withArgs(id(2n), 1n, 0n)
      .and.to.emit(w.bills, "OfferCancelled")
      .withArgs(1n, id(2n), w.tier2a.address, ROOT);
    expect((await w.bills.packageOf(1n)).parts).to.equal(parts);
    expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
    await w.bills.connect(w.core).fund(1n);
    const before = await w.token.balanceOf(w.tier1.address);
    await w.bills.connect(w.tier1).redeem(ROOT);
    expect((await w.token.balanceOf(w.tier1.address)) - before).to.equal(FACE * 10_000n);
  });

  it("2, 6: a part with offers pending cannot be merged away, pledged or redeemed", async function () {
    const w = await networkHelpers.loadFixture(active);
    const piece = id(2n);
    await w.bills.connect(w.tier1).split(ROOT, 5_000n);
    await w.bills.connect(w.tier1).endorse(piece, w.tier2a.address, 1_000n);
    await expect(w.bills.connect(w.tier1).merge(piece, ROOT))
      .to.be.revertedWithCustomError(w.bills, "PendingOffers")
      .withArgs(piece, 1n);
    await expect(w.bills.connect(w.tier1).pledge(piece, w.bank.address))
      .to.be.revertedWithCustomError(w.bills, "PendingOffers")
      .withArgs(piece, 1n);
    // The regulator freezes the part: the offer taken from it cannot be signed (finding 6's merge is refused).
    await w.bills.connect(w.regulator).setPartFrozen(piece, true, ethers.ZeroHash);
    await expect(w.bills.connect(w.tier2a).sign(id(3n)))
      .to.be.revertedWithCustomError(w.bills, "OfferSourceFrozen")
      .withArgs(id(3n), piece);
    await networkHelpers.time.increaseTo(w.maturity);
    await w.bills.connect(w.core).fund(1n);
    await w.bills.connect(w.regulator).setPartFrozen(piece, false, ethers.ZeroHash);
    await expect(w.bills.connect(w.tier1).redeem(piece))
      .to.be.revertedWithCustomError(w.bills, "PendingOffers")
      .withArgs(piece, 1n);
  });

  it("5: an operator's self-granted value allowance dies with its operator approval", async function () {
    const w = await networkHelpers.loadFixture(active);
    await w.bills.connect(w.tier1).setApprovalForAll(w.tier2a.address, true);
    await w.bills.connect(w.tier2a)["approve(uint256,address,uint256)"](ROOT, w.tier2b.address, ethers.MaxUint256);
    await w.bills.connect(w.tier1).setApprovalForAll(w.tier2a.address, false);
    expect(await w.bills.allowance(ROOT, w.tier2b.address)).to.equal(0n);
    await expect(w.bills.connect(w.tier2b).split(ROOT, 1n))
      .to.be.revertedWithCustomError(w.bills, "NotOwnerNorApproved")
      .withArgs(w.tier2b.address, ROOT);
  });

  it("7: a recipient whose fallback answers with empty data receives bills", async function () {
    const w = await networkHelpers.loadFixture(active);
    const empty = await ethers.deployContract("EmptyFallbackMock");
    const until = (await networkHelpers.time.latest()) + 3650 * DAY;
    await w.registry.register(empty, ethers.id("USCC-empty"), ENTERPRISE, until);
    await expect(w.bills.connect(w.tier1).endorse(ROOT, empty, 1_000n))
      .to.emit(w.bills, "Offered")
      .withArgs(1n, id(2n), await empty.getAddress(), ROOT, PartState.Offered);
  });

  it("8: ERC-3525/721 conformance and metadata", async function () {
    const w = await networkHelpers.loadFixture(active);
    expect(await w.bills.supportsInterface("0xe1600902")).to.equal(true);
    expect(await w.bills.supportsInterface("0x5b5e139f")).to.equal(true);
    expect(await w.bills.name()).to.equal("Supply Chain Bills");
    expect(await w.bills.symbol()).to.equal("BILL");
    expect(await w.bills.tokenURI(ROOT)).to.equal(`${BASE_URI}token/${ROOT}`);
    expect(await w.bills.contractURI()).to.equal(`${BASE_URI}contract`);
    expect(await w.bills.slotURI(1n)).to.equal(`${BASE_URI}slot/1`);
    await expect(w.bills.slotURI(9n)).to.be.revertedWithCustomError(w.bills, "UnknownPackage").withArgs(9n);
    await expect(w.bills.tokenURI(id(9n)))
      .to.be.revertedWithCustomError(w.bills, "NonexistentPart")
      .withArgs(id(9n));
    // The strings are built by the metadata contract the bills contract deployed with the base URI.
    const metadata = await ethers.getContractAt("BillsMetadata", await w.bills.METADATA());
    expect(await metadata.baseURI()).to.equal(BASE_URI);
    expect(await metadata.tokenURI(ROOT)).to.equal(`${BASE_URI}token/${ROOT}`);
    // Without a base URI every URI reads empty.
    const bare = await ethers.deployContract("SupplyChainBills", [w.registry, ethers.ZeroAddress, 0, 1, ""]);
    expect(await bare.name()).to.equal("Supply Chain Bills");
    expect([
      await bare.contractURI(),
      await (await ethers.getContractAt("BillsMetadata", await bare.METADATA())).tokenURI(ROOT),
    ]).to.deep.equal(["", ""]);
    await expect(w.bills["balanceOf(address)"](ethers.ZeroAddress))
      .to.be.revertedWithCustomError(w.bills, "InvalidCounterparty")
      .withArgs(ethers.ZeroAddress);
    // The ERC-721 approved address may set a value allowance; spending it emits the new allowance.
    await w.bills.connect(w.tier1)["approve(address,uint256)"](w.tier2a.address, ROOT);
    await w.bills.connect(w.tier2a)["approve(uint256,address,uint256)"](ROOT, w.tier2b.address, 10n);
    await expect(w.bills.connect(w.tier2b).split(ROOT, 4n))
      .to.emit(w.bills, "ApprovalValue")
      .withArgs(ROOT, w.tier2b.address, 6n);
    // A merge burns: SlotChanged(id, slot, 0).
    await expect(w.bills.connect(w.tier1).merge(id(2n), ROOT))
      .to.emit(w.bills, "SlotChanged")
      .withArgs(id(2n), 1n, 0n);
  });

  it("9: consents are used in any order, each once, and the endorsee can cancel one", async function () {
    const w = await networkHelpers.loadFixture(active);
    const { chainId } = await ethers.provider.getNetwork();
    const domain = { name: "SupplyChainBills", version: "1", chainId, verifyingContract: await w.bills.getAddress() };
    const types = { Endorsement: [...BILLS_TYPES.Endorsement] };
    const deadline = w.maturity;
    const consent = (nonce: bigint) =>
      w.tier2a.signTypedData(domain, types, { fromTokenId: ROOT, to: w.tier2a.address, amount: 10n, nonce, deadline });
    const [c5, c2, c3] = [await consent(5n), await consent(2n), await consent(3n)];
    await w.bills.connect(w.tier1).endorseWithSignature(ROOT, w.tier2a.address, 10n, 5n, deadline, c5);
    await w.bills.connect(w.tier1).endorseWithSignature(ROOT, w.tier2a.address, 10n, 2n, deadline, c2);
    await expect(w.bills.connect(w.tier1).endorseWithSignature(ROOT, w.tier2a.address, 10n, 5n, deadline, c5))
      .to.be.revertedWithCustomError(w.bills, "NonceAlreadyUsed")
      .withArgs(w.tier2a.address, 5n);
    await expect(w.bills.connect(w.tier2a).invalidateNonces(0n, 1n << 3n))
      .to.emit(w.bills, "NoncesInvalidated")
      .withArgs(w.tier2a.address, 0n, 8n);
    await expect(w.bills.connect(w.tier1).endorseWithSignature(ROOT, w.tier2a.address, 10n, 3n, deadline, c3))
      .to.be.revertedWithCustomError(w.bills, "NonceAlreadyUsed")
      .withArgs(w.tier2a.address, 3n);
  });

  it("the SDK's discount formula agrees with the contract's library on random inputs", async function () {
    const harness = await ethers.deployContract("DiscountHarness");
    let seed = 0x9e3779b97f4a7c15n;
    const next = (mod: bigint) => {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
      return seed % mod;
    };
    for (let i = 0; i < 50; ++i) {
      const units = 1n + next(10n ** 15n);
      const rateBps = Number(1n + next(10_000n));
      const timeUnitsPerSecond = next(2n) === 0n ? 1n : 1000n;
      const tokenDecimals = Number(2n + next(17n));
      const now = 1_700_000_000n * timeUnitsPerSecond + next(10n ** 9n);
      const maturity = now + 1n + next(400n * 86_400n * timeUnitsPerSecond);
      const quote = discountQuote({ units, rateBps, maturity, now, timeUnitsPerSecond, tokenDecimals });
      const gross = units * 10n ** BigInt(tokenDecimals - 2);
      const [price, days] = await harness.quote(gross, rateBps, maturity, now, 86_400n * timeUnitsPerSecond);
      expect([price, Number(days)]).to.deep.equal([quote.price, quote.days]);
    }
  });
});
