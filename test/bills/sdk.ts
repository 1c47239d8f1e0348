import { expect } from "chai";
import { network } from "hardhat";

import {
  BillsClient,
  MAX_UNITS,
  formatYuan,
  parseRatePercent,
  parseYuan,
  partTokenId,
  tokenUnitsPerCent,
} from "../../src/bills/index.js";
import { ContractRevertError, InvalidInputError } from "../../src/errors.js";
import { DAY, deployWorld, type World } from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;

describe("bills SDK", function () {
  describe("yuan amounts", function () {
    it("converts yuan strings to minimum units exactly and back", function () {
      expect(parseYuan("1234.56")).to.equal(123_456n);
      expect(parseYuan("1,000,000.00")).to.equal(100_000_000n);
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
        acceptor: w.core.address,
        payee: w.tier1.address,
        token: await w.token.getAddress(),
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
      await as(w.bank2).sign(issued.rootTokenId);
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
      expect((await as(w.core).parts(1n)).map((p) => p.state)).to.deep.equal([
        "held",
        "held",
        "cancelled",
        "held",
        "burned",
        "redeemed",
      ]);
    });

    it("answers bad input with one clear message before sending", async function () {
      const { w, as } = await networkHelpers.loadFixture(world);
      const request = {
        acceptor: w.core.address,
        payee: w.tier1.address,
        token: await w.token.getAddress(),
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
      const error = await as(w.tier2a)
        .sign(issued.rootTokenId)
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ContractRevertError);
      expect((error as ContractRevertError).errorName).to.equal("WrongPartState");
      await expect(as(w.core).part(partTokenId(1n, 9n))).to.be.rejectedWith(ContractRevertError, /NonexistentPart/);
    });

    it("recovers a dishonoured bill by recourse", async function () {
      const { w, as } = await networkHelpers.loadFixture(world);
      const issued = await as(w.core).issue({
        acceptor: w.core.address,
        payee: w.tier1.address,
        token: await w.token.getAddress(),
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
  });
});
