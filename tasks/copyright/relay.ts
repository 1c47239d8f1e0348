import { cliAction } from "../cli.js";
import { copyrightClient } from "./client.js";
import { readRequest } from "./request-file.js";

interface Args {
  request: string;
  relay?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const signed = await readRequest(args.request);
  const { client, account } = await copyrightClient(hre, { ...args, needRelay: true });
  const relayed = await client.relayRegistration(signed);
  console.log(
    `relayed: work ${signed.digest} registered to ${signed.creator} (gas paid by ${account}) in ${relayed.transaction}`,
  );
});
