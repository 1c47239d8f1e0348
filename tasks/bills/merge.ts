import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  fromPart: string;
  toPart: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const mined = await client.merge(parseId(args.fromPart, "from part"), parseId(args.toPart, "to part"));
  console.log(`merged part ${args.fromPart} into ${args.toPart} (tx ${mined.transaction})`);
});
