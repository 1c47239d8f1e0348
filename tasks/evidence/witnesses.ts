import { InvalidInputError } from "../../src/errors.js";
import { cliAction, evidenceClient } from "../cli.js";

interface Args {
  id: string;
  witnesses?: string;
  threshold: number;
  deadline: bigint;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const witnesses = (args.witnesses ?? "")
    .split(",")
    .map((w) => w.trim())
    .filter((w) => w !== "");
  if (witnesses.length === 0) throw new InvalidInputError("--witnesses needs at least one address");
  const { client } = await evidenceClient(hre, args);
  const mined = await client.requireWitnesses(args.id, witnesses, args.threshold, args.deadline);
  console.log(`${args.id} now requires ${args.threshold} of ${witnesses.length} witnesses (tx ${mined.transaction})`);
});
