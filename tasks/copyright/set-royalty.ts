import { toWorkId } from "../../src/copyright/client.js";
import { cliAction, integerArgument } from "../cli.js";
import { copyrightClient, workHex } from "./client.js";

interface Args {
  work: string;
  bps: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  const bps = Number(integerArgument(args.bps, "bps"));
  const { client } = await copyrightClient(hre, args);
  const mined = await client.setWorkRoyalty(workId, bps);
  console.log(`EIP-2981 royalty of work ${workHex(workId)} set to ${bps} bps in ${mined.transaction}`);
});
