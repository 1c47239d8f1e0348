import { expect } from "chai";
import type { Signer, TypedDataDomain } from "ethers";

import {
  ANCHOR_TYPES,
  type AnchorRequest,
  type CosignRequest,
  KECCAK256,
  MAX_ALGORITHM,
  SHA256,
  SM3,
  addressOf,
  deployRegistry,
  digestOf,
  ethers,
  expectNoStateChange,
  futureDeadline,
  minedAt,
  networkHelpers,
  signAnchor,
  signCosign,
} from "./helpers.js";

const { loadFixture } = networkHelpers;
const ZERO = ethers.ZeroHash;
// secp256k1 group order: (r, n - s, v ^ 1) is the malleated twin of a valid signature.
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

async function deployWithWallet() {
  const base = await deployRegistry();
  // The wallet accepts the ECDSA signatures of its owner, carol.
  const wallet = await ethers.deployContract("ERC1271WalletMock", [base.carol.address]);
  return { ...base, wallet, walletAddress: await wallet.getAddress() };
}

async function anchorRequest(digest: string, submitter: string, nonce = 0n): Promise<AnchorRequest> {
  return {
    digest,
    algorithm: SHA256,
    metadata: digestOf(`${digest} metadata`),
    submitter,
    nonce,
    deadline: await futureDeadline(),
  };
}

function malleate(signature: string): string {
  const sig = ethers.Signature.from(signature);
  return ethers.concat([sig.r, ethers.toBeHex(SECP256K1_N - BigInt(sig.s), 32), sig.v === 27 ? "0x1c" : "0x1b"]);
}

