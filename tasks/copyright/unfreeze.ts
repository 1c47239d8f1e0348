import { toWorkId } from "../../src/copyright/client.js";
import { cliAction } from "../cli.js";
import { copyrightClient, workHex } from "./client.js";

interface Args {
  work: string;
  disputes?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  const { client } = await copyrightClient(hre, { ...args, needDisputes: true });
  const mined = await client.unfreeze(workId);
  console.log(`work ${workHex(workId)} unfrozen in ${mined.transaction}`);
});
