// Copyright suite: CopyrightRegistry against the reference EAS (an attestation carrying the same registration
// fields), both deployed fresh in the same in-process network. Every digest is keccak256 of a fixed label, every
// account's state is set up the same way each run, so a run's numbers repeat exactly.
import { AbiCoder, ZeroHash, keccak256, solidityPackedKeccak256 } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { attestationRequest, deployEasWithSchema, easSigner, encodeSchemaData } from "./eas.js";
import { row, type GasRow } from "./report.js";

const SUITE = "copyright";
const SHA256 = 2;
const URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
const FEE = 10n ** 18n;
const YEAR = 365n * 86_400n;
const coder = AbiCoder.defaultAbiCoder();

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
  // A directly registered work can be licensed, transferred or paid revenue only once settled (finding 11): one
  // reveal window (one day) plus a second after its registration. Waiting changes no storage a measured call touches.
  const settleAll = () => connection.networkHelpers.time.increase(86_400n + 1n);
  const [deployer, creator, coAuthor, licensee, warmLicensee, warmCreator, laterLicensee, firstAuthor] =
    await ethers.getSigners();

  const registry = await ethers.deployContract(
    "CopyrightRegistry",
    [deployer.address, deployer.address, 86_400n],
    deployer,
  );
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
  // A string longer than 31 bytes takes a length slot and one slot per 32 bytes.
  const uriSlots = URI.length > 31 ? 1 + Math.ceil(URI.length / 32) : 1;
  rows.push(
    row(
      {
        suite: SUITE,
        operation: "registerWork",
        gas: registerGas,
        baseline: "EAS.attest",
        baselineGas: attestGas,
        reference: `Story mintAndRegisterIp median ${STORY_MINT_AND_REGISTER_IP.toLocaleString("en-US")}`,
        note:
          `one author, ${URI.length}-char URI, the registrant's first work (ERC-721 balance 0 -> 1, the dearer case; ` +
          `a further work: ${secondRegisterGas}); EAS schema "bytes32 digest,uint8 algorithm,string uri,` +
          `address[] authors,uint16[] shares", revocable, no resolver; storing the URI (not done: tokenURI is ` +
          `base URI + id) would write ${uriSlots} more new slots, about ${uriSlots * 22_100} gas`,
      },
      REGISTER_TARGET,
    ),
  );

  // purchaseLicense: an ERC-20 fee split between two authors. A sale credits each author's balance in the token; the
  // first sale of a work whose authors hold no balance in that token creates both (two slots 0 -> nonzero): that is
  // the target's case. Before it, one sale of another work gave the registry a balance in the token, a one-off cost
  // of the token's first use, reported apart.
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
  const offer = async (label: string, authors: { account: string; shares: number }[]) => {
    const workId = BigInt(digest(label));
    await gasUsed(registry.connect(creator).registerWork(digest(label), SHA256, URI, authors));
    await gasUsed(registry.connect(creator).attachTerms(workId, termsId));
    return workId;
  };
  const buy = async (buyer: typeof licensee, workId: bigint, authors: { account: string; shares: number }[]) => {
    // The buyer keeps a balance after paying (no storage refund for emptying it); the allowance is exact, as the
    // SDK gives it.
    await gasUsed(token.mint(buyer.address, 10n * FEE));
    await gasUsed(token.connect(buyer).approve(registryAddress, FEE));
    return gasUsed(registry.connect(buyer).purchaseLicense(workId, termsId, FEE, authors));
  };
  const firstInToken = [
    { account: warmCreator.address, shares: 6_000 },
    { account: firstAuthor.address, shares: 4_000 },
  ];
  const firstInTokenWork = await offer("first in token", firstInToken);
  const duo = [
    { account: creator.address, shares: 6_000 },
    { account: coAuthor.address, shares: 4_000 },
  ];
  const song = await offer("song", duo);
  await settleAll();
  const tokenFirstUseGas = await buy(warmLicensee, firstInTokenWork, firstInToken);
  const firstSaleGas = await buy(licensee, song, duo);
  const laterSaleGas = await buy(laterLicensee, song, duo);
  rows.push(
    row(
      {
        suite: SUITE,
        operation: "purchaseLicense",
        gas: firstSaleGas,
        reference: `Story mintLicenseTokens median ${STORY_MINT_LICENSE_TOKENS.toLocaleString("en-US")}`,
        note:
          `first sale of a work: ERC-20 fee split 60/40 between two authors with no balance yet in the token (both ` +
          `credits 0 -> nonzero), new licensee keeping a balance, exact allowance; the token's first use by the ` +
          `registry (its balance 0 -> nonzero too): ${tokenFirstUseGas}`,
      },
      PURCHASE_TARGET,
    ),
    row({
      suite: SUITE,
      operation: "purchaseLicense (later sale)",
      gas: laterSaleGas,
      note: "the same work again, to a new licensee: both authors already credited in the token",
    }),
  );

  // The other copyright operations, for the record (no targets): each on fresh state, as first used.
  const salt = digest("salt");
  const revealed = digest("revealed");
  const commitGas = await gasUsed(
    registry
      .connect(creator)
      .commit(keccak256(coder.encode(["bytes32", "bytes32", "address"], [revealed, salt, creator.address]))),
  );
  const revealGas = await gasUsed(registry.connect(creator).revealWork(revealed, SHA256, URI, solo, salt));
  const remixAuthors = [{ account: licensee.address, shares: 10_000 }];
  const deriveGas = await gasUsed(
    registry.connect(licensee).registerDerivative(digest("remix"), SHA256, URI, remixAuthors, [song], [termsId]),
  );
  await settleAll();
  await gasUsed(token.mint(laterLicensee.address, FEE));
  await gasUsed(token.connect(laterLicensee).approve(registryAddress, FEE));
  const revenueGas = await gasUsed(
    registry.connect(laterLicensee).payRevenue(BigInt(digest("remix")), tokenAddress, FEE, remixAuthors, [duo]),
  );
  const transferGas = await gasUsed(
    registry.connect(creator).transferFrom(creator.address, coAuthor.address, BigInt(digest("work 2"))),
  );
  rows.push(
    row({ suite: SUITE, operation: "commit", gas: commitGas }),
    row({ suite: SUITE, operation: "revealWork", gas: revealGas, note: "one author, the registrant's next work" }),
    row({
      suite: SUITE,
      operation: "registerDerivative",
      gas: deriveGas,
      note: "one licensed parent, one author, the registrant's first work",
    }),
    row({
      suite: SUITE,
      operation: "payRevenue",
      gas: revenueGas,
      note: "ERC-20 revenue of a one-parent derivative: 5% royalty split 60/40, the rest to its author (first credit)",
    }),
    row({
      suite: SUITE,
      operation: "transferFrom",
      gas: transferGas,
      note: "a copyright assignment: the new holder becomes sole payee (recipient's first work)",
    }),
  );
  return rows;
}
