import { InvalidInputError } from "../../src/errors.js";
import { cliAction, formatTime } from "../cli.js";
import { copyrightClient } from "./client.js";

interface Args {
  dispute: string;
  disputes?: string;
  registry?: string;
}

export default cliAction<Args>(async (args, hre) => {
  if (!/^[0-9]+$/.test(args.dispute)) throw new InvalidInputError(`dispute id must be a number, got "${args.dispute}"`);
  const { client } = await copyrightClient(hre, { ...args, needDisputes: true, readOnly: true });
  const dispute = await client.getDispute(BigInt(args.dispute));
  if (dispute.status === "none") throw new InvalidInputError(`no dispute ${args.dispute}`);
  console.log(`dispute ${dispute.disputeId}: ${dispute.status}`);
  console.log(`  work ${dispute.workId}`);
  console.log(`  evidence ${dispute.evidenceId}`);
  console.log(`  raised by ${dispute.claimant} at ${formatTime(Number(dispute.raisedAt))}`);
});
