import { expect } from "chai";
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";

import {
  DAY,
  MAX_UINT64,
  SHA256,
  type Terms,
  authorsHash24,
  commitment,
  deployCopyright,
  digestOf,
  ethers,
  networkHelpers,
  terms,
  termsId,
} from "./fixture.js";

const { loadFixture, time } = networkHelpers;
const FEE = 10n ** 18n;
const YEAR = 365n * DAY;
const CN = ethers.id("territory:CN");
const EU = ethers.id("territory:EU");

describe("CopyrightRegistry: terms and licensing", () => {
  async function fixture() {
    const base = await deployCopyright();
    const { registry, alice, bob, token } = base;
    const duo = [
      { account: alice.address, shares: 6_000 },
      { account: bob.address, shares: 4_000 },
    ];
    const digest = digestOf("song");
    const workId = BigInt(digest);
    await registry.connect(alice).registerWork(digest, SHA256, "ipfs://song", duo);
    const paid = terms({ currency: await token.getAddress(), fee: FEE, duration: YEAR, derivativesAllowed: true });
    await registry.registerTerms(paid);
    const paidId = termsId(paid);
    await registry.connect(alice).attachTerms(workId, paidId);
    return { ...base, duo, workId, paid, paidId };
  }

  async function offer(
    registry: Awaited<ReturnType<typeof fixture>>["registry"],
    owner: Awaited<ReturnType<typeof fixture>>["alice"],
    workId: bigint,
    t: Terms,
  ): Promise<string> {
    await registry.registerTerms(t);
    const id = termsId(t);
    await registry.connect(owner).attachTerms(workId, id);
    return id;
  }

  describe("terms", () => {
    it("registers terms once under their hash and reads them back", async () => {
      const { registry, token } = await loadFixture(fixture);
      const t = terms({
        territory: CN,
        currency: await token.getAddress(),
        fee: 5n,
        duration: 30n * DAY,
        royaltyBps: 250,
        commercialUse: false,
        derivativesAllowed: true,
        exclusive: true,
        sublicensable: true,
      });
      const id = termsId(t);
      expect(await registry.registerTerms.staticCall(t)).to.equal(id);
      await expect(registry.registerTerms(t))
        .to.emit(registry, "TermsRegistered")
        .withArgs(id, [CN, await token.getAddress(), 5n, 30n * DAY, 250n, false, true, true, true]);
      await expect(registry.registerTerms(t)).not.to.emit(registry, "TermsRegistered");
      const read = await registry.getTerms(id);
      expect([...read]).to.deep.equal([CN, await token.getAddress(), 5n, 30n * DAY, 250n, false, true, true, true]);
    });

    it("rejects royalties above 100% and unknown terms", async () => {
      const { registry } = await loadFixture(fixture);
      await expect(registry.registerTerms(terms({ royaltyBps: 10_001 })))
        .to.be.revertedWithCustomError(registry, "InvalidRoyalty")
        .withArgs(10_001);
      const unknown = ethers.id("unknown");
      await expect(registry.getTerms(unknown))
        .to.be.revertedWithCustomError(registry, "TermsNotFound")
        .withArgs(unknown);
    });

    it("lets the owner (or an approved operator) attach, disable and re-enable terms", async () => {
      const { registry, alice, bob, carol, workId, paidId } = await loadFixture(fixture);
      const free = terms();
      await registry.registerTerms(free);
      const freeId = termsId(free);
      await expect(registry.connect(bob).attachTerms(workId, freeId))
        .to.be.revertedWithCustomError(registry, "NotWorkOwner")
        .withArgs(workId, bob.address);
      await registry.connect(alice).setApprovalForAll(carol.address, true);
      await expect(registry.connect(carol).attachTerms(workId, freeId))
        .to.emit(registry, "TermsAttached")
        .withArgs(workId, freeId);
      await expect(registry.connect(alice).attachTerms(workId, freeId))
        .to.be.revertedWithCustomError(registry, "TermsAlreadyAttached")
        .withArgs(workId, freeId);
      await expect(registry.connect(bob).disableTerms(workId, freeId))
        .to.be.revertedWithCustomError(registry, "NotWorkOwner")
        .withArgs(workId, bob.address);
      await expect(registry.connect(alice).disableTerms(workId, freeId))
        .to.emit(registry, "TermsDisabled")
        .withArgs(workId, freeId);
      await expect(registry.connect(alice).disableTerms(workId, freeId))
        .to.be.revertedWithCustomError(registry, "TermsNotAttached")
        .withArgs(workId, freeId);
      let [ids, enabled] = await registry.getWorkTerms(workId);
      expect(ids).to.deep.equal([paidId, freeId]);
      expect(enabled).to.deep.equal([true, false]);
      await expect(registry.connect(alice).attachTerms(workId, freeId))
        .to.emit(registry, "TermsAttached")
        .withArgs(workId, freeId);
      [ids, enabled] = await registry.getWorkTerms(workId);
      expect(ids).to.deep.equal([paidId, freeId]);
      expect(enabled).to.deep.equal([true, true]);
    });

    it("rejects unknown works and terms, and more than 16 terms per work", async () => {
      const { registry, alice, workId } = await loadFixture(fixture);
      const unknown = ethers.id("unknown");
      await expect(registry.connect(alice).attachTerms(workId, unknown))
        .to.be.revertedWithCustomError(registry, "TermsNotFound")
        .withArgs(unknown);
      await expect(registry.connect(alice).attachTerms(123n, unknown))
        .to.be.revertedWithCustomError(registry, "WorkNotFound")
        .withArgs(123n);
      for (let i = 1; i < 16; i++) await offer(registry, alice, workId, terms({ fee: BigInt(i) }));
      const last = terms({ fee: 99n });
      await registry.registerTerms(last);
      await expect(registry.connect(alice).attachTerms(workId, termsId(last)))
        .to.be.revertedWithCustomError(registry, "TooManyTerms")
        .withArgs(workId, 16);
    });
  });

  describe("purchaseLicense", () => {
    it("issues a license, splits the ERC-20 fee among the authors and moves the fee into the registry", async () => {
      const { registry, token, alice, bob, carol, duo, workId, paidId } = await loadFixture(fixture);
      const tx = registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo);
      await expect(tx).to.changeTokenBalances(ethers, token, [carol, registry], [-FEE, FEE]);
      const now = BigInt(await time.latest());
      await expect(tx)
        .to.emit(registry, "LicenseIssued")
        .withArgs(workId, carol.address, paidId, now, now + YEAR, FEE);
      await expect(tx)
        .to.emit(registry, "Credited")
        .withArgs(alice.address, await token.getAddress(), workId, (FEE * 6n) / 10n);
      await expect(tx)
        .to.emit(registry, "Credited")
        .withArgs(bob.address, await token.getAddress(), workId, (FEE * 4n) / 10n);
      expect(await registry.creditOf(alice.address, await token.getAddress())).to.equal((FEE * 6n) / 10n);
      expect(await registry.creditOf(bob.address, await token.getAddress())).to.equal((FEE * 4n) / 10n);
      expect(await registry.isLicensed(workId, carol.address, paidId)).to.equal(true);
      const license = await registry.getLicense(workId, carol.address, paidId);
      expect([license.start, license.end, license.sublicensed]).to.deep.equal([now, now + YEAR, false]);
      await time.increaseTo(now + YEAR);
      expect(await registry.isLicensed(workId, carol.address, paidId)).to.equal(false);
    });

    it("gives the rounding dust to the first author", async () => {
      const { registry, token, alice, bob, carol } = await loadFixture(fixture);
      const authors = [
        { account: alice.address, shares: 3_333 },
        { account: bob.address, shares: 6_667 },
      ];
      const workId = BigInt(digestOf("odd"));
      await registry.connect(alice).registerWork(digestOf("odd"), SHA256, "", authors);
      const id = await offer(registry, alice, workId, terms({ currency: await token.getAddress(), fee: 10_001n }));
      await registry.connect(carol).purchaseLicense(workId, id, 10_001n, authors);
      // bob: floor(10,001 x 0.6667) = 6,667; alice: the rest, 3,334 (3,333.33 plus the dust).
      expect(await registry.creditOf(bob.address, await token.getAddress())).to.equal(6_667n);
      expect(await registry.creditOf(alice.address, await token.getAddress())).to.equal(3_334n);
      expect(await token.balanceOf(await registry.getAddress())).to.equal(10_001n);
    });

    it("takes native coin fees exactly", async () => {
      const { registry, alice, bob, carol, duo, workId } = await loadFixture(fixture);
      const id = await offer(registry, alice, workId, terms({ fee: 1_000n }));
      await expect(registry.connect(carol).purchaseLicense(workId, id, 1_000n, duo, { value: 999n }))
        .to.be.revertedWithCustomError(registry, "IncorrectPayment")
        .withArgs(999n, 1_000n);
      const tx = registry.connect(carol).purchaseLicense(workId, id, 1_000n, duo, { value: 1_000n });
      await expect(tx).to.changeEtherBalances(ethers, [carol, registry], [-1_000n, 1_000n]);
      expect(await registry.creditOf(alice.address, ethers.ZeroAddress)).to.equal(600n);
      expect(await registry.creditOf(bob.address, ethers.ZeroAddress)).to.equal(400n);
    });

    it("rejects a fee above the maximum, coin sent with an ERC-20 fee, a wrong authors list", async () => {
      const { registry, token, alice, carol, duo, workId, paidId } = await loadFixture(fixture);
      await expect(registry.connect(carol).purchaseLicense(workId, paidId, FEE - 1n, duo))
        .to.be.revertedWithCustomError(registry, "FeeExceedsMax")
        .withArgs(FEE, FEE - 1n);
      await expect(registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo, { value: 1n }))
        .to.be.revertedWithCustomError(registry, "IncorrectPayment")
        .withArgs(1n, 0n);
      const wrong = [{ account: alice.address, shares: 10_000 }];
      await expect(registry.connect(carol).purchaseLicense(workId, paidId, FEE, wrong))
        .to.be.revertedWithCustomError(registry, "AuthorsMismatch")
        .withArgs(workId, authorsHash24(duo), authorsHash24(wrong));
      expect(await registry.isLicensed(workId, carol.address, paidId)).to.equal(false);
      expect(await token.balanceOf(await registry.getAddress())).to.equal(0n);
      expect(await registry.creditOf(alice.address, await token.getAddress())).to.equal(0n);
    });

    it("refuses fee-on-transfer tokens, whose credits would be unbacked", async () => {
      const { registry, alice, carol, duo, workId } = await loadFixture(fixture);
      const fot = await ethers.deployContract("FeeOnTransferToken");
      await fot.mint(carol.address, 10_000n);
      await fot.connect(carol).approve(await registry.getAddress(), 10_000n);
      const id = await offer(registry, alice, workId, terms({ currency: await fot.getAddress(), fee: 1_000n }));
      await expect(registry.connect(carol).purchaseLicense(workId, id, 1_000n, duo))
        .to.be.revertedWithCustomError(registry, "UnexpectedTokenAmount")
        .withArgs(await fot.getAddress(), 990n, 1_000n);
      await expect(registry.connect(carol).payRevenue(workId, await fot.getAddress(), 1_000n, duo, []))
        .to.be.revertedWithCustomError(registry, "UnexpectedTokenAmount")
        .withArgs(await fot.getAddress(), 990n, 1_000n);
      expect(await registry.isLicensed(workId, carol.address, id)).to.equal(false);
    });

    it("rejects coin sent for free terms", async () => {
      const { registry, alice, carol, duo, workId } = await loadFixture(fixture);
      const free = await offer(registry, alice, workId, terms());
      await expect(registry.connect(carol).purchaseLicense(workId, free, 0n, duo, { value: 1n }))
        .to.be.revertedWithCustomError(registry, "IncorrectPayment")
        .withArgs(1n, 0n);
    });

    it("rejects unknown works, terms not on sale, and a paused registry", async () => {
      const { registry, admin, alice, carol, duo, workId, paidId } = await loadFixture(fixture);
      await expect(registry.connect(carol).purchaseLicense(1n, paidId, FEE, duo))
        .to.be.revertedWithCustomError(registry, "WorkNotFound")
        .withArgs(1n);
      await registry.connect(alice).disableTerms(workId, paidId);
      await expect(registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo))
        .to.be.revertedWithCustomError(registry, "TermsNotAttached")
        .withArgs(workId, paidId);
      await registry.connect(alice).attachTerms(workId, paidId);
      await registry.connect(admin).pause();
      await expect(registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo)).to.be.revertedWithCustomError(
        registry,
        "EnforcedPause",
      );
    });

    it("renews from the end of a running license and keeps its start", async () => {
      const { registry, carol, duo, workId, paidId } = await loadFixture(fixture);
      await registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo);
      const start = BigInt(await time.latest());
      await time.increase(DAY);
      await expect(registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo))
        .to.emit(registry, "LicenseIssued")
        .withArgs(workId, carol.address, paidId, start, start + 2n * YEAR, FEE);
      await time.increaseTo(start + 3n * YEAR);
      await registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo);
      const restart = BigInt(await time.latest());
      const license = await registry.getLicense(workId, carol.address, paidId);
      expect([license.start, license.end]).to.deep.equal([restart, restart + YEAR]);
    });

    it("issues perpetual licenses and free licenses without payment", async () => {
      const { registry, token, alice, carol, duo, workId } = await loadFixture(fixture);
      const id = await offer(registry, alice, workId, terms());
      const tx = registry.connect(carol).purchaseLicense(workId, id, 0n, duo);
      await expect(tx).not.to.emit(registry, "Credited");
      await expect(tx).to.changeTokenBalances(ethers, token, [carol, registry], [0n, 0n]);
      expect((await registry.getLicense(workId, carol.address, id)).end).to.equal(MAX_UINT64);
      // Buying perpetual terms again would add nothing (finding 14).
      await expect(registry.connect(carol).purchaseLicense(workId, id, 0n, duo))
        .to.be.revertedWithCustomError(registry, "RenewalCannotExtend")
        .withArgs(workId, carol.address, id, MAX_UINT64);
      // A duration that would run past the end of uint64 time is capped there.
      const long = await offer(registry, alice, workId, terms({ duration: MAX_UINT64 - 1n }));
      await registry.connect(carol).purchaseLicense(workId, long, 0n, duo);
      expect((await registry.getLicense(workId, carol.address, long)).end).to.equal(MAX_UINT64);
    });

    it("answers isLicensed for owners, licensees and unknown works", async () => {
      const { registry, alice, carol, workId, paidId } = await loadFixture(fixture);
      expect(await registry.isLicensed(workId, alice.address, paidId)).to.equal(true);
      expect(await registry.isLicensed(workId, carol.address, paidId)).to.equal(false);
      expect(await registry.isLicensed(1n, alice.address, paidId)).to.equal(false);
    });
  });

  describe("grantLicense and sublicense", () => {
    it("lets the owner grant a license on any registered terms, tracking them on the work", async () => {
      const { registry, alice, bob, carol, workId, paidId } = await loadFixture(fixture);
      const offline = terms({ duration: 10n * DAY, sublicensable: true });
      await registry.registerTerms(offline);
      const id = termsId(offline);
      await expect(registry.connect(bob).grantLicense(workId, id, carol.address))
        .to.be.revertedWithCustomError(registry, "NotWorkOwner")
        .withArgs(workId, bob.address);
      await expect(registry.connect(alice).grantLicense(workId, id, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(registry, "InvalidLicensee")
        .withArgs(ethers.ZeroAddress);
      const unknown = ethers.id("unknown");
      await expect(registry.connect(alice).grantLicense(workId, unknown, carol.address))
        .to.be.revertedWithCustomError(registry, "TermsNotFound")
        .withArgs(unknown);
      await expect(registry.connect(alice).grantLicense(1n, id, carol.address))
        .to.be.revertedWithCustomError(registry, "WorkNotFound")
        .withArgs(1n);
      const tx = registry.connect(alice).grantLicense(workId, id, carol.address);
      const now = BigInt(await time.latest()) + 1n;
      await expect(tx)
        .to.emit(registry, "LicenseIssued")
        .withArgs(workId, carol.address, id, now, now + 10n * DAY, 0n);
      const [ids, enabled] = await registry.getWorkTerms(workId);
      expect(ids).to.deep.equal([paidId, id]);
      expect(enabled).to.deep.equal([true, false]);
      await registry.connect(alice).grantLicense(workId, id, carol.address);
      expect((await registry.getWorkTerms(workId))[0]).to.have.length(2);
    });

    it("lets a licensee sublicense sublicensable terms until their own license ends", async () => {
      const { registry, alice, bob, carol, dave, eve, workId, paidId } = await loadFixture(fixture);
      const sub = terms({ duration: 10n * DAY, sublicensable: true });
      await registry.registerTerms(sub);
      const id = termsId(sub);
      await expect(registry.connect(carol).sublicense(workId, paidId, dave.address))
        .to.be.revertedWithCustomError(registry, "NotSublicensable")
        .withArgs(paidId);
      await expect(registry.connect(carol).sublicense(workId, id, dave.address))
        .to.be.revertedWithCustomError(registry, "NotLicensed")
        .withArgs(workId, carol.address, id);
      await registry.connect(alice).grantLicense(workId, id, carol.address);
      const end = (await registry.getLicense(workId, carol.address, id)).end;
      for (const bad of [ethers.ZeroAddress, carol.address]) {
        await expect(registry.connect(carol).sublicense(workId, id, bad))
          .to.be.revertedWithCustomError(registry, "InvalidLicensee")
          .withArgs(bad);
      }
      await time.increase(DAY);
      const tx = registry.connect(carol).sublicense(workId, id, dave.address);
      await expect(tx).to.emit(registry, "Sublicensed").withArgs(workId, carol.address, dave.address, id);
      const now = BigInt(await time.latest());
      await expect(tx).to.emit(registry, "LicenseIssued").withArgs(workId, dave.address, id, now, end, 0n);
      const license = await registry.getLicense(workId, dave.address, id);
      expect([license.start, license.end, license.sublicensed]).to.deep.equal([now, end, true]);
      await expect(registry.connect(carol).sublicense(workId, id, dave.address))
        .to.be.revertedWithCustomError(registry, "AlreadyLicensed")
        .withArgs(workId, dave.address, id, end);
      await expect(registry.connect(carol).sublicense(1n, id, eve.address))
        .to.be.revertedWithCustomError(registry, "WorkNotFound")
        .withArgs(1n);
      void bob;
    });

    // Audit F4 (second half): a sublicensee could sublicense again, without limit.
    it("refuses a sublicense from a sublicensee, until it holds a license of its own", async () => {
      const { registry, alice, carol, dave, eve, duo, workId } = await loadFixture(fixture);
      const id = await offer(registry, alice, workId, terms({ duration: 10n * DAY, sublicensable: true }));
      await registry.connect(alice).grantLicense(workId, id, carol.address);
      await registry.connect(carol).sublicense(workId, id, dave.address);
      const before = await registry.getLicense(workId, dave.address, id);
      await expect(registry.connect(dave).sublicense(workId, id, eve.address))
        .to.be.revertedWithCustomError(registry, "SublicenseeCannotSublicense")
        .withArgs(workId, dave.address, id);
      expect((await registry.getLicense(workId, eve.address, id)).end).to.equal(0n);
      expect(await registry.isLicensed(workId, eve.address, id)).to.equal(false);
      expect(await registry.getLicense(workId, dave.address, id)).to.deep.equal(before);
      // A license of its own (here renewing over the sublicense) makes dave a licensee who may sublicense.
      await registry.connect(dave).purchaseLicense(workId, id, 0n, duo);
      expect((await registry.getLicense(workId, dave.address, id)).sublicensed).to.equal(false);
      await expect(registry.connect(dave).sublicense(workId, id, eve.address))
        .to.emit(registry, "Sublicensed")
        .withArgs(workId, dave.address, eve.address, id);
      expect(await registry.isLicensed(workId, eve.address, id)).to.equal(true);
    });
  });

  describe("pause", () => {
    it("stops terms, licensing, revenue and royalty setting; disabling terms and withdrawals stay open", async () => {
      const { registry, token, admin, alice, carol, dave, duo, workId, paidId } = await loadFixture(fixture);
      const sub = await offer(registry, alice, workId, terms({ sublicensable: true, derivativesAllowed: true }));
      await registry.connect(carol).purchaseLicense(workId, sub, 0n, duo);
      await registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo);
      const fresh = terms({ fee: 7n });
      await registry.connect(admin).pause();
      const paused = async (call: Promise<unknown>) =>
        expect(call).to.be.revertedWithCustomError(registry, "EnforcedPause");
      await paused(registry.registerTerms(fresh));
      await paused(registry.connect(alice).attachTerms(workId, sub));
      await paused(registry.connect(alice).grantLicense(workId, sub, dave.address));
      await paused(registry.connect(carol).sublicense(workId, sub, dave.address));
      await paused(registry.connect(dave).purchaseLicense(workId, paidId, FEE, duo));
      await paused(registry.connect(dave).payRevenue(workId, await token.getAddress(), 100n, duo, []));
      await paused(registry.connect(alice).setWorkRoyalty(workId, 100));
      await paused(
        registry
          .connect(carol)
          .registerDerivative(
            digestOf("remix"),
            SHA256,
            "",
            [{ account: carol.address, shares: 10_000 }],
            [workId],
            [sub],
          ),
      );
      // Nothing changed.
      await expect(registry.getTerms(termsId(fresh)))
        .to.be.revertedWithCustomError(registry, "TermsNotFound")
        .withArgs(termsId(fresh));
      expect(await registry.isLicensed(workId, dave.address, sub)).to.equal(false);
      expect(await registry.royaltyInfo(workId, 10_000n)).to.deep.equal([alice.address, 0n]);
      expect(await registry.exists(BigInt(digestOf("remix")))).to.equal(false);
      // Owners may still take terms off sale, and authors withdraw.
      await expect(registry.connect(alice).disableTerms(workId, paidId))
        .to.emit(registry, "TermsDisabled")
        .withArgs(workId, paidId);
      await expect(registry.connect(alice).withdraw(await token.getAddress()))
        .to.emit(registry, "Withdrawn")
        .withArgs(alice.address, await token.getAddress(), (FEE * 6n) / 10n);
      await registry.connect(admin).unpause();
      await registry.connect(carol).sublicense(workId, sub, dave.address);
      expect(await registry.isLicensed(workId, dave.address, sub)).to.equal(true);
    });
  });

  describe("withdraw", () => {
    it("pays out ERC-20 and native balances, even while paused", async () => {
      const { registry, token, admin, alice, bob, carol, duo, workId, paidId } = await loadFixture(fixture);
      const native = await offer(registry, alice, workId, terms({ fee: 1_000n }));
      await registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo);
      await registry.connect(carol).purchaseLicense(workId, native, 1_000n, duo, { value: 1_000n });
      await registry.connect(admin).pause();
      const tokenAddress = await token.getAddress();
      const tx = registry.connect(alice).withdraw(tokenAddress);
      await expect(tx).to.changeTokenBalances(ethers, token, [alice, registry], [(FEE * 6n) / 10n, -(FEE * 6n) / 10n]);
      await expect(tx)
        .to.emit(registry, "Withdrawn")
        .withArgs(alice.address, tokenAddress, (FEE * 6n) / 10n);
      expect(await registry.creditOf(alice.address, tokenAddress)).to.equal(0n);
      const coin = registry.connect(bob).withdraw(ethers.ZeroAddress);
      await expect(coin).to.changeEtherBalances(ethers, [bob, registry], [400n, -400n]);
      await expect(coin).to.emit(registry, "Withdrawn").withArgs(bob.address, ethers.ZeroAddress, 400n);
      await expect(registry.connect(alice).withdraw(tokenAddress))
        .to.be.revertedWithCustomError(registry, "NothingToWithdraw")
        .withArgs(alice.address, tokenAddress);
    });

    it("reverts, keeping the balance, when the native transfer fails", async () => {
      const { registry, alice, carol } = await loadFixture(fixture);
      const wallet = await ethers.deployContract("CopyrightTestWallet", [alice.address]);
      const walletAddress = await wallet.getAddress();
      const authors = [{ account: walletAddress, shares: 10_000 }];
      const workId = BigInt(digestOf("wallet"));
      await registry.connect(alice).registerWork(digestOf("wallet"), SHA256, "", authors);
      const id = await offer(registry, alice, workId, terms({ fee: 500n }));
      await registry.connect(carol).purchaseLicense(workId, id, 500n, authors, { value: 500n });
      await wallet.setRefuseNative(true);
      const call = registry.interface.encodeFunctionData("withdraw", [ethers.ZeroAddress]);
      await expect(wallet.execute(await registry.getAddress(), call))
        .to.be.revertedWithCustomError(registry, "NativeTransferFailed")
        .withArgs(walletAddress, 500n);
      expect(await registry.creditOf(walletAddress, ethers.ZeroAddress)).to.equal(500n);
      await wallet.setRefuseNative(false);
      await wallet.execute(await registry.getAddress(), call);
      expect(await ethers.provider.getBalance(walletAddress)).to.equal(500n);
    });
  });

  describe("exclusive licenses", () => {
    it("a worldwide exclusive license blocks every other license while it runs", async () => {
      const { registry, alice, carol, dave, duo, workId } = await loadFixture(fixture);
      const excl = await offer(registry, alice, workId, terms({ exclusive: true, duration: 30n * DAY }));
      const cn = await offer(registry, alice, workId, terms({ territory: CN, duration: 30n * DAY }));
      await registry.connect(carol).purchaseLicense(workId, excl, 0n, duo);
      const until = (await registry.getLicense(workId, carol.address, excl)).end;
      await expect(registry.connect(dave).purchaseLicense(workId, cn, 0n, duo))
        .to.be.revertedWithCustomError(registry, "ExclusiveLicenseActive")
        .withArgs(workId, ethers.ZeroHash, until);
      await expect(registry.connect(dave).purchaseLicense(workId, excl, 0n, duo))
        .to.be.revertedWithCustomError(registry, "ExclusiveLicenseActive")
        .withArgs(workId, ethers.ZeroHash, until);
      await expect(registry.connect(alice).grantLicense(workId, cn, dave.address))
        .to.be.revertedWithCustomError(registry, "ExclusiveLicenseActive")
        .withArgs(workId, ethers.ZeroHash, until);
      // The exclusive licensee renews; once it lapses, others may license again.
      await registry.connect(carol).purchaseLicense(workId, excl, 0n, duo);
      const renewed = (await registry.getLicense(workId, carol.address, excl)).end;
      expect(renewed).to.equal(until + 30n * DAY);
      await time.increaseTo(renewed);
      await registry.connect(dave).purchaseLicense(workId, cn, 0n, duo);
      expect(await registry.isLicensed(workId, dave.address, cn)).to.equal(true);
    });

    it("a territorial exclusive license blocks that territory and worldwide licenses only", async () => {
      const { registry, alice, carol, dave, duo, workId, paidId } = await loadFixture(fixture);
      const exclCn = await offer(registry, alice, workId, terms({ territory: CN, exclusive: true, duration: DAY }));
      const cn = await offer(registry, alice, workId, terms({ territory: CN, duration: DAY }));
      const eu = await offer(registry, alice, workId, terms({ territory: EU, duration: DAY }));
      await registry.connect(carol).purchaseLicense(workId, exclCn, 0n, duo);
      const until = (await registry.getLicense(workId, carol.address, exclCn)).end;
      await expect(registry.connect(dave).purchaseLicense(workId, cn, 0n, duo))
        .to.be.revertedWithCustomError(registry, "ExclusiveLicenseActive")
        .withArgs(workId, CN, until);
      await expect(registry.connect(dave).purchaseLicense(workId, paidId, FEE, duo))
        .to.be.revertedWithCustomError(registry, "ExclusiveLicenseActive")
        .withArgs(workId, ethers.ZeroHash, until);
      await registry.connect(dave).purchaseLicense(workId, eu, 0n, duo);
      expect(await registry.isLicensed(workId, dave.address, eu)).to.equal(true);
    });

    it("cannot start while an overlapping license runs", async () => {
      const { registry, alice, carol, dave, duo, workId } = await loadFixture(fixture);
      const cn = await offer(registry, alice, workId, terms({ territory: CN, duration: DAY }));
      const exclEu = await offer(registry, alice, workId, terms({ territory: EU, exclusive: true, duration: DAY }));
      const exclCn = await offer(registry, alice, workId, terms({ territory: CN, exclusive: true, duration: DAY }));
      const exclWorld = await offer(registry, alice, workId, terms({ exclusive: true, duration: DAY }));
      await registry.connect(carol).purchaseLicense(workId, cn, 0n, duo);
      const until = (await registry.getLicense(workId, carol.address, cn)).end;
      await expect(registry.connect(dave).purchaseLicense(workId, exclCn, 0n, duo))
        .to.be.revertedWithCustomError(registry, "LicenseOverlap")
        .withArgs(workId, cn, until);
      await expect(registry.connect(dave).purchaseLicense(workId, exclWorld, 0n, duo))
        .to.be.revertedWithCustomError(registry, "LicenseOverlap")
        .withArgs(workId, cn, until);
      await expect(registry.connect(alice).grantLicense(workId, exclWorld, dave.address))
        .to.be.revertedWithCustomError(registry, "LicenseOverlap")
        .withArgs(workId, cn, until);
      // Even the running licensee cannot turn exclusive while their own non-exclusive license overlaps.
      await expect(registry.connect(carol).purchaseLicense(workId, exclCn, 0n, duo))
        .to.be.revertedWithCustomError(registry, "LicenseOverlap")
        .withArgs(workId, cn, until);
      await registry.connect(dave).purchaseLicense(workId, exclEu, 0n, duo);
      expect(await registry.isLicensed(workId, dave.address, exclEu)).to.equal(true);
      await time.increaseTo(until);
      await expect(registry.connect(carol).purchaseLicense(workId, exclCn, 0n, duo)).to.emit(registry, "LicenseIssued");
    });

    it("a worldwide non-exclusive license blocks a territorial exclusive one", async () => {
      const { registry, alice, carol, dave, duo, workId } = await loadFixture(fixture);
      const world = await offer(registry, alice, workId, terms({ duration: DAY }));
      const exclCn = await offer(registry, alice, workId, terms({ territory: CN, exclusive: true, duration: DAY }));
      await registry.connect(carol).purchaseLicense(workId, world, 0n, duo);
      const until = (await registry.getLicense(workId, carol.address, world)).end;
      await expect(registry.connect(dave).purchaseLicense(workId, exclCn, 0n, duo))
        .to.be.revertedWithCustomError(registry, "LicenseOverlap")
        .withArgs(workId, world, until);
    });

    it("a sublicensee of an exclusive license cannot renew it as their own", async () => {
      const { registry, alice, carol, dave, duo, workId } = await loadFixture(fixture);
      const excl = await offer(registry, alice, workId, terms({ exclusive: true, sublicensable: true, duration: DAY }));
      await registry.connect(carol).purchaseLicense(workId, excl, 0n, duo);
      const until = (await registry.getLicense(workId, carol.address, excl)).end;
      await registry.connect(carol).sublicense(workId, excl, dave.address);
      expect(await registry.isLicensed(workId, dave.address, excl)).to.equal(true);
      await expect(registry.connect(dave).purchaseLicense(workId, excl, 0n, duo))
        .to.be.revertedWithCustomError(registry, "ExclusiveLicenseActive")
        .withArgs(workId, ethers.ZeroHash, until);
    });
  });

  describe("derivatives", () => {
    it("registers a derivative under a license that allows derivatives, capped by that license", async () => {
      const { registry, carol, dave, duo, workId, paidId } = await loadFixture(fixture);
      await registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo);
      const parentEnd = (await registry.getLicense(workId, carol.address, paidId)).end;
      const remix = digestOf("remix");
      const remixId = BigInt(remix);
      const authors = [{ account: carol.address, shares: 10_000 }];
      await expect(
        registry.connect(carol).registerDerivative(remix, SHA256, "ipfs://remix", authors, [workId], [paidId]),
      )
        .to.emit(registry, "DerivativeRegistered")
        .withArgs(remixId, workId, paidId);
      const work = await registry.getWork(remixId);
      expect(work.parents).to.deep.equal([workId]);
      expect(work.parentLicenseUntil).to.equal(parentEnd);
      // Licenses on the derivative cannot outlive the parent license.
      await registry.connect(carol).attachTerms(remixId, paidId);
      await time.increaseTo(parentEnd - 10n);
      await registry.connect(dave).purchaseLicense(remixId, paidId, FEE, authors);
      expect((await registry.getLicense(remixId, dave.address, paidId)).end).to.equal(parentEnd);
      await time.increaseTo(parentEnd);
      await expect(registry.connect(dave).purchaseLicense(remixId, paidId, FEE, authors))
        .to.be.revertedWithCustomError(registry, "ParentLicenseExpired")
        .withArgs(remixId, parentEnd);
    });

    it("lets the owner of every parent derive without a license", async () => {
      const { registry, alice, duo, workId } = await loadFixture(fixture);
      const other = digestOf("other");
      await registry.connect(alice).registerWork(other, SHA256, "", duo);
      const medley = digestOf("medley");
      // Terms given for an owned parent are ignored: the link records none.
      const tx = registry
        .connect(alice)
        .registerDerivative(medley, SHA256, "", duo, [workId, BigInt(other)], [ethers.ZeroHash, ethers.id("x")]);
      await expect(tx).to.emit(registry, "DerivativeRegistered").withArgs(BigInt(medley), workId, ethers.ZeroHash);
      await expect(tx)
        .to.emit(registry, "DerivativeRegistered")
        .withArgs(BigInt(medley), BigInt(other), ethers.ZeroHash);
      const work = await registry.getWork(BigInt(medley));
      expect(work.parents).to.deep.equal([workId, BigInt(other)]);
      expect(work.parentLicenseUntil).to.equal(MAX_UINT64);
    });

    it("rejects bad parent lists, parents without a license or allowing no derivatives", async () => {
      const { registry, alice, carol, duo, workId, paidId } = await loadFixture(fixture);
      const remix = digestOf("remix");
      const authors = [{ account: carol.address, shares: 10_000 }];
      await expect(registry.connect(carol).registerDerivative(remix, SHA256, "", authors, [], []))
        .to.be.revertedWithCustomError(registry, "InvalidParentCount")
        .withArgs(0, 8);
      const nine = Array.from({ length: 9 }, (_, i) => BigInt(i + 1));
      await expect(
        registry.connect(carol).registerDerivative(
          remix,
          SHA256,
          "",
          authors,
          nine,
          nine.map(() => ethers.ZeroHash),
        ),
      )
        .to.be.revertedWithCustomError(registry, "InvalidParentCount")
        .withArgs(9, 8);
      await expect(registry.connect(carol).registerDerivative(remix, SHA256, "", authors, [workId], []))
        .to.be.revertedWithCustomError(registry, "LengthMismatch")
        .withArgs(1, 0);
      await expect(
        registry.connect(alice).registerDerivative(remix, SHA256, "", duo, [workId, workId], [paidId, paidId]),
      )
        .to.be.revertedWithCustomError(registry, "DuplicateParent")
        .withArgs(workId);
      await expect(registry.connect(carol).registerDerivative(remix, SHA256, "", authors, [7n], [paidId]))
        .to.be.revertedWithCustomError(registry, "WorkNotFound")
        .withArgs(7n);
      await expect(registry.connect(carol).registerDerivative(remix, SHA256, "", authors, [workId], [paidId]))
        .to.be.revertedWithCustomError(registry, "NotLicensed")
        .withArgs(workId, carol.address, paidId);
      const noDerivs = await offer(registry, alice, workId, terms({ duration: DAY }));
      await registry.connect(carol).purchaseLicense(workId, noDerivs, 0n, duo);
      await expect(registry.connect(carol).registerDerivative(remix, SHA256, "", authors, [workId], [noDerivs]))
        .to.be.revertedWithCustomError(registry, "DerivativesNotAllowed")
        .withArgs(workId, noDerivs);
      expect(await registry.exists(BigInt(remix))).to.equal(false);
    });

    it("drops the parent links when an earlier commit takes the digest over", async () => {
      const { registry, alice, eve, duo, workId } = await loadFixture(fixture);
      const digest = digestOf("contested");
      const salt = ethers.id("salt");
      await registry.connect(eve).commit(commitment(digest, salt, eve.address));
      await registry.connect(alice).registerDerivative(digest, SHA256, "", duo, [workId], [ethers.ZeroHash]);
      await registry.connect(eve).revealWork(digest, SHA256, "", [{ account: eve.address, shares: 10_000 }], salt);
      const work = await registry.getWork(BigInt(digest));
      expect(work.owner).to.equal(eve.address);
      expect(work.parents).to.deep.equal([]);
      expect(work.parentLicenseUntil).to.equal(0n);
      // Its revenue now owes the former parent nothing.
      const eveAuthors = [{ account: eve.address, shares: 10_000 }];
      await expect(
        registry.connect(eve).payRevenue(BigInt(digest), ethers.ZeroAddress, 10n, eveAuthors, [duo], { value: 10n }),
      )
        .to.be.revertedWithCustomError(registry, "LengthMismatch")
        .withArgs(0, 1);
      await expect(
        registry.connect(eve).payRevenue(BigInt(digest), ethers.ZeroAddress, 10n, eveAuthors, [], { value: 10n }),
      )
        .to.emit(registry, "RevenuePaid")
        .withArgs(BigInt(digest), eve.address, ethers.ZeroAddress, 10n, 0n);
      expect(await registry.creditOf(eve.address, ethers.ZeroAddress)).to.equal(10n);
    });

    it("follows renewals of the parent license: the derivative stays licensable", async () => {
      const { registry, alice, carol, dave, duo, workId, paidId } = await loadFixture(fixture);
      await registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo);
      const firstEnd = (await registry.getLicense(workId, carol.address, paidId)).end;
      const remix = BigInt(digestOf("remix"));
      const authors = [{ account: carol.address, shares: 10_000 }];
      await registry.connect(carol).registerDerivative(digestOf("remix"), SHA256, "", authors, [workId], [paidId]);
      const remixTerms = terms({ duration: 2n * YEAR });
      await registry.registerTerms(remixTerms);
      await registry.connect(carol).attachTerms(remix, termsId(remixTerms));
      await registry.connect(dave).purchaseLicense(remix, termsId(remixTerms), 0n, authors);
      expect((await registry.getLicense(remix, dave.address, termsId(remixTerms))).end).to.equal(firstEnd);

      // carol renews her license on the song: the remix's cap moves with it, and dave's license renews up to it.
      await time.increaseTo(firstEnd - DAY);
      await registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo);
      const renewedEnd = (await registry.getLicense(workId, carol.address, paidId)).end;
      expect(renewedEnd).to.equal(firstEnd + YEAR);
      expect((await registry.getWork(remix)).parentLicenseUntil).to.equal(renewedEnd);
      await expect(registry.connect(dave).purchaseLicense(remix, termsId(remixTerms), 0n, authors))
        .to.emit(registry, "LicenseIssued")
        .withArgs(remix, dave.address, termsId(remixTerms), anyValue, renewedEnd, 0n);
      // Once the renewed parent license lapses too, nobody can license the remix.
      await time.increaseTo(renewedEnd);
      await expect(registry.connect(alice).purchaseLicense(remix, termsId(remixTerms), 0n, authors))
        .to.be.revertedWithCustomError(registry, "ParentLicenseExpired")
        .withArgs(remix, renewedEnd);
      // A fresh license of the registrant on the same terms revives it.
      await registry.connect(carol).purchaseLicense(workId, paidId, FEE, duo);
      const fresh = (await registry.getLicense(workId, carol.address, paidId)).end;
      expect((await registry.getWork(remix)).parentLicenseUntil).to.equal(fresh);
    });

    it("caps by the first-ending parent license, licensed parents only", async () => {
      const { registry, alice, carol, duo, workId, paidId } = await loadFixture(fixture);
      const short = await offer(registry, alice, workId, terms({ derivativesAllowed: true, duration: DAY }));
      const other = BigInt(digestOf("other"));
      await registry.connect(alice).registerWork(digestOf("other"), SHA256, "", duo);
      await registry.connect(alice).attachTerms(other, paidId);
      await registry.connect(carol).purchaseLicense(workId, short, 0n, duo);
      await registry.connect(carol).purchaseLicense(other, paidId, FEE, duo);
      const own = BigInt(digestOf("own"));
      const authors = [{ account: carol.address, shares: 10_000 }];
      await registry.connect(carol).registerWork(digestOf("own"), SHA256, "", authors);
      const remix = BigInt(digestOf("remix"));
      await registry
        .connect(carol)
        .registerDerivative(
          digestOf("remix"),
          SHA256,
          "",
          authors,
          [own, other, workId],
          [ethers.ZeroHash, paidId, short],
        );
      expect((await registry.getWork(remix)).parentLicenseUntil).to.equal(
        (await registry.getLicense(workId, carol.address, short)).end,
      );
    });

    // Audit F4: a sublicense on a derivative skipped its parent-license cap, which a takeover of the parent sets to 0.
    it("caps sublicenses on a derivative by its parent licenses: none once the parent was taken over", async () => {
      const { registry, alice, carol, dave, eve } = await loadFixture(fixture);
      const [, , , , , , frank] = await ethers.getSigners();
      const digest = digestOf("contested song");
      const parent = BigInt(digest);
      const salt = ethers.id("salt");
      await registry.connect(alice).commit(commitment(digest, salt, alice.address));
      await time.increase(5n);
      const copier = [{ account: eve.address, shares: 10_000 }];
      await registry.connect(eve).registerWork(digest, SHA256, "", copier);
      const deriv = await offer(registry, eve, parent, terms({ derivativesAllowed: true, duration: YEAR }));
      await registry.connect(carol).purchaseLicense(parent, deriv, 0n, copier);
      const parentEnd = (await registry.getLicense(parent, carol.address, deriv)).end;
      const remix = BigInt(digestOf("remix"));
      const remixAuthors = [{ account: carol.address, shares: 10_000 }];
      await registry.connect(carol).registerDerivative(digestOf("remix"), SHA256, "", remixAuthors, [parent], [deriv]);
      const sub = await offer(registry, carol, remix, terms({ sublicensable: true }));
      await registry.connect(dave).purchaseLicense(remix, sub, 0n, remixAuthors);
      // Perpetual terms, capped by carol's parent license; the sublicense ends with it.
      expect((await registry.getLicense(remix, dave.address, sub)).end).to.equal(parentEnd);
      await expect(registry.connect(dave).sublicense(remix, sub, eve.address))
        .to.emit(registry, "LicenseIssued")
        .withArgs(remix, eve.address, sub, anyValue, parentEnd, 0n);

      // The creator takes the parent over: the derivative's link is void, its cap 0.
      await registry.connect(alice).revealWork(digest, SHA256, "", [{ account: alice.address, shares: 10_000 }], salt);
      expect((await registry.getWork(remix)).parentLicenseUntil).to.equal(0n);
      await expect(registry.connect(dave).sublicense(remix, sub, frank.address))
        .to.be.revertedWithCustomError(registry, "ParentLicenseExpired")
        .withArgs(remix, 0n);
      expect(await registry.isLicensed(remix, frank.address, sub)).to.equal(false);
      await expect(registry.connect(eve).sublicense(remix, sub, frank.address))
        .to.be.revertedWithCustomError(registry, "SublicenseeCannotSublicense")
        .withArgs(remix, eve.address, sub);
    });
  });

  describe("derivative revenue", () => {
    async function derivativeFixture() {
      const base = await fixture();
      const { registry, token, alice, carol, duo, workId } = base;
      // carol licenses alice & bob's song on terms with a 10% royalty, and owns a second parent herself.
      const royaltyTerms = terms({
        currency: await token.getAddress(),
        fee: 0n,
        duration: YEAR,
        derivativesAllowed: true,
        royaltyBps: 1_000,
      });
      const id = await offer(registry, alice, workId, royaltyTerms);
      await registry.connect(carol).purchaseLicense(workId, id, 0n, duo);
      const own = [{ account: carol.address, shares: 10_000 }];
      const sample = BigInt(digestOf("sample"));
      await registry.connect(carol).registerWork(digestOf("sample"), SHA256, "", own);
      const remixDigest = digestOf("remix");
      const remix = BigInt(remixDigest);
      const remixAuthors = [{ account: carol.address, shares: 10_000 }];
      await registry
        .connect(carol)
        .registerDerivative(remixDigest, SHA256, "", remixAuthors, [workId, sample], [id, ethers.ZeroHash]);
      return { ...base, id, remix, remixAuthors, own, sample };
    }

    it("credits each parent's authors its royalty and the derivative's authors the rest", async () => {
      const { registry, token, alice, bob, carol, dave, duo, remix, remixAuthors, workId } =
        await loadFixture(derivativeFixture);
      const tokenAddress = await token.getAddress();
      const tx = registry.connect(dave).payRevenue(remix, tokenAddress, 1_000n, remixAuthors, [duo, []]);
      await expect(tx).to.changeTokenBalances(ethers, token, [dave, registry], [-1_000n, 1_000n]);
      await expect(tx).to.emit(registry, "RevenuePaid").withArgs(remix, dave.address, tokenAddress, 1_000n, 100n);
      await expect(tx).to.emit(registry, "Credited").withArgs(alice.address, tokenAddress, workId, 60n);
      await expect(tx).to.emit(registry, "Credited").withArgs(bob.address, tokenAddress, workId, 40n);
      await expect(tx).to.emit(registry, "Credited").withArgs(carol.address, tokenAddress, remix, 900n);
      expect(await registry.creditOf(alice.address, tokenAddress)).to.equal(60n);
      expect(await registry.creditOf(bob.address, tokenAddress)).to.equal(40n);
      expect(await registry.creditOf(carol.address, tokenAddress)).to.equal(900n);
    });

    it("takes native coin and pays works without parents entirely to their authors", async () => {
      const { registry, alice, bob, dave, duo, workId } = await loadFixture(derivativeFixture);
      await expect(registry.connect(dave).payRevenue(workId, ethers.ZeroAddress, 500n, duo, [], { value: 499n }))
        .to.be.revertedWithCustomError(registry, "IncorrectPayment")
        .withArgs(499n, 500n);
      const tx = registry.connect(dave).payRevenue(workId, ethers.ZeroAddress, 500n, duo, [], { value: 500n });
      await expect(tx).to.changeEtherBalances(ethers, [dave, registry], [-500n, 500n]);
      await expect(tx).to.emit(registry, "RevenuePaid").withArgs(workId, dave.address, ethers.ZeroAddress, 500n, 0n);
      expect(await registry.creditOf(alice.address, ethers.ZeroAddress)).to.equal(300n);
      expect(await registry.creditOf(bob.address, ethers.ZeroAddress)).to.equal(200n);
    });

    it("rejects wrong authors lists, parent lists and coin with an ERC-20 payment", async () => {
      const { registry, token, dave, duo, remix, remixAuthors, workId, own } = await loadFixture(derivativeFixture);
      const tokenAddress = await token.getAddress();
      await expect(registry.connect(dave).payRevenue(remix, tokenAddress, 1_000n, duo, [duo, []]))
        .to.be.revertedWithCustomError(registry, "AuthorsMismatch")
        .withArgs(remix, authorsHash24(remixAuthors), authorsHash24(duo));
      await expect(registry.connect(dave).payRevenue(remix, tokenAddress, 1_000n, remixAuthors, [own, []]))
        .to.be.revertedWithCustomError(registry, "AuthorsMismatch")
        .withArgs(workId, authorsHash24(duo), authorsHash24(own));
      await expect(registry.connect(dave).payRevenue(remix, tokenAddress, 1_000n, remixAuthors, [duo]))
        .to.be.revertedWithCustomError(registry, "LengthMismatch")
        .withArgs(2, 1);
      await expect(
        registry.connect(dave).payRevenue(remix, tokenAddress, 1_000n, remixAuthors, [duo, []], { value: 1n }),
      )
        .to.be.revertedWithCustomError(registry, "IncorrectPayment")
        .withArgs(1n, 0n);
      await expect(registry.connect(dave).payRevenue(1n, tokenAddress, 1_000n, remixAuthors, []))
        .to.be.revertedWithCustomError(registry, "WorkNotFound")
        .withArgs(1n);
      expect(await token.balanceOf(await registry.getAddress())).to.equal(0n);
    });

    it("caps the parents' royalties at 100% of the revenue", async () => {
      const { registry, token, alice, carol, duo, workId } = await loadFixture(fixture);
      const greedy = terms({ duration: YEAR, derivativesAllowed: true, royaltyBps: 6_000 });
      const id = await offer(registry, alice, workId, greedy);
      await registry.connect(carol).purchaseLicense(workId, id, 0n, duo);
      const other = BigInt(digestOf("other"));
      await registry.connect(alice).registerWork(digestOf("other"), SHA256, "", duo);
      await offer(registry, alice, other, greedy);
      await registry.connect(carol).purchaseLicense(other, id, 0n, duo);
      const authors = [{ account: carol.address, shares: 10_000 }];
      await expect(
        registry.connect(carol).registerDerivative(digestOf("mashup"), SHA256, "", authors, [workId, other], [id, id]),
      )
        .to.be.revertedWithCustomError(registry, "RoyaltiesExceedRevenue")
        .withArgs(12_000);
      void token;
    });
  });

  describe("royalties, metadata and interfaces", () => {
    it("pays EIP-2981 royalties to the current holder at the owner's rate", async () => {
      const { registry, alice, bob, workId } = await loadFixture(fixture);
      expect(await registry.royaltyInfo(workId, 10_000n)).to.deep.equal([alice.address, 0n]);
      await expect(registry.connect(bob).setWorkRoyalty(workId, 500))
        .to.be.revertedWithCustomError(registry, "NotWorkOwner")
        .withArgs(workId, bob.address);
      await expect(registry.connect(alice).setWorkRoyalty(workId, 10_001))
        .to.be.revertedWithCustomError(registry, "InvalidRoyalty")
        .withArgs(10_001);
      await expect(registry.connect(alice).setWorkRoyalty(workId, 500))
        .to.emit(registry, "WorkRoyaltySet")
        .withArgs(workId, 500);
      expect(await registry.royaltyInfo(workId, 10_000n)).to.deep.equal([alice.address, 500n]);
      await registry.connect(alice).transferFrom(alice.address, bob.address, workId);
      expect(await registry.royaltyInfo(workId, 10_000n)).to.deep.equal([bob.address, 500n]);
    });

    it("serves token URIs from the admin's base and reports its interfaces", async () => {
      const { registry, admin, alice, workId } = await loadFixture(fixture);
      expect(await registry.tokenURI(workId)).to.equal("");
      await expect(registry.connect(alice).setBaseURI("https://works.example/"))
        .to.be.revertedWithCustomError(registry, "AccessControlUnauthorizedAccount")
        .withArgs(alice.address, ethers.ZeroHash);
      await expect(registry.connect(admin).setBaseURI("https://works.example/"))
        .to.emit(registry, "BaseURISet")
        .withArgs("https://works.example/");
      expect(await registry.tokenURI(workId)).to.equal(`https://works.example/${workId}`);
      for (const id of ["0x80ac58cd", "0x2a55205a", "0x7965db0b", "0x01ffc9a7"]) {
        expect(await registry.supportsInterface(id)).to.equal(true);
      }
      expect(await registry.supportsInterface("0xffffffff")).to.equal(false);
    });
  });
});
