import { toWorkId } from "../../src/copyright/client.js";
import { cliAction, integerArgument } from "../cli.js";
import { copyrightClient, currencyOption } from "./client.js";

interface Args {
  work: string;
  amount: string;
  currency?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  const amount = integerArgument(args.amount, "amount");
  const currency = currencyOption(args.currency);
  const { client } = await copyrightClient(hre, args);
  const paid = await client.payRevenue(workId, amount, { currency });
  console.log(
    `paid ${amount} in for work ${workId}: ${paid.royalties} to its parents' payees, ${amount - paid.royalties} to its payees, in ${paid.transaction}`,
  );
});
