// What an integrator's service does with the package: connect to a chain, find the deployed registry, anchor a
// document, handle a typed revert, and verify a receipt with nothing but a provider. Prints one JSON line.
import { JsonRpcProvider, Wallet } from "ethers";

import {
  ContractRevertError,
  EvidenceClient,
  deploymentOf,
  hashBytes,
  verifyReceipt,
  type EvidenceReceipt,
} from "@chainproof/contracts";
import { EvidenceRegistry__factory } from "@chainproof/contracts/typechain-types";

const provider = new JsonRpcProvider(process.env.RPC_URL ?? "http://127.0.0.1:8545");
const chainId = (await provider.getNetwork()).chainId;
const signer = process.env.PRIVATE_KEY ? new Wallet(process.env.PRIVATE_KEY, provider) : await provider.getSigner(0);

const address = process.env.EVIDENCE_REGISTRY ?? deploymentOf(chainId)?.EvidenceRegistry;
if (address === undefined) throw new Error(`no EvidenceRegistry known on chain ${chainId}; set EVIDENCE_REGISTRY`);

// The typed binding, for calls the SDK does not wrap.
const registry = EvidenceRegistry__factory.connect(address, provider);
const maxAlgorithm: bigint = await registry.MAX_ALGORITHM();

const client = new EvidenceClient(address, signer);
const digest = hashBytes(`integrator document ${Date.now()}`, "sm3");
const mined = await client.anchor(digest, "sm3", { metadata: "invoice 42" });

let duplicate = "";
try {
  await client.anchor(digest, "sm3");
} catch (error) {
  if (!(error instanceof ContractRevertError)) throw error;
  duplicate = error.errorName;
}

const receipt: EvidenceReceipt = {
  version: 1,
  digest,
  algorithm: "sm3",
  chainId: chainId.toString(),
  contract: address,
  transaction: mined.transaction,
  blockNumber: mined.blockNumber,
};
const verified = await verifyReceipt(receipt, provider);

console.log(
  JSON.stringify({
    chainId: chainId.toString(),
    maxAlgorithm: Number(maxAlgorithm),
    anchored: digest,
    gasUsed: mined.gasUsed.toString(),
    duplicate,
    valid: verified.valid,
    submitter: verified.submitter,
  }),
);
