import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  part: string;
  unfreeze: boolean;
  reason?: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const mined = await client.setPartFrozen(parseId(args.part, "part"), !args.unfreeze, args.reason);
  console.log(`${args.unfreeze ? "unfroze" : "froze"} part ${args.part} (tx ${mined.transaction})`);
});
