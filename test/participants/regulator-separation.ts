// The regulator role against the bills, from the attacker's side: a KYC officer who tries to turn a bill's drawer,
// acceptor or endorser into a regulator (so that it could freeze the downstream part that would claim recourse
// against it), or a regulator into a business participant, is refused; a regulator is a fresh account.
import { expect } from "chai";
import { network } from "hardhat";

import { DIGEST, ENTERPRISE, FACE, FINANCIER, REGULATOR, deployWorld, tokenId } from "../bills/fixture.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const REASON = ethers.id("court order");

describe("ParticipantRegistry: the regulator side is fixed for an account, against live bills", function () {
  /** core draws, bank accepts, tier1 takes delivery and endorses half to tier2a, which signs. */
  async function circulating() {
    const w = await deployWorld(connection);
    await w.bills
      .connect(w.core)
      .issue(w.bank.address, w.tier1.address, w.token, FACE, w.maturity, false, DIGEST, ethers.ZeroHash);
    await w.bills.connect(w.bank).accept(1n);
    const root = tokenId(1n, 1n);
    await w.bills.connect(w.tier1).sign(root);
    await w.bills.connect(w.tier1)["transferFrom(uint256,address,uint256)"](root, w.tier2a.address, FACE / 2n);
    const endorsed = tokenId(1n, 2n);
    await w.bills.connect(w.tier2a).sign(endorsed);
    return { ...w, root, endorsed };
  }

  it("refuses to make the drawer, the acceptor or an endorser a regulator while its bill is outstanding", async function () {
    const w = await networkHelpers.loadFixture(circulating);
    const kyc = w.registry.connect(w.admin); // the fixture's admin is also its KYC officer
    expect(await w.bills.endorsementChain(w.endorsed)).to.deep.equal([w.core.address, w.tier1.address]);
    for (const [who, roles] of [
      [w.core, ENTERPRISE], // drawer
      [w.bank, FINANCIER], // acceptor
      [w.tier1, ENTERPRISE], // endorser of the part tier2a holds
    ] as const) {
      await expect(kyc.update(who.address, REGULATOR, w.validUntil))
        .to.be.revertedWithCustomError(w.registry, "RegulatorRoleChange")
        .withArgs(who.address, roles, REGULATOR);
      expect((await w.registry.participant(who.address)).roles).to.equal(roles);
      // So none of them can freeze the part that would claim against it.
      await expect(w.bills.connect(who).setPartFrozen(w.endorsed, true, REASON))
        .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
        .withArgs(who.address, REGULATOR);
    }
    expect((await w.bills.partOf(w.endorsed)).frozen).to.equal(false);
  });

  it("refuses to give the regulator a business role, so it never holds a part it could freeze", async function () {
    const w = await networkHelpers.loadFixture(circulating);
    const kyc = w.registry.connect(w.admin);
    for (const roles of [ENTERPRISE, FINANCIER, ENTERPRISE | FINANCIER]) {
      await expect(kyc.update(w.regulator.address, roles, w.validUntil))
        .to.be.revertedWithCustomError(w.registry, "RegulatorRoleChange")
        .withArgs(w.regulator.address, REGULATOR, roles);
    }
    // An endorsement to the regulator cannot even be offered: it is no holder.
    await expect(
      w.bills.connect(w.tier2a)["transferFrom(uint256,address,uint256)"](w.endorsed, w.regulator.address, 1n),
    )
      .to.be.revertedWithCustomError(w.bills, "NotActiveParticipant")
      .withArgs(w.regulator.address, ENTERPRISE | FINANCIER);
    // The fresh regulator, party to nothing, freezes the part.
    await expect(w.bills.connect(w.regulator).setPartFrozen(w.endorsed, true, REASON))
      .to.emit(w.bills, "PartFrozen")
      .withArgs(1n, w.endorsed, w.regulator.address, true, REASON);
  });
});
