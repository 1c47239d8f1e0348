import { expect } from "chai";
import { network } from "hardhat";

import {
  DAY,
  ENTERPRISE,
  FACE,
  FINANCIER,
  HOLDER_ROLES,
  PackageStatus,
  PartState,
  REGULATOR,
  ROOT,
  UNIT,
  type World,
  activeWorld,
  amountsOf,
  deployWorld,
  issueBill,
  partOfFirst,
  tokenId,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const ZERO = ethers.ZeroHash;
const id = partOfFirst;

const active = () => activeWorld(connection);

async function nonTransferable(): Promise<World> {
  const w = await deployWorld(connection);
  await issueBill(w, "active", true);
  return w;
}

const types = {
  Endorsement: [
    { name: "fromTokenId", type: "uint256" },
    { name: "to", type: "address" },
    { name: "amount", type: "uint64" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

async function endorsementSignature(
  w: World,
  signer: World["tier1"],
  terms: { fromTokenId: bigint; to: string; amount: bigint; nonce: bigint; deadline: number },
): Promise<string> {
  const { chainId } = await ethers.provider.getNetwork();
  const domain = { name: "SupplyChainBills", version: "1", chainId, verifyingContract: await w.bills.getAddress() };
  return signer.signTypedData(domain, types, terms);
}

describe("SupplyChainBills: endorsement, split, merge, discount, pledge, freeze", function () {
  describe("endorse offer", function () {
    it("locks the amount in a new part owned by the endorsee until it signs", async function () {
      const w = await networkHelpers.loadFixture(active);
      const tx = w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 30_000_000n);
      await expect(tx).to.emit(w.bills, "Transfer").withArgs(ethers.ZeroAddress, w.tier2a.address, id(2n));
      await expect(tx).to.emit(w.bills, "SlotChanged").withArgs(id(2n), 0n, 1n);
      await expect(tx).to.emit(w.bills, "TransferValue").withArgs(ROOT, id(2n), 30_000_000n);
      await expect(tx).to.emit(w.bills, "Offered").withArgs(1n, id(2n), w.tier2a.address, ROOT, PartState.Offered);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(70_000_000n);
      expect(await w.bills["balanceOf(uint256)"](id(2n))).to.equal(30_000_000n);
      expect(await w.bills.ownerOf(id(2n))).to.equal(w.tier2a.address);
      const part = await w.bills.partOf(id(2n));
      expect(part.state).to.equal(PartState.Offered);
      expect(part.endorser).to.equal(w.tier1.address);
      expect(part.parent).to.equal(1n);
      // Locked: the endorsee cannot pass it on before signing.
      await expect(w.bills.connect(w.tier2a).endorse(id(2n), w.tier2b.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(id(2n), PartState.Offered, false);
      await expect(w.bills.connect(w.tier2b).sign(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier2b.address, w.tier2a.address);
      await expect(w.bills.connect(w.tier2a).sign(id(2n)))
        .to.emit(w.bills, "Signed")
        .withArgs(1n, id(2n), w.tier2a.address);
      expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.Held);
      expect(await w.bills.endorsementChain(id(2n))).to.deep.equal([w.core.address, w.tier1.address]);
      // Further down the chain.
      await w.bills.connect(w.tier2a).endorse(id(2n), w.tier2b.address, 10_000_000n);
      await w.bills.connect(w.tier2b).sign(id(3n));
      expect(await w.bills.endorsementChain(id(3n))).to.deep.equal([w.core.address, w.tier1.address, w.tier2a.address]);
      expect(await w.bills["balanceOf(address)"](w.tier2a.address)).to.equal(1n);
      expect(await w.bills["balanceOf(address)"](w.tier2b.address)).to.equal(1n);
      expect(await amountsOf(w, 1n)).to.deep.equal([FACE, 0n, 0n]);
    });

    it("returns the value to the endorser when rejected or withdrawn", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 30_000_000n);
      await expect(w.bills.connect(w.tier1).reject(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier1.address, w.tier2a.address);
      expect((await w.bills.partOf(ROOT)).pendingOffers).to.equal(1n);
      // The value goes back into the part it was taken from: no new part id is used.
      const tx = w.bills.connect(w.tier2a).reject(id(2n));
      await expect(tx).to.emit(w.bills, "Transfer").withArgs(w.tier2a.address, ethers.ZeroAddress, id(2n));
      await expect(tx).to.emit(w.bills, "SlotChanged").withArgs(id(2n), 1n, 0n);
      await expect(tx).to.emit(w.bills, "TransferValue").withArgs(id(2n), ROOT, 30_000_000n);
      await expect(tx).to.emit(w.bills, "OfferCancelled").withArgs(1n, id(2n), w.tier2a.address, ROOT);
      expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.Cancelled);
      expect((await w.bills.partOf(id(2n))).value).to.equal(0n);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect((await w.bills.partOf(ROOT)).pendingOffers).to.equal(0n);
      expect((await w.bills.packageOf(1n)).parts).to.equal(2n);
      expect(await w.bills["balanceOf(address)"](w.tier1.address)).to.equal(1n);
      expect(await w.bills["balanceOf(address)"](w.tier2a.address)).to.equal(0n);
      await expect(w.bills.connect(w.tier2a).sign(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(id(2n), PartState.Cancelled, false);

      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2b.address, 5_000_000n);
      await expect(w.bills.connect(w.tier2b).withdraw(id(3n)))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier2b.address, w.tier1.address);
      await expect(w.bills.connect(w.tier1).withdraw(id(3n)))
        .to.emit(w.bills, "OfferCancelled")
        .withArgs(1n, id(3n), w.tier1.address, ROOT);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect((await w.bills.packageOf(1n)).parts).to.equal(3n);
      await expect(w.bills.connect(w.tier1).withdraw(id(3n)))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(id(3n), PartState.Cancelled, false);
      await expect(w.bills.connect(w.tier1).reject(id(3n)))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(id(3n), PartState.Cancelled, false);
      expect(await amountsOf(w, 1n)).to.deep.equal([FACE, 0n, 0n]);
    });

    it("checks the parties, amount and bill", async function () {
      const w = await networkHelpers.loadFixture(active);
      const t1 = w.bills.connect(w.tier1);
      await expect(w.bills.connect(w.tier2a).endorse(ROOT, w.tier2b.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotOwnerNorApproved")
        .withArgs(w.tier2a.address, ROOT);
      await expect(t1.endorse(ROOT, w.tier2a.address, 0n))
        .to.be.revertedWithCustomError(w.bills, "InvalidAmount")
        .withArgs(0n, FACE);
      await expect(t1.endorse(ROOT, w.tier2a.address, FACE + 1n))
        .to.be.revertedWithCustomError(w.bills, "InvalidAmount")
        .withArgs(FACE + 1n, FACE);
      await expect(t1.endorse(ROOT, w.tier1.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "InvalidCounterparty")
        .withArgs(w.tier1.address);
      await expect(t1.endorse(ROOT, w.outsider.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.outsider.address, HOLDER_ROLES);
      await expect(t1.endorse(ROOT, w.regulator.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.regulator.address, HOLDER_ROLES);
      await w.registry.connect(w.regulator).setFrozen(w.tier2a.address, true, ZERO);
      await expect(t1.endorse(ROOT, w.tier2a.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier2a.address, HOLDER_ROLES);
      await w.registry.suspend(w.tier1.address, ZERO);
      await expect(t1.endorse(ROOT, w.tier2b.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      await expect(t1["transferFrom(uint256,address,uint256)"](ROOT, w.tier2b.address, 2n ** 64n))
        .to.be.revertedWithCustomError(w.bills, "InvalidAmount")
        .withArgs(2n ** 64n, FACE);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect((await w.bills.packageOf(1n)).parts).to.equal(1n);
    });

    it("is the ERC-3525 value transfer to an address", async function () {
      const w = await networkHelpers.loadFixture(active);
      const t1 = w.bills.connect(w.tier1);
      expect(await t1["transferFrom(uint256,address,uint256)"].staticCall(ROOT, w.tier2a.address, 7n)).to.equal(id(2n));
      await expect(t1["transferFrom(uint256,address,uint256)"](ROOT, w.tier2a.address, 7n))
        .to.emit(w.bills, "Offered")
        .withArgs(1n, id(2n), w.tier2a.address, ROOT, PartState.Offered);
    });

    it("refuses to move a non-transferable bill", async function () {
      const w = await networkHelpers.loadFixture(nonTransferable);
      await expect(w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NonTransferable")
        .withArgs(1n);
      await expect(w.bills.connect(w.tier1).offerDiscount(ROOT, w.bank.address, 1n, 350))
        .to.be.revertedWithCustomError(w.bills, "NonTransferable")
        .withArgs(1n);
      await expect(w.bills.connect(w.tier1).pledge(ROOT, w.bank.address))
        .to.be.revertedWithCustomError(w.bills, "NonTransferable")
        .withArgs(1n);
      // The payee may still split and merge its own holding.
      await w.bills.connect(w.tier1).split(ROOT, 1n);
      await w.bills.connect(w.tier1).merge(id(2n), ROOT);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
    });

    it("cannot be made or signed once the bill matured", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n);
      await networkHelpers.time.increaseTo(w.maturity);
      await expect(w.bills.connect(w.tier2a).sign(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "Matured")
        .withArgs(1n, w.maturity);
      await expect(w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "Matured")
        .withArgs(1n, w.maturity);
      // The value can still come back, into the part it left.
      await expect(w.bills.connect(w.tier2a).reject(id(2n)))
        .to.emit(w.bills, "OfferCancelled")
        .withArgs(1n, id(2n), w.tier2a.address, ROOT);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect((await w.bills.partOf(ROOT)).pendingOffers).to.equal(0n);
    });

    it("requires the endorsee to be active when it signs", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n);
      await w.registry.suspend(w.tier2a.address, ZERO);
      await expect(w.bills.connect(w.tier2a).sign(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier2a.address, HOLDER_ROLES);
    });
  });

  describe("endorseWithSignature", function () {
    it("endorses in one step with the endorsee's EIP-712 signature", async function () {
      const w = await networkHelpers.loadFixture(active);
      const deadline = w.maturity;
      const terms = { fromTokenId: ROOT, to: w.tier2a.address, amount: 25_000_000n, nonce: 0n, deadline };
      const signature = await endorsementSignature(w, w.tier2a, terms);
      const tx = w.bills
        .connect(w.tier1)
        .endorseWithSignature(ROOT, w.tier2a.address, 25_000_000n, 0n, deadline, signature);
      await expect(tx).to.emit(w.bills, "Signed").withArgs(1n, id(2n), w.tier2a.address);
      await expect(tx).to.emit(w.bills, "TransferValue").withArgs(ROOT, id(2n), 25_000_000n);
      await expect(tx).not.to.emit(w.bills, "Offered");
      expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.Held);
      expect(await w.bills.isNonceUsed(w.tier2a.address, 0n)).to.equal(true);
      // Replay fails: the nonce is used.
      await expect(
        w.bills.connect(w.tier1).endorseWithSignature(ROOT, w.tier2a.address, 25_000_000n, 0n, deadline, signature),
      )
        .to.be.revertedWithCustomError(w.bills, "NonceAlreadyUsed")
        .withArgs(w.tier2a.address, 0n);
    });

    it("rejects a wrong signer, changed terms and an expired deadline", async function () {
      const w = await networkHelpers.loadFixture(active);
      const deadline = (await networkHelpers.time.latest()) + DAY;
      const terms = { fromTokenId: ROOT, to: w.tier2a.address, amount: 5n, nonce: 0n, deadline };
      const byOther = await endorsementSignature(w, w.tier2b, terms);
      await expect(w.bills.connect(w.tier1).endorseWithSignature(ROOT, w.tier2a.address, 5n, 0n, deadline, byOther))
        .to.be.revertedWithCustomError(w.bills, "InvalidSignature")
        .withArgs(w.tier2a.address);
      const good = await endorsementSignature(w, w.tier2a, terms);
      await expect(w.bills.connect(w.tier1).endorseWithSignature(ROOT, w.tier2a.address, 6n, 0n, deadline, good))
        .to.be.revertedWithCustomError(w.bills, "InvalidSignature")
        .withArgs(w.tier2a.address);
      await networkHelpers.time.increaseTo(deadline + 1);
      await expect(w.bills.connect(w.tier1).endorseWithSignature(ROOT, w.tier2a.address, 5n, 0n, deadline, good))
        .to.be.revertedWithCustomError(w.bills, "ExpiredSignature")
        .withArgs(deadline);
      expect(await w.bills.isNonceUsed(w.tier2a.address, 0n)).to.equal(false);
    });
  });

  describe("approvals", function () {
    it("lets an approved address, an operator or a value allowance endorse for the holder", async function () {
      const w = await networkHelpers.loadFixture(active);
      const op = w.tier2b;
      await expect(w.bills.connect(op)["approve(address,uint256)"](op.address, ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotOwnerNorApproved")
        .withArgs(op.address, ROOT);
      await expect(w.bills.connect(w.tier1)["approve(address,uint256)"](op.address, ROOT))
        .to.emit(w.bills, "Approval")
        .withArgs(w.tier1.address, op.address, ROOT);
      expect(await w.bills.getApproved(ROOT)).to.equal(op.address);
      await w.bills.connect(op).endorse(ROOT, w.tier2a.address, 1n);
      expect(await w.bills.partOf(id(2n)).then((p) => p.endorser)).to.equal(w.tier1.address);
      await w.bills.connect(w.tier1)["approve(address,uint256)"](ethers.ZeroAddress, ROOT);

      await expect(w.bills.connect(w.tier1).setApprovalForAll(w.tier1.address, true))
        .to.be.revertedWithCustomError(w.bills, "InvalidCounterparty")
        .withArgs(w.tier1.address);
      await expect(w.bills.connect(w.tier1).setApprovalForAll(op.address, true))
        .to.emit(w.bills, "ApprovalForAll")
        .withArgs(w.tier1.address, op.address, true);
      expect(await w.bills.isApprovedForAll(w.tier1.address, op.address)).to.equal(true);
      await w.bills.connect(op).split(ROOT, 10n);
      // An operator may approve on the owner's behalf.
      await w.bills.connect(op)["approve(address,uint256)"](w.bank.address, ROOT);
      await w.bills.connect(op)["approve(uint256,address,uint256)"](ROOT, w.bank2.address, 3n);
      await w.bills.connect(w.tier1).setApprovalForAll(op.address, false);
      await expect(w.bills.connect(op).split(ROOT, 10n))
        .to.be.revertedWithCustomError(w.bills, "NotOwnerNorApproved")
        .withArgs(op.address, ROOT);
    });

    it("spends ERC-3525 value allowances", async function () {
      const w = await networkHelpers.loadFixture(active);
      const op = w.tier2b;
      await expect(w.bills.connect(w.tier1)["approve(uint256,address,uint256)"](ROOT, w.tier1.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "InvalidCounterparty")
        .withArgs(w.tier1.address);
      await expect(w.bills.connect(op)["approve(uint256,address,uint256)"](ROOT, op.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotOwnerNorApproved")
        .withArgs(op.address, ROOT);
      await expect(w.bills.connect(w.tier1)["approve(uint256,address,uint256)"](ROOT, op.address, 100n))
        .to.emit(w.bills, "ApprovalValue")
        .withArgs(ROOT, op.address, 100n);
      await w.bills.connect(op)["transferFrom(uint256,address,uint256)"](ROOT, w.tier2a.address, 60n);
      expect(await w.bills.allowance(ROOT, op.address)).to.equal(40n);
      await expect(w.bills.connect(op).endorse(ROOT, w.tier2a.address, 41n))
        .to.be.revertedWithCustomError(w.bills, "InsufficientAllowance")
        .withArgs(ROOT, op.address, 40n, 41n);
      await w.bills.connect(w.tier1)["approve(uint256,address,uint256)"](ROOT, op.address, ethers.MaxUint256);
      await w.bills.connect(op).endorse(ROOT, w.tier2a.address, 41n);
      expect(await w.bills.allowance(ROOT, op.address)).to.equal(ethers.MaxUint256);
    });
  });

  describe("split and merge", function () {
    it("splits into a part with the same chain and merges it back, burning it", async function () {
      const w = await networkHelpers.loadFixture(active);
      const t1 = w.bills.connect(w.tier1);
      await expect(t1.split(ROOT, 0n)).to.be.revertedWithCustomError(w.bills, "InvalidAmount").withArgs(0n, FACE);
      const split = t1.split(ROOT, 40_000_000n);
      await expect(split).to.emit(w.bills, "TransferValue").withArgs(ROOT, id(2n), 40_000_000n);
      await expect(split).to.emit(w.bills, "Transfer").withArgs(ethers.ZeroAddress, w.tier1.address, id(2n));
      expect(await w.bills.endorsementChain(id(2n))).to.deep.equal([w.core.address]);
      expect(await w.bills["balanceOf(address)"](w.tier1.address)).to.equal(2n);
      const merge = t1.merge(id(2n), ROOT);
      await expect(merge).to.emit(w.bills, "TransferValue").withArgs(id(2n), ROOT, 40_000_000n);
      await expect(merge).to.emit(w.bills, "Transfer").withArgs(w.tier1.address, ethers.ZeroAddress, id(2n));
      expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.Burned);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect(await w.bills["balanceOf(address)"](w.tier1.address)).to.equal(1n);
    });

    it("moves part of a value between two parts (ERC-3525 token-to-token transfer)", async function () {
      const w = await networkHelpers.loadFixture(active);
      const t1 = w.bills.connect(w.tier1);
      await t1.split(ROOT, 10n);
      await expect(t1["transferFrom(uint256,uint256,uint256)"](ROOT, id(2n), 5n))
        .to.emit(w.bills, "TransferValue")
        .withArgs(ROOT, id(2n), 5n);
      expect(await w.bills["balanceOf(uint256)"](id(2n))).to.equal(15n);
      await expect(t1["transferFrom(uint256,uint256,uint256)"](id(2n), ROOT, 16n))
        .to.be.revertedWithCustomError(w.bills, "InvalidAmount")
        .withArgs(16n, 15n);
      await expect(t1["transferFrom(uint256,uint256,uint256)"](id(2n), ROOT, 0n))
        .to.be.revertedWithCustomError(w.bills, "InvalidAmount")
        .withArgs(0n, 15n);
      // ERC-3525: a value above the balance reverts, the largest uint256 included (no "whole part" shorthand).
      await expect(t1["transferFrom(uint256,uint256,uint256)"](id(2n), ROOT, ethers.MaxUint256))
        .to.be.revertedWithCustomError(w.bills, "InvalidAmount")
        .withArgs(ethers.MaxUint256, 15n);
      expect(await w.bills["balanceOf(uint256)"](id(2n))).to.equal(15n);
    });

    it("merges parts whose chains match endorser by endorser", async function () {
      const w = await networkHelpers.loadFixture(active);
      const t1 = w.bills.connect(w.tier1);
      await t1.split(ROOT, 10n); // id2, chain [core]
      await t1.endorse(ROOT, w.tier2a.address, 3n); // id3, parent 1
      await t1.endorse(id(2n), w.tier2a.address, 4n); // id4, parent 2
      await w.bills.connect(w.tier2a).sign(id(3n));
      await w.bills.connect(w.tier2a).sign(id(4n));
      await w.bills.connect(w.tier2a).merge(id(4n), id(3n));
      expect(await w.bills["balanceOf(uint256)"](id(3n))).to.equal(7n);
    });

    it("refuses to merge what differs", async function () {
      const w = await networkHelpers.loadFixture(active);
      const t1 = w.bills.connect(w.tier1);
      await t1.endorse(ROOT, w.tier2a.address, 10n); // id2: [core, tier1]
      await w.bills.connect(w.tier2a).sign(id(2n));
      await t1.endorse(ROOT, w.tier2b.address, 10n); // id3
      await w.bills.connect(w.tier2b).sign(id(3n));
      await w.bills.connect(w.tier2b).endorse(id(3n), w.tier2a.address, 5n); // id4: [core, tier1, tier2b]
      await w.bills.connect(w.tier2a).sign(id(4n));
      const t2 = w.bills.connect(w.tier2a);
      await expect(t2.merge(id(4n), id(2n)))
        .to.be.revertedWithCustomError(w.bills, "NotMergeable")
        .withArgs(id(4n), id(2n));
      await expect(t2.merge(id(2n), id(4n)))
        .to.be.revertedWithCustomError(w.bills, "NotMergeable")
        .withArgs(id(2n), id(4n));
      await expect(t2.merge(id(2n), id(2n)))
        .to.be.revertedWithCustomError(w.bills, "NotMergeable")
        .withArgs(id(2n), id(2n));
      await expect(t2.merge(id(2n), id(3n)))
        .to.be.revertedWithCustomError(w.bills, "NotMergeable")
        .withArgs(id(2n), id(3n));
      // Different holders.
      await t1.split(ROOT, 1n); // id5: [core]
      await expect(t1.merge(id(5n), id(3n)))
        .to.be.revertedWithCustomError(w.bills, "NotMergeable")
        .withArgs(id(5n), id(3n));
      // Same holder, chains of different length: [core] vs [core, tier1, tier2a].
      await t2.endorse(id(2n), w.tier1.address, 1n); // id6
      await t1.sign(id(6n));
      await expect(t1.merge(id(6n), ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotMergeable")
        .withArgs(id(6n), ROOT);
      // Another package's part.
      await w.bills
        .connect(w.core)
        .issue(w.core.address, w.tier1.address, w.token, FACE, w.maturity, false, ZERO.replace(/0$/, "1"), ZERO);
      await w.bills.connect(w.core).accept(2n);
      await w.bills.connect(w.tier1).sign(tokenId(2n, 1n));
      await expect(t1.merge(tokenId(2n, 1n), ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotMergeable")
        .withArgs(tokenId(2n, 1n), ROOT);
      await expect(t1.merge(ROOT, id(9n)))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(id(9n), PartState.None, false);
    });

    it("refuses a frozen or suspended holder", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).split(ROOT, 1n);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, true, ZERO);
      await expect(w.bills.connect(w.tier1).split(ROOT, 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      await expect(w.bills.connect(w.tier1).merge(id(2n), ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, false, ZERO);
      await w.registry.suspend(w.tier1.address, ZERO);
      await expect(w.bills.connect(w.tier1)["transferFrom(uint256,uint256,uint256)"](ROOT, id(2n), 1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE - 1n);
      expect(await w.bills["balanceOf(uint256)"](id(2n))).to.equal(1n);
      expect((await w.bills.packageOf(1n)).parts).to.equal(2n);
    });
  });

  describe("discount", function () {
    const RATE = 350; // 3.5 %

    async function offered() {
      const w = await active();
      await w.bills.connect(w.tier1).offerDiscount(ROOT, w.bank.address, 20_000_000n, RATE);
      return w;
    }

    it("records the rate when the offer is made", async function () {
      const w = await networkHelpers.loadFixture(active);
      const tx = w.bills.connect(w.tier1).offerDiscount(ROOT, w.bank.address, 20_000_000n, RATE);
      await expect(tx).to.emit(w.bills, "DiscountOffered").withArgs(1n, id(2n), w.bank.address, RATE);
      await expect(tx)
        .to.emit(w.bills, "Offered")
        .withArgs(1n, id(2n), w.bank.address, ROOT, PartState.DiscountOffered);
      await expect(tx).to.emit(w.bills, "TransferValue").withArgs(ROOT, id(2n), 20_000_000n);
      // An endorsement offer carries no rate.
      await expect(w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n)).not.to.emit(
        w.bills,
        "DiscountOffered",
      );
    });

    it("prices from value, rate and days to maturity and settles delivery versus payment", async function () {
      const w = await networkHelpers.loadFixture(offered);
      expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.DiscountOffered);
      const now = BigInt(await networkHelpers.time.latest());
      const next = now + 10n;
      await networkHelpers.time.setNextBlockTimestamp(next);
      const days = (BigInt(w.maturity) - next + 86_399n) / 86_400n;
      const gross = 20_000_000n * UNIT;
      const price = gross - (gross * 350n * days) / (360n * 10_000n);
      const tx = w.bills.connect(w.bank).signDiscount(id(2n), price);
      await expect(tx).to.emit(w.bills, "Signed").withArgs(1n, id(2n), w.bank.address);
      await expect(tx)
        .to.emit(w.bills, "Discounted")
        .withArgs(1n, id(2n), w.bank.address, w.tier1.address, RATE, days, price);
      await expect(tx).to.changeTokenBalances(ethers, w.token, [w.bank, w.tier1], [-price, price]);
      expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.Held);
      expect(await w.bills.endorsementChain(id(2n))).to.deep.equal([w.core.address, w.tier1.address]);
      expect(days).to.equal(90n);
      expect(price).to.equal(198_250_000_000n); // 200,000.00 yuan less 3.5% for 90 days = 198,250.00
    });

    it("quotes the price it will charge", async function () {
      const w = await networkHelpers.loadFixture(offered);
      const [price, days] = await w.bills.discountPrice(id(2n));
      expect(days).to.equal(90n);
      expect(price).to.equal(198_250_000_000n);
      await expect(w.bills.discountPrice(ROOT))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.Held, false);
      await networkHelpers.time.increaseTo(w.maturity);
      await expect(w.bills.discountPrice(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "Matured")
        .withArgs(1n, w.maturity);
    });

    it("enforces the limit, the financier and the state", async function () {
      const w = await networkHelpers.loadFixture(offered);
      const [price] = await w.bills.discountPrice(id(2n));
      await expect(w.bills.connect(w.bank).signDiscount(id(2n), price - 1n))
        .to.be.revertedWithCustomError(w.bills, "PriceAboveLimit")
        .withArgs(price, price - 1n);
      await expect(w.bills.connect(w.bank2).signDiscount(id(2n), price))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.bank2.address, w.bank.address);
      await expect(w.bills.connect(w.tier1).signDiscount(ROOT, price))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.Held, false);
      await expect(w.bills.connect(w.bank).sign(id(2n)))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(id(2n), PartState.DiscountOffered, false);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, true, ZERO);
      await expect(w.bills.connect(w.bank).signDiscount(id(2n), price))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      await w.registry.connect(w.regulator).setFrozen(w.tier1.address, false, ZERO);
      await w.registry.suspend(w.bank.address, ZERO);
      await expect(w.bills.connect(w.bank).signDiscount(id(2n), price))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.bank.address, FINANCIER);
      expect(await w.token.balanceOf(w.tier1.address)).to.equal(10n ** 15n);
    });

    it("needs a financier and a sane rate; the financier may reject", async function () {
      const w = await networkHelpers.loadFixture(offered);
      const t1 = w.bills.connect(w.tier1);
      await expect(t1.offerDiscount(ROOT, w.tier2a.address, 1n, RATE))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier2a.address, FINANCIER);
      await expect(t1.offerDiscount(ROOT, w.bank.address, 1n, 0))
        .to.be.revertedWithCustomError(w.bills, "InvalidRate")
        .withArgs(0);
      await expect(t1.offerDiscount(ROOT, w.bank.address, 1n, 10_001))
        .to.be.revertedWithCustomError(w.bills, "InvalidRate")
        .withArgs(10_001);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE - 20_000_000n);
      await expect(w.bills.connect(w.bank).reject(id(2n)))
        .to.emit(w.bills, "OfferCancelled")
        .withArgs(1n, id(2n), w.bank.address, ROOT);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect((await w.bills.partOf(ROOT)).pendingOffers).to.equal(0n);
      expect((await w.bills.packageOf(1n)).parts).to.equal(2n);
    });

    it("prices a long bill at a 100% rate at zero, never below", async function () {
      const w = await deployWorld(connection);
      const far = (await networkHelpers.time.latest()) + 400 * DAY;
      await w.bills
        .connect(w.core)
        .issue(w.core.address, w.tier1.address, w.token, FACE, far, false, ZERO.replace(/0$/, "1"), ZERO);
      await w.bills.connect(w.core).accept(1n);
      await w.bills.connect(w.tier1).sign(ROOT);
      await w.bills.connect(w.tier1).offerDiscount(ROOT, w.bank.address, 100n, 10_000);
      expect((await w.bills.discountPrice(id(2n)))[0]).to.equal(0n);
    });
  });

  describe("pledge", function () {
    it("pledges with the pledgee's signature and releases", async function () {
      const w = await networkHelpers.loadFixture(active);
      await expect(w.bills.connect(w.tier2a).pledge(ROOT, w.bank.address))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier2a.address, w.tier1.address);
      await expect(w.bills.connect(w.tier1).pledge(ROOT, w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "InvalidCounterparty")
        .withArgs(w.tier1.address);
      await expect(w.bills.connect(w.tier1).pledge(ROOT, w.tier2a.address))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier2a.address, FINANCIER);
      await expect(w.bills.connect(w.tier1).pledge(ROOT, w.bank.address))
        .to.emit(w.bills, "PledgeOffered")
        .withArgs(1n, ROOT, w.bank.address);
      expect((await w.bills.partOf(ROOT)).state).to.equal(PartState.PledgeOffered);
      await expect(w.bills.connect(w.tier1).pledge(ROOT, w.bank.address))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.PledgeOffered, false);
      await expect(w.bills.connect(w.bank2).signPledge(ROOT, (await w.bills.partOf(ROOT)).value))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.bank2.address, w.bank.address);
      await expect(w.bills.connect(w.bank).signPledge(ROOT, (await w.bills.partOf(ROOT)).value))
        .to.emit(w.bills, "Signed")
        .withArgs(1n, ROOT, w.bank.address);
      const part = await w.bills.partOf(ROOT);
      expect(part.state).to.equal(PartState.Pledged);
      expect(part.owner).to.equal(w.tier1.address);
      expect(part.beneficiary).to.equal(w.bank.address);
      // A pledged part does not move.
      await expect(w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.Pledged, false);
      await expect(w.bills.connect(w.tier1).release(ROOT))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier1.address, w.bank.address);
      await expect(w.bills.connect(w.bank).release(ROOT))
        .to.emit(w.bills, "PledgeReleased")
        .withArgs(1n, ROOT, w.bank.address);
      expect((await w.bills.partOf(ROOT)).state).to.equal(PartState.Held);
      await expect(w.bills.connect(w.bank).release(ROOT))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.Held, false);
    });

    it("lets the pledgee reject and the pledgor withdraw an offer", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).pledge(ROOT, w.bank.address);
      await expect(w.bills.connect(w.tier1).reject(ROOT))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier1.address, w.bank.address);
      await expect(w.bills.connect(w.bank).reject(ROOT))
        .to.emit(w.bills, "OfferCancelled")
        .withArgs(1n, ROOT, w.bank.address, 0n);
      expect((await w.bills.partOf(ROOT)).state).to.equal(PartState.Held);
      await w.bills.connect(w.tier1).pledge(ROOT, w.bank.address);
      await expect(w.bills.connect(w.bank).withdraw(ROOT))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.bank.address, w.tier1.address);
      await expect(w.bills.connect(w.tier1).withdraw(ROOT))
        .to.emit(w.bills, "OfferCancelled")
        .withArgs(1n, ROOT, w.tier1.address, 0n);
      expect((await w.bills.partOf(ROOT)).beneficiary).to.equal(w.tier1.address);
    });

    it("cannot be signed after maturity", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).pledge(ROOT, w.bank.address);
      await networkHelpers.time.increaseTo(w.maturity);
      await expect(w.bills.connect(w.bank).signPledge(ROOT, (await w.bills.partOf(ROOT)).value))
        .to.be.revertedWithCustomError(w.bills, "Matured")
        .withArgs(1n, w.maturity);
      await expect(w.bills.connect(w.tier1).pledge(ROOT, w.bank.address))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.PledgeOffered, false);
    });
  });

  describe("regulator freeze of parts", function () {
    it("freezes a part so nothing moves it, and only the regulator unfreezes", async function () {
      const w = await networkHelpers.loadFixture(active);
      const reason = ethers.id("court order 2026-123");
      for (const who of [w.tier1, w.admin, w.core]) {
        await expect(w.bills.connect(who).setPartFrozen(ROOT, true, reason))
          .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
          .withArgs(who.address, REGULATOR);
      }
      await expect(w.bills.connect(w.regulator).setPartFrozen(id(5n), true, reason))
        .to.be.revertedWithCustomError(w.bills, "NonexistentPart")
        .withArgs(id(5n));
      await expect(w.bills.connect(w.regulator).setPartFrozen(ROOT, true, reason))
        .to.emit(w.bills, "PartFrozen")
        .withArgs(1n, ROOT, w.regulator.address, true, reason);
      expect((await w.bills.partOf(ROOT)).frozen).to.equal(true);
      await expect(w.bills.connect(w.regulator).setPartFrozen(ROOT, true, reason))
        .to.be.revertedWithCustomError(w.bills, "FreezeUnchanged")
        .withArgs(ROOT, true);
      const t1 = w.bills.connect(w.tier1);
      for (const call of [
        t1.endorse(ROOT, w.tier2a.address, 1n),
        t1.split(ROOT, 1n),
        t1.offerDiscount(ROOT, w.bank.address, 1n, 350),
        t1.pledge(ROOT, w.bank.address),
        t1.withdraw(ROOT),
        t1.reject(ROOT),
        t1.sign(ROOT),
      ]) {
        await expect(call)
          .to.be.revertedWithCustomError(w.bills, "WrongPartState")
          .withArgs(ROOT, PartState.Held, true);
      }
      // The regulator cannot move value either: it holds nothing and is not a holder role.
      await expect(w.bills.connect(w.regulator).endorse(ROOT, w.tier2a.address, 1n))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.Held, true);
      await expect(w.bills.connect(w.tier1).setPartFrozen(ROOT, false, reason))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, REGULATOR);
      await expect(w.bills.connect(w.regulator).setPartFrozen(ROOT, false, reason))
        .to.emit(w.bills, "PartFrozen")
        .withArgs(1n, ROOT, w.regulator.address, false, reason);
      await t1.split(ROOT, 1n);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Active);
    });

    it("freezes an offered part: neither signature, rejection nor withdrawal", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n);
      await w.bills.connect(w.regulator).setPartFrozen(id(2n), true, ZERO);
      for (const call of [
        w.bills.connect(w.tier2a).sign(id(2n)),
        w.bills.connect(w.tier2a).reject(id(2n)),
        w.bills.connect(w.tier1).withdraw(id(2n)),
      ]) {
        await expect(call)
          .to.be.revertedWithCustomError(w.bills, "WrongPartState")
          .withArgs(id(2n), PartState.Offered, true);
      }
    });

    describe("a frozen part's freeze covers the value it has on offer", function () {
      // tier1 offers 90% of its bill (part 2) and the regulator then freezes tier1's part (the root).
      async function frozenWithOffer(kind: "endorse" | "discount"): Promise<World> {
        const w = await active();
        if (kind === "endorse") await w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 90_000_000n);
        else await w.bills.connect(w.tier1).offerDiscount(ROOT, w.bank.address, 90_000_000n, 350);
        await w.bills.connect(w.regulator).setPartFrozen(ROOT, true, ethers.id("court order"));
        return w;
      }
      const frozenEndorsement = () => frozenWithOffer("endorse");
      const frozenDiscount = () => frozenWithOffer("discount");

      it("B1: a withdrawn offer comes back into the frozen part, so it cannot be endorsed away", async function () {
        const w = await networkHelpers.loadFixture(frozenEndorsement);
        const tx = w.bills.connect(w.tier1).withdraw(id(2n));
        await expect(tx).to.emit(w.bills, "OfferCancelled").withArgs(1n, id(2n), w.tier1.address, ROOT);
        await expect(tx).to.emit(w.bills, "TransferValue").withArgs(id(2n), ROOT, 90_000_000n);
        // No new part and no new freeze: the value is back under the freeze it was offered from.
        await expect(tx).not.to.emit(w.bills, "PartFrozen");
        const returned = await w.bills.partOf(ROOT);
        expect([
          returned.frozen,
          returned.state,
          returned.value,
          returned.holder,
          returned.pendingOffers,
        ]).to.deep.equal([true, PartState.Held, FACE, w.tier1.address, 0n]);
        const t1 = w.bills.connect(w.tier1);
        for (const call of [
          t1.endorse(ROOT, w.tier2b.address, 90_000_000n),
          t1.split(ROOT, 1n),
          t1.offerDiscount(ROOT, w.bank.address, 1n, 350),
          t1.pledge(ROOT, w.bank.address),
        ]) {
          await expect(call)
            .to.be.revertedWithCustomError(w.bills, "WrongPartState")
            .withArgs(ROOT, PartState.Held, true);
        }
        expect((await w.bills.packageOf(1n)).parts).to.equal(2n);
        // Only the regulator lifts it.
        await expect(w.bills.connect(w.regulator).setPartFrozen(ROOT, false, ZERO))
          .to.emit(w.bills, "PartFrozen")
          .withArgs(1n, ROOT, w.regulator.address, false, ZERO);
        await expect(t1.endorse(ROOT, w.tier2b.address, 1n))
          .to.emit(w.bills, "Offered")
          .withArgs(1n, id(3n), w.tier2b.address, ROOT, PartState.Offered);
      });

      it("refuses the endorsee's signature until the part is unfrozen", async function () {
        const w = await networkHelpers.loadFixture(frozenEndorsement);
        await expect(w.bills.connect(w.tier2a).sign(id(2n)))
          .to.be.revertedWithCustomError(w.bills, "OfferSourceFrozen")
          .withArgs(id(2n), ROOT);
        const offer = await w.bills.partOf(id(2n));
        expect(offer.state).to.equal(PartState.Offered);
        expect(offer.frozen).to.equal(false);
        expect(await w.bills["balanceOf(address)"](w.tier2a.address)).to.equal(1n);
        await w.bills.connect(w.regulator).setPartFrozen(ROOT, false, ZERO);
        await expect(w.bills.connect(w.tier2a).sign(id(2n)))
          .to.emit(w.bills, "Signed")
          .withArgs(1n, id(2n), w.tier2a.address);
        expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.Held);
      });

      it("returns a rejected offer into the frozen part", async function () {
        const w = await networkHelpers.loadFixture(frozenEndorsement);
        const tx = w.bills.connect(w.tier2a).reject(id(2n));
        await expect(tx).to.emit(w.bills, "OfferCancelled").withArgs(1n, id(2n), w.tier2a.address, ROOT);
        await expect(tx).to.emit(w.bills, "Transfer").withArgs(w.tier2a.address, ethers.ZeroAddress, id(2n));
        await expect(tx).to.emit(w.bills, "TransferValue").withArgs(id(2n), ROOT, 90_000_000n);
        await expect(tx).not.to.emit(w.bills, "PartFrozen");
        expect((await w.bills.partOf(ROOT)).frozen).to.equal(true);
        expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
        expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.Cancelled);
        expect(await amountsOf(w, 1n)).to.deep.equal([FACE, 0n, 0n]);
        await expect(w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, 1n))
          .to.be.revertedWithCustomError(w.bills, "WrongPartState")
          .withArgs(ROOT, PartState.Held, true);
        // Unfreezing the part releases the whole holding, the returned value included.
        await w.bills.connect(w.regulator).setPartFrozen(ROOT, false, ZERO);
        await expect(w.bills.connect(w.tier1).endorse(ROOT, w.tier2a.address, FACE))
          .to.emit(w.bills, "TransferValue")
          .withArgs(ROOT, id(3n), FACE);
      });

      it("returns an offer of an unfrozen part into it unfrozen, with no freeze event", async function () {
        const w = await networkHelpers.loadFixture(frozenEndorsement);
        await w.bills.connect(w.regulator).setPartFrozen(ROOT, false, ZERO);
        const tx = w.bills.connect(w.tier1).withdraw(id(2n));
        await expect(tx).to.emit(w.bills, "OfferCancelled").withArgs(1n, id(2n), w.tier1.address, ROOT);
        await expect(tx).not.to.emit(w.bills, "PartFrozen");
        const part = await w.bills.partOf(ROOT);
        expect([part.frozen, part.value]).to.deep.equal([false, FACE]);
      });

      it("refuses the financier's signature of a discount offer, paying nothing", async function () {
        const w = await networkHelpers.loadFixture(frozenDiscount);
        await expect(w.bills.connect(w.bank).signDiscount(id(2n), ethers.MaxUint256))
          .to.be.revertedWithCustomError(w.bills, "OfferSourceFrozen")
          .withArgs(id(2n), ROOT);
        expect(await w.token.balanceOf(w.bank.address)).to.equal(10n ** 15n);
        expect(await w.token.balanceOf(w.tier1.address)).to.equal(10n ** 15n);
        expect((await w.bills.partOf(id(2n))).state).to.equal(PartState.DiscountOffered);
        await w.bills.connect(w.regulator).setPartFrozen(ROOT, false, ZERO);
        const [price] = await w.bills.discountPrice(id(2n));
        await expect(w.bills.connect(w.bank).signDiscount(id(2n), price)).to.changeTokenBalances(
          ethers,
          w.token,
          [w.bank, w.tier1],
          [-price, price],
        );
      });

      for (const [how, done] of [
        ["reject", "rejected"],
        ["withdraw", "withdrawn"],
      ] as const) {
        it(`returns a ${done} discount offer into the frozen part`, async function () {
          const w = await networkHelpers.loadFixture(frozenDiscount);
          const by = how === "reject" ? w.bank : w.tier1;
          const tx = how === "reject" ? w.bills.connect(by).reject(id(2n)) : w.bills.connect(by).withdraw(id(2n));
          await expect(tx).to.emit(w.bills, "OfferCancelled").withArgs(1n, id(2n), by.address, ROOT);
          await expect(tx).to.emit(w.bills, "TransferValue").withArgs(id(2n), ROOT, 90_000_000n);
          await expect(tx).not.to.emit(w.bills, "PartFrozen");
          const returned = await w.bills.partOf(ROOT);
          expect([returned.holder, returned.value, returned.frozen, returned.pendingOffers]).to.deep.equal([
            w.tier1.address,
            FACE,
            true,
            0n,
          ]);
          await expect(w.bills.connect(w.tier1).offerDiscount(ROOT, w.bank.address, 1n, 350))
            .to.be.revertedWithCustomError(w.bills, "WrongPartState")
            .withArgs(ROOT, PartState.Held, true);
        });
      }

      it("leaves a frozen part's pledge offer neither signed, rejected nor withdrawn", async function () {
        const w = await networkHelpers.loadFixture(active);
        await w.bills.connect(w.tier1).pledge(ROOT, w.bank.address);
        await w.bills.connect(w.regulator).setPartFrozen(ROOT, true, ZERO);
        for (const call of [
          w.bills.connect(w.bank).signPledge(ROOT, (await w.bills.partOf(ROOT)).value),
          w.bills.connect(w.bank).reject(ROOT),
          w.bills.connect(w.tier1).withdraw(ROOT),
        ]) {
          await expect(call)
            .to.be.revertedWithCustomError(w.bills, "WrongPartState")
            .withArgs(ROOT, PartState.PledgeOffered, true);
        }
        const part = await w.bills.partOf(ROOT);
        expect([part.state, part.beneficiary, part.frozen]).to.deep.equal([
          PartState.PledgeOffered,
          w.tier1.address,
          true,
        ]);
        await w.bills.connect(w.regulator).setPartFrozen(ROOT, false, ZERO);
        // A pledge is accepted only with signPledge, for the value the pledgee saw (finding 1).
        await expect(w.bills.connect(w.bank).sign(ROOT))
          .to.be.revertedWithCustomError(w.bills, "WrongPartState")
          .withArgs(ROOT, PartState.PledgeOffered, false);
        await expect(w.bills.connect(w.bank).signPledge(ROOT, FACE))
          .to.emit(w.bills, "Signed")
          .withArgs(1n, ROOT, w.bank.address);
      });
    });

    it("lets the regulator act only while active", async function () {
      const w = await networkHelpers.loadFixture(active);
      await w.registry.suspend(w.regulator.address, ZERO);
      await expect(w.bills.connect(w.regulator).setPartFrozen(ROOT, true, ZERO))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.regulator.address, REGULATOR);
      expect(ENTERPRISE).to.equal(1n);
    });
  });
});
