import {
  UntrustedRegistryError,
  DeploymentNotFoundError,
  InvalidInputError,
  WrongNetworkError,
} from "../../src/errors.js";
import { EvidenceClient } from "../../src/evidence/client.js";
import { algorithmId, type HashAlgorithmName } from "../../src/hash.js";
import { readReceipt } from "../../src/evidence/receipt.js";
import { describeVerdict, verdictJson, type EvidenceVerification } from "../../src/evidence/verdict.js";
import { cliAction, deployedAddress, journalAddressOf } from "../cli.js";

interface Args {
  file: string;
  receipt?: string;
  algorithm: string;
  registry?: string;
  acceptReceiptContract: boolean;
  json: boolean;
}

const REGISTRY = "Evidence#EvidenceRegistry";

/**
 * Prints the verdict: its one-line summary (stdout when VERIFIED, stderr otherwise) and the fields it rests on, or the
 * verdict as JSON with `--json`. Exits 0 only for VERIFIED.
 */
function report(verdict: EvidenceVerification, json: boolean): void {
  if (!verdict.valid) process.exitCode = 1;
  if (json) {
    console.log(verdictJson(verdict));
    return;
  }
  const [summary, ...fields] = describeVerdict(verdict);
  if (verdict.valid) console.log(summary);
  else console.error(summary);
  for (const line of fields) console.log(line);
}

export default cliAction<Args>(async (args, hre) => {
  const connection = await hre.network.create();
  const provider = connection.ethers.provider;
  const { chainId } = await provider.getNetwork();
  const known = await journalAddressOf(connection, REGISTRY);
  const file = args.file === "" ? undefined : args.file;

  if (args.receipt === undefined) {
    if (file === undefined) throw new InvalidInputError("give the document, its --receipt, or both");
    algorithmId(args.algorithm);
    const registry = await deployedAddress(connection, REGISTRY, args.registry, "--registry");
    const client = new EvidenceClient(registry, provider);
    const knownDeployment = known?.toLowerCase() === registry.toLowerCase();
    report(await client.verifyFile(file, args.algorithm as HashAlgorithmName, { knownDeployment }), args.json);
    return;
  }

  const receipt = await readReceipt(args.receipt);
  // Another chain's receipt is the wrong network whatever registry it names: said first, as the SDK and portal do.
  if (BigInt(receipt.chainId) !== chainId) throw new WrongNetworkError(BigInt(receipt.chainId), chainId, "the receipt");
  // The registry is the verifier's: --registry, else the network's deployment; the receipt's own is only taken when
  // the user says so, and the verdict then says it is not a known deployment.
  let trusted = args.registry ?? known;
  const hint = "pass --accept-receipt-contract to check it against the receipt's contract anyway";
  if (trusted === undefined && !args.acceptReceiptContract) {
    throw new DeploymentNotFoundError(
      `no ${REGISTRY} deployed on chain ${chainId} (network "${connection.networkName}"): pass --registry with the registry you trust, or --accept-receipt-contract to check the receipt's contract`,
    );
  }
  if (trusted === undefined || trusted.toLowerCase() !== receipt.contract.toLowerCase()) {
    if (!args.acceptReceiptContract) throw new UntrustedRegistryError(receipt.contract, trusted!, chainId, hint);
    trusted = receipt.contract;
  }
  const registry = await deployedAddress(connection, REGISTRY, trusted, "the receipt's contract");
  const client = new EvidenceClient(registry, provider);
  const knownDeployment = known?.toLowerCase() === registry.toLowerCase();
  report(await client.verifyReceipt(receipt, { file, knownDeployment }), args.json);
});
