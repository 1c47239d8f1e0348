import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  part: string;
  pledgee: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const mined = await client.pledge(parseId(args.part, "part"), args.pledgee);
  console.log(`offered part ${args.part} in pledge to ${args.pledgee}; it must sign (tx ${mined.transaction})`);
});
