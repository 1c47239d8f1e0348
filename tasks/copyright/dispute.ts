import { toWorkId } from "../../src/copyright/client.js";
import { cliAction } from "../cli.js";
import { copyrightClient, workHex } from "./client.js";

interface Args {
  work: string;
  evidence: string;
  disputes?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  const { client } = await copyrightClient(hre, { ...args, needDisputes: true });
  const raised = await client.raiseDispute(workId, args.evidence);
  console.log(`dispute ${raised.disputeId} raised against work ${workHex(workId)} in ${raised.transaction}`);
});
