import { cliAction } from "../cli.js";
import { participantsClient } from "./client.js";

interface Args {
  account: string;
  participants?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await participantsClient(hre, args);
  const mined = await client.reinstate(args.account);
  console.log(`reinstated ${args.account} (tx ${mined.transaction})`);
});
