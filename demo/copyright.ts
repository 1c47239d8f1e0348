import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { formatUnits, parseUnits } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import CopyrightModule from "../deploy/modules/Copyright.js";
import { CopyrightClient } from "../src/copyright/client.js";
import { ContractRevertError, SdkError } from "../src/errors.js";
import { EvidenceClient } from "../src/evidence/client.js";
import { hashFile } from "../src/hash-file.js";
import { deployModule } from "./deploy.js";
import type { DemoReport } from "./report.js";

const short = (hex: string) => `${hex.slice(0, 10)}…${hex.slice(-6)}`;

/** Moves the chain's clock to when the work is settled (the demo's stand-in for waiting out the reveal window). */
async function settle(connection: NetworkConnection, client: CopyrightClient, workId: bigint): Promise<void> {
  const { settledAt } = await client.getWork(workId);
  if (settledAt > (await connection.networkHelpers.time.latest())) {
    await connection.networkHelpers.time.increaseTo(settledAt);
  }
}
const yuan = (amount: bigint) => `${formatUnits(amount, 18)} TCNY`;

/**
 * Deploys the copyright suite (on the evidence suite) with Ignition. Two co-authors register a song by
 * commit-reveal and offer non-exclusive paid terms; once no earlier commitment can take the song over (it is settled:
 * the demo moves the chain's clock past the reveal window), a producer buys a license in an ERC-20 stablecoin; the authors
 * withdraw their split; the producer registers a remix under that license, whose revenue pays the authors a royalty;
 * a plagiarised copy is disputed with an evidence record and frozen.
 */
