import { parseYuan } from "../../src/bills/index.js";
import { cliAction } from "../cli.js";
import { billsClient, parseId, yuan } from "./client.js";
import { readConsent } from "./consent-file.js";

interface Args {
  part: string;
  to: string;
  amount: string;
  consent?: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client, connection } = await billsClient(hre, args);
  const part = parseId(args.part, "part");
  if (args.consent === undefined) {
    const offered = await client.endorse(part, args.to, args.amount);
    console.log(
      `offered ${yuan(args.amount)} yuan to ${args.to} as part ${offered.tokenId}; it must sign (tx ${offered.transaction})`,
    );
    console.log(`ENDORSED=${offered.tokenId}`);
    return;
  }
  const consent = await readConsent(args.consent, {
    chainId: (await connection.ethers.provider.getNetwork()).chainId,
    bills: client.contract.target as string,
    fromTokenId: part,
    to: args.to,
    units: parseYuan(args.amount),
  });
  const endorsed = await client.endorseWithSignature(consent);
  console.log(
    `endorsed ${yuan(args.amount)} yuan to ${args.to} as part ${endorsed.tokenId}, signed by the endorsee ` +
      `(tx ${endorsed.transaction}, gas ${endorsed.gasUsed})`,
  );
  console.log(`ENDORSED=${endorsed.tokenId}`);
});
