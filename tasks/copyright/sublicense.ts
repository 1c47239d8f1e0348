import { toWorkId } from "../../src/copyright/client.js";
import { cliAction } from "../cli.js";
import { copyrightClient, until } from "./client.js";

interface Args {
  work: string;
  terms: string;
  to: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  const { client, account } = await copyrightClient(hre, args);
  const mined = await client.sublicense(workId, args.terms, args.to);
  const license = await client.getLicense(workId, args.to, args.terms);
  console.log(`${account} sublicensed ${args.to} ${until(license.end)} in ${mined.transaction}`);
});
