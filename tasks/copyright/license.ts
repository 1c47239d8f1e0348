import { toWorkId } from "../../src/copyright/client.js";
import { InvalidInputError } from "../../src/errors.js";
import { decimalsOf, formatTokenAmount, parseTokenAmount } from "../amounts.js";
import { cliAction, formatTime } from "../cli.js";
import { copyrightClient, until } from "./client.js";

interface Args {
  work: string;
  terms: string;
  to?: string;
  maxFee?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  if (args.maxFee?.trim().startsWith("-"))
    throw new InvalidInputError(`--max-fee must not be negative, got "${args.maxFee}"`);
  const { client, account, connection } = await copyrightClient(hre, args);
  if (args.to !== undefined) {
    const granted = await client.grantLicense(workId, args.terms, args.to);
    console.log(`granted ${args.to} a license ${until(granted.end)} in ${granted.transaction}`);
    return;
  }
  // A work that is not settled yet cannot be licensed: the SDK refuses before approving or sending anything.
  const work = await client.getWork(workId);
  if (work.settled) console.log(`work settled since ${formatTime(work.settledAt)}`);
  const terms = await client.getTerms(args.terms);
  const decimals = await decimalsOf(connection.ethers.provider, String(terms.currency));
  const maxFee = args.maxFee === undefined ? undefined : parseTokenAmount(args.maxFee, decimals, "--max-fee");
  const bought = await client.purchaseLicense(workId, args.terms, { maxFee });
  console.log(
    `licensed ${account} ${until(bought.end)} for ${formatTokenAmount(bought.fee, decimals)} in ${bought.transaction}, gas ${bought.gasUsed}`,
  );
});
