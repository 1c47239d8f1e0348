import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  part: string;
  target: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const mined = await client.claimRecourse(parseId(args.part, "part"), args.target);
  console.log(`claimed part ${args.part}'s value from ${args.target} (tx ${mined.transaction})`);
});
