import { cliAction } from "../cli.js";
import { billsClient, parseId, yuan } from "./client.js";

interface Args {
  part: string;
  amount: string;
  bills?: string;
  from?: string;
}

// The pledgee states the value it saw offered (from `bills part`), never the value read at sending time: a pledgor
// who re-offered the part with less value meanwhile is then refused (PledgeValueChanged).
export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const id = parseId(args.part, "part");
  const mined = await client.signPledge(id, args.amount);
  console.log(
    `accepted part ${id} in pledge for ${yuan(args.amount)} yuan (tx ${mined.transaction}, gas ${mined.gasUsed})`,
  );
});
