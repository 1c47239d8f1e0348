import type { EvidenceVerification } from "../../src/evidence/client.js";
import type { HashAlgorithmName } from "../../src/evidence/hash.js";
import { algorithmId } from "../../src/evidence/hash.js";
import { readReceipt } from "../../src/evidence/receipt.js";
import { cliAction, evidenceClient, formatTime } from "../cli.js";
import { describeStatus } from "./format.js";

interface Args {
  file: string;
  receipt?: string;
  algorithm: string;
  registry?: string;
}

/**
 * Prints the verdict: VERIFIED (exit 0), or REVOKED / NOT ANCHORED / NOT VERIFIED on stderr (exit 1). `algorithm` is
 * given when the file was checked by its digest alone, without a receipt.
 */
function report(result: EvidenceVerification, algorithm?: string): void {
  if (result.valid) {
    console.log(`VERIFIED ${result.digest}`);
    for (const line of describeStatus(result)) console.log(line);
    return;
  }
  process.exitCode = 1;
  if (result.contentMatches !== false && result.anchored && result.revoked) {
    console.error(
      `REVOKED ${result.digest}: revoked ${formatTime(result.revokedAt)}, reason ${result.revocationReason ?? "unknown"}`,
    );
    for (const line of describeStatus(result, result.revocationReason)) console.log(line);
  } else if (algorithm !== undefined && !result.exists) {
    console.error(`NOT ANCHORED: ${algorithm} digest ${result.digest} (batched or salted documents need --receipt)`);
  } else {
    console.error(`NOT VERIFIED: ${result.reason}`);
  }
}

export default cliAction<Args>(async (args, hre) => {
  if (args.receipt !== undefined) {
    const receipt = await readReceipt(args.receipt);
    const { client } = await evidenceClient(hre, { registry: args.registry ?? receipt.contract, readOnly: true });
    report(await client.verifyReceipt(receipt, args.file));
    return;
  }
  algorithmId(args.algorithm);
  const { client } = await evidenceClient(hre, { ...args, readOnly: true });
  report(await client.verifyFile(args.file, args.algorithm as HashAlgorithmName), args.algorithm);
});
