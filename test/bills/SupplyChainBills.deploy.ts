// Finding 10: the payment window is in the chain's time unit. The Ignition default derives from the unit (three days
// of chain time), and the constructor refuses a window shorter than one day of chain time, so a window written in
// seconds for a millisecond chain (259,200 ms: 4.3 minutes) can no longer be deployed.
import { expect } from "chai";
import { network } from "hardhat";

import BillsModule from "../../deploy/modules/Bills.js";

const { ethers, ignition } = await network.create();
const DAY = 86_400n;

describe("SupplyChainBills deployment: the payment window", function () {
  async function dependencies() {
    const [admin] = await ethers.getSigners();
    const registry = await ethers.deployContract("ParticipantRegistry", [admin.address, admin.address]);
    const evidence = await ethers.deployContract("EvidenceRegistry");
    return { registry, evidence };
  }

  it("defaults to three days of chain time when only the time unit is set", async function () {
    for (const unit of [1n, 1000n]) {
      const { supplyChainBills } = await ignition.deploy(BillsModule, {
        parameters: { Bills: { timeUnitsPerSecond: unit } },
      });
      const bills = await ethers.getContractAt("SupplyChainBills", await supplyChainBills.getAddress());
      expect(await bills.TIME_UNITS_PER_SECOND()).to.equal(unit);
      expect(await bills.PAYMENT_WINDOW()).to.equal(3n * DAY * unit);
    }
  });

  it("refuses a window shorter than a day of chain time, naming both", async function () {
    const { registry, evidence } = await dependencies();
    const factory = await ethers.getContractFactory("SupplyChainBills");
    // The misconfiguration of the finding: three days in seconds on a millisecond chain.
    await expect(ethers.deployContract("SupplyChainBills", [registry, evidence, 3n * DAY, 1000, ""]))
      .to.be.revertedWithCustomError(factory, "PaymentWindowTooShort")
      .withArgs(3n * DAY, DAY * 1000n);
    await expect(ethers.deployContract("SupplyChainBills", [registry, evidence, DAY * 1000n - 1n, 1000, ""]))
      .to.be.revertedWithCustomError(factory, "PaymentWindowTooShort")
      .withArgs(DAY * 1000n - 1n, DAY * 1000n);
    await expect(ethers.deployContract("SupplyChainBills", [registry, evidence, DAY - 1n, 1, ""]))
      .to.be.revertedWithCustomError(factory, "PaymentWindowTooShort")
      .withArgs(DAY - 1n, DAY);
  });

  it("takes exactly a day, and zero as the three-day default", async function () {
    const { registry, evidence } = await dependencies();
    for (const unit of [1n, 1000n]) {
      const oneDay = await ethers.deployContract("SupplyChainBills", [registry, evidence, DAY * unit, unit, ""]);
      expect(await oneDay.PAYMENT_WINDOW()).to.equal(DAY * unit);
      const byDefault = await ethers.deployContract("SupplyChainBills", [registry, evidence, 0, unit, ""]);
      expect(await byDefault.PAYMENT_WINDOW()).to.equal(3n * DAY * unit);
    }
  });
});
