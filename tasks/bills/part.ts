import { cliAction } from "../cli.js";
import { billsClient, describePart, parseId } from "./client.js";

interface Args {
  part: string;
  bills?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, { ...args, readOnly: true });
  const id = parseId(args.part, "part");
  console.log(describePart(await client.part(id)));
  console.log(`endorsement chain: ${(await client.chain(id)).join(" -> ")}`);
});
