import { toWorkId } from "../../src/copyright/client.js";
import { cliAction } from "../cli.js";
import { copyrightClient, workHex } from "./client.js";

interface Args {
  work: string;
  terms: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  const { client } = await copyrightClient(hre, args);
  const mined = await client.disableTerms(workId, args.terms);
  console.log(
    `terms ${args.terms} no longer on sale for work ${workHex(workId)} (running licenses stay) in ${mined.transaction}`,
  );
});
