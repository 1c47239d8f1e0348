import { toWorkId } from "../../src/copyright/client.js";
import { InvalidInputError } from "../../src/errors.js";
import { decimalsOf, formatTokenAmount, parseTokenAmount } from "../amounts.js";
import { cliAction } from "../cli.js";
import { copyrightClient, currencyOption, workHex } from "./client.js";

interface Args {
  work: string;
  amount: string;
  currency?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  const currency = currencyOption(args.currency);
  if (args.amount.trim().startsWith("-"))
    throw new InvalidInputError(`amount must not be negative, got "${args.amount}"`);
  const { client, connection } = await copyrightClient(hre, args);
  const decimals = await decimalsOf(connection.ethers.provider, currency);
  const amount = parseTokenAmount(args.amount, decimals, "amount");
  const show = (units: bigint) => formatTokenAmount(units, decimals);
  const paid = await client.payRevenue(workId, amount, { currency });
  console.log(
    `paid ${show(amount)} in for work ${workHex(workId)}: ${show(paid.royalties)} to its parents' payees, ${show(amount - paid.royalties)} to its payees, in ${paid.transaction}`,
  );
});
