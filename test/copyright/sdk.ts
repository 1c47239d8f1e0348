import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import CopyrightModule from "../../deploy/modules/Copyright.js";
import {
  CopyrightClient,
  buildTerms,
  commitmentOf,
  parseAuthors,
  prepareCommitment,
  signRegistration,
  splitFee,
  storedAuthorsHash,
  termsId,
  territoryHash,
  toWorkId,
  validateAuthors,
  WorkNotSettledError,
} from "../../src/copyright/index.js";
import { ContractRevertError, InvalidInputError, SdkError } from "../../src/errors.js";
import { hashFile } from "../../src/hash-file.js";
import { revertOf } from "../helpers/sdk.js";

const { ethers, ignition, networkHelpers } = await network.create();

describe("copyright SDK", function () {
  async function deployFixture() {
    const [admin, alice, bob, carol, relayer] = await ethers.getSigners();
    const deployed = await ignition.deploy(CopyrightModule);
    const addresses = {
      registry: await deployed.copyrightRegistry.getAddress(),
      disputes: await deployed.copyrightDisputes.getAddress(),
      relay: await deployed.copyrightRelay.getAddress(),
    };
    const token = await ethers.deployContract("CopyrightTestToken");
    await token.mint(carol.address, 10n ** 21n);
    const client = (signer: typeof admin) => new CopyrightClient(addresses, signer);
    // Moves the clock to when the work is settled: before, it cannot be licensed, transferred or paid revenue.
    const settle = async (workId: bigint | string) => {
      const { settledAt } = await client(admin).getWork(workId);
      if (settledAt > (await networkHelpers.time.latest())) await networkHelpers.time.increaseTo(settledAt);
    };
    const evidence = await ethers.getContractAt("EvidenceRegistry", await deployed.evidenceRegistry.getAddress());
    return { admin, alice, bob, carol, relayer, addresses, token, client, evidence, settle };
  }

  describe("helpers", function () {
    it("validates and parses authors", function () {
      const [a, b] = [ethers.Wallet.createRandom().address, ethers.Wallet.createRandom().address];
      expect(parseAuthors(`${a}:6000, ${b}:4000`)).to.deep.equal([
        { account: a, shares: 6000 },
        { account: b, shares: 4000 },
      ]);
      expect(parseAuthors(a)).to.deep.equal([{ account: a, shares: 10_000 }]);
      expect(() => parseAuthors(`${a}:6000,${b}:3000`)).to.throw(InvalidInputError, "sum to 10000");
      expect(() => parseAuthors(`${a}:5000,${a}:5000`)).to.throw(InvalidInputError, "listed twice");
      expect(() => parseAuthors("nobody:10000")).to.throw(InvalidInputError, "not an address");
      expect(() => parseAuthors(`${a}:x`)).to.throw(InvalidInputError, "address:basisPoints");
      expect(() => validateAuthors([])).to.throw(InvalidInputError, "1 to 16 authors");
      expect(() => validateAuthors([{ account: a, shares: 0 }])).to.throw(InvalidInputError, "invalid shares");
    });

    it("splits fees like the registry, dust to the first author", function () {
      const [a, b, c] = [1, 2, 3].map(() => ethers.Wallet.createRandom().address);
      const authors = [
        { account: a, shares: 3334 },
        { account: b, shares: 3333 },
        { account: c, shares: 3333 },
      ];
      expect(splitFee(100n, authors)).to.deep.equal([34n, 33n, 33n]);
      expect(splitFee(10n, authors)).to.deep.equal([4n, 3n, 3n]);
    });

    it("builds terms with defaults and checks them", function () {
      const t = buildTerms({ fee: 5n, territory: "CN" });
      expect(t.territory).to.equal(ethers.id("CN"));
      expect(t.currency).to.equal(ethers.ZeroAddress);
      expect(territoryHash("worldwide")).to.equal(ethers.ZeroHash);
      expect(() => buildTerms({ fee: -1n })).to.throw(InvalidInputError, "fee out of range");
      expect(() => buildTerms({ fee: 1n, royaltyBps: 10_001 })).to.throw(InvalidInputError, "royalty");
      expect(() => buildTerms({ fee: 1n, currency: "yuan" })).to.throw(InvalidInputError, "currency");
      expect(() => buildTerms({ fee: 1n, duration: -1n })).to.throw(InvalidInputError, "duration");
    });

    it("computes commitments and work ids, rejecting malformed input", function () {
      const digest = ethers.id("song");
      const who = ethers.Wallet.createRandom().address;
      const prepared = prepareCommitment(digest, who);
      expect(prepared.commitment).to.equal(commitmentOf(digest, prepared.salt, who));
      expect(() => commitmentOf("0x12", prepared.salt, who)).to.throw(InvalidInputError, "digest");
      expect(() => commitmentOf(digest, "0x12", who)).to.throw(InvalidInputError, "salt");
      expect(() => commitmentOf(digest, prepared.salt, "me")).to.throw(InvalidInputError, "registrant");
      expect(toWorkId(digest)).to.equal(BigInt(digest));
      expect(toWorkId("42")).to.equal(42n);
      expect(() => toWorkId("song")).to.throw(InvalidInputError, "not a work id");
    });
  });

  describe("client", function () {
    it("registers a file by commit-reveal, sells a license in an ERC-20 and withdraws the split", async function () {
      const { alice, bob, carol, token, client, settle, addresses } = await networkHelpers.loadFixture(deployFixture);
      const dir = await mkdtemp(path.join(tmpdir(), "copyright-sdk-"));
      const file = path.join(dir, "song.mp3");
      await writeFile(file, "la la la");
      const digest = await hashFile(file, "sm3");
      const authors = parseAuthors(`${alice.address}:6000,${bob.address}:4000`);
      const committed = await client(alice).commit(digest);
      const committedAt = (await ethers.provider.getBlock(committed.blockNumber))!.timestamp;
      await networkHelpers.time.increase(60);
      const revealed = await client(alice).reveal({ digest, algorithm: "sm3", authors, salt: committed.salt });
      expect(revealed.priorityTime).to.equal(committedAt);
      const work = await client(alice).getWork(digest);
      expect(work.owner).to.equal(alice.address);
      expect(work.algorithmName).to.equal("sm3");
      expect(work.authorsHash).to.equal(storedAuthorsHash(authors));
      // Settled one day (the reveal window) after the commit time, plus one second.
      expect(work.settled).to.equal(false);
      expect(work.settledAt).to.equal(committedAt + 86_400 + 1);
      expect(await client(carol).payeesOf(work.workId)).to.deep.equal(authors);
      expect(await client(carol).registeredAuthors(work.workId)).to.deep.equal(authors);

      const { termsId: id } = await client(alice).registerTerms({
        fee: 1_000n,
        currency: await token.getAddress(),
        duration: 86_400n,
      });
      await client(alice).attachTerms(work.workId, id);
      // Before settlement the SDK refuses, typed, before approving or sending anything.
      const early = await client(carol)
        .purchaseLicense(work.workId, id)
        .catch((e: unknown) => e);
      expect(early).to.be.instanceOf(WorkNotSettledError);
      expect(early).to.include({ code: "WORK_NOT_SETTLED", workId: work.workId, settlesAt: work.settledAt });
      expect((early as WorkNotSettledError).message).to.equal(
        `work ${digest} is not settled until ${new Date(work.settledAt * 1000).toISOString()}: a reveal of an ` +
          "earlier commitment could still take it over, so the registry refuses to license it before then",
      );
      expect(await token.allowance(carol.address, addresses.registry)).to.equal(0n);
      await expect(client(alice).transferWork(work.workId, bob.address)).to.be.rejectedWith(
        WorkNotSettledError,
        "refuses to transfer it",
      );
      await expect(client(alice).grantLicense(work.workId, id, bob.address)).to.be.rejectedWith(
        WorkNotSettledError,
        "refuses to license it",
      );
      await settle(work.workId);
      const bought = await client(carol).purchaseLicense(work.workId, id);
      expect(bought.fee).to.equal(1_000n);
      expect(bought.end - bought.start).to.equal(86_400n);
      expect(await client(carol).isLicensed(work.workId, carol.address, id)).to.equal(true);
      expect(await client(carol).feeSplit(work.workId, 1_000n)).to.deep.equal([
        { account: alice.address, amount: 600n },
        { account: bob.address, amount: 400n },
      ]);
      // A remix licensed on 10%-royalty terms pays its revenue: 10% to the song's authors, the rest to the remixer.
      const { termsId: royaltyTerms } = await client(alice).registerTerms({
        fee: 0n,
        currency: await token.getAddress(),
        derivativesAllowed: true,
        royaltyBps: 1_000,
      });
      await client(alice).attachTerms(work.workId, royaltyTerms);
      await client(carol).purchaseLicense(work.workId, royaltyTerms);
      const remix = ethers.id("sdk remix");
      await client(carol).registerDerivative({
        digest: remix,
        algorithm: "sha256",
        authors: [{ account: carol.address, shares: 10_000 }],
        parents: [{ workId: work.workId, termsId: royaltyTerms }],
      });
      await expect(
        client(carol).payRevenue(BigInt(remix), 500n, { currency: await token.getAddress() }),
      ).to.be.rejectedWith(WorkNotSettledError, "refuses to take revenue for it");
      await settle(remix);
      const revenue = await client(carol).payRevenue(BigInt(remix), 500n, { currency: await token.getAddress() });
      expect(revenue.royalties).to.equal(50n);
      expect(await client(carol).creditOf(carol.address, await token.getAddress())).to.equal(450n);
      const withdrawn = await client(bob).withdraw(await token.getAddress());
      expect(withdrawn.amount).to.equal(400n + 20n);
      expect(await token.balanceOf(bob.address)).to.equal(420n);
      expect(await client(bob).creditOf(bob.address, await token.getAddress())).to.equal(0n);
    });

    it("decodes reverts into ContractRevertError with the contract's arguments", async function () {
      const { alice, bob, client } = await networkHelpers.loadFixture(deployFixture);
      const digest = ethers.id("dup");
      const authors = [{ account: alice.address, shares: 10_000 }];
      const { workId } = await client(alice).registerWork({ digest, algorithm: "sha256", authors });
      const { priorityTime } = await client(bob).getWork(workId);
      expect(await revertOf(client(bob).registerWork({ digest, algorithm: "sha256", authors }))).to.deep.equal({
        name: "WorkAlreadyRegistered",
        args: { workId, owner: alice.address, priorityTime: BigInt(priorityTime) },
      });
      expect(await revertOf(client(bob).getWork(1n))).to.deep.equal({ name: "WorkNotFound", args: { workId: 1n } });
      const readOnly = new CopyrightClient({ registry: await client(bob).registry.getAddress() }, ethers.provider);
      await readOnly.commit(digest).then(
        () => expect.fail("expected NO_SIGNER"),
        (e: SdkError) => expect(e.code).to.equal("NO_SIGNER"),
      );
      await readOnly.raiseDispute(1n, digest).then(
        () => expect.fail("expected InvalidInputError"),
        (e: unknown) => expect(e).to.be.instanceOf(InvalidInputError),
      );
      expect(() => new CopyrightClient({ registry: "nowhere" }, ethers.provider)).to.throw(InvalidInputError);
    });

    it("disables terms and sublicenses, with typed errors for what the registry refuses", async function () {
      const { alice, bob, carol, client, settle } = await networkHelpers.loadFixture(deployFixture);
      const digest = ethers.id("sublicensed song");
      const { workId } = await client(alice).registerWork({
        digest,
        algorithm: "keccak256",
        authors: [{ account: alice.address, shares: 10_000 }],
      });
      const { termsId: id, terms } = await client(alice).registerTerms({
        fee: 0n,
        sublicensable: true,
        duration: 600n,
      });
      expect(terms.sublicensable).to.equal(true);
      await client(alice).attachTerms(workId, id);
      await settle(workId);
      const bought = await client(bob).purchaseLicense(workId, id);
      await client(bob).sublicense(workId, id, carol.address);
      const sub = await client(carol).getLicense(workId, carol.address, id);
      expect(sub.sublicensed).to.equal(true);
      expect(sub.end).to.equal(bought.end);
      expect(await revertOf(client(carol).sublicense(workId, id, alice.address))).to.deep.equal({
        name: "SublicenseeCannotSublicense",
        args: { workId, account: carol.address, termsId: id },
      });
      await client(alice).disableTerms(workId, id);
      expect(await revertOf(client(carol).purchaseLicense(workId, id))).to.deep.equal({
        name: "TermsNotAttached",
        args: { workId, termsId: id },
      });
      expect((await client(carol).getTerms(id)).sublicensable).to.equal(true);
      expect(await client(carol).chainId()).to.equal(31337n);
    });

    it("signs a registration for an ERC-1271 wallet, which owns the work; the request names it", async function () {
      const { alice, relayer, client } = await networkHelpers.loadFixture(deployFixture);
      const wallet = await ethers.deployContract("CopyrightTestWallet", [alice.address]);
      const walletAddress = await wallet.getAddress();
      const relay = client(relayer).relay!;
      const authors = [{ account: walletAddress, shares: 10_000 }];
      const deadline = BigInt(await networkHelpers.time.latest()) + 3_600n;
      const request = { digest: ethers.id("wallet song"), algorithm: 2, authors, deadline };
      const signed = await signRegistration(alice, relay, request, { onBehalfOf: walletAddress.toLowerCase() });
      expect(signed.creator).to.equal(walletAddress);
      // Relayed for the owner instead, the signature is refused with a typed error.
      const redirected = await client(relayer)
        .relayRegistration({ ...signed, creator: alice.address })
        .catch((e: unknown) => e);
      expect(redirected).to.be.instanceOf(ContractRevertError);
      expect((redirected as ContractRevertError).errorName).to.equal("InvalidSignature");
      expect((redirected as ContractRevertError).args.signer).to.equal(alice.address);
      const { workId } = await client(relayer).relayRegistration(signed);
      expect((await client(relayer).getWork(workId)).owner).to.equal(walletAddress);
      expect(await relay.isNonceUsed(walletAddress, 0n)).to.equal(true);
      const error = await signRegistration(alice, relay, request, { onBehalfOf: "wallet" }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(InvalidInputError);
      expect((error as InvalidInputError).message).to.equal('onBehalfOf is not an address: "wallet"');
    });

    it("relays a signed registration, grants and derives, and settles a dispute", async function () {
      const { admin, alice, bob, carol, relayer, client, evidence, settle } =
        await networkHelpers.loadFixture(deployFixture);
      const digest = ethers.id("relayed song");
      const authors = [{ account: alice.address, shares: 10_000 }];
      const relay = client(relayer).relay!;
      const deadline = BigInt(await networkHelpers.time.latest()) + 3_600n;
      const signed = await signRegistration(alice, relay, { digest, algorithm: 2, authors, deadline });
      const { workId } = await client(relayer).relayRegistration(signed);
      expect((await client(relayer).getWork(workId)).owner).to.equal(alice.address);

      const { termsId: id } = await client(alice).registerTerms({ fee: 0n, derivativesAllowed: true });
      expect(id).to.equal(termsId(buildTerms({ fee: 0n, derivativesAllowed: true })));
      await settle(workId);
      await client(alice).grantLicense(workId, id, bob.address);
      const remix = ethers.id("remix");
      await client(bob).registerDerivative({
        digest: remix,
        algorithm: "sha256",
        authors: [{ account: bob.address, shares: 10_000 }],
        parents: [{ workId, termsId: id }],
      });
      expect((await client(bob).getWork(remix)).parents).to.deep.equal([workId]);
      await settle(remix);
      const paid = await client(carol).payRevenue(BigInt(remix), 1_000n);
      expect(paid.royalties).to.equal(0n);
      expect(await client(bob).creditOf(bob.address)).to.equal(1_000n);

      const original = ethers.id("original master tape");
      await evidence.connect(alice).anchor(original, 2, ethers.ZeroHash);
      const { disputeId } = await client(alice).raiseDispute(BigInt(remix), original);
      const raised = await client(carol).getDispute(disputeId);
      expect(raised.status).to.equal("open");
      expect(raised.priorityTime).to.equal((await client(carol).getWork(remix)).priorityTime);
      expect(raised.evidenceTime).to.be.greaterThan(raised.priorityTime);
      expect(raised.earlier).to.equal("work");
      await client(admin).resolveDispute(disputeId, true, alice.address);
      const frozen = await client(carol).getWork(remix);
      expect(frozen.frozen).to.equal(true);
      // The award settled it.
      expect(frozen.settled).to.equal(true);
      expect(frozen.owner).to.equal(alice.address);
      expect(await client(carol).payeesOf(BigInt(remix))).to.deep.equal([{ account: alice.address, shares: 10_000 }]);
      expect(await client(carol).registeredAuthors(BigInt(remix))).to.deep.equal([
        { account: bob.address, shares: 10_000 },
      ]);
      expect((await client(carol).getDispute(disputeId)).status).to.equal("upheld");
      expect((await client(carol).getDispute(99n)).status).to.equal("none");
      await client(admin).unfreeze(BigInt(remix));
      expect((await client(carol).getWork(remix)).frozen).to.equal(false);
      expect(await revertOf(client(admin).unfreeze(BigInt(remix)))).to.deep.equal({
        name: "NotFrozen",
        args: { workId: BigInt(remix) },
      });
      expect(await revertOf(client(carol).unfreeze(BigInt(remix)))).to.deep.equal({
        name: "AccessControlUnauthorizedAccount",
        args: { account: carol.address, neededRole: await client(carol).disputes!.ARBITRATOR_ROLE() },
      });
    });

    it("finds the payees after a transfer, and the licenses and derivatives of a work from its events", async function () {
      const { alice, bob, carol, relayer, token, client, settle } = await networkHelpers.loadFixture(deployFixture);
      const digest = ethers.id("assigned song");
      const authors = [
        { account: alice.address, shares: 7_000 },
        { account: bob.address, shares: 3_000 },
      ];
      const { workId } = await client(alice).registerWork({ digest, algorithm: "sha256", authors });
      const currency = await token.getAddress();
      const { termsId: paid } = await client(alice).registerTerms({
        fee: 100n,
        currency,
        duration: 3_600n,
        derivativesAllowed: true,
        sublicensable: true,
      });
      await client(alice).attachTerms(workId, paid);
      await settle(workId);
      const bought = await client(carol).purchaseLicense(workId, paid);
      await client(carol).sublicense(workId, paid, relayer.address);
      const remix = ethers.id("assigned remix");
      await client(carol).registerDerivative({
        digest: remix,
        algorithm: "sha256",
        authors: [{ account: carol.address, shares: 10_000 }],
        parents: [{ workId, termsId: paid }],
      });

      await client(alice).transferWork(workId, bob.address);
      expect(await client(carol).payeesOf(workId)).to.deep.equal([{ account: bob.address, shares: 10_000 }]);
      expect(await client(carol).registeredAuthors(workId)).to.deep.equal(authors);
      expect(await client(carol).feeSplit(workId, 100n)).to.deep.equal([{ account: bob.address, amount: 100n }]);
      // The renewal pays the new holder.
      await client(carol).purchaseLicense(workId, paid);
      expect(await client(bob).creditOf(bob.address, currency)).to.equal(30n + 100n);

      const licenses = await client(carol).licensesOf(workId);
      expect(licenses.map((l) => [l.licensee, l.termsId, l.sublicensedBy])).to.deep.equal([
        [relayer.address, paid, carol.address],
        [carol.address, paid, undefined],
      ]);
      const [sub, renewed] = licenses;
      expect(renewed.start).to.equal(bought.start);
      expect(renewed.end).to.equal(bought.end + 3_600n);
      expect(renewed.fee).to.equal(100n);
      expect(sub.end).to.equal(bought.end);
      expect(sub.fee).to.equal(0n);

      const derivatives = await client(carol).derivativesOf(workId);
      expect(derivatives).to.have.length(1);
      expect(derivatives[0].workId).to.equal(BigInt(remix));
      expect(derivatives[0].termsId).to.equal(paid);
      expect(derivatives[0].parentLicenseUntil).to.equal(renewed.end);
      expect(await client(carol).derivativesOf(BigInt(remix))).to.deep.equal([]);
      expect(await client(carol).workTerms(workId)).to.deep.equal([{ termsId: paid, onSale: true }]);
    });

    it("forgets the licenses of an epoch ended by a takeover", async function () {
      const { admin, alice, bob, carol, client, evidence, settle } = await networkHelpers.loadFixture(deployFixture);
      const digest = ethers.id("disputed song");
      const { workId } = await client(bob).registerWork({
        digest,
        algorithm: "sha256",
        authors: [{ account: bob.address, shares: 10_000 }],
      });
      const { termsId: free } = await client(bob).registerTerms({ fee: 0n });
      await settle(workId);
      await client(bob).grantLicense(workId, free, carol.address);
      expect(await client(carol).licensesOf(workId)).to.have.length(1);
      const proof = ethers.id("alice's master");
      await evidence.connect(alice).anchor(proof, 2, ethers.ZeroHash);
      const { disputeId } = await client(alice).raiseDispute(workId, proof);
      await client(admin).resolveDispute(disputeId, true, alice.address);
      expect(await client(carol).licensesOf(workId)).to.deep.equal([]);
      expect(await client(carol).isLicensed(workId, carol.address, free)).to.equal(false);
      await client(admin).unfreeze(workId);
      await client(alice).grantLicense(workId, free, carol.address);
      const licenses = await client(carol).licensesOf(workId);
      expect(licenses.map((l) => l.licensee)).to.deep.equal([carol.address]);
      expect(await client(carol).payeesOf(workId)).to.deep.equal([{ account: alice.address, shares: 10_000 }]);
    });

    it("administers: pause, base URI, royalty rate, registrar registration; checks input first", async function () {
      const { admin, alice, bob, client } = await networkHelpers.loadFixture(deployFixture);
      const digest = ethers.id("administered song");
      const authors = [{ account: alice.address, shares: 10_000 }];
      await client(admin).pause();
      expect(await client(bob).paused()).to.equal(true);
      expect(await revertOf(client(alice).registerWork({ digest, algorithm: "sha256", authors }))).to.deep.equal({
        name: "EnforcedPause",
        args: {},
      });
      await client(admin).unpause();
      expect(await client(bob).paused()).to.equal(false);

      const registry = client(admin).registry;
      // The deployment renounced the setup role: the admin takes it to grant the registrar role.
      await (await registry.grantRole(await registry.SETUP_ROLE(), admin.address)).wait();
      await (await registry.grantRole(await registry.REGISTRAR_ROLE(), bob.address)).wait();
      const { workId } = await client(bob).registerWorkFor(alice.address, { digest, algorithm: "sha256", authors });
      expect((await client(bob).getWork(workId)).owner).to.equal(alice.address);
      expect(
        await revertOf(
          client(alice).registerWorkFor(alice.address, { digest: ethers.id("x"), algorithm: "sha256", authors }),
        ),
      ).to.deep.equal({
        name: "AccessControlUnauthorizedAccount",
        args: { account: alice.address, neededRole: await registry.REGISTRAR_ROLE() },
      });

      await client(alice).setWorkRoyalty(workId, 250);
      expect(await client(bob).royaltyInfo(workId, 10_000n)).to.deep.equal({ receiver: alice.address, amount: 250n });
      await client(admin).setBaseURI("https://works.example/");
      expect(await registry.tokenURI(workId)).to.equal(`https://works.example/${workId}`);
      expect(await revertOf(client(alice).setBaseURI("https://evil.example/"))).to.deep.equal({
        name: "AccessControlUnauthorizedAccount",
        args: { account: alice.address, neededRole: ethers.ZeroHash },
      });

      await expect(client(alice).setWorkRoyalty(workId, 10_001)).to.be.rejectedWith(
        InvalidInputError,
        "royalty must be 0 to 10,000 basis points",
      );
      await expect(client(alice).setWorkRoyalty(workId, 1.5)).to.be.rejectedWith(
        InvalidInputError,
        "royalty must be 0 to 10,000 basis points",
      );
      await expect(client(alice).isLicensed(workId, "nobody", ethers.ZeroHash)).to.be.rejectedWith(
        InvalidInputError,
        'account is not an address: "nobody"',
      );
      await expect(client(alice).getLicense(workId, alice.address, "0x12")).to.be.rejectedWith(
        InvalidInputError,
        "terms id must be 32 bytes",
      );
      await expect(client(alice).creditOf(alice.address, "yuan")).to.be.rejectedWith(
        InvalidInputError,
        'currency is not an address: "yuan"',
      );
      await expect(
        client(alice).registerWorkFor("nobody", { digest, algorithm: "sha256", authors }),
      ).to.be.rejectedWith(InvalidInputError, 'creator is not an address: "nobody"');
      expect(await client(alice).royaltyInfo(workId, 10_000n)).to.deep.equal({ receiver: alice.address, amount: 250n });
    });
  });
});
