// What an integrator's service does with the package, for every suite: connect to a chain, find the deployed
// contracts, and use the typed SDK clients and bindings. Prints one JSON line that the end-to-end test checks.
//
// Addresses come from DEPLOYMENT (an Ignition deployed_addresses.json) or from the package's own deployments.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { JsonRpcProvider, Wallet, type Signer } from "ethers";

import {
  BillsClient,
  CopyrightClient,
  EvidenceClient,
  ParticipantsClient,
  deploymentOf,
  findDeployment,
  hashBytes,
  isContractRevert,
  signAnchor,
  signCosign,
  signRegistration,
  verifyReceipt,
  type EvidenceReceipt,
} from "@chainproof/contracts";
import { CopyrightRelay__factory, EvidenceRegistry__factory } from "@chainproof/contracts/typechain-types";

const provider = new JsonRpcProvider(process.env.RPC_URL ?? "http://127.0.0.1:8545");
const chainId = (await provider.getNetwork()).chainId;

async function addresses(): Promise<Record<string, string>> {
  if (process.env.DEPLOYMENT === undefined) {
    // Throws DeploymentNotFoundError, naming the chain, where the package records no deployment.
    return { ...deploymentOf(chainId) };
  }
  const journal = JSON.parse(await readFile(process.env.DEPLOYMENT, "utf8")) as Record<string, string>;
  // Ignition ids are "Module#Contract".
  return Object.fromEntries(Object.entries(journal).map(([id, address]) => [id.split("#")[1], address]));
}

const deployed = await addresses();
// A node's unlocked accounts here; a service would hold its keys (Wallet) instead.
const accounts: Signer[] = process.env.PRIVATE_KEY
  ? [new Wallet(process.env.PRIVATE_KEY, provider)]
  : await Promise.all([0, 1, 2, 3, 4, 5].map((i) => provider.getSigner(i)));
const [platform, core, supplier, author, licensee, subSupplier] = accounts;
const run = Date.now();
// Deadlines and dates count from the chain's clock, which a development node may have moved ahead of the wall clock.
const chainNow = (await provider.getBlock("latest"))!.timestamp * 1000;

// ---- evidence: a batch of documents with receipts, a typed revert, a gasless anchor, one-call verification
const evidence = new EvidenceClient(deployed.EvidenceRegistry, platform);
const registryBinding = EvidenceRegistry__factory.connect(deployed.EvidenceRegistry, provider);
const folder = await mkdtemp(path.join(tmpdir(), "integrator-"));
for (const name of ["invoice-1.txt", "invoice-2.txt", "invoice-3.txt"]) {
  await writeFile(path.join(folder, name), `${name} of run ${run}`);
}
const batch = await evidence.anchorFolder(folder, { algorithm: "sm3", salt: true });
const receipt: EvidenceReceipt = batch.receipts[1];
// The verifier trusts the registry it knows (here the deployment it was given), never the receipt's own word for it.
const batchVerdict = await verifyReceipt(receipt, provider, {
  registry: deployed.EvidenceRegistry,
  file: path.join(folder, "invoice-2.txt"),
});

const digest = hashBytes(`integrator document ${run}`, "sha256");
const anchored = await evidence.anchor(digest, "sha256", { metadata: "invoice 42" });
let duplicate = "";
try {
  await evidence.anchor(digest, "sha256");
} catch (error) {
  if (!isContractRevert(error, "AlreadyAnchored")) throw error;
  duplicate = `${error.errorName}:${String(error.args.submitter)}`;
}
// The customer signs, the platform pays: the customer is the submitter.
const customerDigest = hashBytes(`customer upload ${run}`, "sha256");
const deadline = BigInt(Math.floor(chainNow / 1000) + 3600);
const signed = await signAnchor(licensee, registryBinding, { digest: customerDigest, algorithm: 2, deadline });
await evidence.relayAnchor(signed);
const customerRecord = await evidence.verify(customerDigest);
const history = await evidence.history(digest);
// Witnesses: one co-signs itself, the other signs off chain and the platform relays its co-signature.
const witnessedDigest = hashBytes(`contract ${run}`, "sha256");
await evidence.anchor(witnessedDigest, "sha256");
await evidence.requireWitnesses(witnessedDigest, [await core.getAddress(), await author.getAddress()], 2);
await new EvidenceClient(deployed.EvidenceRegistry, core).cosign(witnessedDigest);
const cosignature = await signCosign(author, registryBinding, { id: witnessedDigest, deadline });
await evidence.relayCosign(cosignature);
const witnessedHistory = await evidence.history(witnessedDigest);

// ---- participants: the KYC desk registers the companies once
const participants = new ParticipantsClient(deployed.ParticipantRegistry, platform);
const validUntil = new Date(chainNow + 365 * 86_400_000);
for (const [signer, code] of [
  [core, "91310000MA1FL0001X"],
  [supplier, "91310000MA1FL0002X"],
  [subSupplier, "91310000MA1FL0003X"],
] as const) {
  const account = await signer.getAddress();
  if (!(await participants.get(account)).registered) {
    await participants.register({ account, org: code, roles: "enterprise", validUntil });
  }
}
const supplierInfo = await participants.get(await supplier.getAddress());

