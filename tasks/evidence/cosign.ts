import { cliAction, evidenceClient } from "../cli.js";

interface Args {
  id: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await evidenceClient(hre, args);
  const mined = await client.cosign(args.id);
  const status = await client.verify(args.id);
  console.log(
    `co-signed ${args.id}: ${status.witnessSignatures} of ${status.witnessThreshold}` +
      `${status.witnessed ? ", witnessed" : ""} (tx ${mined.transaction})`,
  );
});
