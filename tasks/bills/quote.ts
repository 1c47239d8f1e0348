import { InvalidInputError } from "../../src/errors.js";
import { cliAction } from "../cli.js";
import { billsClient, parseId, yuan } from "./client.js";

interface Args {
  part: string;
  amount?: string;
  rate?: string;
  bills?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, { ...args, readOnly: true });
  const id = parseId(args.part, "part");
  const part = await client.part(id);
  if (part.state === "discount-offered") {
    const quote = await client.discountPrice(id);
    console.log(
      `discount offer ${id}: ${yuan(part.value)} yuan for ${yuan(quote.yuan)} yuan (${quote.price} token units), ` +
        `${quote.days} days charged, if signed now`,
    );
    return;
  }
  if (args.amount === undefined || args.rate === undefined) {
    throw new InvalidInputError(
      `part ${id} is ${part.state}, not a discount offer: give --amount and --rate to quote it`,
    );
  }
  const quote = await client.quoteDiscount(id, args.amount, args.rate);
  console.log(
    `discounting ${yuan(args.amount)} yuan of part ${id} at ${args.rate}% now: ${yuan(quote.yuan)} yuan ` +
      `(${quote.price} token units), ${quote.days} days charged`,
  );
});
