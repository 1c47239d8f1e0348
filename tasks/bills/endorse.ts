import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  part: string;
  to: string;
  amount: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const offered = await client.endorse(parseId(args.part, "part"), args.to, args.amount);
  console.log(
    `offered ${args.amount} yuan to ${args.to} as part ${offered.tokenId}; it must sign (tx ${offered.transaction})`,
  );
});