describe("EvidenceRegistry: signed requests", function () {
  describe("anchorBySig", function () {
    it("anchors for the EOA signer, not the relayer, and consumes the signer's nonce", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("delegated"), alice.address);
      const signature = await signAnchor(alice, domain, request);

      const tx = registry
        .connect(relayer)
        .anchorBySig(
          request.digest,
          request.algorithm,
          request.metadata,
          alice.address,
          request.nonce,
          request.deadline,
          signature,
        );
      await expect(tx)
        .to.emit(registry, "Anchored")
        .withArgs(request.digest, alice.address, request.algorithm, request.metadata);

      const record = await registry.getRecord(request.digest);
      expect(record.submitter).to.equal(alice.address);
      expect(record.algorithm).to.equal(request.algorithm);
      expect(record.batch).to.equal(false);
      expect(await registry.isNonceUsed(alice.address, 0n)).to.equal(true);
      expect(await registry.isNonceUsed(relayer.address, 0n)).to.equal(false);
      expect(await registry.nonceBitmap(alice.address, 0n)).to.equal(1n);
    });

    it("lets the signer act as the submitter afterwards", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("delegated"), alice.address);
      const signature = await signAnchor(alice, domain, request);
      await registry
        .connect(relayer)
        .anchorBySig(
          request.digest,
          request.algorithm,
          request.metadata,
          alice.address,
          request.nonce,
          request.deadline,
          signature,
        );

      await expect(registry.connect(relayer).revoke(request.digest, ZERO))
        .to.be.revertedWithCustomError(registry, "NotSubmitter")
        .withArgs(request.digest, relayer.address, alice.address);
      await expect(registry.connect(alice).revoke(request.digest, ZERO))
        .to.emit(registry, "Revoked")
        .withArgs(request.digest, alice.address, ZERO);
    });

    it("accepts the signer relaying its own request", async function () {
      const { registry, domain, alice } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("self relayed"), alice.address);
      const signature = await signAnchor(alice, domain, request);
      await expect(
        registry
          .connect(alice)
          .anchorBySig(
            request.digest,
            request.algorithm,
            request.metadata,
            alice.address,
            request.nonce,
            request.deadline,
            signature,
          ),
      )
        .to.emit(registry, "Anchored")
        .withArgs(request.digest, alice.address, request.algorithm, request.metadata);
    });

    it("uses each nonce once, in any order, each in its bit of the signer's bitmap", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const nonces = [7n, 0n, 300n, 2n];
      const signed: { request: AnchorRequest; signature: string }[] = [];
      for (const nonce of nonces) {
        const request = await anchorRequest(digestOf(`request ${nonce}`), alice.address, nonce);
        signed.push({ request, signature: await signAnchor(alice, domain, request) });
      }
      for (const { request, signature } of signed) {
        expect(await registry.isNonceUsed(alice.address, request.nonce)).to.equal(false);
        await registry
          .connect(relayer)
          .anchorBySig(
            request.digest,
            request.algorithm,
            request.metadata,
            alice.address,
            request.nonce,
            request.deadline,
            signature,
          );
        expect(await registry.isNonceUsed(alice.address, request.nonce)).to.equal(true);
        expect((await registry.getRecord(request.digest)).submitter).to.equal(alice.address);
      }
      expect(await registry.nonceBitmap(alice.address, 0n)).to.equal((1n << 7n) | (1n << 0n) | (1n << 2n));
      expect(await registry.nonceBitmap(alice.address, 1n)).to.equal(1n << (300n - 256n));
      expect(await registry.isNonceUsed(alice.address, 1n)).to.equal(false);
    });

    it("rejects a replayed signature with NonceAlreadyUsed(signer, nonce)", async function () {
      const { registry, domain, alice, relayer, outsider } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("replayed"), alice.address);
      const signature = await signAnchor(alice, domain, request);
      const args = [
        request.digest,
        request.algorithm,
        request.metadata,
        alice.address,
        request.nonce,
        request.deadline,
        signature,
      ] as const;
      await registry.connect(relayer).anchorBySig(...args);

      await expectNoStateChange(registry, [request.digest], [alice.address, outsider.address], async () => {
        // The used nonce refuses the request before the duplicate anchor is even noticed.
        await expect(registry.connect(outsider).anchorBySig(...args))
          .to.be.revertedWithCustomError(registry, "NonceAlreadyUsed")
          .withArgs(alice.address, request.nonce);
      });
    });

    it("rejects a signature past its deadline with ExpiredSignature(deadline), and accepts it at the deadline", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("deadline"), alice.address);
      const signature = await signAnchor(alice, domain, request);
      const args = [
        request.digest,
        request.algorithm,
        request.metadata,
        alice.address,
        request.nonce,
        request.deadline,
        signature,
      ] as const;

      await networkHelpers.time.setNextBlockTimestamp(request.deadline + 1n);
      await expectNoStateChange(registry, [request.digest], [alice.address], async () => {
        await expect(registry.connect(relayer).anchorBySig(...args))
          .to.be.revertedWithCustomError(registry, "ExpiredSignature")
          .withArgs(request.deadline);
      });

      const late = await anchorRequest(digestOf("on the deadline"), alice.address);
      const onTime = await signAnchor(alice, domain, late);
      await networkHelpers.time.setNextBlockTimestamp(late.deadline);
      await expect(
        registry
          .connect(relayer)
          .anchorBySig(late.digest, late.algorithm, late.metadata, alice.address, late.nonce, late.deadline, onTime),
      ).to.emit(registry, "Anchored");
    });

    it("checks the deadline before the signature", async function () {
      const { registry, alice, relayer } = await loadFixture(deployRegistry);
      const deadline = BigInt(await networkHelpers.time.latest());
      await expect(
        registry.connect(relayer).anchorBySig(digestOf("x"), SHA256, ZERO, alice.address, 0n, deadline, "0x1234"),
      )
        .to.be.revertedWithCustomError(registry, "ExpiredSignature")
        .withArgs(deadline);
    });

    it("rejects a signature by anyone but the named submitter, or relayed for another submitter", async function () {
      const { registry, domain, alice, bob, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("impersonated"), alice.address);
      // Bob signs a request naming alice; alice's own signature is relayed as if it were bob's.
      const bobSignature = await signAnchor(bob, domain, request);
      const aliceSignature = await signAnchor(alice, domain, request);

      await expectNoStateChange(registry, [request.digest], [alice.address, bob.address], async () => {
        await expect(
          registry
            .connect(relayer)
            .anchorBySig(
              request.digest,
              request.algorithm,
              request.metadata,
              alice.address,
              request.nonce,
              request.deadline,
              bobSignature,
            ),
        )
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(alice.address);
        await expect(
          registry
            .connect(relayer)
            .anchorBySig(
              request.digest,
              request.algorithm,
              request.metadata,
              bob.address,
              request.nonce,
              request.deadline,
              aliceSignature,
            ),
        )
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(bob.address);
      });
    });

    it("rejects a signature over any other field value (digest, algorithm, metadata, deadline, nonce)", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("tampered"), alice.address);
      const signature = await signAnchor(alice, domain, request);
      const submit = (r: AnchorRequest, sig = signature) =>
        registry
          .connect(relayer)
          .anchorBySig(r.digest, r.algorithm, r.metadata, alice.address, r.nonce, r.deadline, sig);

      const tampered: AnchorRequest[] = [
        { ...request, digest: digestOf("another document") },
        { ...request, algorithm: SM3 },
        { ...request, metadata: ZERO },
        { ...request, deadline: request.deadline + 1n },
        // A fresh nonce with the signature over nonce 0: the nonce is part of what was signed.
        { ...request, nonce: 1n },
      ];
      await expectNoStateChange(
        registry,
        tampered.map((r) => r.digest),
        [alice.address],
        async () => {
          for (const r of tampered) {
            await expect(submit(r)).to.be.revertedWithCustomError(registry, "InvalidSignature").withArgs(alice.address);
          }
        },
      );
      await expect(submit(request)).to.emit(registry, "Anchored");
    });

    it("rejects a signature for another domain (chain, contract, name, version)", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("cross domain"), alice.address);
      const domains: TypedDataDomain[] = [
        { ...domain, chainId: 1n },
        { ...domain, verifyingContract: addressOf("other registry") },
        { ...domain, name: "EvidenceRegistry2" },
        { ...domain, version: "2" },
      ];
      for (const other of domains) {
        const signature = await signAnchor(alice, other, request);
        await expect(
          registry
            .connect(relayer)
            .anchorBySig(
              request.digest,
              request.algorithm,
              request.metadata,
              alice.address,
              request.nonce,
              request.deadline,
              signature,
            ),
        )
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(alice.address);
      }
      expect(await registry.nonceBitmap(alice.address, 0n)).to.equal(0n);
    });

    it("rejects malformed, compact (64-byte) and malleated (high-s) signatures", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("malformed"), alice.address);
      const signature = await signAnchor(alice, domain, request);
      const variants = [
        "0x",
        ethers.dataSlice(signature, 0, 64),
        ethers.Signature.from(signature).compactSerialized,
        ethers.concat([signature, "0x00"]),
        malleate(signature),
        ethers.concat([ethers.dataSlice(signature, 0, 64), "0x1d"]),
      ];
      for (const variant of variants) {
        await expect(
          registry
            .connect(relayer)
            .anchorBySig(
              request.digest,
              request.algorithm,
              request.metadata,
              alice.address,
              request.nonce,
              request.deadline,
              variant,
            ),
        )
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(alice.address);
      }
      // The untouched signature still works: only the variants were wrong.
      await expect(
        registry
          .connect(relayer)
          .anchorBySig(
            request.digest,
            request.algorithm,
            request.metadata,
            alice.address,
            request.nonce,
            request.deadline,
            signature,
          ),
      ).to.emit(registry, "Anchored");
    });

    it("never anchors for the zero address", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("nobody"), ethers.ZeroAddress);
      const signature = await signAnchor(alice, domain, request);
      for (const sig of [signature, "0x", ethers.concat([ZERO, ZERO, "0x1b"])]) {
        await expect(
          registry
            .connect(relayer)
            .anchorBySig(
              request.digest,
              request.algorithm,
              request.metadata,
              ethers.ZeroAddress,
              request.nonce,
              request.deadline,
              sig,
            ),
        )
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(ethers.ZeroAddress);
      }
      expect(await registry.exists(request.digest)).to.equal(false);
    });

    it("leaves the nonce unconsumed when the anchor itself fails", async function () {
      const { registry, domain, alice, bob, relayer } = await loadFixture(deployRegistry);
      const taken = digestOf("taken");
      await registry.connect(bob).anchor(taken, KECCAK256, ZERO);
      const time = (await registry.getRecord(taken)).time;

      const cases: [AnchorRequest, string, unknown[]][] = [
        [{ ...(await anchorRequest(ZERO, alice.address)) }, "ZeroDigest", []],
        [{ ...(await anchorRequest(digestOf("no algorithm"), alice.address)), algorithm: 0 }, "UnknownAlgorithm", [0]],
        [
          { ...(await anchorRequest(digestOf("algorithm 128"), alice.address)), algorithm: MAX_ALGORITHM + 1 },
          "UnknownAlgorithm",
          [MAX_ALGORITHM + 1],
        ],
        [await anchorRequest(taken, alice.address), "AlreadyAnchored", [taken, bob.address, time]],
      ];
      await expectNoStateChange(
        registry,
        cases.map(([r]) => r.digest),
        [alice.address, bob.address],
        async () => {
          for (const [request, error, args] of cases) {
            const signature = await signAnchor(alice, domain, request);
            const tx = registry
              .connect(relayer)
              .anchorBySig(
                request.digest,
                request.algorithm,
                request.metadata,
                alice.address,
                request.nonce,
                request.deadline,
                signature,
              );
            if (args.length === 0) await expect(tx).to.be.revertedWithCustomError(registry, error);
            else
              await expect(tx)
                .to.be.revertedWithCustomError(registry, error)
                .withArgs(...args);
          }
        },
      );
    });

    describe("ERC-1271 signer", function () {
      it("anchors for a contract wallet whose owner signed, the wallet being the submitter", async function () {
        const { registry, domain, carol, relayer, wallet, walletAddress } = await loadFixture(deployWithWallet);
        const request = await anchorRequest(digestOf("wallet document"), walletAddress);
        const signature = await signAnchor(carol, domain, request);

        await expect(
          registry
            .connect(relayer)
            .anchorBySig(
              request.digest,
              request.algorithm,
              request.metadata,
              walletAddress,
              request.nonce,
              request.deadline,
              signature,
            ),
        )
          .to.emit(registry, "Anchored")
          .withArgs(request.digest, walletAddress, request.algorithm, request.metadata);
        expect((await registry.getRecord(request.digest)).submitter).to.equal(walletAddress);
        expect(await registry.isNonceUsed(walletAddress, 0n)).to.equal(true);
        expect(await registry.isNonceUsed(carol.address, 0n)).to.equal(false);
        expect(await wallet.OWNER()).to.equal(carol.address);
      });

      it("names the submitter: the owner's signature anchors for the owner or the wallet, never the other", async function () {
        const { registry, domain, carol, relayer, wallet, walletAddress } = await loadFixture(deployWithWallet);
        // Equal nonces (0 and 0): before the Anchor type named its submitter, one signature fitted both accounts.
        expect(await registry.isNonceUsed(carol.address, 0n)).to.equal(false);
        expect(await registry.isNonceUsed(walletAddress, 0n)).to.equal(false);
        const forCarol = await anchorRequest(digestOf("owner's document"), carol.address);
        const forWallet = await anchorRequest(digestOf("wallet's document"), walletAddress);
        const carolSignature = await signAnchor(carol, domain, forCarol);
        const walletSignature = await signAnchor(carol, domain, forWallet);
        // The premise: the wallet accepts any hash its owner signed, so only the request's content can tell them apart.
        const magic = wallet.interface.getFunction("isValidSignature").selector;
        expect(
          await wallet.isValidSignature(ethers.TypedDataEncoder.hash(domain, ANCHOR_TYPES, forCarol), carolSignature),
        ).to.equal(magic);
        const submit = (r: AnchorRequest, submitter: string, sig: string) =>
          registry.connect(relayer).anchorBySig(r.digest, r.algorithm, r.metadata, submitter, r.nonce, r.deadline, sig);

        await expectNoStateChange(
          registry,
          [forCarol.digest, forWallet.digest],
          [carol.address, walletAddress],
          async () => {
            await expect(submit(forCarol, walletAddress, carolSignature))
              .to.be.revertedWithCustomError(registry, "InvalidSignature")
              .withArgs(walletAddress);
            await expect(submit(forWallet, carol.address, walletSignature))
              .to.be.revertedWithCustomError(registry, "InvalidSignature")
              .withArgs(carol.address);
          },
        );
        await expect(submit(forCarol, carol.address, carolSignature))
          .to.emit(registry, "Anchored")
          .withArgs(forCarol.digest, carol.address, forCarol.algorithm, forCarol.metadata);
        await expect(submit(forWallet, walletAddress, walletSignature))
          .to.emit(registry, "Anchored")
          .withArgs(forWallet.digest, walletAddress, forWallet.algorithm, forWallet.metadata);
        expect(await registry.isNonceUsed(carol.address, 0n)).to.equal(true);
        expect(await registry.isNonceUsed(walletAddress, 0n)).to.equal(true);
      });

      it("rejects a signature the wallet does not accept, and a replay", async function () {
        const { registry, domain, alice, carol, relayer, walletAddress } = await loadFixture(deployWithWallet);
        const request = await anchorRequest(digestOf("wallet document"), walletAddress);
        const forged = await signAnchor(alice, domain, request);
        const genuine = await signAnchor(carol, domain, request);
        const submit = (sig: string) =>
          registry
            .connect(relayer)
            .anchorBySig(
              request.digest,
              request.algorithm,
              request.metadata,
              walletAddress,
              request.nonce,
              request.deadline,
              sig,
            );

        await expectNoStateChange(registry, [request.digest], [walletAddress], async () => {
          await expect(submit(forged))
            .to.be.revertedWithCustomError(registry, "InvalidSignature")
            .withArgs(walletAddress);
          await expect(submit("0x"))
            .to.be.revertedWithCustomError(registry, "InvalidSignature")
            .withArgs(walletAddress);
        });
        await submit(genuine);
        await expect(submit(genuine))
          .to.be.revertedWithCustomError(registry, "NonceAlreadyUsed")
          .withArgs(walletAddress, request.nonce);
      });

      it("rejects a contract that does not implement ERC-1271, even with its deployer's signature", async function () {
        const { registry, domain, deployer, relayer } = await loadFixture(deployWithWallet);
        const notAWallet = await ethers.deployContract("EvidenceRegistry");
        const notAWalletAddress = await notAWallet.getAddress();
        const request = await anchorRequest(digestOf("not a wallet"), notAWalletAddress);
        const signature = await signAnchor(deployer, domain, request);
        await expect(
          registry
            .connect(relayer)
            .anchorBySig(
              request.digest,
              request.algorithm,
              request.metadata,
              notAWalletAddress,
              request.nonce,
              request.deadline,
              signature,
            ),
        )
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(notAWalletAddress);
      });
    });
  });

  describe("cosignBySig", function () {
    async function deployWithPolicy() {
      const base = await deployWithWallet();
      const { registry, alice, bob, dave, walletAddress } = base;
      const id = digestOf("witnessed document");
      await registry.connect(alice).anchor(id, SHA256, ZERO);
      const witnesses = [bob.address, walletAddress, dave.address];
      await registry.connect(alice).requireWitnesses(id, witnesses, 2, 0);
      return { ...base, id, witnesses };
    }

    async function cosignRequest(id: string, witness: string, nonce = 0n): Promise<CosignRequest> {
      return { id, witness, nonce, deadline: await futureDeadline() };
    }

    async function submitCosign(
      registry: Awaited<ReturnType<typeof deployWithPolicy>>["registry"],
      relayer: Signer,
      request: CosignRequest,
      signature: string,
      witness = request.witness,
    ) {
      return registry.connect(relayer).cosignBySig(request.id, witness, request.nonce, request.deadline, signature);
    }

    it("co-signs for an EOA witness, whoever relays, and consumes the witness's nonce", async function () {
      const { registry, domain, id, alice, bob, relayer } = await loadFixture(deployWithPolicy);
      const request = await cosignRequest(id, bob.address);
      const tx = submitCosign(registry, relayer, request, await signCosign(bob, domain, request));
      await expect(tx).to.emit(registry, "Cosigned").withArgs(id, alice.address, bob.address, 1);
      await expect(tx).not.to.emit(registry, "Witnessed");

      expect(await registry.hasCosigned(id, bob.address)).to.equal(true);
      expect(await registry.hasCosigned(id, relayer.address)).to.equal(false);
      expect((await registry.getWitnessPolicy(id)).signatures).to.equal(1n);
      expect(await registry.isNonceUsed(bob.address, 0n)).to.equal(true);
      expect(await registry.isNonceUsed(relayer.address, 0n)).to.equal(false);
    });

    it("co-signs for an ERC-1271 wallet witness and reaches the threshold", async function () {
      const { registry, domain, id, alice, bob, carol, relayer, walletAddress } = await loadFixture(deployWithPolicy);
      await registry.connect(bob).cosign(id);
      const request = await cosignRequest(id, walletAddress);
      const tx = submitCosign(registry, relayer, request, await signCosign(carol, domain, request));
      await expect(tx).to.emit(registry, "Cosigned").withArgs(id, alice.address, walletAddress, 2);
      await expect(tx).to.emit(registry, "Witnessed").withArgs(id, alice.address);
      expect(await registry.hasCosigned(id, walletAddress)).to.equal(true);
      expect(await registry.isNonceUsed(walletAddress, 0n)).to.equal(true);
    });

    it("names the witness: the owner's signature co-signs for the owner or its wallet, never the other", async function () {
      const { registry, domain, alice, carol, relayer, walletAddress } = await loadFixture(deployWithPolicy);
      const id = digestOf("owner and wallet witness");
      await registry.connect(alice).anchor(id, SHA256, ZERO);
      await registry.connect(alice).requireWitnesses(id, [carol.address, walletAddress], 2, 0);
      const forCarol = await cosignRequest(id, carol.address);
      const forWallet = await cosignRequest(id, walletAddress);
      const carolSignature = await signCosign(carol, domain, forCarol);
      const walletSignature = await signCosign(carol, domain, forWallet);

      await expectNoStateChange(registry, [id], [carol.address, walletAddress], async () => {
        await expect(submitCosign(registry, relayer, forCarol, carolSignature, walletAddress))
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(walletAddress);
        await expect(submitCosign(registry, relayer, forWallet, walletSignature, carol.address))
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(carol.address);
      });
      await expect(submitCosign(registry, relayer, forCarol, carolSignature))
        .to.emit(registry, "Cosigned")
        .withArgs(id, alice.address, carol.address, 1);
      await expect(submitCosign(registry, relayer, forWallet, walletSignature))
        .to.emit(registry, "Witnessed")
        .withArgs(id, alice.address);
    });

    it("rejects a forged witness and tampered fields with InvalidSignature(witness), a replay NonceAlreadyUsed", async function () {
      const { registry, domain, id, alice, bob, dave, relayer, walletAddress } = await loadFixture(deployWithPolicy);
      const request = await cosignRequest(id, bob.address);
      const signature = await signCosign(bob, domain, request);
      const other = digestOf("other record");
      await registry.connect(alice).anchor(other, SHA256, ZERO);
      await registry.connect(alice).requireWitnesses(other, [bob.address], 1, 0);

      await expectNoStateChange(registry, [id, other], [bob.address, dave.address, walletAddress], async () => {
        // Bob's signature submitted as dave's.
        await expect(submitCosign(registry, relayer, request, signature, dave.address))
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(dave.address);
        // Dave signing a request that names bob.
        await expect(submitCosign(registry, relayer, request, await signCosign(dave, domain, request)))
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(bob.address);
        // The wallet's owner is carol, not bob.
        const walletRequest = await cosignRequest(id, walletAddress);
        await expect(submitCosign(registry, relayer, walletRequest, await signCosign(bob, domain, walletRequest)))
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(walletAddress);
        for (const tampered of [
          { ...request, id: other },
          { ...request, deadline: request.deadline + 1n },
          { ...request, nonce: 1n },
        ]) {
          await expect(submitCosign(registry, relayer, tampered, signature))
            .to.be.revertedWithCustomError(registry, "InvalidSignature")
            .withArgs(bob.address);
        }
      });

      await submitCosign(registry, relayer, request, signature);
      await expect(submitCosign(registry, relayer, request, signature))
        .to.be.revertedWithCustomError(registry, "NonceAlreadyUsed")
        .withArgs(bob.address, request.nonce);
    });

    it("rejects an expired request with ExpiredSignature(deadline)", async function () {
      const { registry, domain, id, bob, relayer } = await loadFixture(deployWithPolicy);
      const request = await cosignRequest(id, bob.address);
      const signature = await signCosign(bob, domain, request);
      await networkHelpers.time.setNextBlockTimestamp(request.deadline + 1n);
      await expectNoStateChange(registry, [id], [bob.address], async () => {
        await expect(submitCosign(registry, relayer, request, signature))
          .to.be.revertedWithCustomError(registry, "ExpiredSignature")
          .withArgs(request.deadline);
      });
    });

    it("applies the co-signing rules after a valid signature, leaving the nonce unconsumed", async function () {
      const { registry, domain, id, alice, bob, dave, outsider, relayer } = await loadFixture(deployWithPolicy);
      const unknown = digestOf("unknown record");
      const unwitnessed = digestOf("no policy");
      const revoked = digestOf("revoked record");
      await registry.connect(alice).anchor(unwitnessed, SHA256, ZERO);
      await registry.connect(alice).anchor(revoked, SHA256, ZERO);
      await registry.connect(alice).requireWitnesses(revoked, [bob.address, dave.address], 2, 0);
      await registry.connect(bob).cosign(id);
      await registry.connect(bob).cosign(revoked);
      const { time: revokedAt } = await minedAt(await registry.connect(alice).revoke(revoked, ZERO));

      const cases: [Signer, CosignRequest, string, unknown[]][] = [
        [outsider, await cosignRequest(id, outsider.address), "NotAWitness", [id, outsider.address]],
        [bob, await cosignRequest(unwitnessed, bob.address), "NotAWitness", [unwitnessed, bob.address]],
        [bob, await cosignRequest(unknown, bob.address), "EvidenceNotFound", [unknown]],
        [bob, await cosignRequest(id, bob.address), "AlreadyCosigned", [id, bob.address]],
        [dave, await cosignRequest(revoked, dave.address), "EvidenceRevoked", [revoked, revokedAt]],
        [bob, await cosignRequest(revoked, bob.address), "AlreadyCosigned", [revoked, bob.address]],
        [outsider, await cosignRequest(revoked, outsider.address), "NotAWitness", [revoked, outsider.address]],
      ];
      const accounts = [bob.address, dave.address, outsider.address];
      await expectNoStateChange(registry, [id, unknown, unwitnessed, revoked], accounts, async () => {
        for (const [signer, request, error, args] of cases) {
          await expect(submitCosign(registry, relayer, request, await signCosign(signer, domain, request)))
            .to.be.revertedWithCustomError(registry, error)
            .withArgs(...args);
        }
      });
    });

    it("shares one nonce bitmap between Anchor and Cosign requests", async function () {
      const { registry, domain, id, alice, bob, relayer } = await loadFixture(deployWithPolicy);
      const cosign = await cosignRequest(id, bob.address, 0n);
      const cosignSignature = await signCosign(bob, domain, cosign);

      const anchor = await anchorRequest(digestOf("bob's own document"), bob.address, 0n);
      await registry
        .connect(relayer)
        .anchorBySig(
          anchor.digest,
          anchor.algorithm,
          anchor.metadata,
          bob.address,
          anchor.nonce,
          anchor.deadline,
          await signAnchor(bob, domain, anchor),
        );

      await expect(submitCosign(registry, relayer, cosign, cosignSignature))
        .to.be.revertedWithCustomError(registry, "NonceAlreadyUsed")
        .withArgs(bob.address, 0n);
      const next = { ...cosign, nonce: 1n };
      await expect(submitCosign(registry, relayer, next, await signCosign(bob, domain, next)))
        .to.emit(registry, "Cosigned")
        .withArgs(id, alice.address, bob.address, 1);
      expect(await registry.nonceBitmap(bob.address, 0n)).to.equal(3n);
    });
  });

  // Finding 13: signed requests used to be bound to one sequential nonce, so one request that failed blocked every
  // later one of its signer, and none could be cancelled.
  describe("unordered nonces: a failed or cancelled request blocks no other", function () {
    async function relayAnchor(
      registry: Awaited<ReturnType<typeof deployRegistry>>["registry"],
      relayer: Signer,
      request: AnchorRequest,
      signature: string,
    ) {
      return registry
        .connect(relayer)
        .anchorBySig(
          request.digest,
          request.algorithm,
          request.metadata,
          request.submitter,
          request.nonce,
          request.deadline,
          signature,
        );
    }

    it("a mempool watcher who anchors a pending anchorBySig's digest kills only that request", async function () {
      const { registry, domain, alice, outsider: watcher, relayer } = await loadFixture(deployRegistry);
      // Alice signs three requests ahead, nonces 0, 1 and 2; the relayer sends the first.
      const requests: { request: AnchorRequest; signature: string }[] = [];
      for (const nonce of [0n, 1n, 2n]) {
        const request = await anchorRequest(digestOf(`alice's document ${nonce}`), alice.address, nonce);
        requests.push({ request, signature: await signAnchor(alice, domain, request) });
      }
      // The watcher copies the first request's digest out of the mempool and gets it mined first.
      const { time } = await minedAt(await registry.connect(watcher).anchor(requests[0].request.digest, SHA256, ZERO));

      await expectNoStateChange(registry, [requests[0].request.digest], [alice.address, watcher.address], async () => {
        await expect(relayAnchor(registry, relayer, requests[0].request, requests[0].signature))
          .to.be.revertedWithCustomError(registry, "AlreadyAnchored")
          .withArgs(requests[0].request.digest, watcher.address, time);
      });
      // Alice's later requests still go through, in any order.
      for (const { request, signature } of [requests[2], requests[1]]) {
        await expect(relayAnchor(registry, relayer, request, signature))
          .to.emit(registry, "Anchored")
          .withArgs(request.digest, alice.address, request.algorithm, request.metadata);
      }
      expect(await registry.isNonceUsed(alice.address, 0n)).to.equal(false);
      expect(await registry.nonceBitmap(alice.address, 0n)).to.equal(0b110n);
    });

    it("a hostile submitter revoking its record kills only the witness's co-signature of that record", async function () {
      const { registry, domain, alice: hostile, bob: witness, carol, relayer } = await loadFixture(deployRegistry);
      const [target, other] = [digestOf("hostile's record"), digestOf("hostile's next record")];
      const honest = digestOf("carol's record");
      for (const [submitter, id] of [
        [hostile, target],
        [hostile, other],
        [carol, honest],
      ] as const) {
        await registry.connect(submitter).anchor(id, SHA256, ZERO);
        await registry.connect(submitter).requireWitnesses(id, [witness.address], 1, 0);
      }
      // The witness signs three co-signatures; the hostile submitter revokes the first record before it is relayed.
      const requests: { request: CosignRequest; signature: string }[] = [];
      for (const [nonce, id] of [
        [0n, target],
        [1n, other],
        [2n, honest],
      ] as const) {
        const request: CosignRequest = { id, witness: witness.address, nonce, deadline: await futureDeadline() };
        requests.push({ request, signature: await signCosign(witness, domain, request) });
      }
      const { time: revokedAt } = await minedAt(await registry.connect(hostile).revoke(target, ZERO));
      const submit = ({ request, signature }: (typeof requests)[number]) =>
        registry.connect(relayer).cosignBySig(request.id, request.witness, request.nonce, request.deadline, signature);

      await expectNoStateChange(registry, [target], [witness.address], async () => {
        await expect(submit(requests[0]))
          .to.be.revertedWithCustomError(registry, "EvidenceRevoked")
          .withArgs(target, revokedAt);
      });
      await expect(submit(requests[2])).to.emit(registry, "Witnessed").withArgs(honest, carol.address);
      await expect(submit(requests[1])).to.emit(registry, "Witnessed").withArgs(other, hostile.address);
      expect(await registry.nonceBitmap(witness.address, 0n)).to.equal(0b110n);
    });

    it("lets a signer cancel a signed request by invalidating its nonce, with NoncesInvalidated", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("cancelled"), alice.address, 5n);
      const signature = await signAnchor(alice, domain, request);
      await expect(registry.connect(alice).invalidateNonces(0n, 1n << 5n))
        .to.emit(registry, "NoncesInvalidated")
        .withArgs(alice.address, 0n, 1n << 5n);
      expect(await registry.isNonceUsed(alice.address, 5n)).to.equal(true);

      await expectNoStateChange(registry, [request.digest], [alice.address], async () => {
        await expect(relayAnchor(registry, relayer, request, signature))
          .to.be.revertedWithCustomError(registry, "NonceAlreadyUsed")
          .withArgs(alice.address, 5n);
      });
      // The word's other nonces stay usable.
      const next = await anchorRequest(digestOf("not cancelled"), alice.address, 4n);
      await expect(relayAnchor(registry, relayer, next, await signAnchor(alice, domain, next))).to.emit(
        registry,
        "Anchored",
      );
    });

    it("cancels a witness's signed co-signature the same way", async function () {
      const { registry, domain, alice, bob, relayer } = await loadFixture(deployRegistry);
      const id = digestOf("witnessed later");
      await registry.connect(alice).anchor(id, SHA256, ZERO);
      await registry.connect(alice).requireWitnesses(id, [bob.address], 1, 0);
      const nonce = 3n * 256n + 17n;
      const request: CosignRequest = { id, witness: bob.address, nonce, deadline: await futureDeadline() };
      const signature = await signCosign(bob, domain, request);
      await expect(registry.connect(bob).invalidateNonces(3n, 1n << 17n))
        .to.emit(registry, "NoncesInvalidated")
        .withArgs(bob.address, 3n, 1n << 17n);
      await expectNoStateChange(registry, [id], [bob.address], async () => {
        await expect(registry.connect(relayer).cosignBySig(id, bob.address, nonce, request.deadline, signature))
          .to.be.revertedWithCustomError(registry, "NonceAlreadyUsed")
          .withArgs(bob.address, nonce);
      });
      expect(await registry.nonceBitmap(bob.address, 3n)).to.equal(1n << 17n);
    });

    it("invalidates only the caller's own nonces: nobody can cancel another signer's request", async function () {
      const { registry, domain, alice, outsider, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("alice's"), alice.address, 9n);
      const signature = await signAnchor(alice, domain, request);
      await expect(registry.connect(outsider).invalidateNonces(0n, ethers.MaxUint256))
        .to.emit(registry, "NoncesInvalidated")
        .withArgs(outsider.address, 0n, ethers.MaxUint256);
      expect(await registry.nonceBitmap(alice.address, 0n)).to.equal(0n);
      await expect(relayAnchor(registry, relayer, request, signature)).to.emit(registry, "Anchored");
    });

    it("invalidates idempotently, a used nonce included, and reaches the last nonce", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("used"), alice.address, 1n);
      await relayAnchor(registry, relayer, request, await signAnchor(alice, domain, request));
      for (let i = 0; i < 2; i++) {
        await expect(registry.connect(alice).invalidateNonces(0n, 0b11n))
          .to.emit(registry, "NoncesInvalidated")
          .withArgs(alice.address, 0n, 0b11n);
      }
      expect(await registry.nonceBitmap(alice.address, 0n)).to.equal(0b11n);

      const last = ethers.MaxUint256;
      const lastRequest = await anchorRequest(digestOf("last nonce"), alice.address, last);
      const lastSignature = await signAnchor(alice, domain, lastRequest);
      await expect(relayAnchor(registry, relayer, lastRequest, lastSignature)).to.emit(registry, "Anchored");
      expect(await registry.nonceBitmap(alice.address, last >> 8n)).to.equal(1n << 255n);
      await expect(relayAnchor(registry, relayer, lastRequest, lastSignature))
        .to.be.revertedWithCustomError(registry, "NonceAlreadyUsed")
        .withArgs(alice.address, last);
    });

    it("checks the deadline before the nonce, and the nonce before the signature", async function () {
      const { registry, domain, alice, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("order of checks"), alice.address, 0n);
      await registry.connect(alice).invalidateNonces(0n, 1n);
      await expect(relayAnchor(registry, relayer, request, "0x1234"))
        .to.be.revertedWithCustomError(registry, "NonceAlreadyUsed")
        .withArgs(alice.address, 0n);
      await networkHelpers.time.setNextBlockTimestamp(request.deadline + 1n);
      await expect(relayAnchor(registry, relayer, request, await signAnchor(alice, domain, request)))
        .to.be.revertedWithCustomError(registry, "ExpiredSignature")
        .withArgs(request.deadline);
    });

    it("leaves the nonce unused when the signature is wrong, so a forger cannot burn it", async function () {
      const { registry, domain, alice, outsider, relayer } = await loadFixture(deployRegistry);
      const request = await anchorRequest(digestOf("forged"), alice.address, 0n);
      await expectNoStateChange(registry, [request.digest], [alice.address], async () => {
        await expect(relayAnchor(registry, relayer, request, await signAnchor(outsider, domain, request)))
          .to.be.revertedWithCustomError(registry, "InvalidSignature")
          .withArgs(alice.address);
      });
      await expect(relayAnchor(registry, relayer, request, await signAnchor(alice, domain, request))).to.emit(
        registry,
        "Anchored",
      );
    });
  });
});
