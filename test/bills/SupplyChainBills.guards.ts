import { expect } from "chai";
import { network } from "hardhat";

import type { BillsHolderMock, FeeOnTransferToken } from "../../typechain-types/index.js";
import {
  ENTERPRISE,
  FACE,
  FINANCIER,
  HOLDER_ROLES,
  MAX_CHAIN_LENGTH,
  PackageStatus,
  PartState,
  REGULATOR,
  ROOT,
  UNIT,
  type World,
  activeWorld,
  amountsOf,
  deployWorld,
  issueIn,
  partOfFirst,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const ZERO = ethers.ZeroHash;
const id = partOfFirst;
const Mode = { Accept: 0, Refuse: 1, WrongAnswer: 2, SignInHook: 3 } as const;

const active = () => activeWorld(connection);

/** A contract participant: a BillsHolderMock registered as an enterprise in `w`. */
async function registeredHolder(w: World): Promise<BillsHolderMock> {
  const holder = await ethers.deployContract("BillsHolderMock");
  await w.registry.register(holder, ethers.id("USCC-contract"), ENTERPRISE, w.validUntil);
  return holder;
}

/** A contract participant (registered enterprise) in the active world. */
async function withHolderContract(): Promise<World & { holder: BillsHolderMock }> {
  const w = await active();
  return { ...w, holder: await registeredHolder(w) };
}

describe("SupplyChainBills: registry checks, operators, tokens and bounds", function () {
  describe("a frozen or inactive party neither sends nor receives value", function () {
    it("refuses the endorsee's signature once the endorser is frozen, but lets the offer come back", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 10n);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2b.address, 20n);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, true, ZERO);
      await expect(w.bills.connect(w.tier2a).sign(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.Offered);
      // Returning the value needs no registry check: it goes back into the frozen holder's part, where it stays put.
      await expect(w.bills.connect(w.tier2a).reject(id(2n)))
        .to.emit(w.bills, "OfferCancelled")
        .withArgs(1n, id(2n), w.tier2a.address, ROOT);
      await expect(w.bills.connect(w.tier1).withdraw(id(3n)))
        .to.emit(w.bills, "OfferCancelled")
        .withArgs(1n, id(3n), w.tier1.address, ROOT);
      expect(await w.bills.ownerOf(ROOT)).to.equal(w.tier1.address);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect((await w.bills.packageOf(1n)).parts).to.equal(3n);
      await expect(w.bills.connect(w.tier1).split(ROOT, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
    });

    it("refuses the endorsee's signature once the endorser's registration lapsed", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 10n);
      const soon = (await networkHelpers.time.latest()) + 100;
      await w.registry.update(w.tier1.address, ENTERPRISE, soon);
      await networkHelpers.time.increaseTo(soon + 1);
      await expect(w.bills.connect(w.tier2a).sign(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
    });

    it("checks the pledgor when a pledge is signed and both sides when it is released", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).pledge(ROOT, w.bank.address);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, true, ZERO);
      await expect(w.bills.connect(w.bank).signPledge(ROOT, (await w.bills.partOf(ROOT)).value))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, false, ZERO);
      await w.bills.connect(w.bank).signPledge(ROOT, FACE);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, true, ZERO);
      await expect(w.bills.connect(w.bank).release(ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, false, ZERO);
      await w.registry.suspend(w.bank.address, ZERO);
      await expect(w.bills.connect(w.bank).release(ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.bank.address, FINANCIER);
      const part = await w.bills.partOf(ROOT);
      expect(part.state).to.equal(PartState.Pledged);
      expect(part.beneficiary).to.equal(w.bank.address);
    });

    it("checks payer and claimant when recourse is paid", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 30_000_000n);
      await w.bills.connect(w.tier2a).sign(id(2n));
      await networkHelpers.time.increaseTo(w.maturity);
      await w.bills.connect(w.core).dishonor(1n, ZERO);
      await w.bills.connect(w.tier2a).claimRecourse(id(2n), w.tier1.address);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, true, ZERO);
      await expect(w.bills.connect(w.tier1).payRecourse(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, false, ZERO);
      await w.registry.connect(w.regulator).setFrozen(w.tier2a.address, true, ZERO);
      await expect(w.bills.connect(w.tier1).payRecourse(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier2a.address, HOLDER_ROLES);
      expect(await w.bills.pendingClaim(id(2n))).to.deep.equal([w.tier1.address, w.tier2a.address]);
      expect(await w.bills.ownerOf(id(2n))).to.equal(w.tier2a.address);
      await w.registry.connect(w.regulator).setFrozen(w.tier2a.address, false, ZERO);
      const amount = 30_000_000n * UNIT;
      await expect(w.bills.connect(w.tier1).payRecourse(id(2n))).to.changeTokenBalances(
        ethers,
        w.token,
        [w.tier1, w.tier2a],
        [-amount, amount],
      );
    });
  });

  describe("operators", function () {
    it("must be active business participants, whichever approval they hold", async function () {
      const w = await networkHelpers.loadFixture(active);
      const op = w.tier2b;
      const t1 = w.bills.connect(w.tier1);
      await t1["approve(address,uint256)"](op.address, ROOT);
      await w.registry.suspend(op.address, ZERO);
      await expect(w.bills.connect(op).endorse(ROOT, w.tier2a.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(op.address, HOLDER_ROLES);
      await w.registry.reinstate(op.address);
      await t1["approve(address,uint256)"](ethers.ZeroAddress, ROOT);
      await t1.setApprovalForAll(op.address, true);
      await w.registry.connect(w.regulator).setFrozen(op.address, true, ZERO);
      await expect(w.bills.connect(op).split(ROOT, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(op.address, HOLDER_ROLES);
      await t1.setApprovalForAll(op.address, false);
      await t1["approve(uint256,address,uint256)"](ROOT, op.address, 5n);
      await expect(w.bills.connect(op)["transferFrom(uint256,address,uint256)"](ROOT, w.tier2a.address, 2n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(op.address, HOLDER_ROLES);
      // Nothing moved, no allowance spent.
      expect(await w.bills.allowance(ROOT, op.address)).to.equal(5n);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect((await w.bills.packageOf(1n)).parts).to.equal(1n);
      await w.registry.connect(w.regulator).setFrozen(op.address, false, ZERO);
      await w.bills.connect(op)["transferFrom(uint256,address,uint256)"](ROOT, w.tier2a.address, 2n);
      expect(await w.bills.allowance(ROOT, op.address)).to.equal(3n);
    });

    it("cannot be the registry's admin or KYC officer, nor a regulator: they never move a bill", async function () {
      const w = await networkHelpers.loadFixture(active);
      const t1 = w.bills.connect(w.tier1);
      // The admin (also the KYC officer here) holds nothing and is not a participant.
      await expect(w.bills.connect(w.admin).endorse(ROOT, w.tier2a.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotOwnerNorApproved")
        .withArgs(w.admin.address, ROOT);
      await expect(w.bills.connect(w.admin).split(ROOT, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotOwnerNorApproved")
        .withArgs(w.admin.address, ROOT);
      await expect(w.bills.connect(w.admin).sign(ROOT))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.Held, false);
      // Even with the holder's approval, the admin, the KYC officer and a regulator are refused as operators.
      await t1.setApprovalForAll(w.admin.address, true);
      await t1.setApprovalForAll(w.regulator.address, true);
      await expect(w.bills.connect(w.admin).endorse(ROOT, w.tier2a.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.admin.address, HOLDER_ROLES);
      await expect(w.bills.connect(w.regulator).split(ROOT, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.regulator.address, HOLDER_ROLES);
      await expect(w.bills.connect(w.regulator).offerDiscount(ROOT, w.bank.address, 1n, 350))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.regulator.address, HOLDER_ROLES);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect((await w.bills.packageOf(1n)).parts).to.equal(1n);
    });
  });

  describe("settlement tokens that deliver short", function () {
    /** Package 1 settled in a token that keeps 1% of every transfer. */
    async function feeWorld(): Promise<World & { fee: FeeOnTransferToken }> {
      const w = await deployWorld(connection);
      const fee = await ethers.deployContract("FeeOnTransferToken");
      await issueIn(w, fee);
      return { ...w, fee };
    }

    it("refuses a discount whose price does not fully reach the endorser", async function () {
      const { fee, ...w } = await networkHelpers.loadFixture(feeWorld);
      await w.bills.connect(w.tier1).offerDiscount(ROOT, w.bank.address, 10_000_000n, 350);
      const [price] = await w.bills.discountPrice(id(2n));
      const before = [await fee.balanceOf(w.bank), await fee.balanceOf(w.tier1)];
      await expect(w.bills.connect(w.bank).signDiscount(id(2n), price))
        .to.be.revertedWithCustomError(w.bills, "UnexpectedTokenAmount")
        .withArgs(await fee.getAddress(), price - price / 100n, price);
      expect([await fee.balanceOf(w.bank), await fee.balanceOf(w.tier1)]).to.deep.equal(before);
      expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.DiscountOffered);
    });

    it("refuses a recourse payment that does not fully reach the claimant", async function () {
      const { fee, ...w } = await networkHelpers.loadFixture(feeWorld);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 5_000_000n);
      await w.bills.connect(w.tier2a).sign(id(2n));
      await networkHelpers.time.increaseTo(w.maturity);
      await w.bills.connect(w.core).dishonor(1n, ZERO);
      await w.bills.connect(w.tier2a).claimRecourse(id(2n), w.tier1.address);
      const amount = 5_000_000n;
      await expect(w.bills.connect(w.tier1).payRecourse(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "UnexpectedTokenAmount")
        .withArgs(await fee.getAddress(), amount - amount / 100n, amount);
      expect(await w.bills.pendingClaim(id(2n))).to.deep.equal([w.tier1.address, w.tier2a.address]);
      expect((await w.bills.partOf(id(2n))).takenOver).to.equal(false);
      expect(await fee.balanceOf(w.tier2a)).to.equal(FACE * 10n);
    });
  });

  describe("reentrancy through a token that calls its recipient", function () {
    async function hooked() {
      const w = await deployWorld(connection);
      const holder = await registeredHolder(w);
      const hook = await ethers.deployContract("HookToken");
      // Package 1 in the hook token; the contract holder signs for 1,000.00 yuan of it.
      await issueIn(w, hook);
      await w.bills.connect(w.tier1).endorse(ROOT, holder, 100_000n);
      await holder.execute(w.bills, w.bills.interface.encodeFunctionData("sign", [id(2n)]));
      return { ...w, holder, hook };
    }

    it("finds a redeemed part already paid when the recipient re-enters redeem", async function () {
      const w = await networkHelpers.loadFixture(hooked);
      await networkHelpers.time.increaseTo(w.maturity);
      await w.bills.connect(w.core).fund(1n);
      const redeem = w.bills.interface.encodeFunctionData("redeem", [id(2n)]);
      await w.holder.armReentry(w.bills, redeem);
      await expect(w.holder.execute(w.bills, redeem)).to.changeTokenBalances(
        ethers,
        w.hook,
        [w.holder, w.bills],
        [100_000n, -100_000n],
      );
      expect(await w.holder.reentrySucceeded()).to.equal(false);
      const error = w.bills.interface.parseError(await w.holder.reentryResult());
      expect(error?.name).to.equal("WrongPartState");
      expect(error?.args).to.deep.equal([id(2n), PartState.Redeemed, false]);
      expect(await amountsOf(w, 1n)).to.deep.equal([FACE - 100_000n, FACE, 100_000n]);
    });

    it("finds a discounted part already sold when the endorser re-enters withdraw", async function () {
      const w = await networkHelpers.loadFixture(hooked);
      await w.holder.execute(
        w.bills,
        w.bills.interface.encodeFunctionData("offerDiscount", [id(2n), w.bank.address, 40_000n, 350]),
      );
      await w.holder.armReentry(w.bills, w.bills.interface.encodeFunctionData("withdraw", [id(3n)]));
      const [price] = await w.bills.discountPrice(id(3n));
      await expect(w.bills.connect(w.bank).signDiscount(id(3n), price)).to.changeTokenBalances(
        ethers,
        w.hook,
        [w.bank, w.holder],
        [-price, price],
      );
      expect(await w.holder.reentrySucceeded()).to.equal(false);
      const error = w.bills.interface.parseError(await w.holder.reentryResult());
      expect(error?.name).to.equal("WrongPartState");
      expect(error?.args).to.deep.equal([id(3n), PartState.Held, false]);
      expect(await w.bills.ownerOf(id(3n))).to.equal(w.bank.address);
    });

    it("finds the claim taken over when the claimant re-enters during a recourse payment", async function () {
      const w = await networkHelpers.loadFixture(hooked);
      await networkHelpers.time.increaseTo(w.maturity);
      await w.bills.connect(w.core).dishonor(1n, ZERO);
      await w.holder.execute(w.bills, w.bills.interface.encodeFunctionData("claimRecourse", [id(2n), w.tier1.address]));
      await w.holder.armReentry(
        w.bills,
        w.bills.interface.encodeFunctionData("claimRecourse", [id(2n), w.core.address]),
      );
      await expect(w.bills.connect(w.tier1).payRecourse(id(2n))).to.changeTokenBalances(
        ethers,
        w.hook,
        [w.tier1, w.holder],
        [-100_000n, 100_000n],
      );
      const error = w.bills.interface.parseError(await w.holder.reentryResult());
      expect(error?.name).to.equal("Unauthorized");
      expect(error?.args).to.deep.equal([await w.holder.getAddress(), w.tier1.address]);
      expect(await w.bills.pendingClaim(id(2n))).to.deep.equal([ethers.ZeroAddress, ethers.ZeroAddress]);
    });
  });

  describe("ERC-3525 receivers", function () {
    it("notifies a receiver contract of a value transfer to it, which may accept, sign or refuse", async function () {
      const w = await networkHelpers.loadFixture(withHolderContract);
      const to = await w.holder.getAddress();
      const t1 = w.bills.connect(w.tier1);
      await expect(t1["transferFrom(uint256,address,uint256)"](ROOT, to, 100n))
        .to.emit(w.holder, "ValueReceived")
        .withArgs(w.tier1.address, ROOT, id(2n), 100n);
      expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.Offered);
      // endorse is the same transfer.
      await expect(t1.endorse(ROOT, to, 50n))
        .to.emit(w.holder, "ValueReceived")
        .withArgs(w.tier1.address, ROOT, id(3n), 50n);

      await w.holder.configure(Mode.SignInHook, true);
      const signed = t1.endorse(ROOT, to, 25n);
      await expect(signed).to.emit(w.bills, "Signed").withArgs(1n, id(4n), to);
      expect((await w.bills.partOf(id(4n))).state).to.equal(PartState.Held);

      await w.holder.configure(Mode.Refuse, true);
      await expect(t1.endorse(ROOT, to, 1n))
        .to.be.revertedWithCustomError(w.holder, "Refused")
        .withArgs(id(5n));
      await w.holder.configure(Mode.WrongAnswer, true);
      await expect(t1["transferFrom(uint256,address,uint256)"](ROOT, to, 1n))
        .to.be.revertedWithCustomError(w.bills, "TransferRejected")
        .withArgs(to, id(5n));
      expect((await w.bills.packageOf(1n)).parts).to.equal(4n);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE - 175n);

      // A contract that does not declare the receiver interface is not called.
      await w.holder.configure(Mode.Refuse, false);
      await expect(t1.endorse(ROOT, to, 1n)).not.to.emit(w.holder, "ValueReceived");
      expect(await w.bills.ownerOf(id(5n))).to.equal(to);
      // Nor is one without ERC-165 at all (its supportsInterface call reverts): a plain contract wallet.
      const wallet = await ethers.deployContract("ERC1271WalletMock", [w.tier2a.address]);
      await w.registry.register(wallet, ethers.id("USCC-wallet"), ENTERPRISE, w.validUntil);
      await expect(t1.endorse(ROOT, wallet, 2n))
        .to.emit(w.bills, "Offered")
        .withArgs(1n, id(6n), await wallet.getAddress(), ROOT, PartState.Offered);
      expect(await w.bills.ownerOf(id(6n))).to.equal(await wallet.getAddress());
    });

    it("notifies the holder contract of a token-to-token value transfer", async function () {
      const w = await networkHelpers.loadFixture(withHolderContract);
      await w.holder.configure(Mode.SignInHook, true);
      await w.bills.connect(w.tier1).endorse(ROOT, w.holder, 100n);
      const split = w.bills.interface.encodeFunctionData("split", [id(2n), 40n]);
      await w.holder.execute(w.bills, split);
      const move = w.bills.interface.encodeFunctionData("transferFrom(uint256,uint256,uint256)", [id(2n), id(3n), 10n]);
      await w.holder.configure(Mode.Accept, true);
      await expect(w.holder.execute(w.bills, move))
        .to.emit(w.holder, "ValueReceived")
        .withArgs(await w.holder.getAddress(), id(2n), id(3n), 10n);
      await w.holder.configure(Mode.Refuse, true);
      await expect(w.holder.execute(w.bills, move)).to.be.revertedWithCustomError(w.holder, "Refused").withArgs(id(3n));
      expect(await w.bills["balanceOf(uint256)"](id(2n))).to.equal(50n);
      expect(await w.bills["balanceOf(uint256)"](id(3n))).to.equal(50n);
    });
  });

  describe("endorsement chain bound", function () {
    it(`stops at ${MAX_CHAIN_LENGTH} endorsers, also for cyclic chains, with ChainTooLong`, async function () {
      const w = await networkHelpers.loadFixture(active);
      // tier1 and tier2a pass one fen back and forth: A → B → A → …
      const parties = [w.tier1, w.tier2a];
      let part = ROOT;
      for (let length = 1n; length < MAX_CHAIN_LENGTH; length++) {
        const holder = parties[Number(length - 1n) % 2];
        const next = parties[Number(length) % 2];
        await w.bills.connect(holder).endorse(part, next.address, 1n);
        part = id(length + 1n);
        await w.bills.connect(next).sign(part);
      }
      const chain = await w.bills.endorsementChain(part);
      expect(chain).to.have.length(Number(MAX_CHAIN_LENGTH));
      expect(chain.slice(0, 4)).to.deep.equal([w.core.address, w.tier1.address, w.tier2a.address, w.tier1.address]);
      const holder = w.tier2a; // the 31st endorsement went to tier2a
      expect(await w.bills.ownerOf(part)).to.equal(holder.address);
      const b = w.bills.connect(holder);
      for (const call of [
        b.endorse(part, w.tier1.address, 1n),
        b["transferFrom(uint256,address,uint256)"](part, w.tier1.address, 1n),
        b.offerDiscount(part, w.bank.address, 1n, 350),
      ]) {
        await expect(call).to.be.revertedWithCustomError(w.bills, "ChainTooLong").withArgs(part, MAX_CHAIN_LENGTH);
      }
      // The part still pledges and, once dishonoured, claims along its whole chain.
      await b.pledge(part, w.bank.address);
      await b.withdraw(part);
      await networkHelpers.time.increaseTo(w.maturity);
      await w.bills.connect(w.core).dishonor(1n, ZERO);
      await b.claimRecourse(part, w.core.address);
      await w.bills.connect(w.core).payRecourse(part);
      expect(await w.bills.ownerOf(part)).to.equal(w.core.address);
    });
  });

  // The register fixes an account's regulator side at registration (RegulatorRoleChange, finding 3, pinned in
  // test/participants/regulator-separation.ts), so no party to a bill becomes a regulator. The bills contract checks
  // again (defence in depth): against a register that let roles change (RolesRegistryMock), it still refuses.
  describe("a regulator never acts on its own part", function () {
    /** Package 1 (core draws, bank accepts, tier1 holds) over a register whose roles the test sets freely. */
    async function overLooseRegister() {
      const w = await deployWorld(connection);
      const loose = await ethers.deployContract("RolesRegistryMock");
      for (const who of [w.core, w.tier1, w.tier2a, w.tier2b]) await loose.setRoles(who.address, ENTERPRISE);
      for (const who of [w.bank, w.bank2]) await loose.setRoles(who.address, FINANCIER);
      await loose.setRoles(w.regulator.address, REGULATOR);
      const bills = await ethers.deployContract("SupplyChainBills", [loose, ethers.ZeroAddress, 0, 1, ""]);
      for (const who of [w.core, w.tier2a]) await w.token.connect(who).approve(bills, ethers.MaxUint256);
      await bills
        .connect(w.core)
        .issue(w.bank.address, w.tier1.address, w.token, FACE, w.maturity, false, ethers.id("trade"), ZERO);
      await bills.connect(w.bank).accept(1n);
      await bills.connect(w.tier1).sign(ROOT);
      return { ...w, bills, loose };
    }

    it("refuses a regulator that holds, owns, has pledged or endorsed the part", async function () {
      const w = await networkHelpers.loadFixture(overLooseRegister);
      await w.bills.connect(w.tier1).split(ROOT, 100n); // id2
      await w.bills.connect(w.tier1).endorse(id(2n), w.tier2a.address, 10n); // id3, offered by tier1 from id2
      // A part with a pending offer is not pledged (PendingOffers): pledge the root, which has none.
      await w.bills.connect(w.tier1).pledge(ROOT, w.bank.address);
      await w.bills.connect(w.bank).signPledge(ROOT, FACE - 100n);
      // The register turns the holder, the pledgee and the drawer into regulators.
      for (const who of [w.tier1, w.bank, w.core]) await w.loose.setRoles(who.address, REGULATOR);
      for (const [who, part] of [
        [w.tier1, ROOT], // holder (and pledgor)
        [w.bank, ROOT], // pledgee
        [w.core, ROOT], // drawer: the root part's endorser
        [w.tier1, id(3n)], // endorser of a pending offer
      ] as const) {
        await expect(w.bills.connect(who).setPartFrozen(part, true, ZERO))
          .to.be.revertedWithCustomError(w.bills, "RegulatorIsParty")
          .withArgs(who.address, part);
      }
      expect((await w.bills.partOf(ROOT)).frozen).to.equal(false);
      // An independent regulator still can.
      await expect(w.bills.connect(w.regulator).setPartFrozen(ROOT, true, ZERO))
        .to.emit(w.bills, "PartFrozen")
        .withArgs(1n, ROOT, w.regulator.address, true, ZERO);
    });

    it("refuses the owner of a taken-over claim", async function () {
      const w = await networkHelpers.loadFixture(overLooseRegister);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 10n);
      await w.bills.connect(w.tier2a).sign(id(2n));
      await networkHelpers.time.increaseTo(w.maturity);
      await w.bills.connect(w.bank).dishonor(1n, ZERO);
      await w.bills.connect(w.tier2a).claimRecourse(id(2n), w.core.address);
      await w.bills.connect(w.core).payRecourse(id(2n)); // core owns id2's claim; tier1 endorsed it
      await w.loose.setRoles(w.core.address, REGULATOR);
      await expect(w.bills.connect(w.core).setPartFrozen(id(2n), true, ZERO))
        .to.be.revertedWithCustomError(w.bills, "RegulatorIsParty")
        .withArgs(w.core.address, id(2n));
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Dishonored);
    });
  });

  describe("part sequence", function () {
    it("reverts with TooManyParts when a package's 24-bit part sequence is exhausted", async function () {
      const w = await networkHelpers.loadFixture(active);
      // An offer pending when the ids run out (finding 2: a dust holder exhausts them) still comes back.
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 10n);
      // Storage: EIP712's two fallback strings at slots 0-1, the nonce bitmaps at 2, _packageCount at 3, _packages at
      // 4; a package's first slot packs drawer (160 bits), maturity (48) and lastSeq (24).
      const slot = BigInt(ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(["uint256", "uint256"], [1n, 4n])));
      const bills = await w.bills.getAddress();
      const word = BigInt(await networkHelpers.getStorageAt(bills, slot));
      expect(ethers.getAddress(ethers.toBeHex(word & ((1n << 160n) - 1n), 20))).to.equal(w.core.address);
      expect((word >> 160n) & ((1n << 48n) - 1n)).to.equal(BigInt(w.maturity));
      expect((word >> 208n) & ((1n << 24n) - 1n)).to.equal(2n);
      const last = (1n << 24n) - 1n;
      await networkHelpers.setStorageAt(bills, slot, (word & ~(((1n << 24n) - 1n) << 208n)) | (last << 208n));
      expect((await w.bills.packageOf(1n)).parts).to.equal(last);
      await expect(w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "TooManyParts")
        .withArgs(1n);
      await expect(w.bills.connect(w.tier1).split(ROOT, 1n))
        .to.be.revertedWithCustomError(w.bills, "TooManyParts")
        .withArgs(1n);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE - 10n);
      await expect(w.bills.connect(w.tier2a).reject(partOfFirst(2n)))
        .to.emit(w.bills, "OfferCancelled")
        .withArgs(1n, partOfFirst(2n), w.tier2a.address, ROOT);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
    });
  });
});
