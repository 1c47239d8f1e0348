import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  part: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const id = parseId(args.part, "part");
  const mined = await client.withdraw(id);
  console.log(`withdrew offer ${id} (tx ${mined.transaction}, gas ${mined.gasUsed})`);
});
