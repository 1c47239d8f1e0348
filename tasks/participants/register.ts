import { cliAction } from "../cli.js";
import { resolveTime, participantsClient } from "./client.js";

interface Args {
  account: string;
  org: string;
  roles: string;
  validUntil: string;
  participants?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client, connection } = await participantsClient(hre, args);
  const mined = await client.register({
    account: args.account,
    org: args.org,
    roles: args.roles,
    validUntil: await resolveTime(connection, args.validUntil, "--valid-until"),
  });
  console.log(`registered ${args.account} as ${args.roles} (org id ${mined.orgId}, tx ${mined.transaction})`);
});
