import { InvalidInputError } from "../../src/errors.js";
import { cliAction, sender } from "../cli.js";
import { billsClient, parseId, resolveTime, yuan } from "./client.js";
import { writeConsent } from "./consent-file.js";

interface Args {
  part: string;
  amount: string;
  deadline: string;
  out: string;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client, connection } = await billsClient(hre, { ...args, readOnly: true });
  if (args.out.trim() === "") throw new InvalidInputError("--out (the file to write the consent to) is required");
  const endorsee = await sender(connection, args.from);
  const consent = await client.signEndorsement(endorsee, {
    fromTokenId: parseId(args.part, "part"),
    amount: args.amount,
    deadline: await resolveTime(connection, args.deadline, "--deadline"),
  });
  await writeConsent(args.out, consent, {
    chainId: (await connection.ethers.provider.getNetwork()).chainId,
    bills: client.contract.target as string,
  });
  console.log(
    `${endorsee.address} consents to receive ${yuan(args.amount)} yuan of part ${args.part}; wrote ${args.out} ` +
      `(the holder endorses with --consent ${args.out})`,
  );
});
