import { ZeroAddress } from "ethers";

import { toWorkId } from "../../src/copyright/client.js";
import { InvalidInputError } from "../../src/errors.js";
import { decimalsOf, formatTokenAmount, parseTokenAmount } from "../amounts.js";
import { cliAction } from "../cli.js";
import { copyrightClient, currencyOption, workHex } from "./client.js";

interface Args {
  fee: string;
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
  const currency = currencyOption(args.currency);
  if (args.fee.trim().startsWith("-")) throw new InvalidInputError(`--fee must not be negative, got "${args.fee}"`);
  const { client, connection } = await copyrightClient(hre, args);
  const decimals = await decimalsOf(connection.ethers.provider, currency);
  const fee = parseTokenAmount(args.fee, decimals, "--fee");
  const registered = await client.registerTerms({
    fee,
    currency,
    duration: args.duration,
    territory: args.territory,
    royaltyBps: args.royalty,
    exclusive: args.exclusive,
    derivativesAllowed: args.derivatives,
    sublicensable: args.sublicensable,
    commercialUse: !args.nonCommercial,
  });
  const unit = currency === ZeroAddress ? "native" : currency;
  console.log(
    `terms ${registered.termsId} registered (fee ${formatTokenAmount(fee, decimals)} ${unit}) in ${registered.transaction}`,
  );
  console.log(`TERMS=${registered.termsId}`);
  if (workId !== undefined) {
    const attached = await client.attachTerms(workId, registered.termsId);
    console.log(`offered on work ${workHex(workId)} in ${attached.transaction}`);
  }
});
