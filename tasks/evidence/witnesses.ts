import { InvalidInputError } from "../../src/errors.js";
import { cliAction, evidenceClient, integerArgument } from "../cli.js";
import { isRelativeTime, relativeTime } from "../participants/client.js";

interface Args {
  id: string;
  witnesses?: string;
  threshold: number;
  deadline: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const witnesses = (args.witnesses ?? "")
    .split(",")
    .map((w) => w.trim())
    .filter((w) => w !== "");
  if (witnesses.length === 0) throw new InvalidInputError("--witnesses needs at least one address");
  const { client, connection } = await evidenceClient(hre, args);
  const deadline = isRelativeTime(args.deadline)
    ? await relativeTime(connection, args.deadline)
    : integerArgument(args.deadline, "--deadline");
  const mined = await client.requireWitnesses(args.id, witnesses, args.threshold, deadline);
  console.log(`${args.id} now requires ${args.threshold} of ${witnesses.length} witnesses (tx ${mined.transaction})`);
});
