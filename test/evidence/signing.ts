// SDK signing: delegated anchors and co-signatures for EOAs and ERC-1271 wallets, nonces signed ahead, and signed
// requests as JSON files relayed by someone else.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { network } from "hardhat";

import { InvalidInputError, WrongNetworkError } from "../../src/errors.js";
import { EvidenceClient } from "../../src/evidence/client.js";
import { toBytes32 } from "../../src/input.js";
import { addressOf } from "../helpers/addresses.js";
import { revertOf } from "../helpers/sdk.js";
import { hashBytes } from "../../src/hash.js";
import {
  formatSignedRequest,
  invalidateNonces,
  isNonceUsed,
  parseSignedRequest,
  readSignedRequest,
  signAnchor,
  signCosign,
  unusedNonces,
  type SignedRequest,
} from "../../src/evidence/signing.js";

const { ethers, networkHelpers } = await network.create();

async function deployFixture() {
  const [submitter, relayer, owner, witness, other] = await ethers.getSigners();
  const registry = await ethers.deployContract("EvidenceRegistry");
  const address = await registry.getAddress();
  // The wallet accepts its owner's ECDSA signatures over any hash.
  const wallet = await ethers.deployContract("ERC1271WalletMock", [owner.address]);
  const walletAddress = await wallet.getAddress();
  const { chainId } = await ethers.provider.getNetwork();
  return {
    registry,
    address,
    chainId,
    walletAddress,
    client: new EvidenceClient(address, submitter),
    relay: new EvidenceClient(address, relayer),
    submitter,
    relayer,
    owner,
    witness,
    other,
  };
}

async function deadline(): Promise<bigint> {
  return BigInt((await networkHelpers.time.latest()) + 3600);
}

