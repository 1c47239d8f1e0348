import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { DeploymentNotFoundError, InvalidInputError, UntrustedRegistryError } from "../../src/errors.js";
import { EvidenceClient } from "../../src/evidence/client.js";
import { evidenceCertificate, isLoopbackUrl } from "../../src/evidence/certificate.js";
import { readReceipt } from "../../src/evidence/receipt.js";
import { describeVerdict } from "../../src/evidence/verdict.js";
import { cliAction, deployedAddress, journalAddressOf, projectRoot } from "../cli.js";

interface Args {
  receipt: string;
  out: string;
  portal: string;
  document?: string;
  rpc?: string;
  registry?: string;
  acceptReceiptContract: boolean;
}

const REGISTRY = "Evidence#EvidenceRegistry";

/** The font the certificate embeds (a subset of it): Noto Sans SC, a devDependency, so the CLI runs from the repo. */
export const CERTIFICATE_FONT = path.join(
  projectRoot,
  "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
);

/**
 * The network's RPC URL when it is a local node's, on this computer's loopback (a remote URL may carry a key: it goes in
 * the QR code only by --rpc). Exported for its test.
 */
export async function localRpcUrl(networkConfig: unknown): Promise<string | undefined> {
  const { type, url } = networkConfig as { type?: string; url?: { getUrl?: () => Promise<string> } };
  if (type !== "http" || typeof url?.getUrl !== "function") return undefined;
  const text = await url.getUrl();
  return isLoopbackUrl(text) ? text : undefined;
}

export default cliAction<Args>(async (args, hre) => {
  try {
    new URL(args.portal);
  } catch {
    throw new InvalidInputError(`--portal is not a URL: ${args.portal}`);
  }
  const receipt = await readReceipt(args.receipt);
  let font: Uint8Array;
  try {
    font = await readFile(CERTIFICATE_FONT);
  } catch {
    throw new InvalidInputError(`the certificate's font is missing: ${CERTIFICATE_FONT} (run npm install)`);
  }

  const connection = await hre.network.create();
  const provider = connection.ethers.provider;
  const { chainId } = await provider.getNetwork();
  const known = await journalAddressOf(connection, REGISTRY);
  // The registry is the verifier's, as for `evidence verify`: --registry, else the network's deployment.
  let trusted = args.registry ?? known;
  if (trusted === undefined && !args.acceptReceiptContract) {
    throw new DeploymentNotFoundError(
      `no ${REGISTRY} deployed on chain ${chainId} (network "${connection.networkName}"): pass --registry with the registry you trust, or --accept-receipt-contract to check the receipt's contract`,
    );
  }
  if (trusted === undefined || trusted.toLowerCase() !== receipt.contract.toLowerCase()) {
    if (!args.acceptReceiptContract) {
      throw new UntrustedRegistryError(
        receipt.contract,
        trusted!,
        chainId,
        "pass --accept-receipt-contract to certify it against the receipt's contract anyway",
      );
    }
    trusted = receipt.contract;
  }
  const registry = await deployedAddress(connection, REGISTRY, trusted, "the receipt's contract");
  const client = new EvidenceClient(registry, provider);
  const knownDeployment = known?.toLowerCase() === registry.toLowerCase();
  const verification = await client.verifyReceipt(receipt, { file: args.document, knownDeployment });
  // evidenceCertificate refuses a CONTENT MISMATCH or NOT ANCHORED verdict (InvalidInputError) before anything is
  // written: no cert.pdf, the error line and a non-zero exit.

  const rpcUrl = args.rpc ?? (await localRpcUrl(connection.networkConfig));
  const pdf = await evidenceCertificate({
    receipt,
    verification,
    font,
    portalUrl: args.portal,
    rpcUrl,
    registry,
    documentName: args.document === undefined ? undefined : path.basename(args.document),
  });
  try {
    await writeFile(args.out, pdf);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new InvalidInputError(`cannot write the certificate to ${args.out}${code === "" ? "" : ` (${code})`}`);
  }
  console.log(`certificate written to ${path.resolve(args.out)} (${pdf.length} bytes, 1 page)`);
  console.log(describeVerdict(verification)[0]);
  if (rpcUrl === undefined) {
    console.log(
      "  its QR code names no RPC URL (the portal asks the network the reader chooses); pass --rpc to set one",
    );
  }
});
