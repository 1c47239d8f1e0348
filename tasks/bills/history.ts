import { describeBillEvent } from "../../src/bills/index.js";
import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  package: string;
  part?: string;
  fromBlock?: string;
  bills?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, { ...args, readOnly: true });
  const packageId = parseId(args.package, "package");
  const range = { fromBlock: args.fromBlock === undefined ? 0 : parseId(args.fromBlock, "--from-block") };
  const events =
    args.part === undefined
      ? await client.history(packageId, range)
      : await client.partHistory(parseId(args.part, "--part"), range);
  if (events.length === 0) {
    console.log(`no events for package ${packageId}${args.part === undefined ? "" : ` part ${args.part}`}`);
    return;
  }
  for (const event of events) console.log(`block ${event.blockNumber}: ${event.name}: ${describeBillEvent(event)}`);
});
