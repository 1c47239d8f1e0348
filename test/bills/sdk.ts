import { expect } from "chai";
import { network } from "hardhat";

import {
  BillsClient,
  MAX_UNITS,
  ParticipantsClient,
  describeBillEvent,
  discountQuote,
  formatTokenYuan,
  formatYuan,
  packageAmounts,
  parseRatePercent,
  parseYuan,
  partTokenId,
  tokenUnitsPerCent,
  type BillEvent,
} from "../../src/index.js";
import { ContractRevertError, InvalidInputError } from "../../src/errors.js";
import { revertOf } from "../helpers/sdk.js";
import { DAY, UNIT, deployWorld, type World } from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
// A second chain whose clock runs in milliseconds, for a bills deployment with TIME_UNITS_PER_SECOND = 1000.
const msConnection = await network.create();
const names = (events: BillEvent[]) => events.map((e) => e.name);

describe("bills SDK", function () {
  describe("yuan amounts", function () {
    it("converts yuan strings to minimum units exactly and back", function () {
      expect(parseYuan("1234.56")).to.equal(123_456n);
      expect(parseYuan("1,000,000.00")).to.equal(100_000_000n);
      expect(parseYuan("1000000.00")).to.equal(100_000_000n);
      expect(parseYuan("12,345.6")).to.equal(1_234_560n);
      expect(parseYuan("999")).to.equal(99_900n);
      expect(parseYuan("1,234")).to.equal(123_400n);
      expect(parseYuan("7")).to.equal(700n);
      expect(parseYuan("0.5")).to.equal(50n);
      expect(parseYuan(" 0.01 ")).to.equal(1n);
      expect(parseYuan("184467440737095516.15")).to.equal(MAX_UNITS);
      expect(formatYuan(123_456n)).to.equal("1234.56");
      expect(formatYuan(100_000_000n, { grouping: true })).to.equal("1,000,000.00");
      expect(formatYuan(5n)).to.equal("0.05");
      for (const text of ["1", "99.9", "12345678901234.01", "0.10"])
        expect(formatYuan(parseYuan(text))).to.match(/\.\d\d$/);
      expect(formatYuan(parseYuan("12345678901234.01"))).to.equal("12345678901234.01");
    });

    it("rejects anything that is not a positive amount of whole fen, with one message", function () {
      const bad = ["", "abc", "1.234", "-5", "+5", "1e6", "01.00", "1,00.00", "١٢", "0x10", "1.", ".5"];
      // Misplaced or partial thousands grouping.
      bad.push(",100", "1000,000.00", "1,0000", "1,000,00", "10,00", "1,,000", "1,000,", ",", "0,100", "1,000.00,5");
      for (const text of bad) {
        expect(() => parseYuan(text), text)
          .to.throw(InvalidInputError)
          .with.property("message")
          .that.matches(/is not a yuan amount/);
      }
      expect(() => parseYuan("0.00")).to.throw(InvalidInputError, "amount must be more than zero");
      expect(() => parseYuan("184467440737095516.16")).to.throw(InvalidInputError, /exceeds the bill limit/);
      expect(() => formatYuan(-1n)).to.throw(InvalidInputError, /negative/);
    });

    it("parses rates and token scales", function () {
      expect(parseRatePercent("3.5")).to.equal(350);
      expect(parseRatePercent("3.5%")).to.equal(350);
      expect(parseRatePercent("100")).to.equal(10_000);
      for (const bad of ["0", "100.01", "3.555", "x", "-1"]) {
        expect(() => parseRatePercent(bad), bad).to.throw(InvalidInputError, /annual percentage/);
      }
      expect(tokenUnitsPerCent(2)).to.equal(1n);
      expect(tokenUnitsPerCent(18)).to.equal(10n ** 16n);
      expect(() => tokenUnitsPerCent(1)).to.throw(InvalidInputError, /2 to 30 decimals/);
    });

    it("formats token amounts as yuan, keeping fractions of a fen", function () {
      expect(formatTokenYuan(198_250_000_000n, 6)).to.equal("198250.00");
      expect(formatTokenYuan(198_250_000_012n, 6)).to.equal("198250.000012");
      expect(formatTokenYuan(198_250_000_010n, 6, { grouping: true })).to.equal("198,250.00001");
      expect(formatTokenYuan(5n, 2)).to.equal("0.05");
      expect(formatTokenYuan(10n ** 18n, 18)).to.equal("1.00");
    });

    it("quotes a discount with the contract's formula", function () {
      const day = 86_400n;
      const base = { units: 20_000_000n, rateBps: 350, timeUnitsPerSecond: 1n, tokenDecimals: 6 };
      expect(discountQuote({ ...base, maturity: 90n * day, now: 0n })).to.deep.equal({
        price: 198_250_000_000n,
        yuan: "198250.00",
        days: 90,
        interest: 1_750_000_000n,
      });
      // Rounded up to whole days, in milliseconds just the same.
      expect(discountQuote({ ...base, maturity: 90n * day, now: 1n }).days).to.equal(90);
      expect(discountQuote({ ...base, maturity: 90n * day, now: day + 1n }).days).to.equal(89);
      const ms = { ...base, timeUnitsPerSecond: 1000n, maturity: 90n * day * 1000n };
      expect(discountQuote({ ...ms, now: day * 1000n + 1n }).days).to.equal(89);
      expect(discountQuote({ ...base, rateBps: 10_000, maturity: 400n * day, now: 0n }).price).to.equal(0n);
      expect(() => discountQuote({ ...base, maturity: 5n, now: 5n })).to.throw(InvalidInputError, /has matured/);
      expect(() => discountQuote({ ...base, rateBps: 0, maturity: 5n, now: 0n })).to.throw(InvalidInputError, /rate/);
    });
  });

  describe("client", function () {
    async function world() {
      const w = await deployWorld(connection);
      const as = (signer: World["core"]) => new BillsClient(w.bills.target as string, signer);
      return { w, as };
    }

    it("runs a bill from issue to redemption with yuan strings", async function () {
      const { w, as } = await networkHelpers.loadFixture(world);
      const issued = await as(w.core).issue({
        ...issuedRequest(w),
        amount: "1,000,000.00",
        maturity: w.maturity,
        tradeDigest: "purchase contract PC-1",
      });
      expect(issued.packageId).to.equal(1n);
      expect(issued.rootTokenId).to.equal(partTokenId(1n, 1n));
      await as(w.core).accept(1n);
      await as(w.tier1).sign(issued.rootTokenId);
      const signed = await as(w.tier1).signEndorsement(w.tier2a, {
        fromTokenId: issued.rootTokenId,
        amount: "300000.00",
        deadline: w.maturity,
      });
      const endorsed = await as(w.tier1).endorseWithSignature(signed);
      expect((await as(w.tier1).part(endorsed.tokenId)).value).to.equal("300000.00");
      const offer = await as(w.tier1).endorse(issued.rootTokenId, w.tier2b.address, "0.01");
      await as(w.tier2b).reject(offer.tokenId);
      const split = await as(w.tier2a).split(endorsed.tokenId, "100000.00");
      await as(w.tier2a).merge(split.tokenId, endorsed.tokenId);
      const discount = await as(w.tier2a).offerDiscount(endorsed.tokenId, w.bank.address, "100000.00", "3.5");
      const quote = await as(w.bank).discountPrice(discount.tokenId);
      const paid = await as(w.bank).signDiscount(discount.tokenId);
      expect(paid.price).to.equal(quote.price);
      await as(w.tier1).pledge(issued.rootTokenId, w.bank2.address);
      await as(w.bank2).signPledge(issued.rootTokenId, (await as(w.bank2).part(issued.rootTokenId)).value);
      await as(w.bank2).release(issued.rootTokenId);
      expect(await as(w.tier1).chain(discount.tokenId)).to.deep.equal([
        w.core.address,
        w.tier1.address,
        w.tier2a.address,
      ]);
      await networkHelpers.time.increaseTo(w.maturity);
      await as(w.core).fund(1n);
      const redeemed = await as(w.bank).redeem(discount.tokenId);
      expect(redeemed.beneficiary).to.equal(w.bank.address);
      expect(redeemed.amount).to.equal(100_000_00n * 10_000n);
      const pkg = await as(w.core).package(1n);
      expect(pkg.status).to.equal("funded");
      expect(pkg.redeemed).to.equal("100000.00");
      expect(pkg.outstanding).to.equal("900000.00");
      expect(pkg.maturityDate.getTime()).to.equal(w.maturity * 1000);
      const redeemedPart = await as(w.core).part(discount.tokenId);
      expect([redeemedPart.value, redeemedPart.paid, redeemedPart.state]).to.deep.equal([
        "0.00",
        "100000.00",
        "redeemed",
      ]);
      // The rejected offer (part 3) went back into the root: no part was minted for it.
      expect((await as(w.core).parts(1n)).map((p) => p.state)).to.deep.equal([
        "held",
        "held",
        "cancelled",
        "burned",
        "redeemed",
      ]);
      expect((await as(w.core).part(issued.rootTokenId)).value).to.equal("700000.00");
    });

    it("quotes before and after an offer, counts days to maturity and reads a bill's history", async function () {
      const { w, as } = await networkHelpers.loadFixture(world);
      const issued = await as(w.core).issue({
        ...issuedRequest(w),
        amount: "1,000,000.00",
        maturity: new Date(w.maturity * 1000),
        tradeDigest: "contract PC-9",
      });
      expect((await as(w.core).package(issued.packageId)).maturity).to.equal(w.maturity);
      expect(await as(w.core).daysToMaturity(issued.packageId)).to.equal(90);
      await as(w.core).accept(issued.packageId);
      await as(w.tier1).sign(issued.rootTokenId);
      const before = await as(w.tier1).quoteDiscount(issued.rootTokenId, "200,000.00", "3.5");
      expect(before).to.deep.equal({ price: 198_250_000_000n, yuan: "198250.00", days: 90, interest: 1_750_000_000n });
      const offer = await as(w.tier1).offerDiscount(issued.rootTokenId, w.bank.address, "200000.00", "3.5");
      expect(await as(w.bank).discountPrice(offer.tokenId)).to.deep.equal(before);
      await expect(as(w.tier1).quoteDiscount(issued.rootTokenId, "900000.01", "3.5")).to.be.rejectedWith(
        InvalidInputError,
        /exceeds part/,
      );
      await as(w.bank).signDiscount(offer.tokenId);
      const toA = await as(w.tier1).endorse(issued.rootTokenId, w.tier2a.address, "100000.00");
      await as(w.tier2a).sign(toA.tokenId);
      await networkHelpers.time.increaseTo(w.maturity);
      expect(await as(w.core).daysToMaturity(issued.packageId)).to.equal(0);
      await as(w.core).dishonor(issued.packageId, "no funds");
      expect(await as(w.tier2a).pendingClaim(toA.tokenId)).to.equal(null);
      await as(w.tier2a).claimRecourse(toA.tokenId, w.tier1.address);
      expect(await as(w.tier2a).pendingClaim(toA.tokenId)).to.deep.equal({
        target: w.tier1.address,
        claimant: w.tier2a.address,
        amount: 10_000_000n * UNIT,
        yuan: "100000.00",
      });
      await expect(as(w.tier1).payRecourse(issued.rootTokenId)).to.be.rejectedWith(
        InvalidInputError,
        `no recourse claim is pending on part ${issued.rootTokenId}`,
      );
      const paid = await as(w.tier1).payRecourse(toA.tokenId);
      expect(paid.amount).to.equal(10_000_000n * UNIT);

      const history = await as(w.core).history(issued.packageId);
      expect(names(history)).to.deep.equal([
        "Issued",
        "Offered",
        "Accepted",
        "Signed",
        "Offered",
        "DiscountOffered",
        "Signed",
        "Discounted",
        "Offered",
        "Signed",
        "Dishonored",
        "RecourseClaimed",
        "RecoursePaid",
      ]);
      const issuedEvent = history[0];
      expect(issuedEvent.name === "Issued" && issuedEvent.faceValue).to.equal("1000000.00");
      const offered = history.find((e) => e.name === "DiscountOffered")!;
      expect(offered).to.deep.include({ tokenId: offer.tokenId, financier: w.bank.address, rateBps: 350 });
      expect(describeBillEvent(offered)).to.equal(
        `part ${offer.tokenId} offered for discount to ${w.bank.address} at 3.5%`,
      );
      const discounted = history.find((e) => e.name === "Discounted");
      expect(discounted).to.deep.include({
        tokenId: offer.tokenId,
        financier: w.bank.address,
        endorser: w.tier1.address,
        rateBps: 350,
        days: 90,
        price: 198_250_000_000n,
      });
      const recourse = history.at(-1)!;
      expect(recourse).to.deep.include({
        name: "RecoursePaid",
        packageId: issued.packageId,
        tokenId: toA.tokenId,
        payer: w.tier1.address,
        claimant: w.tier2a.address,
        amount: 10_000_000n * UNIT,
      });
      // A part's own story, with the value that moved into it.
      expect(names(await as(w.core).partHistory(toA.tokenId))).to.deep.equal([
        "TransferValue",
        "Offered",
        "Signed",
        "RecourseClaimed",
        "RecoursePaid",
      ]);
      expect(names(await as(w.core).partHistory(issued.rootTokenId))).to.deep.equal([
        "TransferValue", // issued: value minted into the root part
        "Offered",
        "Signed",
        "TransferValue", // discount offer taken from it
        "Offered",
        "TransferValue", // endorsement taken from it
        "Offered",
      ]);
      // Another bill's events stay out.
      const other = await as(w.core).issue({ ...issuedRequest(w), maturity: w.maturity + DAY });
      expect(names(await as(w.core).history(other.packageId))).to.deep.equal(["Issued", "Offered"]);
      expect(await as(w.core).history(issued.packageId)).to.have.length(13);
    });

    it("hands out the registry as a ParticipantsClient in the bills deployment's time unit", async function () {
      const { w, as } = await networkHelpers.loadFixture(world);
      const registry = await as(w.admin).registry();
      expect(registry).to.be.instanceOf(ParticipantsClient);
      expect(await registry.timeUnit()).to.equal(1n);
      expect((await registry.get(w.tier1.address)).roles).to.deep.equal(["enterprise"]);
      await registry.suspend(w.tier1.address, "KYC review");
      expect(await registry.isActive(w.tier1.address)).to.equal(false);
    });

    it("answers bad input with one clear message before sending", async function () {
      const { w, as } = await networkHelpers.loadFixture(world);
      const request = {
        ...issuedRequest(w),
        amount: "100.00",
        maturity: w.maturity,
        tradeDigest: "contract",
      };
      await expect(as(w.core).issue({ ...request, payee: w.outsider.address })).to.be.rejectedWith(
        InvalidInputError,
        `payee ${w.outsider.address} is not registered`,
      );
      await expect(as(w.core).issue({ ...request, payee: w.bank.address })).to.be.rejectedWith(
        InvalidInputError,
        `payee ${w.bank.address} lacks the enterprise role`,
      );
      await w.registry.suspend(w.tier2a.address, ethers.ZeroHash);
      await expect(as(w.core).issue({ ...request, payee: w.tier2a.address })).to.be.rejectedWith(
        InvalidInputError,
        `payee ${w.tier2a.address} is suspended`,
      );
      await w.registry.connect(w.regulator).setFrozen(w.tier2b.address, true, ethers.ZeroHash);
      await expect(as(w.core).issue({ ...request, payee: w.tier2b.address })).to.be.rejectedWith(
        InvalidInputError,
        `payee ${w.tier2b.address} is frozen by the regulator`,
      );
      await expect(as(w.core).issue({ ...request, amount: "12.345" })).to.be.rejectedWith(
        InvalidInputError,
        /is not a yuan amount/,
      );
      const past = (await networkHelpers.time.latest()) - DAY;
      await expect(as(w.core).issue({ ...request, maturity: past })).to.be.rejectedWith(
        InvalidInputError,
        /is not in the future/,
      );
      await expect(as(w.core).issue({ ...request, tradeDigest: "" })).to.be.rejectedWith(
        InvalidInputError,
        "the trade-background digest is required",
      );
      await expect(as(w.core).issue({ ...request, acceptor: "0x123" })).to.be.rejectedWith(
        InvalidInputError,
        'acceptor is not an address: "0x123"',
      );
      const unknown = ethers.id("never anchored");
      await expect(as(w.core).issue({ ...request, evidenceId: unknown })).to.be.rejectedWith(
        InvalidInputError,
        `evidence ${unknown} is not anchored in the evidence registry`,
      );
      const revoked = ethers.id("withdrawn invoice");
      await w.evidence.connect(w.core).anchor(revoked, 1, ethers.ZeroHash);
      await w.evidence.connect(w.core).revoke(revoked, ethers.ZeroHash);
      const revokedAt = new Date((await networkHelpers.time.latest()) * 1000).toISOString();
      await expect(as(w.core).issue({ ...request, evidenceId: revoked })).to.be.rejectedWith(
        InvalidInputError,
        `evidence ${revoked} was revoked at ${revokedAt}`,
      );
      const noEvidence = await ethers.deployContract("SupplyChainBills", [w.registry, ethers.ZeroAddress, DAY, 1, ""]);
      await expect(
        new BillsClient(await noEvidence.getAddress(), w.core).issue({ ...request, evidenceId: revoked }),
      ).to.be.rejectedWith(
        InvalidInputError,
        "this bills deployment has no evidence registry: it takes no evidence id",
      );
      const issued = await as(w.core).issue(request);
      await as(w.core).accept(issued.packageId);
      await as(w.tier1).sign(issued.rootTokenId);
      await expect(as(w.tier1).endorse(issued.rootTokenId, w.tier2b.address, "100.01")).to.be.rejectedWith(
        InvalidInputError,
        `amount 100.01 exceeds part ${issued.rootTokenId}'s value of 100.00 yuan`,
      );
      await expect(as(w.tier1).claimRecourse(issued.rootTokenId, w.bank.address)).to.be.rejectedWith(
        InvalidInputError,
        /is not on part .* endorsement chain/,
      );
      // Anything the SDK cannot pre-check comes back as the decoded custom error.
      // The root part is held (state 4) by tier1, not on offer to tier2a.
      expect(await revertOf(as(w.tier2a).sign(issued.rootTokenId))).to.deep.equal({
        name: "WrongPartState",
        args: { tokenId: issued.rootTokenId, state: 4n, frozen: false },
      });
      await expect(as(w.core).part(partTokenId(1n, 9n))).to.be.rejectedWith(ContractRevertError, /NonexistentPart/);
    });

    it("recovers a dishonoured bill by recourse", async function () {
      const { w, as } = await networkHelpers.loadFixture(world);
      const issued = await as(w.core).issue({
        ...issuedRequest(w),
        amount: "500.00",
        maturity: w.maturity,
        tradeDigest: "contract",
      });
      await as(w.core).accept(issued.packageId);
      await as(w.tier1).sign(issued.rootTokenId);
      const offer = await as(w.tier1).endorse(issued.rootTokenId, w.tier2a.address, "200.00");
      await as(w.tier2a).sign(offer.tokenId);
      await networkHelpers.time.increaseTo(w.maturity);
      await as(w.core).dishonor(issued.packageId, "no funds");
      await as(w.tier2a).claimRecourse(offer.tokenId, w.tier1.address);
      const before = await w.token.balanceOf(w.tier2a.address);
      await as(w.tier1).payRecourse(offer.tokenId);
      expect((await w.token.balanceOf(w.tier2a.address)) - before).to.equal(200_00n * 10_000n);
      const part = await as(w.tier1).part(offer.tokenId);
      expect(part.owner).to.equal(w.tier1.address);
      expect(part.takenOver).to.equal(true);
      await as(w.regulator).setPartFrozen(offer.tokenId, true, "court order");
      expect((await as(w.tier1).part(offer.tokenId)).frozen).to.equal(true);
    });
    it("reports a frozen part's offer as refused, and its value coming back into the frozen part", async function () {
      const { w, as } = await networkHelpers.loadFixture(world);
      const issued = await as(w.core).issue({ ...issuedRequest(w), amount: "1000.00" });
      await as(w.core).accept(issued.packageId);
      await as(w.tier1).sign(issued.rootTokenId);
      const offer = await as(w.tier1).endorse(issued.rootTokenId, w.tier2a.address, "900.00");
      await as(w.regulator).setPartFrozen(issued.rootTokenId, true, "court order");
      const refused = await as(w.tier2a)
        .sign(offer.tokenId)
        .catch((e: unknown) => e);
      expect(refused).to.be.instanceOf(ContractRevertError);
      expect((refused as ContractRevertError).errorName).to.equal("OfferSourceFrozen");
      expect((refused as ContractRevertError).args).to.deep.include({
        tokenId: offer.tokenId,
        sourceTokenId: issued.rootTokenId,
      });
      await as(w.tier1).withdraw(offer.tokenId);
      expect(await as(w.tier1).part(issued.rootTokenId)).to.deep.include({
        frozen: true,
        value: "1000.00",
        state: "held",
        pendingOffers: 0,
      });
      const cancelled = (await as(w.tier1).partHistory(issued.rootTokenId)).find((e) => e.name === "OfferCancelled")!;
      expect(cancelled).to.deep.include({
        tokenId: offer.tokenId,
        by: w.tier1.address,
        returnedTokenId: issued.rootTokenId,
      });
      expect(describeBillEvent(cancelled)).to.equal(
        `part ${offer.tokenId} offer cancelled by ${w.tier1.address}, value back in part ${issued.rootTokenId}`,
      );
      expect((await as(w.core).parts(issued.packageId)).length).to.equal(2);
    });
  });

  describe("consents (finding 9)", function () {
    it("signs the lowest unused nonce, and the endorsee cancels a consent before it is relayed", async function () {
      const w = await deployWorld(connection);
      const as = (signer: World["core"]) => new BillsClient(w.bills.target as string, signer);
      const issued = await as(w.core).issue({ ...issuedRequest(w), amount: "1000.00" });
      await as(w.core).accept(issued.packageId);
      await as(w.tier1).sign(issued.rootTokenId);
      const terms = { fromTokenId: issued.rootTokenId, amount: "10.00", deadline: w.maturity };
      const first = await as(w.tier1).signEndorsement(w.tier2a, terms);
      expect(first.nonce).to.equal(0n);
      // The endorsee changes its mind: it invalidates nonce 0 (and 5, unused) before anyone relays the consent.
      await as(w.tier2a).invalidateConsents([0n, 5n]);
      expect(await w.bills.nonceBitmap(w.tier2a.address, 0n)).to.equal(0b100001n);
      await expect(as(w.tier1).endorseWithSignature(first)).to.be.rejectedWith(
        InvalidInputError,
        "the endorsee's signature was already used or cancelled (nonce 0)",
      );
      // Sent anyway, the contract refuses it.
      await expect(
        w.bills
          .connect(w.tier1)
          .endorseWithSignature(first.fromTokenId, first.to, first.units, 0n, first.deadline, first.signature),
      )
        .to.be.revertedWithCustomError(w.bills, "NonceAlreadyUsed")
        .withArgs(w.tier2a.address, 0n);
      // The next consent takes the lowest unused nonce, 1.
      const second = await as(w.tier1).signEndorsement(w.tier2a, terms);
      expect(second.nonce).to.equal(1n);
      await as(w.tier1).endorseWithSignature(second);
      expect(await as(w.tier1).part(issued.rootTokenId)).to.deep.include({ value: "990.00", pendingOffers: 0 });
      await expect(as(w.tier2a).invalidateConsents([])).to.be.rejectedWith(InvalidInputError, /one or more/);
      await expect(as(w.tier2a).invalidateConsents([1n, 256n])).to.be.rejectedWith(InvalidInputError, /one 256-nonce/);
    });

    it("derives a package's amounts from packageOf", function () {
      expect(packageAmounts({ faceValue: 100n, redeemed: 30n, status: 4n })).to.deep.equal({
        outstanding: 70n,
        funded: 100n,
        redeemed: 30n,
      });
      expect(packageAmounts({ faceValue: 100n, redeemed: 0n, status: 3 })).to.deep.equal({
        outstanding: 100n,
        funded: 0n,
        redeemed: 0n,
      });
      expect(packageAmounts({ faceValue: 100n, redeemed: 0n, status: 6n }).outstanding).to.equal(0n);
    });
  });

  describe("on a millisecond chain", function () {
    it("converts dates to ms, counts days and quotes discounts in ms time", async function () {
      const { networkHelpers: msHelpers } = msConnection;
      const w = await deployWorld(msConnection, 1000);
      const as = (signer: World["core"]) => new BillsClient(w.bills.target as string, signer);
      const now = await msHelpers.time.latest();
      expect(now).to.be.greaterThan(1e12);
      expect(await as(w.core).timeUnit()).to.equal(1000n);
      const due = new Date(now + 90 * DAY * 1000);
      const issued = await as(w.core).issue({
        ...issuedRequest(w),
        amount: "1,000,000.00",
        maturity: due,
        tradeDigest: "ms contract",
      });
      const pkg = await as(w.core).package(issued.packageId);
      expect(pkg.maturity).to.equal(due.getTime());
      expect(pkg.maturityDate.toISOString()).to.equal(due.toISOString());
      expect(await as(w.core).daysToMaturity(issued.packageId)).to.equal(90);
      // A date in seconds would be in 1970: refused as past.
      await expect(
        as(w.core).issue({ ...issuedRequest(w), maturity: Math.floor(due.getTime() / 1000) }),
      ).to.be.rejectedWith(InvalidInputError, /is not in the future/);
      await as(w.core).accept(issued.packageId);
      await as(w.tier1).sign(issued.rootTokenId);
      await msHelpers.time.increaseTo(now + DAY * 1000 + 1);
      const offer = await as(w.tier1).offerDiscount(issued.rootTokenId, w.bank.address, "200000.00", "3.5");
      const quote = await as(w.bank).discountPrice(offer.tokenId);
      expect(quote.days).to.equal(89);
      const gross = 20_000_000n * UNIT;
      expect(quote.price).to.equal(gross - (gross * 350n * 89n) / 3_600_000n);
      const signed = await as(w.bank).signDiscount(offer.tokenId);
      expect(signed.price).to.equal(quote.price);
      // Participants read ms validity too.
      const registry = await as(w.admin).registry();
      expect(await registry.timeUnit()).to.equal(1000n);
      expect((await registry.get(w.tier1.address)).validUntilDate.getTime()).to.equal(w.validUntil);
      await msHelpers.time.increaseTo(pkg.maturity);
      await as(w.core).fund(issued.packageId);
      for (const [who, id] of [
        [w.tier1, issued.rootTokenId],
        [w.bank, offer.tokenId],
      ] as const) {
        await as(who).redeem(id);
      }
      expect((await as(w.core).package(issued.packageId)).redeemed).to.equal("1000000.00");
    });
  });
});

function issuedRequest(w: World) {
  return {
    acceptor: w.core.address,
    payee: w.tier1.address,
    token: w.token.target as string,
    amount: "1.00",
    maturity: w.maturity,
    tradeDigest: "x",
  };
}
