import { toWorkId } from "../../src/copyright/client.js";
import { cliAction } from "../cli.js";
import { copyrightClient, currencyOption } from "./client.js";

interface Args {
  fee: bigint;
  currency?: string;
  duration: bigint;
  territory?: string;
  royalty: number;
  exclusive: boolean;
  derivatives: boolean;
  sublicensable: boolean;
  nonCommercial: boolean;
  work?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = args.work === undefined ? undefined : toWorkId(args.work);
  const { client } = await copyrightClient(hre, args);
  const registered = await client.registerTerms({
    fee: args.fee,
    currency: currencyOption(args.currency),
    duration: args.duration,
    territory: args.territory,
    royaltyBps: args.royalty,
    exclusive: args.exclusive,
    derivativesAllowed: args.derivatives,
    sublicensable: args.sublicensable,
    commercialUse: !args.nonCommercial,
  });
  console.log(`terms ${registered.termsId} registered in ${registered.transaction}`);
  if (workId !== undefined) {
    const attached = await client.attachTerms(workId, registered.termsId);
    console.log(`offered on work ${workId} in ${attached.transaction}`);
  }
});
