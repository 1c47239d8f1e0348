import { decimalsOf, formatTokenAmount, parseTokenAmount } from "../amounts.js";
import { cliAction } from "../cli.js";
import { billsClient, parseId } from "./client.js";

interface Args {
  part: string;
  maxPrice?: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const tokenId = parseId(args.part, "part");
  const { client, connection } = await billsClient(hre, args);
  const { token } = await client.package((await client.part(tokenId)).packageId);
  const decimals = await decimalsOf(connection.ethers.provider, token);
  const maxPrice = args.maxPrice === undefined ? undefined : parseTokenAmount(args.maxPrice, decimals, "--max-price");
  const signed = await client.signDiscount(tokenId, maxPrice);
  console.log(
    `discounted part ${args.part}: paid ${formatTokenAmount(signed.price, decimals)} of token ${token} (tx ${signed.transaction})`,
  );
});
