import { expect } from "chai";
import { network } from "hardhat";

const { ethers, networkHelpers } = await network.create();

const ENTERPRISE = 1n;
const FINANCIER = 2n;
const REGULATOR = 4n;
const DAY = 86_400;
const ORG = ethers.id("91310000MA1FL0000X");
const REASON = ethers.id("overdue KYC review");

describe("ParticipantRegistry", function () {
  async function deploy() {
    const [admin, kyc, alice, bob, regulator, stranger] = await ethers.getSigners();
    const registry = await ethers.deployContract("ParticipantRegistry", [admin.address, kyc.address]);
    const until = (await networkHelpers.time.latest()) + 365 * DAY;
    const KYC_ROLE = await registry.KYC_ROLE();
    return { registry, admin, kyc, alice, bob, regulator, stranger, until, KYC_ROLE };
  }

  async function withRegulator() {
    const f = await deploy();
    await f.registry.connect(f.kyc).register(f.regulator.address, ethers.id("CBIRC"), REGULATOR, f.until);
    await f.registry.connect(f.kyc).register(f.alice.address, ORG, ENTERPRISE, f.until);
    return f;
  }

  describe("construction", function () {
    it("grants the admin and KYC roles", async function () {
      const { registry, admin, kyc, KYC_ROLE } = await networkHelpers.loadFixture(deploy);
      expect(await registry.hasRole(await registry.DEFAULT_ADMIN_ROLE(), admin.address)).to.equal(true);
      expect(await registry.hasRole(KYC_ROLE, kyc.address)).to.equal(true);
      expect(await registry.hasRole(KYC_ROLE, admin.address)).to.equal(false);
    });

    it("rejects a zero admin and allows granting the KYC role later", async function () {
      const [admin] = await ethers.getSigners();
      const factory = await ethers.getContractFactory("ParticipantRegistry");
      await expect(
        ethers.deployContract("ParticipantRegistry", [ethers.ZeroAddress, admin.address]),
      ).to.be.revertedWithCustomError(factory, "ZeroAccount");
      const registry = await ethers.deployContract("ParticipantRegistry", [admin.address, ethers.ZeroAddress]);
      expect(await registry.hasRole(await registry.KYC_ROLE(), ethers.ZeroAddress)).to.equal(false);
    });
  });

  describe("register", function () {
    it("records the participant and emits", async function () {
      const { registry, kyc, alice, until } = await networkHelpers.loadFixture(deploy);
      await expect(registry.connect(kyc).register(alice.address, ORG, ENTERPRISE | FINANCIER, until))
        .to.emit(registry, "ParticipantRegistered")
        .withArgs(alice.address, ORG, ENTERPRISE | FINANCIER, until);
      const p = await registry.participant(alice.address);
      expect(p.orgId).to.equal(ORG);
      expect(p.roles).to.equal(ENTERPRISE | FINANCIER);
      expect(p.validUntil).to.equal(until);
      expect(p.registeredAt).to.equal(await networkHelpers.time.latest());
      expect(p.suspended).to.equal(false);
      expect(p.frozen).to.equal(false);
      expect(await registry.isActive(alice.address, ENTERPRISE)).to.equal(true);
      expect(await registry.isActive(alice.address, REGULATOR)).to.equal(false);
    });

    it("is reserved to the KYC role: no self-registration, no public initializer", async function () {
      const { registry, admin, alice, KYC_ROLE, until } = await networkHelpers.loadFixture(deploy);
      await expect(registry.connect(alice).register(alice.address, ORG, FINANCIER, until))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, KYC_ROLE);
      await expect(registry.connect(admin).register(alice.address, ORG, FINANCIER, until))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(admin.address, KYC_ROLE);
      expect((await registry.participant(alice.address)).registeredAt).to.equal(0n);
    });

    it("rejects the KYC officer registering itself", async function () {
      const { registry, kyc, until } = await networkHelpers.loadFixture(deploy);
      await expect(registry.connect(kyc).register(kyc.address, ORG, FINANCIER, until))
        .to.be.revertedWithCustomError(registry, "SelfRegistration")
        .withArgs(kyc.address);
    });

    it("validates its input", async function () {
      const { registry, kyc, alice, until } = await networkHelpers.loadFixture(deploy);
      const now = await networkHelpers.time.latest();
      const r = registry.connect(kyc);
      await expect(r.register(ethers.ZeroAddress, ORG, 1, until)).to.be.revertedWithCustomError(
        registry,
        "ZeroAccount",
      );
      await expect(r.register(alice.address, ethers.ZeroHash, 1, until)).to.be.revertedWithCustomError(
        registry,
        "ZeroOrgId",
      );
      await expect(r.register(alice.address, ORG, 0, until)).to.be.revertedWithCustomError(registry, "NoRoles");
      await expect(r.register(alice.address, ORG, 1, now + 1))
        .to.be.revertedWithCustomError(registry, "InvalidValidity")
        .withArgs(now + 1);
      await r.register(alice.address, ORG, 1, until);
      await expect(r.register(alice.address, ORG, 1, until))
        .to.be.revertedWithCustomError(registry, "AlreadyRegistered")
        .withArgs(alice.address);
    });
  });

  describe("separation of duties", function () {
    it("keeps the regulator role apart from every business role, on registration and update", async function () {
      const { registry, kyc, alice, regulator, until } = await networkHelpers.loadFixture(deploy);
      const r = registry.connect(kyc);
      for (const roles of [REGULATOR | ENTERPRISE, REGULATOR | FINANCIER, REGULATOR | ENTERPRISE | FINANCIER, 0xffn]) {
        await expect(r.register(regulator.address, ORG, roles, until))
          .to.be.revertedWithCustomError(registry, "RegulatorRoleNotExclusive")
          .withArgs(roles);
      }
      expect((await registry.participant(regulator.address)).registeredAt).to.equal(0n);
      await expect(r.register(regulator.address, ORG, REGULATOR, until))
        .to.emit(registry, "ParticipantRegistered")
        .withArgs(regulator.address, ORG, REGULATOR, until);
      await r.register(alice.address, ORG, ENTERPRISE | FINANCIER, until);
      await expect(r.update(alice.address, ENTERPRISE | REGULATOR, until))
        .to.be.revertedWithCustomError(registry, "RegulatorRoleNotExclusive")
        .withArgs(ENTERPRISE | REGULATOR);
      await expect(r.update(regulator.address, REGULATOR | FINANCIER, until))
        .to.be.revertedWithCustomError(registry, "RegulatorRoleNotExclusive")
        .withArgs(REGULATOR | FINANCIER);
      expect((await registry.participant(alice.address)).roles).to.equal(ENTERPRISE | FINANCIER);
      expect((await registry.participant(regulator.address)).roles).to.equal(REGULATOR);
    });

    it("fixes whether an account is a regulator at registration: no update crosses between the two sides", async function () {
      const { registry, kyc, alice, bob, regulator, until } = await networkHelpers.loadFixture(deploy);
      const r = registry.connect(kyc);
      await r.register(regulator.address, ethers.id("CBIRC"), REGULATOR, until);
      await r.register(alice.address, ORG, ENTERPRISE | FINANCIER, until);
      // A business participant never becomes a regulator, even one that never touched a bill.
      await expect(r.update(alice.address, REGULATOR, until))
        .to.be.revertedWithCustomError(registry, "RegulatorRoleChange")
        .withArgs(alice.address, ENTERPRISE | FINANCIER, REGULATOR);
      // A regulator never takes a business role.
      for (const roles of [ENTERPRISE, FINANCIER, ENTERPRISE | FINANCIER]) {
        await expect(r.update(regulator.address, roles, until))
          .to.be.revertedWithCustomError(registry, "RegulatorRoleChange")
          .withArgs(regulator.address, REGULATOR, roles);
      }
      // Not while suspended either: the side is the account's, whatever its standing.
      await r.suspend(alice.address, REASON);
      await expect(r.update(alice.address, REGULATOR, until))
        .to.be.revertedWithCustomError(registry, "RegulatorRoleChange")
        .withArgs(alice.address, ENTERPRISE | FINANCIER, REGULATOR);
      expect((await registry.participant(alice.address)).roles).to.equal(ENTERPRISE | FINANCIER);
      expect((await registry.participant(regulator.address)).roles).to.equal(REGULATOR);
      // Within one side, updates go through: business roles change, a regulator's validity moves.
      await expect(r.update(alice.address, FINANCIER, until))
        .to.emit(registry, "ParticipantUpdated")
        .withArgs(alice.address, FINANCIER, until);
      await expect(r.update(regulator.address, REGULATOR, until + DAY))
        .to.emit(registry, "ParticipantUpdated")
        .withArgs(regulator.address, REGULATOR, until + DAY);
      // A regulator is a fresh account: registered as one from the start.
      await expect(r.register(bob.address, ethers.id("PBOC"), REGULATOR, until))
        .to.emit(registry, "ParticipantRegistered")
        .withArgs(bob.address, ethers.id("PBOC"), REGULATOR, until);
    });
  });

  describe("the register's staff are not participants", function () {
    it("refuses to register the admin or a KYC officer", async function () {
      const { registry, admin, kyc, bob, until, KYC_ROLE } = await networkHelpers.loadFixture(deploy);
      const ADMIN_ROLE = await registry.DEFAULT_ADMIN_ROLE();
      await expect(registry.connect(kyc).register(admin.address, ORG, ENTERPRISE, until))
        .to.be.revertedWithCustomError(registry, "RegistryStaffCannotParticipate")
        .withArgs(admin.address, ADMIN_ROLE);
      await registry.connect(admin).grantRole(KYC_ROLE, bob.address);
      await expect(registry.connect(kyc).register(bob.address, ORG, FINANCIER, until))
        .to.be.revertedWithCustomError(registry, "RegistryStaffCannotParticipate")
        .withArgs(bob.address, KYC_ROLE);
      // One account holding both roles is refused for the first.
      await registry.connect(admin).grantRole(ADMIN_ROLE, bob.address);
      await expect(registry.connect(kyc).register(bob.address, ORG, FINANCIER, until))
        .to.be.revertedWithCustomError(registry, "RegistryStaffCannotParticipate")
        .withArgs(bob.address, ADMIN_ROLE);
      for (const who of [admin, bob]) {
        expect((await registry.participant(who.address)).registeredAt).to.equal(0n);
        expect(await registry.isActive(who.address, ENTERPRISE | FINANCIER)).to.equal(false);
      }
      // Once it no longer holds either role, the account may be registered.
      await registry.connect(bob).renounceRole(ADMIN_ROLE, bob.address);
      await registry.connect(admin).revokeRole(KYC_ROLE, bob.address);
      await expect(registry.connect(kyc).register(bob.address, ORG, FINANCIER, until))
        .to.emit(registry, "ParticipantRegistered")
        .withArgs(bob.address, ORG, FINANCIER, until);
    });

    it("refuses the admin and KYC roles to a registered participant, and nothing else", async function () {
      const { registry, admin, kyc, alice, bob, until, KYC_ROLE } = await networkHelpers.loadFixture(deploy);
      const ADMIN_ROLE = await registry.DEFAULT_ADMIN_ROLE();
      await registry.connect(kyc).register(alice.address, ORG, ENTERPRISE, until);
      for (const role of [KYC_ROLE, ADMIN_ROLE]) {
        await expect(registry.connect(admin).grantRole(role, alice.address))
          .to.be.revertedWithCustomError(registry, "ParticipantCannotBeStaff")
          .withArgs(alice.address, role);
        expect(await registry.hasRole(role, alice.address)).to.equal(false);
      }
      // A suspended or expired registration is still a registration.
      await registry.connect(kyc).suspend(alice.address, REASON);
      await expect(registry.connect(admin).grantRole(KYC_ROLE, alice.address))
        .to.be.revertedWithCustomError(registry, "ParticipantCannotBeStaff")
        .withArgs(alice.address, KYC_ROLE);
      // Unregistered accounts get roles as before; roles without a meaning here are not refused.
      await expect(registry.connect(admin).grantRole(KYC_ROLE, bob.address))
        .to.emit(registry, "RoleGranted")
        .withArgs(KYC_ROLE, bob.address, admin.address);
      const other = ethers.id("SOME_OTHER_ROLE");
      await expect(registry.connect(admin).grantRole(other, alice.address))
        .to.emit(registry, "RoleGranted")
        .withArgs(other, alice.address, admin.address);
    });
  });

  describe("update, suspend, reinstate", function () {
    it("updates roles and validity", async function () {
      const { registry, kyc, alice, until } = await networkHelpers.loadFixture(deploy);
      await registry.connect(kyc).register(alice.address, ORG, ENTERPRISE, until);
      await expect(registry.connect(kyc).update(alice.address, FINANCIER, until + DAY))
        .to.emit(registry, "ParticipantUpdated")
        .withArgs(alice.address, FINANCIER, until + DAY);
      expect(await registry.isActive(alice.address, ENTERPRISE)).to.equal(false);
      expect(await registry.isActive(alice.address, FINANCIER)).to.equal(true);
      expect((await registry.participant(alice.address)).validUntil).to.equal(until + DAY);
    });

    it("rejects updating an unknown address, oneself or with bad terms", async function () {
      const { registry, kyc, alice, bob, until, KYC_ROLE } = await networkHelpers.loadFixture(deploy);
      await registry.connect(kyc).register(alice.address, ORG, ENTERPRISE, until);
      await expect(registry.connect(kyc).update(bob.address, 1, until))
        .to.be.revertedWithCustomError(registry, "NotRegistered")
        .withArgs(bob.address);
      await expect(registry.connect(kyc).update(kyc.address, 1, until))
        .to.be.revertedWithCustomError(registry, "SelfUpdate")
        .withArgs(kyc.address);
      await expect(registry.connect(kyc).update(alice.address, 0, until)).to.be.revertedWithCustomError(
        registry,
        "NoRoles",
      );
      await expect(registry.connect(alice).update(alice.address, 3, until))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, KYC_ROLE);
    });

    it("suspends and reinstates", async function () {
      const { registry, kyc, alice, bob, until } = await networkHelpers.loadFixture(deploy);
      await registry.connect(kyc).register(alice.address, ORG, ENTERPRISE, until);
      await expect(registry.connect(kyc).suspend(alice.address, REASON))
        .to.emit(registry, "ParticipantSuspended")
        .withArgs(alice.address, REASON);
      expect(await registry.isActive(alice.address, ENTERPRISE)).to.equal(false);
      expect((await registry.participant(alice.address)).suspended).to.equal(true);
      await expect(registry.connect(kyc).suspend(alice.address, REASON))
        .to.be.revertedWithCustomError(registry, "AlreadySuspended")
        .withArgs(alice.address);
      await expect(registry.connect(kyc).reinstate(alice.address))
        .to.emit(registry, "ParticipantReinstated")
        .withArgs(alice.address);
      expect(await registry.isActive(alice.address, ENTERPRISE)).to.equal(true);
      await expect(registry.connect(kyc).reinstate(alice.address))
        .to.be.revertedWithCustomError(registry, "NotSuspended")
        .withArgs(alice.address);
      await expect(registry.connect(kyc).suspend(bob.address, REASON))
        .to.be.revertedWithCustomError(registry, "NotRegistered")
        .withArgs(bob.address);
      await expect(registry.connect(kyc).reinstate(kyc.address))
        .to.be.revertedWithCustomError(registry, "SelfReinstatement")
        .withArgs(kyc.address);
    });

    it("stops being active after the validity end", async function () {
      const { registry, kyc, alice, until } = await networkHelpers.loadFixture(deploy);
      await registry.connect(kyc).register(alice.address, ORG, ENTERPRISE, until);
      await networkHelpers.time.setNextBlockTimestamp(until);
      await networkHelpers.mine();
      expect(await registry.isActive(alice.address, ENTERPRISE)).to.equal(true);
      await networkHelpers.mine(1, { interval: 1 });
      expect(await registry.isActive(alice.address, ENTERPRISE)).to.equal(false);
    });
  });

  describe("regulator freeze", function () {
    it("freezes and unfreezes, and a frozen participant is not active", async function () {
      const { registry, regulator, alice } = await networkHelpers.loadFixture(withRegulator);
      await expect(registry.connect(regulator).setFrozen(alice.address, true, REASON))
        .to.emit(registry, "ParticipantFrozen")
        .withArgs(alice.address, regulator.address, true, REASON);
      expect(await registry.isFrozen(alice.address)).to.equal(true);
      expect(await registry.isActive(alice.address, ENTERPRISE)).to.equal(false);
      await expect(registry.connect(regulator).setFrozen(alice.address, true, REASON))
        .to.be.revertedWithCustomError(registry, "FreezeUnchanged")
        .withArgs(alice.address, true);
      await expect(registry.connect(regulator).setFrozen(alice.address, false, ethers.ZeroHash))
        .to.emit(registry, "ParticipantFrozen")
        .withArgs(alice.address, regulator.address, false, ethers.ZeroHash);
      expect(await registry.isActive(alice.address, ENTERPRISE)).to.equal(true);
    });

    it("is the regulator's alone: not the admin, KYC, the participant, or a suspended regulator", async function () {
      const { registry, admin, kyc, regulator, alice, bob } = await networkHelpers.loadFixture(withRegulator);
      for (const who of [admin, kyc, alice]) {
        await expect(registry.connect(who).setFrozen(alice.address, true, REASON))
          .to.be.revertedWithCustomError(registry, "NotRegulator")
          .withArgs(who.address);
      }
      await expect(registry.connect(regulator).setFrozen(regulator.address, true, REASON))
        .to.be.revertedWithCustomError(registry, "RegulatorCannotFreezeRegulator")
        .withArgs(regulator.address, regulator.address);
      await expect(registry.connect(regulator).setFrozen(bob.address, true, REASON))
        .to.be.revertedWithCustomError(registry, "NotRegistered")
        .withArgs(bob.address);
      await registry.connect(kyc).suspend(regulator.address, REASON);
      await expect(registry.connect(regulator).setFrozen(alice.address, true, REASON))
        .to.be.revertedWithCustomError(registry, "NotRegulator")
        .withArgs(regulator.address);
      expect(await registry.isFrozen(alice.address)).to.equal(false);
    });

    it("refuses a regulator freezing or unfreezing another regulator; the KYC desk suspends a rogue one", async function () {
      const {
        registry,
        admin,
        kyc,
        regulator: rogue,
        alice,
        bob,
        until,
      } = await networkHelpers.loadFixture(withRegulator);
      await registry.connect(kyc).register(bob.address, ethers.id("PBOC"), REGULATOR, until);
      // The rogue regulator tries to silence its colleague, or to pre-empt a freeze of itself.
      for (const frozen of [true, false]) {
        await expect(registry.connect(rogue).setFrozen(bob.address, frozen, REASON))
          .to.be.revertedWithCustomError(registry, "RegulatorCannotFreezeRegulator")
          .withArgs(rogue.address, bob.address);
        await expect(registry.connect(bob).setFrozen(rogue.address, frozen, REASON))
          .to.be.revertedWithCustomError(registry, "RegulatorCannotFreezeRegulator")
          .withArgs(bob.address, rogue.address);
      }
      expect(await registry.isActive(bob.address, REGULATOR)).to.equal(true);
      // It freezes a business participant; the KYC desk suspends it (neither the desk nor the admin can freeze or
      // unfreeze anyone), and the other regulator lifts the freeze.
      await registry.connect(rogue).setFrozen(alice.address, true, REASON);
      for (const desk of [admin, kyc]) {
        await expect(registry.connect(desk).setFrozen(alice.address, false, ethers.ZeroHash))
          .to.be.revertedWithCustomError(registry, "NotRegulator")
          .withArgs(desk.address);
      }
      await expect(registry.connect(kyc).suspend(rogue.address, REASON))
        .to.emit(registry, "ParticipantSuspended")
        .withArgs(rogue.address, REASON);
      await expect(registry.connect(rogue).setFrozen(bob.address, false, REASON))
        .to.be.revertedWithCustomError(registry, "NotRegulator")
        .withArgs(rogue.address);
      await expect(registry.connect(bob).setFrozen(alice.address, false, ethers.ZeroHash))
        .to.emit(registry, "ParticipantFrozen")
        .withArgs(alice.address, bob.address, false, ethers.ZeroHash);
      expect(await registry.isActive(alice.address, ENTERPRISE)).to.equal(true);
      // Only the KYC desk reinstates it.
      await expect(registry.connect(rogue).reinstate(rogue.address))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(rogue.address, await registry.KYC_ROLE());
      expect(await registry.isFrozen(rogue.address)).to.equal(false);
      expect(await registry.isFrozen(bob.address)).to.equal(false);
    });
  });
});
