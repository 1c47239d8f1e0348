import { expect } from "chai";
import { network } from "hardhat";

import { EvidenceClient } from "../../src/evidence/client.js";
import { toBytes32 } from "../../src/input.js";
import { EvidenceReader } from "../../src/verify.js";

const { ethers, networkHelpers } = await network.create();

describe("evidence reader: a record's timeline (browser-safe)", function () {
  it("lists anchored, witnesses required, co-signed, witnessed, revoked and superseded, with block dates", async function () {
    const [alice, w1, w2] = await ethers.getSigners();
    const registry = await ethers.deployContract("EvidenceRegistry");
    const address = await registry.getAddress();
    const as = (signer: typeof alice) => new EvidenceClient(address, signer);
    const id = ethers.id("signed contract v1");
    const next = ethers.id("signed contract v2");
    const anchored = await as(alice).anchor(id, "sha256", { metadata: "contract" });
    await as(alice).requireWitnesses(id, [w1.address, w2.address], 2);
    await networkHelpers.time.increase(3_600);
    await as(w1).cosign(id);
    const witnessed = await as(w2).cosign(id);
    await as(alice).anchor(next, "sha256");
    await as(alice).supersede(id, next);
    const revoked = await as(alice).revoke(id, "withdrawn by the parties");

    const reader = new EvidenceReader(address, ethers.provider);
    const timeline = await reader.timeline(id);
    expect(timeline.map((e) => e.name)).to.deep.equal([
      "Anchored",
      "WitnessesRequired",
      "Cosigned",
      "Cosigned",
      "Witnessed",
      "Superseded",
      "Revoked",
    ]);
    const dateOf = async (block: number) => new Date((await ethers.provider.getBlock(block))!.timestamp * 1000);
    expect(timeline[0]).to.deep.include({
      name: "Anchored",
      submitter: alice.address,
      transaction: anchored.transaction,
      algorithmName: "sha256",
      metadata: toBytes32("contract"),
    });
    expect(timeline[0].date).to.deep.equal(await dateOf(anchored.blockNumber));
    expect(timeline[1]).to.deep.include({ witnesses: [w1.address, w2.address], threshold: 2 });
    expect(timeline[3]).to.deep.include({ witness: w2.address, signatures: 2, transaction: witnessed.transaction });
    expect(timeline[4].date).to.deep.equal(await dateOf(witnessed.blockNumber));
    expect(timeline[4].date.getTime() - timeline[0].date.getTime()).to.be.at.least(3_600_000);
    expect(timeline[5]).to.deep.include({ supersededBy: next });
    expect(timeline[6]).to.deep.include({ reason: toBytes32("withdrawn by the parties") });
    expect(timeline[6].blockTime).to.equal((await ethers.provider.getBlock(revoked.blockNumber))!.timestamp);
    // The replacement's own timeline names the record it supersedes.
    expect((await reader.timeline(next)).map((e) => e.name)).to.deep.equal(["Anchored", "Supersedes"]);
    expect(await reader.timeline(ethers.id("never anchored"))).to.deep.equal([]);
    // The client's history is the reader's, without dates.
    expect(await as(alice).history(id)).to.deep.equal(timeline.map(({ blockTime: _t, date: _d, ...e }) => e));
  });
});
