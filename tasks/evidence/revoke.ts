import { cliAction, evidenceClient } from "../cli.js";

interface Args {
  id: string;
  reason?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await evidenceClient(hre, args);
  const mined = await client.revoke(args.id, args.reason);
  console.log(`revoked ${args.id} (tx ${mined.transaction})`);
});
