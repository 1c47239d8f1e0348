import { expect } from "chai";
import { network } from "hardhat";

import {
  FACE,
  HOLDER_ROLES,
  PackageStatus,
  PartState,
  ROOT,
  UNIT,
  WINDOW,
  type World,
  amountsOf,
  deployWorld,
  issueBill,
  issueIn,
  partOfFirst,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const ZERO = ethers.ZeroHash;
const id = partOfFirst;
const REASON = ethers.id("insufficient funds");

/**
 * tier1 keeps 50,000,000 (ROOT), endorses 30,000,000 to tier2a (id2) and 20,000,000 to tier2b (id3);
 * tier2a discounts 10,000,000 with bank (id4, chain core → tier1 → tier2a) and keeps 20,000,000.
 */
async function distributed(): Promise<World> {
  const w = await deployWorld(connection);
  await issueBill(w);
  await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 30_000_000n);
  await w.bills.connect(w.tier2a).sign(id(2n));
  await w.bills.connect(w.tier1).endorse(ROOT, w.tier2b.address, 20_000_000n);
  await w.bills.connect(w.tier2b).sign(id(3n));
  await w.bills.connect(w.tier2a).offerDiscount(id(2n), w.bank.address, 10_000_000n, 350);
  await w.bills.connect(w.bank).signDiscount(id(4n), ethers.MaxUint256);
  return w;
}

async function matured(): Promise<World> {
  const w = await distributed();
  await networkHelpers.time.increaseTo(w.maturity);
  return w;
}

async function funded(): Promise<World> {
  const w = await matured();
  await w.bills.connect(w.core).fund(1n);
  return w;
}

async function dishonored(): Promise<World> {
  const w = await matured();
  await w.bills.connect(w.core).dishonor(1n, REASON);
  return w;
}

