import { cliAction } from "../cli.js";
import { billsClient, parseId, yuan } from "./client.js";

interface Args {
  part: string;
  financier: string;
  amount: string;
  rate: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const offered = await client.offerDiscount(parseId(args.part, "part"), args.financier, args.amount, args.rate);
  const quote = await client.discountPrice(offered.tokenId);
  console.log(
    `offered ${yuan(args.amount)} yuan at ${args.rate}% to ${args.financier} as part ${offered.tokenId}; ` +
      `price now ${quote.price} token units for ${quote.days} days (tx ${offered.transaction})`,
  );
});
