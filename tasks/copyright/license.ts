import { toWorkId } from "../../src/copyright/client.js";
import { cliAction, formatTime, integerArgument } from "../cli.js";
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
  const maxFee = args.maxFee === undefined ? undefined : integerArgument(args.maxFee, "--max-fee");
  const { client, account } = await copyrightClient(hre, args);
  if (args.to !== undefined) {
    const granted = await client.grantLicense(workId, args.terms, args.to);
    console.log(`granted ${args.to} a license ${until(granted.end)} in ${granted.transaction}`);
    return;
  }
  const work = await client.getWork(workId);
  console.log(
    work.settled
      ? `work settled since ${formatTime(work.settledAt)}`
      : `warning: work NOT SETTLED until ${formatTime(work.settledAt)}: a reveal can still take it over and void this license`,
  );
  const bought = await client.purchaseLicense(workId, args.terms, { maxFee });
  console.log(
    `licensed ${account} ${until(bought.end)} for ${bought.fee} in ${bought.transaction}, gas ${bought.gasUsed}`,
  );
});