// ---- bills: issued, accepted, signed for, and a part endorsed with the endorsee's signed consent
const settlementToken = process.env.SETTLEMENT_TOKEN;
if (settlementToken === undefined) throw new Error("set SETTLEMENT_TOKEN to the bills' settlement ERC-20");
const bills = new BillsClient(deployed.SupplyChainBills, core);
const issued = await bills.issue({
  acceptor: await core.getAddress(),
  payee: await supplier.getAddress(),
  token: settlementToken,
  amount: "1234.56",
  maturity: new Date(chainNow + 90 * 86_400_000),
  tradeDigest: "purchase order 2026-77",
  evidenceId: digest,
});
await bills.accept(issued.packageId);
const supplierBills = new BillsClient(deployed.SupplyChainBills, supplier);
await supplierBills.sign(issued.rootTokenId);
const consent = await bills.signEndorsement(subSupplier, {
  fromTokenId: issued.rootTokenId,
  amount: "234.56",
  deadline: new Date(chainNow + 3_600_000),
});
const endorsed = await supplierBills.endorseWithSignature(consent);
const [kept, passedOn] = await Promise.all([bills.part(issued.rootTokenId), bills.part(endorsed.tokenId)]);
const billHistory = await bills.history(issued.packageId);

// ---- copyright: a work, paid terms in the native coin, a license bought, its record, the author's withdrawal
const copyright = new CopyrightClient({ registry: deployed.CopyrightRegistry }, author);
const work = await copyright.registerWork({
  digest: hashBytes(`song ${run}`, "sha256"),
  algorithm: "sha256",
  uri: "ipfs://song",
  authors: [{ account: await author.getAddress(), shares: 10_000 }],
});
// A creator without gas signs its registration; the platform relays it, and the creator owns the work.
const relayBinding = CopyrightRelay__factory.connect(deployed.CopyrightRelay, provider);
const relayedDigest = hashBytes(`photo ${run}`, "sha256");
const registration = await signRegistration(author, relayBinding, {
  digest: relayedDigest,
  algorithm: 2,
  uri: "ipfs://photo",
  authors: [{ account: await author.getAddress(), shares: 10_000 }],
  deadline,
});
const platformCopyright = new CopyrightClient(
  { registry: deployed.CopyrightRegistry, relay: deployed.CopyrightRelay },
  platform,
);
const relayedWork = await platformCopyright.relayRegistration(registration);
const relayedOwner = (await copyright.getWork(relayedWork.workId)).owner;
const terms = await copyright.registerTerms({ fee: 1_000_000n, commercialUse: true });
await copyright.attachTerms(work.workId, terms.termsId);
// A work is for sale once it is settled: one reveal window after registration, when no earlier commitment can take it
// over any more. A service waits until `settledAt`; on a development node (Hardhat's, anvil) this example moves the
// clock there instead.
const { settled, settledAt } = await copyright.getWork(work.workId);
if (!settled) {
  try {
    await provider.send("evm_setNextBlockTimestamp", [settledAt]);
    await provider.send("evm_mine", []);
  } catch (error) {
    throw new Error(`work settles at ${new Date(settledAt * 1000).toISOString()}`, { cause: error });
  }
}
const buyer = new CopyrightClient({ registry: deployed.CopyrightRegistry }, licensee);
await buyer.purchaseLicense(work.workId, terms.termsId);
const licensed = await copyright.isLicensed(work.workId, await licensee.getAddress(), terms.termsId);
const licenses = await copyright.licensesOf(work.workId);
const withdrawn = await copyright.withdraw();

console.log(
  JSON.stringify({
    chainId: chainId.toString(),
    node: process.version,
    packagedDeployment: findDeployment(chainId) !== undefined,
    evidence: {
      maxAlgorithm: Number(await registryBinding.MAX_ALGORITHM()),
      gasUsed: anchored.gasUsed.toString(),
      duplicate,
      batchSize: batch.receipts.length,
      batchValid: batchVerdict.valid,
      relayedSubmitter: customerRecord.submitter,
      history: history.map((event) => event.name),
      witnessed: witnessedHistory.map((event) => event.name),
    },
    participants: { supplier: { active: supplierInfo.active, roles: supplierInfo.roles } },
    bills: {
      packageId: issued.packageId.toString(),
      kept: { holder: kept.holder, value: kept.value, state: kept.state },
      passedOn: { holder: passedOn.holder, value: passedOn.value, state: passedOn.state },
      history: billHistory.map((event) => event.name),
    },
    copyright: {
      workId: work.workId.toString(),
      licensed,
      licensees: licenses.map((license) => license.licensee),
      withdrawn: withdrawn.amount.toString(),
      relayedOwner,
    },
  }),
);
