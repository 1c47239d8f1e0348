import { expect } from "chai";
import { network } from "hardhat";

import {
  DIGEST,
  ENTERPRISE,
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
  tokenId,
} from "./fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const world = () => deployWorld(connection);
const ZERO = ethers.ZeroHash;

describe("SupplyChainBills: issuance and the ERC-3525 surface", function () {
  describe("deployment and interfaces", function () {
    it("needs a registry and a time unit of seconds or milliseconds, and exposes its configuration", async function () {
      const { registry, evidence, bills } = await networkHelpers.loadFixture(world);
      await expect(ethers.deployContract("SupplyChainBills", [ethers.ZeroAddress, evidence, WINDOW, 1, ""]))
        .to.be.revertedWithCustomError(bills, "InvalidCounterparty")
        .withArgs(ethers.ZeroAddress);
      for (const unit of [0, 10, 999, 1_000_000]) {
        await expect(ethers.deployContract("SupplyChainBills", [registry, evidence, WINDOW, unit, ""]))
          .to.be.revertedWithCustomError(bills, "InvalidTimeUnit")
          .withArgs(unit);
      }
      expect(await bills.REGISTRY()).to.equal(await registry.getAddress());
      expect(await bills.EVIDENCE()).to.equal(await evidence.getAddress());
      expect(await bills.PAYMENT_WINDOW()).to.equal(WINDOW);
      expect(await bills.TIME_UNITS_PER_SECOND()).to.equal(1n);
      expect(await bills.MAX_CHAIN_LENGTH()).to.equal(32n);
      expect(await bills.valueDecimals()).to.equal(2n);
      const ms = await ethers.deployContract("SupplyChainBills", [registry, evidence, WINDOW * 1000, 1000, ""]);
      expect(await ms.TIME_UNITS_PER_SECOND()).to.equal(1000n);
      expect(await ms.PAYMENT_WINDOW()).to.equal(BigInt(WINDOW) * 1000n);
    });

    it("declares ERC-165, ERC-721 (with metadata) and ERC-3525 (with metadata) only", async function () {
      const { bills } = await networkHelpers.loadFixture(world);
      expect(await bills.supportsInterface("0x01ffc9a7")).to.equal(true);
      expect(await bills.supportsInterface("0x80ac58cd")).to.equal(true);
      expect(await bills.supportsInterface("0xd5358140")).to.equal(true);
      expect(await bills.supportsInterface("0x5b5e139f")).to.equal(true);
      expect(await bills.supportsInterface("0xe1600902")).to.equal(true);
      expect(await bills.supportsInterface("0x780e9d63")).to.equal(false); // ERC-721 enumerable
      expect(await bills.supportsInterface("0xffffffff")).to.equal(false);
    });

    it("refuses whole-token ERC-721 transfers", async function () {
      const w = await networkHelpers.loadFixture(world);
      await issueBill(w);
      const b = w.bills.connect(w.tier1);
      await expect(b["transferFrom(address,address,uint256)"](w.tier1.address, w.tier2a.address, ROOT))
        .to.be.revertedWithCustomError(w.bills, "WholeTokenTransfer")
        .withArgs(ROOT);
      await expect(b["safeTransferFrom(address,address,uint256)"](w.tier1.address, w.tier2a.address, ROOT))
        .to.be.revertedWithCustomError(w.bills, "WholeTokenTransfer")
        .withArgs(ROOT);
      await expect(b["safeTransferFrom(address,address,uint256,bytes)"](w.tier1.address, w.tier2a.address, ROOT, "0x"))
        .to.be.revertedWithCustomError(w.bills, "WholeTokenTransfer")
        .withArgs(ROOT);
      expect(await w.bills.ownerOf(ROOT)).to.equal(w.tier1.address);
    });
  });

  describe("issue", function () {
    it("creates the package and offers the root part to the payee", async function () {
      const w = await networkHelpers.loadFixture(world);
      const tx = w.bills
        .connect(w.core)
        .issue(w.core.address, w.tier1.address, w.token, FACE, w.maturity, false, DIGEST, ZERO);
      await expect(tx)
        .to.emit(w.bills, "Issued")
        .withArgs(
          1n,
          w.core.address,
          w.core.address,
          w.tier1.address,
          await w.token.getAddress(),
          FACE,
          w.maturity,
          false,
          DIGEST,
          ZERO,
        );
      await expect(tx).to.emit(w.bills, "Transfer").withArgs(ethers.ZeroAddress, w.tier1.address, ROOT);
      await expect(tx).to.emit(w.bills, "SlotChanged").withArgs(ROOT, 0n, 1n);
      await expect(tx).to.emit(w.bills, "TransferValue").withArgs(0n, ROOT, FACE);
      await expect(tx).to.emit(w.bills, "Offered").withArgs(1n, ROOT, w.tier1.address, 0n, PartState.Offered);
      const pkg = await w.bills.packageOf(1n);
      expect(pkg.drawer).to.equal(w.core.address);
      expect(pkg.acceptor).to.equal(w.core.address);
      expect(pkg.payee).to.equal(w.tier1.address);
      expect(pkg.token).to.equal(await w.token.getAddress());
      expect(pkg.maturity).to.equal(w.maturity);
      expect(pkg.status).to.equal(PackageStatus.Issued);
      expect(pkg.nonTransferable).to.equal(false);
      expect(pkg.tokenDecimals).to.equal(6n);
      expect(pkg.faceValue).to.equal(FACE);
      expect(pkg.redeemed).to.equal(0n);
      expect(pkg.parts).to.equal(1n);
      expect(pkg.dishonoredAt).to.equal(0n);
      expect(pkg.tradeDigest).to.equal(DIGEST);
      expect(pkg.evidenceId).to.equal(ZERO);
      const part = await w.bills.partOf(ROOT);
      expect(part.packageId).to.equal(1n);
      expect(part.owner).to.equal(w.tier1.address);
      expect(part.holder).to.equal(w.tier1.address);
      expect(part.endorser).to.equal(w.core.address);
      expect(part.beneficiary).to.equal(w.tier1.address);
      expect(part.value).to.equal(FACE);
      expect(part.paid).to.equal(0n);
      expect(part.parent).to.equal(0n);
      expect(part.state).to.equal(PartState.Offered);
      expect(part.frozen).to.equal(false);
      expect(part.takenOver).to.equal(false);
      expect(await w.bills.ownerOf(ROOT)).to.equal(w.tier1.address);
      expect(await w.bills["balanceOf(address)"](w.tier1.address)).to.equal(1n);
      expect(await w.bills["balanceOf(uint256)"](ROOT)).to.equal(FACE);
      expect(await w.bills.slotOf(ROOT)).to.equal(1n);
      expect(await w.bills.endorsementChain(ROOT)).to.deep.equal([w.core.address]);
      expect(await amountsOf(w, 1n)).to.deep.equal([FACE, 0n, 0n]);
    });

    it("refuses a revoked evidence id, changing nothing", async function () {
      const w = await networkHelpers.loadFixture(world);
      const anchored = ethers.id("purchase contract + invoices");
      await w.evidence.connect(w.core).anchor(anchored, 1, ZERO);
      await w.evidence.connect(w.core).revoke(anchored, ethers.id("forged invoice"));
      const revokedAt = await networkHelpers.time.latest();
      await expect(
        w.bills
          .connect(w.core)
          .issue(w.core.address, w.tier1.address, w.token, FACE, w.maturity, false, DIGEST, anchored),
      )
        .to.be.revertedWithCustomError(w.bills, "EvidenceRevoked")
        .withArgs(anchored, revokedAt);
      await expect(w.bills.packageOf(1n)).to.be.revertedWithCustomError(w.bills, "UnknownPackage").withArgs(1n);
      expect(await w.bills["balanceOf(address)"](w.tier1.address)).to.equal(0n);
      // The error is the copyright suite's, argument for argument.
      const disputes = await ethers.getContractFactory("CopyrightDisputes");
      expect(w.bills.interface.getError("EvidenceRevoked")!.format("sighash")).to.equal(
        disputes.interface.getError("EvidenceRevoked")!.format("sighash"),
      );
    });

    it("accepts an anchored evidence id and refuses an unknown one", async function () {
      const w = await networkHelpers.loadFixture(world);
      const anchored = ethers.id("purchase contract + invoices");
      await w.evidence.connect(w.core).anchor(anchored, 1, ZERO);
      const b = w.bills.connect(w.core);
      await expect(b.issue(w.core.address, w.tier1.address, w.token, FACE, w.maturity, true, DIGEST, anchored))
        .to.emit(w.bills, "Issued")
        .withArgs(
          1n,
          w.core.address,
          w.core.address,
          w.tier1.address,
          await w.token.getAddress(),
          FACE,
          w.maturity,
          true,
          DIGEST,
          anchored,
        );
      expect((await w.bills.packageOf(1n)).evidenceId).to.equal(anchored);
      const unknown = ethers.id("never anchored");
      await expect(b.issue(w.core.address, w.tier1.address, w.token, FACE, w.maturity, false, DIGEST, unknown))
        .to.be.revertedWithCustomError(w.bills, "UnknownEvidence")
        .withArgs(unknown);
      const noEvidence = await ethers.deployContract("SupplyChainBills", [
        w.registry,
        ethers.ZeroAddress,
        WINDOW,
        1,
        "",
      ]);
      await expect(
        noEvidence
          .connect(w.core)
          .issue(w.core.address, w.tier1.address, w.token, FACE, w.maturity, false, DIGEST, anchored),
      )
        .to.be.revertedWithCustomError(w.bills, "UnknownEvidence")
        .withArgs(anchored);
    });

    it("enforces who may draw, accept and receive", async function () {
      const w = await networkHelpers.loadFixture(world);
      const issue = (from: typeof w.core, acceptor: string, payee: string) =>
        w.bills.connect(from).issue(acceptor, payee, w.token, FACE, w.maturity, false, DIGEST, ZERO);
      await expect(issue(w.outsider, w.core.address, w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.outsider.address, ENTERPRISE);
      await expect(issue(w.bank, w.core.address, w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.bank.address, ENTERPRISE);
      await expect(issue(w.core, w.regulator.address, w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.regulator.address, HOLDER_ROLES);
      await expect(issue(w.core, w.core.address, w.core.address))
        .to.be.revertedWithCustomError(w.bills, "InvalidCounterparty")
        .withArgs(w.core.address);
      await expect(issue(w.core, w.core.address, w.bank.address))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.bank.address, ENTERPRISE);
      await w.registry.connect(w.regulator).setFrozen(w.core.address, true, ZERO);
      await expect(issue(w.core, w.bank.address, w.tier1.address))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.core.address, ENTERPRISE);
      // A bank can accept (bank acceptance bill).
      await w.registry.connect(w.regulator).setFrozen(w.core.address, false, ZERO);
      await issue(w.core, w.bank.address, w.tier1.address);
      expect((await w.bills.packageOf(1n)).acceptor).to.equal(w.bank.address);
    });

    it("validates the terms", async function () {
      const w = await networkHelpers.loadFixture(world);
      const now = await networkHelpers.time.latest();
      const b = w.bills.connect(w.core);
      const c = w.core.address;
      const p = w.tier1.address;
      await expect(b.issue(c, p, w.token, 0, w.maturity, false, DIGEST, ZERO))
        .to.be.revertedWithCustomError(w.bills, "InvalidFaceValue")
        .withArgs(0);
      await expect(b.issue(c, p, w.token, FACE, now + 1, false, DIGEST, ZERO))
        .to.be.revertedWithCustomError(w.bills, "InvalidMaturity")
        .withArgs(now + 1);
      await expect(b.issue(c, p, w.token, FACE, 2n ** 48n, false, DIGEST, ZERO))
        .to.be.revertedWithCustomError(w.bills, "InvalidMaturity")
        .withArgs(2n ** 48n);
      await expect(b.issue(c, p, w.token, FACE, 2n ** 64n - 1n, false, DIGEST, ZERO))
        .to.be.revertedWithCustomError(w.bills, "InvalidMaturity")
        .withArgs(2n ** 64n - 1n);
      await expect(b.issue(c, p, w.token, FACE, w.maturity, false, ZERO, ZERO)).to.be.revertedWithCustomError(
        w.bills,
        "MissingTradeDigest",
      );
      const twoDecimals = await ethers.deployContract("MockStablecoin", [1]);
      const thirtyOne = await ethers.deployContract("MockStablecoin", [31]);
      for (const bad of [w.outsider.address, await w.registry.getAddress(), twoDecimals, thirtyOne]) {
        const address = typeof bad === "string" ? bad : await bad.getAddress();
        await expect(b.issue(c, p, address, FACE, w.maturity, false, DIGEST, ZERO))
          .to.be.revertedWithCustomError(w.bills, "InvalidSettlementToken")
          .withArgs(address);
      }
      await expect(w.bills.packageOf(1n)).to.be.revertedWithCustomError(w.bills, "UnknownPackage").withArgs(1n);
    });

    it("stores 48-bit times: a millisecond maturity fits", async function () {
      const w = await networkHelpers.loadFixture(world);
      const msMaturity = 2n ** 48n - 1n; // the year 10889 in milliseconds
      await w.bills
        .connect(w.core)
        .issue(w.core.address, w.tier1.address, w.token, FACE, msMaturity, false, DIGEST, ZERO);
      expect((await w.bills.packageOf(1n)).maturity).to.equal(msMaturity);
    });
  });

  describe("accept, deliver-sign, cancel", function () {
    it("runs issue → accept → payee signs", async function () {
      const w = await networkHelpers.loadFixture(world);
      await issueBill(w, "issued");
      await expect(w.bills.connect(w.tier1).sign(ROOT))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Issued);
      await expect(w.bills.connect(w.core).accept(1n)).to.emit(w.bills, "Accepted").withArgs(1n, w.core.address);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Accepted);
      await expect(w.bills.connect(w.core).sign(ROOT))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.core.address, w.tier1.address);
      await expect(w.bills.connect(w.tier1).sign(ROOT)).to.emit(w.bills, "Signed").withArgs(1n, ROOT, w.tier1.address);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Active);
      expect((await w.bills.partOf(ROOT)).state).to.equal(PartState.Held);
      await expect(w.bills.connect(w.tier1).sign(ROOT))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.Held, false);
    });

    it("restricts acceptance to the acceptor, once, before maturity, while active", async function () {
      const w = await networkHelpers.loadFixture(world);
      await expect(w.bills.connect(w.core).accept(9n))
        .to.be.revertedWithCustomError(w.bills, "UnknownPackage")
        .withArgs(9n);
      await issueBill(w, "issued");
      await expect(w.bills.connect(w.tier1).accept(1n))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier1.address, w.core.address);
      await w.registry.suspend(w.core.address, ZERO);
      await expect(w.bills.connect(w.core).accept(1n))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.core.address, HOLDER_ROLES);
      await w.registry.reinstate(w.core.address);
      await networkHelpers.time.increaseTo(w.maturity);
      await expect(w.bills.connect(w.core).accept(1n))
        .to.be.revertedWithCustomError(w.bills, "Matured")
        .withArgs(1n, w.maturity);
    });

    it("delivers only while the drawer is still active", async function () {
      const w = await networkHelpers.loadFixture(world);
      await issueBill(w, "accepted");
      await w.registry.connect(w.regulator).setFrozen(w.core.address, true, ZERO);
      await expect(w.bills.connect(w.tier1).sign(ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.core.address, HOLDER_ROLES);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Accepted);
      expect((await w.bills.partOf(ROOT)).state).to.equal(PartState.Offered);
      await w.registry.connect(w.regulator).setFrozen(w.core.address, false, ZERO);
      await w.registry.suspend(w.tier1.address, ZERO);
      await expect(w.bills.connect(w.tier1).sign(ROOT))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(w.tier1.address, HOLDER_ROLES);
      await w.registry.reinstate(w.tier1.address);
      await w.bills.connect(w.tier1).sign(ROOT);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Active);
    });

    it("refuses acceptance twice and the payee's signature after maturity", async function () {
      const w = await networkHelpers.loadFixture(world);
      await issueBill(w, "accepted");
      await expect(w.bills.connect(w.core).accept(1n))
        .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Accepted);
      await networkHelpers.time.increaseTo(w.maturity);
      await expect(w.bills.connect(w.tier1).sign(ROOT))
        .to.be.revertedWithCustomError(w.bills, "Matured")
        .withArgs(1n, w.maturity);
    });

    for (const stage of ["issued", "accepted"] as const) {
      it(`lets the drawer cancel when ${stage}`, async function () {
        const w = await networkHelpers.loadFixture(world);
        await issueBill(w, stage);
        await expect(w.bills.connect(w.tier1).cancel(1n))
          .to.be.revertedWithCustomError(w.bills, "Unauthorized")
          .withArgs(w.tier1.address, w.core.address);
        const tx = w.bills.connect(w.core).cancel(1n);
        await expect(tx).to.emit(w.bills, "Cancelled").withArgs(1n, w.core.address);
        await expect(tx).to.emit(w.bills, "Transfer").withArgs(w.tier1.address, ethers.ZeroAddress, ROOT);
        await expect(tx).to.emit(w.bills, "TransferValue").withArgs(ROOT, 0n, FACE);
        expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Cancelled);
        expect((await w.bills.partOf(ROOT)).state).to.equal(PartState.Cancelled);
        expect(await w.bills["balanceOf(address)"](w.tier1.address)).to.equal(0n);
        expect(await amountsOf(w, 1n)).to.deep.equal([0n, 0n, 0n]);
        await expect(w.bills.ownerOf(ROOT)).to.be.revertedWithCustomError(w.bills, "NonexistentPart").withArgs(ROOT);
        await expect(w.bills.connect(w.core).cancel(1n))
          .to.be.revertedWithCustomError(w.bills, "WrongPackageStatus")
          .withArgs(1n, PackageStatus.Cancelled);
      });
    }

    it("lets the payee refuse the bill, and nobody cancel after delivery", async function () {
      const w = await networkHelpers.loadFixture(world);
      await issueBill(w, "accepted");
      await expect(w.bills.connect(w.tier2a).reject(ROOT))
        .to.be.revertedWithCustomError(w.bills, "Unauthorized")
        .withArgs(w.tier2a.address, w.tier1.address);
      await expect(w.bills.connect(w.core).withdraw(ROOT))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.Offered, false);
      await expect(w.bills.connect(w.tier1).reject(ROOT)).to.emit(w.bills, "Cancelled").withArgs(1n, w.tier1.address);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Cancelled);

      const v = await networkHelpers.loadFixture(world);
      await issueBill(v);
      await expect(v.bills.connect(v.core).cancel(1n))
        .to.be.revertedWithCustomError(v.bills, "WrongPackageStatus")
        .withArgs(1n, PackageStatus.Active);
    });

    it("cannot cancel a frozen root part", async function () {
      const w = await networkHelpers.loadFixture(world);
      await issueBill(w, "accepted");
      await w.bills.connect(w.regulator).setPartFrozen(ROOT, true, ZERO);
      await expect(w.bills.connect(w.core).cancel(1n))
        .to.be.revertedWithCustomError(w.bills, "WrongPartState")
        .withArgs(ROOT, PartState.Offered, true);
      expect((await w.bills.packageOf(1n)).status).to.equal(PackageStatus.Accepted);
    });
  });

  describe("views of missing things", function () {
    it("reverts with NonexistentPart", async function () {
      const w: World = await networkHelpers.loadFixture(world);
      const id = tokenId(1n, 7n);
      for (const call of [
        w.bills.ownerOf(id),
        w.bills["balanceOf(uint256)"](id),
        w.bills.slotOf(id),
        w.bills.getApproved(id),
        w.bills.partOf(id),
        w.bills.endorsementChain(id),
      ]) {
        await expect(call).to.be.revertedWithCustomError(w.bills, "NonexistentPart").withArgs(id);
      }
      await expect(w.bills.packageOf(2n)).to.be.revertedWithCustomError(w.bills, "UnknownPackage").withArgs(2n);
      expect(await w.bills.pendingClaim(id)).to.deep.equal([ethers.ZeroAddress, ethers.ZeroAddress]);
      expect(await w.bills.nonceBitmap(w.tier1.address, 0n)).to.equal(0n);
      expect(UNIT).to.equal(10_000n);
    });
  });
});
