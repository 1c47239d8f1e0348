import { cliAction } from "../cli.js";
import { billsClient, parseId, yuan } from "./client.js";

interface Args {
  part: string;
  bills?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, { ...args, readOnly: true });
  const id = parseId(args.part, "part");
  const claim = await client.pendingClaim(id);
  if (claim === null) {
    console.log(`no recourse claim is pending on part ${id}`);
    return;
  }
  console.log(
    `part ${id}: ${claim.claimant} claims ${yuan(claim.yuan)} yuan (${claim.amount} token units) from ${claim.target}`,
  );
});
