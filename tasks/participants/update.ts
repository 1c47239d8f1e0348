import { cliAction } from "../cli.js";
import { resolveTime, participantsClient } from "./client.js";

interface Args {
  account: string;
  roles: string;
  validUntil: string;
  participants?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client, connection } = await participantsClient(hre, args);
  const mined = await client.update(args.account, {
    roles: args.roles,
    validUntil: await resolveTime(connection, args.validUntil, "--valid-until"),
  });
  console.log(`updated ${args.account}: ${args.roles} until ${args.validUntil} (tx ${mined.transaction})`);
});
