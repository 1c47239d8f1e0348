import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  package: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const id = parseId(args.package, "package");
  const mined = await client.cancel(id);
  console.log(`cancelled package ${id} (tx ${mined.transaction}, gas ${mined.gasUsed})`);
});
