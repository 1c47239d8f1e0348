import { expect } from "chai";
import { network } from "hardhat";

import CopyrightModule from "../../deploy/modules/Copyright.js";
import { CopyrightClient, CopyrightReader, buildTerms, toWorkId } from "../../src/copyright/index.js";
import { ContractRevertError, InvalidInputError } from "../../src/errors.js";
import { CopyrightReader as BrowserCopyrightReader, EvidenceReader } from "../../src/verify.js";
import { EvidenceClient } from "../../src/evidence/index.js";

const { ethers, ignition, networkHelpers } = await network.create();

describe("copyright reader (browser-safe)", function () {
  async function deployFixture() {
    const [admin, alice, bob, carol] = await ethers.getSigners();
    const deployed = await ignition.deploy(CopyrightModule);
    const addresses = {
      registry: await deployed.copyrightRegistry.getAddress(),
      disputes: await deployed.copyrightDisputes.getAddress(),
    };
    const evidenceAddress = await deployed.evidenceRegistry.getAddress();
    const client = (signer: typeof admin) => new CopyrightClient(addresses, signer);
    const settle = async (workId: bigint | string) => {
      const { settledAt } = await client(admin).getWork(workId);
      if (settledAt > (await networkHelpers.time.latest())) await networkHelpers.time.increaseTo(settledAt);
    };
    return { admin, alice, bob, carol, addresses, evidenceAddress, client, settle };
  }

  it("is the one the browser entry exports, and the client is one", function () {
    expect(BrowserCopyrightReader).to.equal(CopyrightReader);
    expect(CopyrightClient.prototype).to.be.instanceOf(CopyrightReader);
    expect(EvidenceClient.prototype).to.be.instanceOf(EvidenceReader);
  });

  it("tells a work's facts: owner, authors and shares, settled, terms, licenses, parents, derivatives, disputes", async function () {
    const { alice, bob, carol, addresses, evidenceAddress, client, settle } =
      await networkHelpers.loadFixture(deployFixture);
    const digest = ethers.id("song of the river");
    const authors = [
      { account: alice.address, shares: 6_000 },
      { account: bob.address, shares: 4_000 },
    ];
    const { workId } = await client(alice).registerWork({ digest, algorithm: "sha256", authors });
    const reader = new CopyrightReader(addresses, ethers.provider);
    const young = await reader.lookup(workId);
    expect(young.work.settled).to.equal(false);
    expect(young.work.owner).to.equal(alice.address);

    const { termsId: id, terms } = await client(alice).registerTerms({
      fee: 0n,
      derivativesAllowed: true,
      royaltyBps: 500,
    });
    await client(alice).attachTerms(workId, id);
    await settle(workId);
    await client(alice).grantLicense(workId, id, carol.address);
    const remix = ethers.id("river remix");
    const derived = await client(carol).registerDerivative({
      digest: remix,
      algorithm: "sha256",
      authors: [{ account: carol.address, shares: 10_000 }],
      parents: [{ workId, termsId: id }],
    });
    const claim = ethers.id("earlier field recording");
    await new EvidenceClient(evidenceAddress, bob).anchor(claim, "sha256");
    const { disputeId } = await client(bob).raiseDispute(workId, claim);

    const facts = await reader.lookup(digest);
    expect(facts.work.workId).to.equal(workId);
    expect(facts.work.digest).to.equal(digest);
    expect(facts.work.owner).to.equal(alice.address);
    expect(facts.work.settled).to.equal(true);
    expect(facts.work.algorithmName).to.equal("sha256");
    expect(facts.authors).to.deep.equal(authors);
    expect(facts.payees).to.deep.equal(authors);
    expect(facts.terms).to.deep.equal([{ termsId: id, onSale: true, terms }]);
    expect(facts.licenses.map((l) => [l.licensee, l.termsId, l.fee])).to.deep.equal([[carol.address, id, 0n]]);
    expect(facts.parents).to.deep.equal([]);
    expect(facts.derivatives.map((d) => [d.workId, d.termsId, d.transaction])).to.deep.equal([
      [BigInt(remix), id, derived.transaction],
    ]);
    expect(facts.disputes).to.have.length(1);
    expect(facts.disputes[0]).to.deep.include({
      disputeId,
      workId,
      evidenceId: claim,
      claimant: bob.address,
      status: "open",
      earlier: "work",
    });

    const child = await reader.lookup(BigInt(remix));
    expect(child.parents).to.deep.equal([{ workId, termsId: id }]);
    expect(child.work.owner).to.equal(carol.address);
    expect(child.disputes).to.deep.equal([]);
    expect(buildTerms({ fee: 0n, derivativesAllowed: true, royaltyBps: 500 })).to.deep.equal(terms);

    // Without a disputes address the reader still tells the rest, and says it has none when asked for them.
    const registryOnly = new CopyrightReader({ registry: addresses.registry }, ethers.provider);
    expect((await registryOnly.lookup(workId)).disputes).to.deep.equal([]);
    await expect(registryOnly.disputesOf(workId)).to.be.rejectedWith(InvalidInputError, "without a disputes address");
  });

  it("refuses an unregistered work and a malformed id with one clear error", async function () {
    const { addresses } = await networkHelpers.loadFixture(deployFixture);
    const reader = new CopyrightReader(addresses, ethers.provider);
    const missing = ethers.id("never registered");
    await expect(reader.lookup(missing)).to.be.rejectedWith(ContractRevertError, /WorkNotFound/);
    expect(() => toWorkId("0x1234")).to.throw(InvalidInputError, 'not a work id or digest: "0x1234"');
    await expect(reader.lookup("not an id")).to.be.rejectedWith(InvalidInputError, "not a work id or digest");
  });
});
