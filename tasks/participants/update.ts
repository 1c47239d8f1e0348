import { cliAction, formatTime } from "../cli.js";
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
  const validUntil = await resolveTime(connection, args.validUntil, "--valid-until");
  const mined = await client.update(args.account, { roles: args.roles, validUntil });
  const shown = validUntil instanceof Date ? validUntil.toISOString() : formatTime(Number(validUntil));
  console.log(`updated ${args.account}: ${args.roles} until ${shown} (tx ${mined.transaction})`);
});
