import { cliAction } from "../cli.js";
import { participantsClient } from "./client.js";

interface Args {
  account: string;
  reason?: string;
  participants?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await participantsClient(hre, args);
  const mined = await client.unfreeze(args.account, args.reason);
  console.log(`unfroze ${args.account} (tx ${mined.transaction})`);
});
