import { cliAction } from "../cli.js";
import { copyrightClient, currencyOption } from "./client.js";

interface Args {
  currency?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const currency = currencyOption(args.currency);
  const { client, account } = await copyrightClient(hre, args);
  const withdrawn = await client.withdraw(currency);
  console.log(`withdrew ${withdrawn.amount} to ${account} in ${withdrawn.transaction}`);
});
