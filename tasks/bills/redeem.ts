import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  part: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const redeemed = await client.redeem(parseId(args.part, "part"));
  console.log(`paid ${redeemed.amount} token units to ${redeemed.beneficiary} (tx ${redeemed.transaction})`);
});
