import { toWorkId } from "../../src/copyright/client.js";
import { InvalidInputError } from "../../src/errors.js";
import { cliAction, formatTime } from "../cli.js";
import { copyrightClient } from "./client.js";

interface Args {
  work: string;
  terms: string;
  to?: string;
  maxFee?: string;
  registry?: string;
  from?: string;
}

const PERPETUAL = 2n ** 64n - 1n;
const until = (end: bigint) => (end === PERPETUAL ? "perpetual" : `until ${formatTime(Number(end))}`);

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  if (args.maxFee !== undefined && !/^[0-9]+$/.test(args.maxFee)) {
    throw new InvalidInputError(`--max-fee must be an integer amount, got "${args.maxFee}"`);
  }
  const { client, account } = await copyrightClient(hre, args);
  if (args.to !== undefined) {
    const granted = await client.grantLicense(workId, args.terms, args.to);
    console.log(`granted ${args.to} a license ${until(granted.end)} in ${granted.transaction}`);
    return;
  }
  const maxFee = args.maxFee === undefined ? undefined : BigInt(args.maxFee);
  const bought = await client.purchaseLicense(workId, args.terms, { maxFee });
  console.log(
    `licensed ${account} ${until(bought.end)} for ${bought.fee} in ${bought.transaction}, gas ${bought.gasUsed}`,
  );
});
