import type { HashAlgorithmName } from "../../src/evidence/hash.js";
import { algorithmId } from "../../src/evidence/hash.js";
import { readReceipt } from "../../src/evidence/receipt.js";
import type { EvidenceStatus } from "../../src/evidence/client.js";
import { cliAction, evidenceClient, formatTime } from "../cli.js";

interface Args {
  file: string;
  receipt?: string;
  algorithm: string;
  registry?: string;
}

function describe(status: EvidenceStatus): string[] {
  const lines = [
    `submitter:  ${status.submitter}`,
    `anchored:   ${formatTime(status.time)} (block ${status.blockNumber})${status.batched ? ", in a batch" : ""}`,
    `algorithm:  ${status.algorithmName}`,
  ];
  if (status.witnessThreshold > 0) {
    lines.push(
      `witnesses:  ${status.witnessSignatures} of ${status.witnessThreshold} required${status.witnessed ? " (witnessed)" : ""}`,
    );
  }
  if (status.revoked) lines.push(`REVOKED:    ${formatTime(status.revokedAt)}`);
  if (status.supersededBy !== null) lines.push(`superseded by ${status.supersededBy}`);
  return lines;
}

export default cliAction<Args>(async (args, hre) => {
  if (args.receipt !== undefined) {
    const receipt = await readReceipt(args.receipt);
    const { client } = await evidenceClient(hre, { registry: args.registry ?? receipt.contract, readOnly: true });
    const result = await client.verifyReceipt(receipt, args.file);
    if (!result.valid) {
      console.error(`NOT VERIFIED: ${result.reason}`);
      process.exitCode = 1;
      return;
    }
    console.log(`VERIFIED ${receipt.digest}`);
    for (const line of describe(result)) console.log(`  ${line}`);
    return;
  }
  algorithmId(args.algorithm);
  const { client } = await evidenceClient(hre, { ...args, readOnly: true });
  const status = await client.verifyFile(args.file, args.algorithm as HashAlgorithmName);
  if (!status.exists) {
    console.error(
      `NOT ANCHORED: ${args.algorithm} digest ${status.digest} (batched or salted documents need --receipt)`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`VERIFIED ${status.digest}`);
  for (const line of describe(status)) console.log(`  ${line}`);
});
