import { expect } from "chai";
import { network } from "hardhat";

import {
  ContractRevertError,
  InvalidInputError,
  ParticipantsClient,
  Roles,
  hashBytes,
  parseRoles,
  roleNames,
  toChainTime,
} from "../../src/index.js";

const { ethers, networkHelpers } = await network.create();
const DAY = 86_400;

describe("participants SDK", function () {
  describe("roles and times", function () {
    it("parses role names and keeps the regulator role alone", function () {
      expect(parseRoles("enterprise")).to.equal(Roles.enterprise);
      expect(parseRoles("enterprise, financier")).to.equal(3);
      expect(parseRoles(["regulator"])).to.equal(Roles.regulator);
      expect(parseRoles(2)).to.equal(Roles.financier);
      expect(roleNames(3)).to.deep.equal(["enterprise", "financier"]);
      expect(() => parseRoles("bank")).to.throw(
        InvalidInputError,
        'unknown role "bank": use enterprise, financier, regulator',
      );
      expect(() => parseRoles("")).to.throw(InvalidInputError, /at least one role/);
      expect(() => parseRoles("regulator,enterprise")).to.throw(InvalidInputError, /regulator role cannot be combined/);
      expect(() => parseRoles(5)).to.throw(InvalidInputError, /regulator role cannot be combined/);
      expect(() => parseRoles(0)).to.throw(InvalidInputError, /positive 32-bit/);
    });

    it("converts dates to the chain's unit and passes numbers through", function () {
      const date = new Date("2027-03-31T00:00:00Z");
      expect(toChainTime(date, 1n)).to.equal(1_806_451_200n);
      expect(toChainTime(date, 1000n)).to.equal(1_806_451_200_000n);
      expect(toChainTime(123n, 1000n)).to.equal(123n);
      expect(() => toChainTime(1.5, 1n)).to.throw(InvalidInputError, /whole number/);
      expect(() => toChainTime(-1, 1n)).to.throw(InvalidInputError, /negative/);
      expect(() => toChainTime(new Date("nope"), 1n, "validity end")).to.throw(InvalidInputError, /not a valid date/);
    });
  });

  describe("client", function () {
    async function deploy() {
      const [admin, kyc, alice, bob, regulator, stranger] = await ethers.getSigners();
      const registry = await ethers.deployContract("ParticipantRegistry", [admin.address, kyc.address]);
      const address = await registry.getAddress();
      const as = (signer: typeof admin) => new ParticipantsClient(address, signer);
      const until = (await networkHelpers.time.latest()) + 365 * DAY;
      return { registry, as, admin, kyc, alice, bob, regulator, stranger, until };
    }

    it("registers, updates, suspends, reinstates, freezes and reports, with history in order", async function () {
      const { as, kyc, alice, regulator, until } = await networkHelpers.loadFixture(deploy);
      const desk = as(kyc);
      expect(await desk.timeUnit()).to.equal(1n);
      const registered = await desk.register({
        account: alice.address,
        org: " 91310000MA1FL0001X ",
        roles: "enterprise",
        validUntil: until,
      });
      expect(registered.orgId).to.equal(hashBytes("91310000MA1FL0001X", "keccak256"));
      await desk.register({ account: regulator.address, org: "CBIRC-SH", roles: ["regulator"], validUntil: until });
      const info = await desk.get(alice.address);
      expect(info).to.deep.include({
        account: alice.address,
        registered: true,
        orgId: registered.orgId,
        roles: ["enterprise"],
        roleBits: 1,
        validUntil: BigInt(until),
        suspended: false,
        frozen: false,
        active: true,
      });
      expect(info.validUntilDate.getTime()).to.equal(until * 1000);
      expect(await desk.isActive(alice.address)).to.equal(true);
      expect(await desk.isActive(alice.address, "financier")).to.equal(false);

      await desk.update(alice.address, { roles: "enterprise,financier", validUntil: new Date((until + DAY) * 1000) });
      expect((await desk.get(alice.address)).roles).to.deep.equal(["enterprise", "financier"]);
      await desk.suspend(alice.address, "KYC review");
      expect((await desk.get(alice.address)).active).to.equal(false);
      await desk.reinstate(alice.address);
      await as(regulator).freeze(alice.address, "court order 2026-7");
      expect((await desk.get(alice.address)).frozen).to.equal(true);
      await as(regulator).unfreeze(alice.address);

      const history = await desk.history(alice.address);
      expect(history.map((e) => e.name)).to.deep.equal([
        "ParticipantRegistered",
        "ParticipantUpdated",
        "ParticipantSuspended",
        "ParticipantReinstated",
        "ParticipantFrozen",
        "ParticipantFrozen",
      ]);
      expect(history[0]).to.deep.include({ account: alice.address, orgId: registered.orgId, roles: ["enterprise"] });
      expect(history[1]).to.deep.include({ roles: ["enterprise", "financier"], validUntil: BigInt(until + DAY) });
      expect(history[2]).to.deep.include({ reason: ethers.id("KYC review") });
      expect(history[4]).to.deep.include({
        regulator: regulator.address,
        frozen: true,
        reason: ethers.id("court order 2026-7"),
      });
      expect(history[5]).to.deep.include({ frozen: false, reason: ethers.ZeroHash });
      expect((await desk.history()).map((e) => e.account)).to.deep.equal([
        alice.address,
        regulator.address,
        ...Array(5).fill(alice.address),
      ]);
    });

    it("answers bad input with one clear message before sending", async function () {
      const { as, admin, kyc, alice, bob, regulator, stranger, until } = await networkHelpers.loadFixture(deploy);
      const desk = as(kyc);
      const request = { account: alice.address, org: "91310000X", roles: "enterprise", validUntil: until };
      await expect(desk.register({ ...request, account: "0x12" })).to.be.rejectedWith(
        InvalidInputError,
        'participant is not an address: "0x12"',
      );
      await expect(desk.register({ ...request, roles: "bank" })).to.be.rejectedWith(
        InvalidInputError,
        /unknown role "bank"/,
      );
      await expect(desk.register({ ...request, roles: "regulator,financier" })).to.be.rejectedWith(
        InvalidInputError,
        /regulator role cannot be combined/,
      );
      await expect(desk.register({ ...request, org: "  " })).to.be.rejectedWith(
        InvalidInputError,
        "the organisation's unified social credit code is required",
      );
      const past = (await networkHelpers.time.latest()) - DAY;
      await expect(desk.register({ ...request, validUntil: past })).to.be.rejectedWith(
        InvalidInputError,
        /validity end .* is not in the future/,
      );
      await expect(as(admin).register(request)).to.be.rejectedWith(
        InvalidInputError,
        `${admin.address} lacks the registry's KYC role`,
      );
      await expect(desk.register({ ...request, account: kyc.address })).to.be.rejectedWith(
        InvalidInputError,
        `${kyc.address} cannot register itself`,
      );
      await desk.register(request);
      await expect(desk.register(request)).to.be.rejectedWith(
        InvalidInputError,
        `participant ${alice.address} is already registered`,
      );
      await expect(desk.update(bob.address, { roles: "enterprise", validUntil: until })).to.be.rejectedWith(
        InvalidInputError,
        `participant ${bob.address} is not registered`,
      );
      await expect(desk.update(alice.address, { roles: "regulator", validUntil: until })).to.be.rejectedWith(
        InvalidInputError,
        `participant ${alice.address} holds business roles: it cannot become a regulator (register a fresh account)`,
      );
      await expect(desk.reinstate(alice.address)).to.be.rejectedWith(
        InvalidInputError,
        `participant ${alice.address} is not suspended`,
      );
      await desk.suspend(alice.address);
      await expect(desk.suspend(alice.address)).to.be.rejectedWith(
        InvalidInputError,
        `participant ${alice.address} is already suspended`,
      );
      await expect(as(stranger).freeze(alice.address)).to.be.rejectedWith(
        InvalidInputError,
        `${stranger.address} is not an active regulator`,
      );
      await desk.register({ ...request, account: regulator.address, roles: "regulator" });
      await expect(as(regulator).unfreeze(alice.address)).to.be.rejectedWith(
        InvalidInputError,
        `participant ${alice.address} is not frozen`,
      );
      await expect(desk.update(regulator.address, { roles: "financier", validUntil: until })).to.be.rejectedWith(
        InvalidInputError,
        `participant ${regulator.address} is a regulator: it cannot take a business role (register a separate account)`,
      );
      await expect(desk.requireActive(alice.address, Roles.enterprise, "payee")).to.be.rejectedWith(
        InvalidInputError,
        `payee ${alice.address} is suspended`,
      );
      await expect(desk.requireActive(bob.address, Roles.enterprise, "payee")).to.be.rejectedWith(
        InvalidInputError,
        `payee ${bob.address} is not registered`,
      );
      await expect(desk.requireActive(regulator.address, Roles.enterprise, "payee")).to.be.rejectedWith(
        InvalidInputError,
        `payee ${regulator.address} lacks the enterprise role`,
      );
      expect(() => new ParticipantsClient(alice.address, kyc, { timeUnitsPerSecond: 60 })).to.throw(
        InvalidInputError,
        "time unit must be 1 or 1000 per second, got 60",
      );
    });

    it("returns what the contract refuses as a decoded error", async function () {
      const { as, kyc, regulator, until } = await networkHelpers.loadFixture(deploy);
      // A regulator may not freeze a regulator, itself included.
      await as(kyc).register({ account: regulator.address, org: "CBIRC-SH", roles: "regulator", validUntil: until });
      const error = await as(regulator)
        .freeze(regulator.address)
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ContractRevertError);
      expect((error as ContractRevertError).errorName).to.equal("RegulatorCannotFreezeRegulator");
      expect((error as ContractRevertError).message).to.equal(
        `RegulatorCannotFreezeRegulator(regulator=${regulator.address}, account=${regulator.address})`,
      );
    });

    it("refuses to register the register's admin or a KYC officer, before sending", async function () {
      const { registry, as, admin, kyc, bob, until } = await networkHelpers.loadFixture(deploy);
      const request = { org: "91310000X", roles: "enterprise", validUntil: until };
      await expect(as(kyc).register({ ...request, account: admin.address })).to.be.rejectedWith(
        InvalidInputError,
        `${admin.address} holds the registry's admin role: the registry's admin and KYC officers cannot be participants`,
      );
      await registry.connect(admin).grantRole(await registry.KYC_ROLE(), bob.address);
      await expect(as(kyc).register({ ...request, account: bob.address })).to.be.rejectedWith(
        InvalidInputError,
        `${bob.address} holds the registry's KYC role: the registry's admin and KYC officers cannot be participants`,
      );
      expect((await as(kyc).get(bob.address)).registered).to.equal(false);
    });
  });
});