describe("SupplyChainBills: funding, redemption, dishonor and recourse", function () {
  describe("fund", function () {
    it("takes the face value from the acceptor", async function () {
      const w = await networkHelpers.loadFixture(matured);
      await expect(w.bills.connect(w.tier1).fund(1n))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier1.address, w.core.address);
      const tx = w.bills.connect(w.core).fund(1n);
      await expect(tx)
        .to.emit(w.bills, "Funded")
        .withArgs(1n, w.core.address, FACE * UNIT);
      await expect(tx).to.changeTokenBalances(ethers, w.token, [w.core, w.bills], [-(FACE * UNIT), FACE * UNIT]);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Funded);
      expect(await amountsOf(w, 1n)).to.deep.equal([FACE, FACE, 0n]);
      await expect(w.bills.connect(w.core).fund(1n))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Funded);
    });

    it("refuses a settlement token that delivers less than it is asked to", async function () {
      const w = await deployWorld(connection);
      const fee = await ethers.deployContract("FeeOnTransferToken");
      await issueIn(w, fee, FACE * 2n);
      // 2 decimals: one token unit per minimum unit; the token burns 1 % on the way.
      await expect(w.bills.connect(w.core).fund(1n))
        .to.be.revertedWithCustomError(w.bills, "UnexpectedTokenAmount")
        .withArgs(await fee.getAddress(), FACE - FACE / 100n, FACE);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Active);
      expect(await fee.balanceOf(w.bills)).to.equal(0n);
      expect(await fee.balanceOf(w.core)).to.equal(FACE * 2n);
    });

    it("needs an active acceptor", async function () {
      const w = await networkHelpers.loadFixture(matured);
      await w.registry.connect(w.regulator).setFrozen(w.core.address, true, ZERO);
      await expect(w.bills.connect(w.core).fund(1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.core.address, HOLDER_ROLES);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Active);
      expect(await w.token.balanceOf(w.bills)).to.equal(0n);
    });

    it("may come before maturity, not before delivery", async function () {
      const w = await deployWorld(connection);
      await issueBill(w, "accepted");
      await expect(w.bills.connect(w.core).fund(1n))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Accepted);
      await w.bills.connect(w.tier1).sign(ROOT);
      await w.bills.connect(w.core).fund(1n);
      // Funded early, the bill still moves until maturity but pays only from maturity.
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n);
      await expect(w.bills.connect(w.tier1).redeem(ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotMatured")
        .withArgs(1n, w.maturity);
    });
  });

  describe("redeem", function () {
    it("pays each holder its part exactly once and burns the part's value", async function () {
      const w = await networkHelpers.loadFixture(funded);
      const holders = [
        [ROOT, w.tier1, 50_000_000n],
        [id(2n), w.tier2a, 20_000_000n],
        [id(3n), w.tier2b, 20_000_000n],
        [id(4n), w.bank, 10_000_000n],
      ] as const;
      let redeemed = 0n;
      for (const [part, holder, value] of holders) {
        expect(await w.bills["balanceOf(uint256)"](part)).to.equal(value);
        const tx = w.bills.connect(holder).redeem(part);
        await expect(tx)
          .to.emit(w.bills, "Redeemed")
          .withArgs(1n, part, holder.address, value, value * UNIT);
        await expect(tx).to.emit(w.bills, "TransferValue").withArgs(part, 0n, value);
        await expect(tx).to.changeTokenBalances(ethers, w.token, [holder, w.bills], [value * UNIT, -(value * UNIT)]);
        // ERC-3525 value burned; the amount paid stays readable, and the part still belongs to its holder.
        expect(await w.bills["balanceOf(uint256)"](part)).to.equal(0n);
        const view = await w.bills.partOf(part);
        expect(view.state).to.equal(PartState.Redeemed);
        expect(view.value).to.equal(0n);
        expect(view.paid).to.equal(value);
        expect(await w.bills.ownerOf(part)).to.equal(holder.address);
        redeemed += value;
        expect(await amountsOf(w, 1n)).to.deep.equal([FACE - redeemed, FACE, redeemed]);
        await expect(w.bills.connect(holder).redeem(part))
          .to.be.revertedWithCustomError(w.bills, "WrongPartState")
          .withArgs(part, PartState.Redeemed, false);
      }
      expect(await w.token.balanceOf(w.bills)).to.equal(0n);
      expect((await w.bills.packageOf(1n)).redeemed).to.equal(FACE);
    });

    it("checks the caller, funding and maturity", async function () {
      const w = await networkHelpers.loadFixture(matured);
      await expect(w.bills.connect(w.tier1).redeem(ROOT))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Active);
      await w.bills.connect(w.core).fund(1n);
      await expect(w.bills.connect(w.tier2a).redeem(ROOT))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier2a.address, w.tier1.address);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, true, ZERO);
      await expect(w.bills.connect(w.tier1).redeem(ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      await w.registry.suspend(w.tier2a.address, ZERO);
      await expect(w.bills.connect(w.tier2a).redeem(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier2a.address, HOLDER_ROLES);
      await w.bills.connect(w.regulator).setPartFrozen(id(3n), true, ZERO);
      await expect(w.bills.connect(w.tier2b).redeem(id(3n)))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(id(3n), PartState.Held, true);
      expect(await w.token.balanceOf(w.bills)).to.equal(FACE * UNIT);
    });

    it("pays the pledgee for a pledged part, whoever of the two calls", async function () {
      const w = await deployWorld(connection);
      await issueBill(w);
      await w.bills.connect(w.tier1).split(ROOT, 10n);
      await w.bills.connect(w.tier1).pledge(ROOT, w.bank.address);
      await w.bills.connect(w.bank).signPledge(ROOT, (await w.bills.partOf(ROOT)).value);
      await w.bills.connect(w.tier1).pledge(id(2n), w.bank2.address);
      await w.bills.connect(w.bank2).signPledge(id(2n), (await w.bills.partOf(id(2n))).value);
      await networkHelpers.time.increaseTo(w.maturity);
      await w.bills.connect(w.core).fund(1n);
      const value = FACE - 10n;
      await expect(w.bills.connect(w.tier1).redeem(ROOT)).to.changeTokenBalances(
        ethers,
        w.token,
        [w.bank, w.tier1],
        [value * UNIT, 0n],
      );
      await expect(w.bills.connect(w.bank2).redeem(id(2n)))
        .to.emit(w.bills, "Redeemed")
        .withArgs(1n, id(2n), w.bank2.address, 10n, 10n * UNIT);
    });

    it("pays an offer left pending at maturity after it comes back", async function () {
      const w = await deployWorld(connection);
      await issueBill(w);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 10n);
      await networkHelpers.time.increaseTo(w.maturity);
      await w.bills.connect(w.core).fund(1n);
      await expect(w.bills.connect(w.tier2a).redeem(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(id(2n), PartState.Offered, false);
      // The part it was offered from waits for it: it is not paid while an offer on it is pending.
      await expect(w.bills.connect(w.tier1).redeem(ROOT))
        .to.be.revertedWithCustomError(w.bills, "PendingOffers")
        .withArgs(ROOT, 1n);
      await expect(w.bills.connect(w.tier1).withdraw(id(2n)))
        .to.emit(w.bills, "OfferCancelled")
        .withArgs(1n, id(2n), w.tier1.address, ROOT);
      await expect(w.bills.connect(w.tier1).redeem(ROOT))
        .to.emit(w.bills, "Redeemed")
        .withArgs(1n, ROOT, w.tier1.address, FACE, FACE * UNIT);
      expect(await amountsOf(w, 1n)).to.deep.equal([0n, FACE, FACE]);
    });
  });

  describe("dishonor", function () {
    it("is the acceptor's from maturity, anyone's after the payment window", async function () {
      const w = await networkHelpers.loadFixture(distributed);
      await expect(w.bills.connect(w.core).dishonor(1n, REASON))
        .to.be.revertedWithCustomError(w.bills, "NotMatured")
        .withArgs(1n, w.maturity);
      await networkHelpers.time.increaseTo(w.maturity);
      await expect(w.bills.connect(w.tier2b).dishonor(1n, REASON))
        .to.be.revertedWithCustomError(w.bills, "PaymentWindowOpen")
        .withArgs(1n, w.maturity + WINDOW);
      await networkHelpers.time.increaseTo(w.maturity + WINDOW + 1);
      const tx = w.bills.connect(w.tier2b).dishonor(1n, REASON);
      await expect(tx).to.emit(w.bills, "Dishonored").withArgs(1n, w.tier2b.address, REASON);
      const pkg = await w.bills.packageOf(1n);
      expect(pkg.status).to.equal(PackageStatus.Dishonored);
      expect(pkg.dishonoredAt).to.equal(await networkHelpers.time.latest());
      await expect(w.bills.connect(w.core).dishonor(1n, REASON))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Dishonored);
    });

    it("cannot follow funding", async function () {
      const w = await networkHelpers.loadFixture(funded);
      await expect(w.bills.connect(w.core).dishonor(1n, REASON))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Funded);
    });

    it("stops redemption until the acceptor pays late", async function () {
      const w = await networkHelpers.loadFixture(dishonored);
      await expect(w.bills.connect(w.tier1).redeem(ROOT))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Dishonored);
      await w.bills.connect(w.core).fund(1n);
      await w.bills.connect(w.tier1).redeem(ROOT);
    });
  });

  describe("recourse", function () {
    it("walks the chain: each payer takes over the claim and recovers from earlier endorsers", async function () {
      const w = await networkHelpers.loadFixture(dishonored);
      const part = id(4n); // bank ← tier2a ← tier1 ← core
      const amount = 10_000_000n * UNIT;
      expect(await w.bills.endorsementChain(part)).to.deep.equal([w.core.address, w.tier1.address, w.tier2a.address]);
      await expect(w.bills.connect(w.bank).claimRecourse(part, w.tier2a.address))
        .to.emit(w.bills, "RecourseClaimed")
        .withArgs(1n, part, w.tier2a.address, w.bank.address, amount);
      expect(await w.bills.pendingClaim(part)).to.deep.equal([w.tier2a.address, w.bank.address]);
      await expect(w.bills.connect(w.tier1).payRecourse(part))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier1.address, w.tier2a.address);
      const pay = w.bills.connect(w.tier2a).payRecourse(part);
      await expect(pay).to.emit(w.bills, "RecoursePaid").withArgs(1n, part, w.tier2a.address, w.bank.address, amount);
      await expect(pay).to.emit(w.bills, "Transfer").withArgs(w.bank.address, w.tier2a.address, part);
      await expect(pay).to.changeTokenBalances(ethers, w.token, [w.tier2a, w.bank], [-amount, amount]);
      expect(await w.bills.ownerOf(part)).to.equal(w.tier2a.address);
      const view = await w.bills.partOf(part);
      expect(view.takenOver).to.equal(true);
      expect(view.holder).to.equal(w.bank.address);
      expect(view.owner).to.equal(w.tier2a.address);
      expect(await w.bills.pendingClaim(part)).to.deep.equal([ethers.ZeroAddress, ethers.ZeroAddress]);
      expect(await w.bills["balanceOf(address)"](w.bank.address)).to.equal(0n);
      await expect(w.bills.connect(w.tier2a).payRecourse(part))
        .to.be.revertedWithCustomError(w.bills, "NoPendingClaim")
        .withArgs(part);
      // tier2a may not claim against itself or anyone after it, only before.
      await expect(w.bills.connect(w.tier2a).claimRecourse(part, w.bank.address))
        .to.be.revertedWithCustomError(w.bills, "NotOnChain")
        .withArgs(part, w.bank.address);
      await w.bills.connect(w.tier2a).claimRecourse(part, w.tier1.address);
      await w.bills.connect(w.tier1).payRecourse(part);
      await expect(w.bills.connect(w.tier1).claimRecourse(part, w.tier2a.address))
        .to.be.revertedWithCustomError(w.bills, "NotOnChain")
        .withArgs(part, w.tier2a.address);
      await w.bills.connect(w.tier1).claimRecourse(part, w.core.address);
      await expect(w.bills.connect(w.core).payRecourse(part)).to.changeTokenBalances(
        ethers,
        w.token,
        [w.core, w.tier1],
        [-amount, amount],
      );
      // The drawer is the end of the chain: nobody left to claim against.
      await expect(w.bills.connect(w.core).claimRecourse(part, w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "NotOnChain")
        .withArgs(part, w.tier1.address);
      // If the acceptor pays late, the last payer redeems the part.
      await w.bills.connect(w.core).fund(1n);
      await expect(w.bills.connect(w.core).redeem(part))
        .to.emit(w.bills, "Redeemed")
        .withArgs(1n, part, w.core.address, 10_000_000n, amount);
      expect((await w.bills.partOf(part)).state).to.equal(PartState.Redeemed);
    });

    it("lets a holder skip straight to the drawer", async function () {
      const w = await networkHelpers.loadFixture(dishonored);
      await w.bills.connect(w.tier2b).claimRecourse(id(3n), w.core.address);
      await expect(w.bills.connect(w.core).payRecourse(id(3n)))
        .to.emit(w.bills, "RecoursePaid")
        .withArgs(1n, id(3n), w.core.address, w.tier2b.address, 20_000_000n * UNIT);
      await expect(w.bills.connect(w.core).claimRecourse(id(3n), w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "NotOnChain")
        .withArgs(id(3n), w.tier1.address);
    });

    it("checks status, claimant, target and claim", async function () {
      const w = await networkHelpers.loadFixture(matured);
      await expect(w.bills.connect(w.bank).claimRecourse(id(4n), w.tier2a.address))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Active);
      await w.bills.connect(w.core).dishonor(1n, REASON);
      await expect(w.bills.connect(w.tier2a).claimRecourse(id(4n), w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier2a.address, w.bank.address);
      await expect(w.bills.connect(w.bank).claimRecourse(id(4n), w.bank.address))
        .to.be.revertedWithCustomError(w.bills, "InvalidCounterparty")
        .withArgs(w.bank.address);
      await expect(w.bills.connect(w.bank).claimRecourse(id(4n), w.tier2b.address))
        .to.be.revertedWithCustomError(w.bills, "NotOnChain")
        .withArgs(id(4n), w.tier2b.address);
      await expect(w.bills.connect(w.bank).payRecourse(id(4n)))
        .to.be.revertedWithCustomError(w.bills, "NoPendingClaim")
        .withArgs(id(4n));
      await w.registry.connect(w.regulator).setFrozen(w.bank.address, true, ZERO);
      await expect(w.bills.connect(w.bank).claimRecourse(id(4n), w.tier2a.address))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.bank.address, HOLDER_ROLES);
      await w.registry.connect(w.regulator).setFrozen(w.bank.address, false, ZERO);
      // A new claim replaces the pending one.
      await w.bills.connect(w.bank).claimRecourse(id(4n), w.tier2a.address);
      await w.bills.connect(w.bank).claimRecourse(id(4n), w.tier1.address);
      expect(await w.bills.pendingClaim(id(4n))).to.deep.equal([w.tier1.address, w.bank.address]);
      await expect(w.bills.connect(w.tier2a).payRecourse(id(4n)))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier2a.address, w.tier1.address);
      // Late funding ends recourse.
      await w.bills.connect(w.core).fund(1n);
      await expect(w.bills.connect(w.tier1).payRecourse(id(4n)))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Funded);
    });

    it("pays the pledgee of a pledged part and ends the pledge; a stale claim cannot be paid", async function () {
      const w = await deployWorld(connection);
      await issueBill(w);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 10n);
      await w.bills.connect(w.tier2a).sign(id(2n));
      await w.bills.connect(w.tier2a).split(id(2n), 4n); // id3
      await w.bills.connect(w.tier2a).pledge(id(2n), w.bank.address);
      await w.bills.connect(w.bank).signPledge(id(2n), (await w.bills.partOf(id(2n))).value);
      await w.bills.connect(w.tier2a).pledge(id(3n), w.bank2.address);
      await w.bills.connect(w.bank2).signPledge(id(3n), (await w.bills.partOf(id(3n))).value);
      await networkHelpers.time.increaseTo(w.maturity);
      await w.bills.connect(w.core).dishonor(1n, REASON);
      await expect(w.bills.connect(w.tier2a).claimRecourse(id(2n), w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier2a.address, w.bank.address);
      await w.bills.connect(w.bank).claimRecourse(id(2n), w.tier1.address);
      await expect(w.bills.connect(w.tier1).payRecourse(id(2n))).to.changeTokenBalances(
        ethers,
        w.token,
        [w.tier1, w.bank],
        [-(6n * UNIT), 6n * UNIT],
      );
      const view = await w.bills.partOf(id(2n));
      expect(view.state).to.equal(PartState.Held);
      expect(view.owner).to.equal(w.tier1.address);
      expect(view.beneficiary).to.equal(w.tier1.address);
      // id3: the pledgee claims, then releases the pledge; the claim no longer matches the beneficiary.
      await w.bills.connect(w.bank2).claimRecourse(id(3n), w.tier1.address);
      await w.bills.connect(w.bank2).release(id(3n));
      await expect(w.bills.connect(w.tier1).payRecourse(id(3n)))
        .to.be.revertedWithCustomError(w.bills, "NoPendingClaim")
        .withArgs(id(3n));
      // A frozen part cannot be claimed on.
      await w.bills.connect(w.regulator).setPartFrozen(id(3n), true, ZERO);
      await expect(w.bills.connect(w.tier2a).claimRecourse(id(3n), w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(id(3n), PartState.Held, true);
    });
  });
});
