import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkConnection } from "hardhat/types/network";

import EvidenceModule from "../deploy/modules/Evidence.js";
import { EvidenceRegistry__factory } from "../typechain-types/index.js";
import { EvidenceClient, verifyReceipt } from "../src/evidence/client.js";
import { hashBytes } from "../src/hash.js";
import { signAnchor, signCosign } from "../src/evidence/signing.js";
import { deployModule } from "./deploy.js";
import type { DemoReport } from "./report.js";

const short = (hex: string) => `${hex.slice(0, 10)}…${hex.slice(-6)}`;

/**
 * Deploys the evidence suite with Ignition, anchors a contract document co-signed by 2 of 3 witnesses, anchors a
 * folder of 1,000 generated documents as one batch, verifies one from its receipt alone, and revokes a record.
 * Returns the registry address so later suites can cite evidence.
 */
export async function runEvidenceDemo(
  connection: NetworkConnection,
  report: DemoReport,
): Promise<{ registry: string }> {
  const [platform, notary, court, arbitration, relayer, customer] =
    (await connection.ethers.getSigners()) as HardhatEthersSigner[];
  const deployed = await deployModule(connection, EvidenceModule);
  const registry = await deployed.evidenceRegistry.getAddress();
  const evidenceRegistry = EvidenceRegistry__factory.connect(registry, platform);
  report.add("evidence", "deploy", `EvidenceRegistry at ${registry} (Ignition module "Evidence")`);

  const work = await mkdtemp(path.join(tmpdir(), "evidence-demo-"));
  // Unique per run, so the demo can run again on a persistent chain (first anchor wins).
  const run = `run ${Date.now().toString(36)}`;
  const client = new EvidenceClient(registry, platform);

  // A signed supply contract, hashed with SM3 (GB/T 32905), the algorithm Chinese courts' evidence platforms use.
  const contractFile = path.join(work, "supply-contract-2026-118.txt");
  await writeFile(
    contractFile,
    `Supply contract 2026-118 (${run}): 10,000 units of part A-7 at 12.50 yuan, delivery 2027-01-15.\n`,
  );
  const { receipt: contractReceipt, gasUsed } = await client.anchorFile(contractFile, { algorithm: "sm3" });
  const id = contractReceipt.digest;
  report.add("evidence", "anchor", `contract document, SM3 digest ${short(id)}`, gasUsed);

  const witnesses = [notary.address, court.address, arbitration.address];
  const required = await client.requireWitnesses(id, witnesses, 2);
  report.add("evidence", "require witnesses", "2 of 3: notary office, court, arbitration commission", required.gasUsed);
  const byTx = await new EvidenceClient(registry, notary).cosign(id);
  report.add("evidence", "co-sign (transaction)", `notary office ${short(notary.address)}`, byTx.gasUsed);
  const deadline = BigInt((await connection.ethers.provider.getBlock("latest"))!.timestamp + 3600);
  const signed = await signCosign(court, evidenceRegistry, { id, deadline });
  const bySig = await new EvidenceClient(registry, relayer).relayCosign(signed);
  report.add(
    "evidence",
    "co-sign (EIP-712, relayed)",
    `court ${short(court.address)}, gas paid by a relayer`,
    bySig.gasUsed,
  );
  const status = await client.verify(id);
  report.add(
    "evidence",
    "witnessed",
    `${status.witnessSignatures} signatures, ${status.witnessThreshold} required: witnessed=${status.witnessed}`,
  );
  const history = await client.history(id);
  report.add("evidence", "history", history.map((event) => event.name).join(" → "));

  // A customer anchors an acceptance note without paying gas: it signs, the platform's relayer sends it.
  const acceptance = hashBytes(`Acceptance of contract 2026-118 (${run}) by the customer`, "sm3");
  const signedAnchor = await signAnchor(customer, evidenceRegistry, { digest: acceptance, algorithm: 4, deadline });
  const relayed = await new EvidenceClient(registry, relayer).relayAnchor(signedAnchor);
  report.add(
    "evidence",
    "anchor (EIP-712, relayed)",
    `submitter ${short((await client.verify(acceptance)).submitter)} (the customer), gas paid by a relayer`,
    relayed.gasUsed,
  );

  // 1,000 generated documents, anchored as one Merkle root, each with its own salt and receipt.
  const folder = path.join(work, "delivery-notes");
  await mkdir(folder);
  for (let i = 0; i < 1000; i++) {
    const name = `delivery-note-${String(i).padStart(4, "0")}.txt`;
    await writeFile(
      path.join(folder, name),
      `Delivery note ${i} (${run}): 10 units of part A-7, received in good order.\n`,
    );
  }
  const batch = await client.anchorFolder(folder, { algorithm: "sha256", salt: true });
  report.add("evidence", "anchor batch", `1,000 documents under root ${short(batch.root)}`, batch.gasUsed);
  const receiptsDir = path.join(work, "receipts");
  await mkdir(receiptsDir);
  for (const receipt of batch.receipts) {
    await writeFile(path.join(receiptsDir, `${receipt.fileName}.json`), JSON.stringify(receipt, null, 2));
  }

  // A verifier with nothing but the receipt, the file, an RPC connection and the registry it trusts (never the
  // receipt's word for it).
  const pick = batch.receipts[417];
  const trusted = { registry: client.address, file: path.join(folder, pick.fileName!) };
  const verified = await verifyReceipt(pick, connection.ethers.provider, trusted);
  report.add("evidence", "verify from receipt", `${pick.fileName}: ${verified.summary}`);
  const tampered = path.join(work, "tampered.txt");
  await writeFile(tampered, `Delivery note 417 (${run}): 9 units of part A-7, received in good order.\n`);
  const rejected = await verifyReceipt(pick, connection.ethers.provider, { ...trusted, file: tampered });
  report.add("evidence", "verify a tampered copy", rejected.summary);

  // An invoice anchored by mistake is revoked; the record stays readable, marked revoked, and no longer verifies.
  const invoiceFile = path.join(work, "invoice-2026-0042.txt");
  await writeFile(invoiceFile, `Invoice 2026-0042 (${run}), issued in error\n`);
  const { receipt: invoiceReceipt, gasUsed: invoiceGas } = await client.anchorFile(invoiceFile);
  const invoice = invoiceReceipt.digest;
  report.add("evidence", "anchor", `invoice ${short(invoice)}`, invoiceGas);
  const revoked = await client.revoke(invoice, "issued in error");
  const after = await client.verifyReceipt(invoiceReceipt, invoiceFile);
  report.add(
    "evidence",
    "revoke",
    `invoice revoked=${after.revoked}, still readable (submitter ${short(after.submitter)}); verify: ${after.status}, ${after.reason}`,
    revoked.gasUsed,
  );

  return { registry };
}
