// Copyright suite: CopyrightRegistry against the reference EAS (an attestation carrying the same registration
// fields), both deployed fresh in the same in-process network. Every digest is keccak256 of a fixed label, every
// account's state is set up the same way each run, so a run's numbers repeat exactly.
import { ZeroHash, solidityPackedKeccak256 } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { attestationRequest, deployEasWithSchema, easSigner, encodeSchemaData } from "./eas.js";
import { row, type GasRow } from "./report.js";

const SUITE = "copyright";
const SHA256 = 2;
const URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
const FEE = 10n ** 18n;
const YEAR = 365n * 86_400n;

const REGISTER_TARGET = { maxGas: 130_000 };
const PURCHASE_TARGET = { maxGas: 150_000 };

/** Story Protocol's published medians (gas), for reference only: not deployable here. */
const STORY_MINT_AND_REGISTER_IP = 424_264;
const STORY_MINT_LICENSE_TOKENS = 417_585;

function digest(label: string): string {
  return solidityPackedKeccak256(["string"], [`bench:copyright:${label}`]);
}

/** A sent transaction, structurally: the EAS bindings' (CommonJS ethers) and ours (ESM ethers) both fit. */
interface SentTransaction {
  wait(): Promise<{ status: number | null; gasUsed: bigint; hash: string } | null>;
}

async function gasUsed(tx: Promise<SentTransaction>): Promise<number> {
  const receipt = await (await tx).wait();
  if (receipt === null || receipt.status !== 1) throw new Error(`bench transaction failed: ${receipt?.hash}`);
  return Number(receipt.gasUsed);
}

export async function benchCopyright(connection: NetworkConnection): Promise<GasRow[]> {
  const { ethers } = connection;
  const [deployer, creator, coAuthor, licensee, warmLicensee, warmCreator] = await ethers.getSigners();

  const registry = await ethers.deployContract("CopyrightRegistry", [deployer.address, deployer.address, 86_400n], deployer);
  await registry.waitForDeployment();
  const token = await ethers.deployContract("CopyrightTestToken", deployer);
  await token.waitForDeployment();
  const tokenAddress = await token.getAddress();
  const registryAddress = await registry.getAddress();
  const easDeployment = await deployEasWithSchema(
    deployer,
    "bytes32 digest,uint8 algorithm,string uri,address[] authors,uint16[] shares",
  );
  const eas = easDeployment.eas.connect(easSigner(creator));
  const schema = easDeployment.schema;

  // Warm-up: one registration and one attestation by another account, so neither contract pays a first-use cost.
  const warmAuthors = [{ account: warmCreator.address, shares: 10_000 }];
  await gasUsed(registry.connect(warmCreator).registerWork(digest("warm-up"), SHA256, URI, warmAuthors));
  await gasUsed(
    easDeployment.eas
      .connect(easSigner(warmCreator))
      .attest(
        attestationRequest(
          schema,
          encodeSchemaData(schema, [digest("warm-up"), SHA256, URI, [warmCreator.address], [10_000]]),
        ),
      ),
  );

  const rows: GasRow[] = [];

  // registerWork (one author) vs an EAS attestation of the same fields, each by an account's first registration.
  const solo = [{ account: creator.address, shares: 10_000 }];
  const registerGas = await gasUsed(registry.connect(creator).registerWork(digest("work"), SHA256, URI, solo));
  const attestGas = await gasUsed(
    eas.attest(
      attestationRequest(schema, encodeSchemaData(schema, [digest("work"), SHA256, URI, [creator.address], [10_000]])),
    ),
  );
  const secondRegisterGas = await gasUsed(registry.connect(creator).registerWork(digest("work 2"), SHA256, URI, solo));
  rows.push(
    row(
      {
        suite: SUITE,
        operation: "registerWork",
        gas: registerGas,
        baseline: "EAS.attest",
        baselineGas: attestGas,
        note:
          `one author, ${URI.length}-char URI, the registrant's first work (ERC-721 balance 0 -> 1, the dearer case; ` +
          `a further work: ${secondRegisterGas}); EAS schema "bytes32 digest,uint8 algorithm,string uri,` +
          `address[] authors,uint16[] shares", revocable, no resolver; ` +
          `reference: Story mintAndRegisterIp median ${STORY_MINT_AND_REGISTER_IP}`,
      },
      REGISTER_TARGET,
    ),
  );

  // purchaseLicense: an ERC-20 fee split between two authors. The first sale in a token creates the registry's
  // token balance and each author's credit (three zero-to-nonzero slots); later sales, measured here, update them.
  const song = digest("song");
  const songId = BigInt(song);
  const duo = [
    { account: creator.address, shares: 6_000 },
    { account: coAuthor.address, shares: 4_000 },
  ];
  await gasUsed(registry.connect(creator).registerWork(song, SHA256, URI, duo));
  const terms = {
    territory: ZeroHash,
    currency: tokenAddress,
    fee: FEE,
    duration: YEAR,
    royaltyBps: 500,
    commercialUse: true,
    derivativesAllowed: true,
    exclusive: false,
    sublicensable: false,
  };
  const termsId = await registry.registerTerms.staticCall(terms);
  await gasUsed(registry.registerTerms(terms));
  await gasUsed(registry.connect(creator).attachTerms(songId, termsId));
  for (const buyer of [warmLicensee, licensee]) {
    // The buyer keeps a balance after paying (no storage refund for emptying it); the allowance is exact, as the
    // SDK gives it.
    await gasUsed(token.mint(buyer.address, 10n * FEE));
    await gasUsed(token.connect(buyer).approve(registryAddress, FEE));
  }
  const firstSaleGas = await gasUsed(registry.connect(warmLicensee).purchaseLicense(songId, termsId, FEE, duo));
  const purchaseGas = await gasUsed(registry.connect(licensee).purchaseLicense(songId, termsId, FEE, duo));
  rows.push(
    row(
      {
        suite: SUITE,
        operation: "purchaseLicense",
        gas: purchaseGas,
        note:
          `ERC-20 fee split 60/40 between two authors already credited in the token, new licensee keeping a ` +
          `balance, exact allowance; the first sale ever in a token (registry balance and both credits 0 -> ` +
          `nonzero): ${firstSaleGas} (+${firstSaleGas - purchaseGas}); ` +
          `reference: Story mintLicenseTokens median ${STORY_MINT_LICENSE_TOKENS}`,
      },
      PURCHASE_TARGET,
    ),
  );
  return rows;
}
