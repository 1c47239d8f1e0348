import { cliAction, evidenceClient } from "../cli.js";

interface Args {
  id: string;
  newId: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await evidenceClient(hre, args);
  const mined = await client.supersede(args.id, args.newId);
  console.log(`${args.id} superseded by ${args.newId} (tx ${mined.transaction})`);
});
