import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  part: string;
  maxPrice?: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const maxPrice = args.maxPrice === undefined ? undefined : parseId(args.maxPrice, "--max-price");
  const signed = await client.signDiscount(parseId(args.part, "part"), maxPrice);
  console.log(`discounted part ${args.part}: paid ${signed.price} token units (tx ${signed.transaction})`);
});
