import { cliAction } from "../cli.js";
import { participantsClient } from "./client.js";

interface Args {
  account: string;
  reason?: string;
  participants?: string;
  from?: string;
}

/** The action of a task that changes one participant's standing: KYC suspend/reinstate, regulator freeze/unfreeze. */
export function standingAction(change: "suspend" | "reinstate" | "freeze" | "unfreeze", done: string) {
  return cliAction<Args>(async (args, hre) => {
    const { client } = await participantsClient(hre, args);
    const mined =
      change === "reinstate" ? await client.reinstate(args.account) : await client[change](args.account, args.reason);
    console.log(`${done} ${args.account} (tx ${mined.transaction})`);
  });
}