describe("evidence SDK: signing and relaying", function () {
  describe("signAnchor / relayAnchor", function () {
    it("signs for the signer by default, naming it as submitter with its lowest unused nonce", async function () {
      const { registry, relay, submitter, relayer } = await networkHelpers.loadFixture(deployFixture);
      const digest = hashBytes("gasless");
      const signed = await signAnchor(submitter, registry, {
        digest,
        algorithm: 2,
        metadata: toBytes32("meta"),
        deadline: await deadline(),
      });
      expect(signed).to.include({ submitter: submitter.address, nonce: 0n, metadata: toBytes32("meta") });

      const balanceBefore = await ethers.provider.getBalance(submitter.address);
      await relay.relayAnchor(signed);
      expect(await ethers.provider.getBalance(submitter.address)).to.equal(balanceBefore);
      const status = await relay.verify(digest);
      expect(status).to.include({ exists: true, submitter: submitter.address, algorithm: 2 });
      expect(await isNonceUsed(registry, submitter.address, 0n)).to.equal(true);
      expect(await isNonceUsed(registry, relayer.address, 0n)).to.equal(false);
      expect(await revertOf(relay.relayAnchor(signed))).to.deep.equal({
        name: "NonceAlreadyUsed",
        args: { owner: submitter.address, nonce: 0n },
      });
      const next = await signAnchor(submitter, registry, {
        digest: hashBytes("next"),
        algorithm: 2,
        deadline: 1n << 40n,
      });
      expect(next.nonce).to.equal(1n);
    });

    it("signs on behalf of an ERC-1271 wallet: the wallet is the submitter and its nonce is used", async function () {
      const { registry, relay, owner, walletAddress } = await networkHelpers.loadFixture(deployFixture);
      const digest = hashBytes("wallet's document");
      const signed = await signAnchor(
        owner,
        registry,
        { digest, algorithm: 4, deadline: await deadline() },
        { onBehalfOf: walletAddress },
      );
      expect(signed).to.include({ submitter: walletAddress, nonce: 0n });
      await relay.relayAnchor(signed);
      expect((await relay.verify(digest)).submitter).to.equal(walletAddress);
      expect(await isNonceUsed(registry, walletAddress, 0n)).to.equal(true);
      expect(await isNonceUsed(registry, owner.address, 0n)).to.equal(false);
    });

    it("signs several requests ahead with distinct unused nonces, relayed in any order", async function () {
      const { registry, relay, submitter } = await networkHelpers.loadFixture(deployFixture);
      const until = await deadline();
      const nonces = await unusedNonces(registry, submitter.address, 3);
      expect(nonces).to.deep.equal([0n, 1n, 2n]);
      const signed = [];
      for (const nonce of nonces) {
        signed.push(
          await signAnchor(
            submitter,
            registry,
            { digest: hashBytes(`ahead ${nonce}`), algorithm: 2, deadline: until },
            { nonce },
          ),
        );
      }
      for (const request of [signed[2], signed[0], signed[1]]) await relay.relayAnchor(request);
      expect(await registry.nonceBitmap(submitter.address, 0n)).to.equal(0b111n);
      for (let i = 0; i < 3; i++) expect((await relay.verify(hashBytes(`ahead ${i}`))).exists).to.equal(true);
      expect(await unusedNonces(registry, submitter.address, 2, 1n)).to.deep.equal([3n, 4n]);
    });

    it("finds the lowest unused nonces across words, around invalidated ones", async function () {
      const { registry, submitter, other } = await networkHelpers.loadFixture(deployFixture);
      await registry.connect(submitter).invalidateNonces(0n, ethers.MaxUint256);
      await registry.connect(submitter).invalidateNonces(1n, 0b101n);
      expect(await unusedNonces(registry, submitter.address, 3)).to.deep.equal([257n, 259n, 260n]);
      expect(await unusedNonces(registry, other.address)).to.deep.equal([0n]);
      await expect(unusedNonces(registry, other.address, 0)).to.be.rejectedWith(
        InvalidInputError,
        "count must be a positive integer, got 0",
      );
    });

    it("cancels signed requests with invalidateNonces, one transaction per word; the relay then fails", async function () {
      const { registry, relay, submitter } = await networkHelpers.loadFixture(deployFixture);
      const signed = await signAnchor(
        submitter,
        registry,
        { digest: hashBytes("cancelled"), algorithm: 2, deadline: await deadline() },
        { nonce: 300n },
      );
      const mined = await invalidateNonces(submitter, registry, [300n, 2n, 5n]);
      expect(mined).to.have.length(2);
      expect(await registry.nonceBitmap(submitter.address, 0n)).to.equal(0b100100n);
      expect(await registry.nonceBitmap(submitter.address, 1n)).to.equal(1n << 44n);
      expect(await revertOf(relay.relayAnchor(signed))).to.deep.equal({
        name: "NonceAlreadyUsed",
        args: { owner: submitter.address, nonce: 300n },
      });
      await expect(
        signAnchor(submitter, registry, { digest: hashBytes("again"), algorithm: 2, deadline: 1n }, { nonce: 5n }),
      ).to.be.rejectedWith(InvalidInputError, `nonce 5 of ${submitter.address} is already used or invalidated`);
      await expect(invalidateNonces(submitter, registry, [])).to.be.rejectedWith(
        InvalidInputError,
        "no nonce to invalidate",
      );
    });

    it("refuses a bad account, nonce, digest or metadata before signing", async function () {
      const { registry, submitter } = await networkHelpers.loadFixture(deployFixture);
      const request = { digest: hashBytes("x"), algorithm: 2, deadline: 1n };
      await expect(signAnchor(submitter, registry, request, { onBehalfOf: "0x12" })).to.be.rejectedWith(
        InvalidInputError,
        'onBehalfOf is not an address: "0x12"',
      );
      await expect(signAnchor(submitter, registry, request, { nonce: -1n })).to.be.rejectedWith(
        InvalidInputError,
        "nonce must be a uint256, got -1",
      );
      await expect(signAnchor(submitter, registry, { ...request, digest: "0x12" })).to.be.rejectedWith(
        InvalidInputError,
        'digest must be 32 bytes of hex, got "0x12"',
      );
      await expect(signAnchor(submitter, registry, { ...request, metadata: "text" })).to.be.rejectedWith(
        InvalidInputError,
        'metadata must be 32 bytes of hex, got "text"',
      );
      await expect(signCosign(submitter, registry, { id: "0x12", deadline: 1n })).to.be.rejectedWith(
        InvalidInputError,
        'evidence id must be 32 bytes of hex, got "0x12"',
      );
    });
  });

  describe("signCosign / relayCosign", function () {
    async function witnessedFixture() {
      const base = await deployFixture();
      const id = hashBytes("to be witnessed");
      await base.client.anchor(id, "sha256");
      await base.client.requireWitnesses(id, [base.witness.address, base.walletAddress], 2);
      return { ...base, id };
    }

    it("relays an EOA witness's co-signature and then a wallet's, reaching the threshold", async function () {
      const { registry, relay, id, witness, owner, walletAddress, relayer } =
        await networkHelpers.loadFixture(witnessedFixture);
      const signed = await signCosign(witness, registry, { id, deadline: await deadline() });
      expect(signed).to.include({ id, witness: witness.address, nonce: 0n });
      await relay.relayCosign(signed);
      expect(await relay.verify(id)).to.include({ witnessSignatures: 1, witnessThreshold: 2, witnessed: false });
      expect(await registry.hasCosigned(id, witness.address)).to.equal(true);
      expect(await isNonceUsed(registry, witness.address, 0n)).to.equal(true);
      expect(await isNonceUsed(registry, relayer.address, 0n)).to.equal(false);

      const byWallet = await signCosign(
        owner,
        registry,
        { id, deadline: await deadline() },
        { onBehalfOf: walletAddress },
      );
      expect(byWallet).to.include({ witness: walletAddress, nonce: 0n });
      await relay.relayCosign(byWallet);
      expect(await relay.verify(id)).to.include({ witnessSignatures: 2, witnessed: true });
      expect(await registry.hasCosigned(id, walletAddress)).to.equal(true);
      expect(await registry.hasCosigned(id, owner.address)).to.equal(false);
      expect(await isNonceUsed(registry, owner.address, 0n)).to.equal(false);
    });

    it("shares the nonce bitmap with anchors: a co-signature signed ahead with nonce 1", async function () {
      const { registry, relay, id, witness } = await networkHelpers.loadFixture(witnessedFixture);
      const until = await deadline();
      const anchor = await signAnchor(witness, registry, {
        digest: hashBytes("witness's own"),
        algorithm: 2,
        deadline: until,
      });
      const cosign = await signCosign(witness, registry, { id, deadline: until }, { nonce: 1n });
      await relay.relayAnchor(anchor);
      await relay.relayCosign(cosign);
      expect(await registry.hasCosigned(id, witness.address)).to.equal(true);
      expect(await registry.nonceBitmap(witness.address, 0n)).to.equal(0b11n);
    });

    it("decodes the co-signing rules' reverts", async function () {
      const { registry, relay, id, other, witness } = await networkHelpers.loadFixture(witnessedFixture);
      const stranger = await signCosign(other, registry, { id, deadline: await deadline() });
      expect(await revertOf(relay.relayCosign(stranger))).to.deep.equal({
        name: "NotAWitness",
        args: { id, account: other.address },
      });
      await new EvidenceClient(await registry.getAddress(), witness).cosign(id);
      const again = await signCosign(witness, registry, { id, deadline: await deadline() });
      expect(await revertOf(relay.relayCosign(again))).to.deep.equal({
        name: "AlreadyCosigned",
        args: { id, witness: witness.address },
      });
    });
  });

  describe("signed request files", function () {
    let dir: string;
    before(async function () {
      dir = await mkdtemp(path.join(tmpdir(), "evidence-signing-"));
    });

    it("round-trips an anchor and a co-signature through JSON and relays them", async function () {
      const { registry, address, chainId, relay, client, submitter, witness } =
        await networkHelpers.loadFixture(deployFixture);
      const digest = hashBytes("from a file");
      const anchor: SignedRequest = {
        type: "Anchor",
        chainId,
        registry: address,
        ...(await signAnchor(submitter, registry, { digest, algorithm: 3, deadline: await deadline() })),
      };
      const file = path.join(dir, "anchor.json");
      await writeFile(file, formatSignedRequest(anchor));
      const read = await readSignedRequest(file);
      expect(read).to.deep.equal(anchor);
      await relay.relay(read);
      expect((await relay.verify(digest)).submitter).to.equal(submitter.address);

      await client.requireWitnesses(digest, [witness.address], 1);
      const cosign: SignedRequest = {
        type: "Cosign",
        chainId,
        registry: address,
        ...(await signCosign(witness, registry, { id: digest, deadline: await deadline() })),
      };
      expect(parseSignedRequest(formatSignedRequest(cosign))).to.deep.equal(cosign);
      await relay.relay(parseSignedRequest(formatSignedRequest(cosign)));
      expect((await relay.verify(digest)).witnessed).to.equal(true);
    });

    it("refuses a request for another chain or registry, and malformed files naming the field", async function () {
      const { registry, address, chainId, relay, submitter } = await networkHelpers.loadFixture(deployFixture);
      const signed = await signAnchor(submitter, registry, {
        digest: hashBytes("elsewhere"),
        algorithm: 2,
        deadline: 1n << 40n,
      });
      const request: SignedRequest = { type: "Anchor", chainId, registry: address, ...signed };
      await expect(relay.relay({ ...request, chainId: 1n })).to.be.rejectedWith(
        WrongNetworkError,
        `the signed request is for chain 1, but the provider is on chain ${chainId}`,
      );
      const foreign = addressOf("another registry");
      await expect(relay.relay({ ...request, registry: foreign })).to.be.rejectedWith(
        InvalidInputError,
        `the signed request is for registry ${foreign}, not ${address}`,
      );
      expect(await relay.verify(signed.digest)).to.include({ exists: false });

      const json = JSON.parse(formatSignedRequest(request)) as Record<string, unknown>;
      expect(() => parseSignedRequest("{")).to.throw(InvalidInputError, "signed request is not valid JSON");
      expect(() => parseSignedRequest("null")).to.throw(InvalidInputError, '"(root)"');
      for (const [field, value] of [
        ["version", 2],
        ["type", "Revoke"],
        ["chainId", 1],
        ["registry", "0x12"],
        ["digest", "0x12"],
        ["algorithm", 256],
        ["metadata", undefined],
        ["submitter", "nobody"],
        ["nonce", "-1"],
        ["deadline", "soon"],
        ["signature", "zz"],
      ] as const) {
        expect(() => parseSignedRequest({ ...json, [field]: value }), field).to.throw(
          InvalidInputError,
          `signed request field "${field}" is missing or malformed`,
        );
      }
      await expect(readSignedRequest(path.join(dir, "none.json"))).to.be.rejectedWith(
        InvalidInputError,
        `signed request not found: ${path.join(dir, "none.json")}`,
      );
    });
  });
});
