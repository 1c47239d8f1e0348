import { toWorkId } from "../../src/copyright/client.js";
import { cliAction } from "../cli.js";
import { copyrightClient } from "./client.js";

interface Args {
  work: string;
  account: string;
  terms: string;
  registry?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  const { client } = await copyrightClient(hre, { ...args, readOnly: true });
  const work = await client.getWork(workId);
  const licensed = await client.isLicensed(workId, args.account, args.terms);
  console.log(`work ${work.digest}: owner ${work.owner}${work.frozen ? ", FROZEN" : ""}`);
  console.log(`${args.account} ${licensed ? "is" : "is NOT"} licensed under ${args.terms}`);
  // 2, not 1: "not licensed" is an answer, not an error (so documented in --help and the README).
  if (!licensed) process.exitCode = 2;
});
