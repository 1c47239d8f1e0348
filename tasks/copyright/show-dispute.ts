import { InvalidInputError } from "../../src/errors.js";
import { cliAction, formatTime } from "../cli.js";
import { copyrightClient, disputeId, workHex } from "./client.js";

interface Args {
  dispute: string;
  disputes?: string;
  registry?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const id = disputeId(args.dispute);
  const { client } = await copyrightClient(hre, { ...args, needDisputes: true, readOnly: true });
  const dispute = await client.getDispute(id);
  if (dispute.status === "none") throw new InvalidInputError(`no dispute ${args.dispute}`);
  console.log(`dispute ${dispute.disputeId}: ${dispute.status}`);
  console.log(`  work ${workHex(dispute.workId)}`);
  console.log(`  evidence ${dispute.evidenceId}, anchored ${formatTime(dispute.evidenceTime)}`);
  console.log(`  work priority ${formatTime(dispute.priorityTime)}`);
  const first = { evidence: "the evidence came first", work: "the work came first", same: "both at the same time" };
  console.log(`  ${first[dispute.earlier]}`);
  console.log(`  raised by ${dispute.claimant} at ${formatTime(Number(dispute.raisedAt))}`);
});
