// Every suite's client refuses an address without code on its first use (a send, a read or a history), with the same
// typed error; a transaction that succeeds without the event a client waits for is an EventNotEmittedError.
import { expect } from "chai";
import { network } from "hardhat";

import { BillsClient } from "../../src/bills/client.js";
import { CopyrightClient } from "../../src/copyright/client.js";
import { DeploymentNotFoundError, EventNotEmittedError, SdkError } from "../../src/errors.js";
import { EvidenceClient } from "../../src/evidence/client.js";
import { hashBytes } from "../../src/hash.js";
import { ParticipantsClient } from "../../src/participants/client.js";
import { sendAndFind } from "../../src/transactions.js";
import { addressOf } from "../helpers/addresses.js";

const { ethers, networkHelpers } = await network.create();

/** The error `promise` is rejected with; fails the test if it fulfils. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected a refusal"),
    (error: unknown) => error,
  );
}

async function expectNoDeployment(promise: Promise<unknown>, contractName: string, address: string): Promise<void> {
  const error = await failureOf(promise);
  expect(error).to.be.instanceOf(DeploymentNotFoundError);
  expect((error as SdkError).code).to.equal("DEPLOYMENT_NOT_FOUND");
  expect((error as Error).message).to.equal(
    `no ${contractName} at ${address} on chain 31337: wrong network or address?`,
  );
}

describe("SDK clients: shared deployment check and event check", function () {
  const empty = addressOf("no contract here");

  it("EvidenceClient refuses an address without code on a send, a read and a history", async function () {
    const [signer] = await ethers.getSigners();
    const client = new EvidenceClient(empty, signer);
    await expectNoDeployment(client.anchor(hashBytes("a"), "sha256"), "EvidenceRegistry", empty);
    await expectNoDeployment(client.verify(hashBytes("a")), "EvidenceRegistry", empty);
    await expectNoDeployment(client.recordsOf(signer.address).page(), "EvidenceRegistry", empty);
  });

  it("BillsClient refuses an address without code on a send, a read and a history", async function () {
    const [signer] = await ethers.getSigners();
    const client = new BillsClient(empty, signer);
    await expectNoDeployment(client.accept(1n), "SupplyChainBills", empty);
    await expectNoDeployment(client.package(1n), "SupplyChainBills", empty);
    await expectNoDeployment(client.part(1n << 24n), "SupplyChainBills", empty);
    await expectNoDeployment(client.history(1n), "SupplyChainBills", empty);
    await expectNoDeployment(client.partsOf(signer.address).all(), "SupplyChainBills", empty);
  });

  it("ParticipantsClient refuses an address without code on a send, a read and a history", async function () {
    const [signer, other] = await ethers.getSigners();
    const client = new ParticipantsClient(empty, signer);
    await expectNoDeployment(client.suspend(other.address), "ParticipantRegistry", empty);
    await expectNoDeployment(client.get(other.address), "ParticipantRegistry", empty);
    await expectNoDeployment(client.isActive(other.address), "ParticipantRegistry", empty);
    await expectNoDeployment(client.history(other.address), "ParticipantRegistry", empty);
  });

  it("CopyrightClient refuses a registry, disputes or relay address without code", async function () {
    const [signer] = await ethers.getSigners();
    const disputes = addressOf("no disputes here");
    const relay = addressOf("no relay here");
    const client = new CopyrightClient({ registry: empty, disputes, relay }, signer);
    await expectNoDeployment(client.creditOf(signer.address), "CopyrightRegistry", empty);
    await expectNoDeployment(client.paused(), "CopyrightRegistry", empty);
    await expectNoDeployment(client.worksOf(signer.address).page(), "CopyrightRegistry", empty);
    await expectNoDeployment(client.licensesOf(1n), "CopyrightRegistry", empty);
    await expectNoDeployment(client.getDispute(1n), "CopyrightDisputes", disputes);
    await expectNoDeployment(client.raiseDispute(1n, hashBytes("e")), "CopyrightDisputes", disputes);
  });

  it("checks again after a refusal, so code deployed later is found", async function () {
    const [signer] = await ethers.getSigners();
    const later = addressOf("participants deployed later");
    const client = new ParticipantsClient(later, signer, { timeUnitsPerSecond: 1 });
    await expectNoDeployment(client.isActive(signer.address), "ParticipantRegistry", later);
    const registry = await ethers.deployContract("ParticipantRegistry", [signer.address, signer.address]);
    await networkHelpers.setCode(later, (await ethers.provider.getCode(await registry.getAddress()))!);
    expect(await client.isActive(signer.address)).to.equal(false);
  });

  it("a send that emits no expected event is EventNotEmittedError (EVENT_NOT_EMITTED), with the transaction", async function () {
    const [signer] = await ethers.getSigners();
    // Code that stops at once: every call succeeds and emits nothing.
    const silent = addressOf("silent disputes");
    await networkHelpers.setCode(silent, "0x00");
    const registry = await ethers.deployContract("EvidenceRegistry");
    const client = new CopyrightClient({ registry: await registry.getAddress(), disputes: silent }, signer);
    const error = await failureOf(client.raiseDispute(1n, hashBytes("e")));
    expect(error).to.be.instanceOf(EventNotEmittedError);
    expect((error as SdkError).code).to.equal("EVENT_NOT_EMITTED");
    expect((error as EventNotEmittedError).event).to.equal("DisputeRaised");
    expect((error as Error).message).to.match(
      new RegExp(`^transaction 0x[0-9a-f]{64} succeeded but ${silent} emitted no DisputeRaised: not the expected`),
    );
  });

  it("sendAndFind returns the expected events in order, and the contract's own events only", async function () {
    const [signer] = await ethers.getSigners();
    const registry = await ethers.deployContract("EvidenceRegistry");
    const digest = hashBytes("found");
    const sent = await sendAndFind(
      { address: await registry.getAddress(), interface: registry.interface },
      () => registry.connect(signer).anchorWithURI(digest, 2, "ipfs://found"),
      "MetadataURI",
      { name: "Anchored", where: (event) => event.args.id === digest },
    );
    expect(sent.found.map((event) => event.name)).to.deep.equal(["MetadataURI", "Anchored"]);
    expect(sent.events.map((event) => event.name)).to.have.members(["Anchored", "MetadataURI"]);
    expect(sent.transaction).to.match(/^0x[0-9a-f]{64}$/);
  });
});
