import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  package: string;
  reason?: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const mined = await client.dishonor(parseId(args.package, "package"), args.reason);
  console.log(`dishonoured package ${args.package} (tx ${mined.transaction})`);
});
