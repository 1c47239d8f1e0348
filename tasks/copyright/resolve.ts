import { InvalidInputError } from "../../src/errors.js";
import { cliAction } from "../cli.js";
import { copyrightClient, disputeId } from "./client.js";

interface Args {
  dispute: string;
  upheld: boolean;
  owner?: string;
  disputes?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const id = disputeId(args.dispute);
  if (!args.upheld && args.owner !== undefined) throw new InvalidInputError("--owner needs --upheld");
  const { client } = await copyrightClient(hre, { ...args, needDisputes: true });
  const ruled = await client.resolveDispute(id, args.upheld, args.owner);
  const outcome = args.upheld ? `upheld: work frozen${args.owner ? `, moved to ${args.owner}` : ""}` : "rejected";
  console.log(`dispute ${args.dispute} ${outcome} in ${ruled.transaction}`);
});
