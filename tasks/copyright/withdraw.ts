import { decimalsOf, formatTokenAmount } from "../amounts.js";
import { cliAction } from "../cli.js";
import { copyrightClient, currencyOption } from "./client.js";

interface Args {
  currency?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const currency = currencyOption(args.currency);
  const { client, account, connection } = await copyrightClient(hre, args);
  const decimals = await decimalsOf(connection.ethers.provider, currency);
  const withdrawn = await client.withdraw(currency);
  console.log(`withdrew ${formatTokenAmount(withdrawn.amount, decimals)} to ${account} in ${withdrawn.transaction}`);
});
