import { cliAction } from "../cli.js";
import { billsClient, parseId, yuan } from "./client.js";

interface Args {
  part: string;
  amount: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const split = await client.split(parseId(args.part, "part"), args.amount);
  console.log(`split ${yuan(args.amount)} yuan into part ${split.tokenId} (tx ${split.transaction})`);
  console.log(`SPLIT=${split.tokenId}`);
});
