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
  const mined = await client.suspend(args.account, args.reason);
  console.log(`suspended ${args.account} (tx ${mined.transaction})`);
});
