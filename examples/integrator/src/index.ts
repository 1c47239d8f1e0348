// What an integrator's service does with the package, for every suite: connect to a chain, find the deployed
// contracts, and use the typed SDK clients and bindings. Prints one JSON line that the end-to-end test checks.
//
// Addresses come from DEPLOYMENT (an Ignition deployed_addresses.json) or from the package's own deployments.
import { readFileSync } from "node:fs";

import { JsonRpcProvider, Wallet, type Signer } from "ethers";

import {
  BillsClient,
  ContractRevertError,
  CopyrightClient,
  EvidenceClient,
  Roles,
  deploymentOf,
  hashBytes,
  verifyReceipt,
  type EvidenceReceipt,
} from "@chainproof/contracts";
import { EvidenceRegistry__factory, ParticipantRegistry__factory } from "@chainproof/contracts/typechain-types";

const provider = new JsonRpcProvider(process.env.RPC_URL ?? "http://127.0.0.1:8545");
const chainId = (await provider.getNetwork()).chainId;

function addresses(): Record<string, string> {
  if (process.env.DEPLOYMENT === undefined) {
    const known = deploymentOf(chainId);
    if (known === undefined) throw new Error(`no deployment known on chain ${chainId}; set DEPLOYMENT`);
    return { ...known };
  }
  const journal = JSON.parse(readFileSync(process.env.DEPLOYMENT, "utf8")) as Record<string, string>;
  // Ignition ids are "Module#Contract".
  return Object.fromEntries(Object.entries(journal).map(([id, address]) => [id.split("#")[1], address]));
}

const deployed = addresses();
// A node's unlocked accounts here; a service would hold its keys (Wallet) instead.
const accounts: Signer[] = process.env.PRIVATE_KEY
  ? [new Wallet(process.env.PRIVATE_KEY, provider)]
  : await Promise.all([0, 1, 2, 3, 4].map((i) => provider.getSigner(i)));
const [platform, core, supplier, author, licensee] = accounts;

// ---- evidence: anchor, a typed revert, verification from a receipt with nothing but a provider
const evidence = new EvidenceClient(deployed.EvidenceRegistry, platform);
const maxAlgorithm = await EvidenceRegistry__factory.connect(deployed.EvidenceRegistry, provider).MAX_ALGORITHM();
const digest = hashBytes(`integrator document ${Date.now()}`, "sm3");
const anchored = await evidence.anchor(digest, "sm3", { metadata: "invoice 42" });
let duplicate = "";
try {
  await evidence.anchor(digest, "sm3");
} catch (error) {
  if (!(error instanceof ContractRevertError)) throw error;
  duplicate = error.errorName;
}
const receipt: EvidenceReceipt = {
  version: 1,
  digest,
  algorithm: "sm3",
  chainId: chainId.toString(),
  contract: deployed.EvidenceRegistry,
  transaction: anchored.transaction,
  blockNumber: anchored.blockNumber,
};
const verified = await verifyReceipt(receipt, provider);

// ---- participants and bills: KYC registration, then a bill issued, accepted and signed for
const registry = ParticipantRegistry__factory.connect(deployed.ParticipantRegistry, platform);
const validUntil = BigInt(Math.floor(Date.now() / 1000) + 365 * 86_400);
for (const [signer, code] of [
  [core, "91310000MA1FL0001X"],
  [supplier, "91310000MA1FL0002X"],
] as const) {
  const account = await signer.getAddress();
  if (!(await registry.isActive(account, Roles.enterprise))) {
    await (await registry.register(account, hashBytes(code, "keccak256"), Roles.enterprise, validUntil)).wait();
  }
}
const settlementToken = process.env.SETTLEMENT_TOKEN;
if (settlementToken === undefined) throw new Error("set SETTLEMENT_TOKEN to the bills' settlement ERC-20");
const bills = new BillsClient(deployed.SupplyChainBills, core);
const issued = await bills.issue({
  acceptor: await core.getAddress(),
  payee: await supplier.getAddress(),
  token: settlementToken,
  amount: "1234.56",
  maturity: new Date(Date.now() + 90 * 86_400_000),
  tradeDigest: "purchase order 2026-77",
  evidenceId: digest,
});
await bills.accept(issued.packageId);
await new BillsClient(deployed.SupplyChainBills, supplier).sign(issued.rootTokenId);
const part = await bills.part(issued.rootTokenId);

// ---- copyright: a work, paid terms in the native coin, a license bought, the author's balance withdrawn
const copyright = new CopyrightClient({ registry: deployed.CopyrightRegistry }, author);
const work = await copyright.registerWork({
  digest: hashBytes(`song ${Date.now()}`, "sha256"),
  algorithm: "sha256",
  uri: "ipfs://song",
  authors: [{ account: await author.getAddress(), shares: 10_000 }],
});
const terms = await copyright.registerTerms({ fee: 1_000_000n, commercialUse: true });
await copyright.attachTerms(work.workId, terms.termsId);
const buyer = new CopyrightClient({ registry: deployed.CopyrightRegistry }, licensee);
await buyer.purchaseLicense(work.workId, terms.termsId);
const licensed = await copyright.isLicensed(work.workId, await licensee.getAddress(), terms.termsId);
const withdrawn = await copyright.withdraw();

console.log(
  JSON.stringify({
    chainId: chainId.toString(),
    evidence: {
      maxAlgorithm: Number(maxAlgorithm),
      gasUsed: anchored.gasUsed.toString(),
      duplicate,
      valid: verified.valid,
    },
    bills: { packageId: issued.packageId.toString(), holder: part.holder, value: part.value, state: part.state },
    copyright: { workId: work.workId.toString(), licensed, withdrawn: withdrawn.amount.toString() },
  }),
);
