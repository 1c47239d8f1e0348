// The Ignition module gives each configured account its role and leaves the deploying account nothing it was not
// named for.
import { expect } from "chai";
import { network } from "hardhat";

import CopyrightModule from "../../deploy/modules/Copyright.js";

const { ethers, ignition, networkHelpers } = await network.create();

describe("Copyright Ignition module", function () {
  async function roles() {
    const [deployer, admin, arbitrator, pauser, outsider] = await ethers.getSigners();
    const deployed = await ignition.deploy(CopyrightModule, {
      parameters: {
        Copyright: {
          admin: admin.address,
          arbitrator: arbitrator.address,
          pauser: pauser.address,
          revealWindow: 600n,
        },
      },
    });
    const registry = await ethers.getContractAt("CopyrightRegistry", await deployed.copyrightRegistry.getAddress());
    const disputes = await ethers.getContractAt("CopyrightDisputes", await deployed.copyrightDisputes.getAddress());
    const relay = await deployed.copyrightRelay.getAddress();
    return { deployer, admin, arbitrator, pauser, outsider, registry, disputes, relay };
  }

  it("grants the configured accounts their roles and the contracts theirs; the deployer keeps none", async function () {
    const { deployer, admin, arbitrator, pauser, registry, disputes, relay } = await networkHelpers.loadFixture(roles);
    const [ADMIN, PAUSER, RULING, REGISTRAR, SETUP] = await Promise.all([
      registry.DEFAULT_ADMIN_ROLE(),
      registry.PAUSER_ROLE(),
      registry.RULING_ROLE(),
      registry.REGISTRAR_ROLE(),
      registry.SETUP_ROLE(),
    ]);
    const ARBITRATOR = await disputes.ARBITRATOR_ROLE();
    const has = async (contract: typeof registry | typeof disputes, role: string, account: string) =>
      contract.hasRole(role, account);

    expect(await has(registry, ADMIN, admin.address)).to.equal(true);
    expect(await has(registry, PAUSER, pauser.address)).to.equal(true);
    expect(await has(registry, RULING, await disputes.getAddress())).to.equal(true);
    expect(await has(registry, REGISTRAR, relay)).to.equal(true);
    expect(await has(disputes, ADMIN, admin.address)).to.equal(true);
    expect(await has(disputes, ARBITRATOR, arbitrator.address)).to.equal(true);
    for (const role of [ADMIN, PAUSER, RULING, REGISTRAR, SETUP]) {
      expect(await has(registry, role, deployer.address), role).to.equal(false);
    }
    for (const role of [ADMIN, ARBITRATOR]) expect(await has(disputes, role, deployer.address)).to.equal(false);
    expect(await has(registry, PAUSER, admin.address)).to.equal(false);
    expect(await has(disputes, ARBITRATOR, admin.address)).to.equal(false);
    expect(await registry.getRoleAdmin(RULING)).to.equal(SETUP);
    expect(await registry.getRoleAdmin(REGISTRAR)).to.equal(SETUP);
    expect(await registry.getRoleAdmin(SETUP)).to.equal(ADMIN);
    expect(await registry.REVEAL_WINDOW()).to.equal(600n);
  });

  it("lets the configured pauser pause and the admin rewire the ruling role through the setup role", async function () {
    const { deployer, admin, pauser, outsider, registry } = await networkHelpers.loadFixture(roles);
    const [RULING, SETUP] = [await registry.RULING_ROLE(), await registry.SETUP_ROLE()];
    await expect(registry.connect(deployer).pause())
      .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
      .withArgs(deployer.address, await registry.PAUSER_ROLE());
    await expect(registry.connect(pauser).pause()).to.emit(registry, "Paused").withArgs(pauser.address);
    await expect(registry.connect(admin).grantRole(RULING, outsider.address))
      .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
      .withArgs(admin.address, SETUP);
    await expect(registry.connect(deployer).grantRole(SETUP, deployer.address))
      .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
      .withArgs(deployer.address, await registry.DEFAULT_ADMIN_ROLE());
    await registry.connect(admin).grantRole(SETUP, admin.address);
    await expect(registry.connect(admin).grantRole(RULING, outsider.address))
      .to.emit(registry, "RoleGranted")
      .withArgs(RULING, outsider.address, admin.address);
  });

  // Audit L7: the trust the README asks operators to place in the admin (a multisig or a timelock), shown.
  it("lets the admin take any work, through the setup and ruling roles or by appointing itself arbitrator", async function () {
    const { admin, outsider, registry, disputes } = await networkHelpers.loadFixture(roles);
    const song = ethers.id("someone's song");
    const workId = BigInt(song);
    await registry.connect(outsider).registerWork(song, 1, "", [{ account: outsider.address, shares: 10_000 }]);
    await registry.connect(admin).grantRole(await registry.SETUP_ROLE(), admin.address);
    await registry.connect(admin).grantRole(await registry.RULING_ROLE(), admin.address);
    await expect(registry.connect(admin).enforceRuling(workId, 0n, admin.address))
      .to.emit(registry, "CopyrightTransferred")
      .withArgs(workId, outsider.address, admin.address);
    expect(await registry.ownerOf(workId)).to.equal(admin.address);

    const other = ethers.id("someone's other song");
    await registry.connect(outsider).registerWork(other, 1, "", [{ account: outsider.address, shares: 10_000 }]);
    const evidence = await ethers.getContractAt("EvidenceRegistry", await disputes.evidenceRegistry());
    await evidence.connect(admin).anchor(ethers.id("anything"), 1, ethers.ZeroHash);
    await disputes.connect(admin).grantRole(await disputes.ARBITRATOR_ROLE(), admin.address);
    await disputes.connect(admin).raiseDispute(BigInt(other), ethers.id("anything"));
    await disputes.connect(admin).resolveDispute(1n, true, admin.address);
    expect(await registry.ownerOf(BigInt(other))).to.equal(admin.address);
  });

  it("defaults every role to the deploying account, still renouncing the setup role", async function () {
    const [deployer] = await ethers.getSigners();
    const deployed = await ignition.deploy(CopyrightModule);
    const registry = await ethers.getContractAt("CopyrightRegistry", await deployed.copyrightRegistry.getAddress());
    const disputes = await ethers.getContractAt("CopyrightDisputes", await deployed.copyrightDisputes.getAddress());
    expect(await registry.hasRole(await registry.DEFAULT_ADMIN_ROLE(), deployer.address)).to.equal(true);
    expect(await registry.hasRole(await registry.PAUSER_ROLE(), deployer.address)).to.equal(true);
    expect(await registry.hasRole(await registry.SETUP_ROLE(), deployer.address)).to.equal(false);
    expect(await disputes.hasRole(await disputes.ARBITRATOR_ROLE(), deployer.address)).to.equal(true);
    expect(await registry.REVEAL_WINDOW()).to.equal(86_400n);
  });
});