export async function runCopyrightDemo(connection: NetworkConnection, report: DemoReport): Promise<void> {
  const [platform, composer, lyricist, producer, plagiarist] =
    (await connection.ethers.getSigners()) as HardhatEthersSigner[];
  const deployed = await deployModule(connection, CopyrightModule);
  const addresses = {
    registry: await deployed.copyrightRegistry.getAddress(),
    disputes: await deployed.copyrightDisputes.getAddress(),
    relay: await deployed.copyrightRelay.getAddress(),
  };
  const as = (signer: HardhatEthersSigner) => new CopyrightClient(addresses, signer);
  report.add(
    "copyright",
    "deploy",
    `CopyrightRegistry ${short(addresses.registry)}, CopyrightDisputes ${short(addresses.disputes)}, ` +
      `CopyrightRelay ${short(addresses.relay)} (Ignition module "Copyright")`,
  );
  // A stand-in for a platform's yuan stablecoin.
  const token = await connection.ethers.deployContract("CopyrightTestToken", platform);
  const currency = await token.getAddress();
  await (await token.mint(producer.address, parseUnits("1000", 18))).wait();

  // Unique per run, so the demo can run again on a persistent chain (a digest registers once).
  const run = `take ${Date.now().toString(36)}`;
  const work = await mkdtemp(path.join(tmpdir(), "copyright-demo-"));
  const songFile = path.join(work, "spring-river.flac");
  await writeFile(
    songFile,
    `Spring River (${run}), master recording: 3'42", 44.1 kHz, composed 2026-10, lyrics 2026-11.\n`,
  );
  const digest = await hashFile(songFile, "sm3");
  const authors = [
    { account: composer.address, shares: 6_000 },
    { account: lyricist.address, shares: 4_000 },
  ];

  // Commit first: a copy of the digest taken from the mempool at reveal time cannot take the priority.
  const committed = await as(composer).commit(digest);
  report.add(
    "copyright",
    "commit",
    `song (SM3 ${short(digest)}) hidden behind ${short(committed.commitment)}`,
    committed.gasUsed,
  );
  const revealed = await as(composer).reveal({
    digest,
    algorithm: "sm3",
    uri: "ipfs://bafybeispringriver",
    authors,
    salt: committed.salt,
  });
  const song = revealed.workId;
  report.add(
    "copyright",
    "reveal",
    `work registered to the composer, authors 60% composer / 40% lyricist, priority = commit time ${revealed.priorityTime}`,
    revealed.gasUsed,
  );

  const fee = parseUnits("100", 18);
  const terms = await as(composer).registerTerms({
    fee,
    currency,
    duration: 365n * 86_400n,
    derivativesAllowed: true,
    royaltyBps: 1_000,
  });
  const attached = await as(composer).attachTerms(song, terms.termsId);
  report.add(
    "copyright",
    "offer terms",
    `non-exclusive, commercial, derivatives allowed, 1 year, ${yuan(fee)}, 10% royalty on remix revenue`,
    terms.gasUsed + attached.gasUsed,
  );

  // Until the reveal window of any earlier commitment has passed, a reveal could take the song over and void its
  // licenses: the registry sells none before (the SDK refuses before approving anything).
  const early = await as(producer)
    .purchaseLicense(song, terms.termsId)
    .then(() => "sold (unexpected)")
    .catch((e: unknown) => (e instanceof SdkError ? `refused: ${e.message}` : String(e)));
  report.add("copyright", "buy before settlement", early);
  await settle(connection, as(producer), song);
  report.add("copyright", "settled", `the song is settled: no reveal can take it over any more`);

  const bought = await as(producer).purchaseLicense(song, terms.termsId);
  report.add(
    "copyright",
    "buy license",
    `producer pays ${yuan(bought.fee)} (ERC-20), licensed for a year`,
    bought.gasUsed,
  );
  for (const [name, author] of [
    ["composer", composer],
    ["lyricist", lyricist],
  ] as const) {
    const withdrawn = await as(author).withdraw(currency);
    report.add("copyright", "withdraw", `${name} receives ${yuan(withdrawn.amount)}`, withdrawn.gasUsed);
  }

  const remixFile = path.join(work, "spring-river-remix.flac");
  await writeFile(remixFile, `Spring River (club remix, ${run}): 5'10", built on the licensed master.\n`);
  const remixDigest = await hashFile(remixFile, "sm3");
  const remix = await as(producer).registerDerivative({
    digest: remixDigest,
    algorithm: "sm3",
    uri: "ipfs://bafybeispringriverremix",
    authors: [{ account: producer.address, shares: 10_000 }],
    parents: [{ workId: song, termsId: terms.termsId }],
  });
  const remixWork = await as(producer).getWork(remix.workId);
  report.add(
    "copyright",
    "register remix",
    `derivative of the song under the producer's license; its licenses end by ${remixWork.parentLicenseUntil}`,
    remix.gasUsed,
  );

  // The remix earns streaming revenue once it is settled; paying it in credits the song's authors their 10% royalty.
  await settle(connection, as(producer), remix.workId);
  const streaming = parseUnits("50", 18);
  await (await token.mint(platform.address, streaming)).wait();
  const revenue = await as(platform).payRevenue(remix.workId, streaming, { currency });
  report.add(
    "copyright",
    "remix revenue",
    `${yuan(streaming)} paid in: ${yuan(revenue.royalties)} royalty to the song's authors, the rest to the producer`,
    revenue.gasUsed,
  );

  // A plagiarist registers a lightly edited copy and offers it for sale.
  const copyFile = path.join(work, "river-in-spring.flac");
  await writeFile(copyFile, `River in Spring (original?, ${run}): 3'41", 44.1 kHz.\n`);
  const copy = await as(plagiarist).registerFile(copyFile, {
    algorithm: "sm3",
    authors: [{ account: plagiarist.address, shares: 10_000 }],
  });
  report.add(
    "copyright",
    "plagiarised copy",
    `registered by ${short(plagiarist.address)} as ${short(copy.digest)}`,
    copy.gasUsed,
  );
  await as(plagiarist).attachTerms(copy.workId, terms.termsId);

  // The composer anchors the session stems as evidence and disputes the copy; the platform's arbitrator upholds it.
  const stems = path.join(work, "spring-river-stems.zip");
  await writeFile(stems, `Session stems of Spring River (${run}), recorded 2026-10-03, studio log attached.\n`);
  const { receipt } = await new EvidenceClient(await deployed.evidenceRegistry.getAddress(), composer).anchorFile(
    stems,
    {
      algorithm: "sm3",
    },
  );
  const raised = await as(composer).raiseDispute(copy.workId, receipt.digest);
  report.add(
    "copyright",
    "dispute",
    `dispute ${raised.disputeId} cites evidence ${short(receipt.digest)}`,
    raised.gasUsed,
  );
  const ruled = await as(platform).resolveDispute(raised.disputeId, true);
  const frozen = await as(platform).getWork(copy.workId);
  report.add("copyright", "ruling", `upheld: the copy is frozen=${frozen.frozen}`, ruled.gasUsed);
  const refused = await as(producer)
    .purchaseLicense(copy.workId, terms.termsId)
    .then(() => "sold (unexpected)")
    .catch((e: unknown) => (e instanceof ContractRevertError ? `refused: ${e.message}` : String(e)));
  report.add("copyright", "buy from the copy", refused);
}
