import { id } from "ethers";

import { InvalidInputError } from "../../src/errors.js";
import { checkAddress, checkBytes32 } from "../../src/input.js";
import { cliAction } from "../cli.js";
import { billsClient, resolveTime } from "./client.js";

interface Args {
  acceptor: string;
  payee: string;
  token: string;
  amount: string;
  maturity: string;
  tradeDigest?: string;
  tradeText?: string;
  evidence?: string;
  nonTransferable: boolean;
  bills?: string;
  from?: string;
}

/** The trade digest: 32 bytes of hex from --trade-digest, or the keccak256 of --trade-text; exactly one of them. */
function tradeDigest(args: Args): string {
  if (args.tradeDigest !== undefined && args.tradeText !== undefined) {
    throw new InvalidInputError("give --trade-digest or --trade-text, not both");
  }
  if (args.tradeText !== undefined) {
    if (args.tradeText.trim() === "") throw new InvalidInputError("--trade-text is empty");
    return id(args.tradeText);
  }
  if (args.tradeDigest === undefined)
    throw new InvalidInputError("--trade-digest (32 bytes of hex) or --trade-text is required");
  return checkBytes32(args.tradeDigest, "--trade-digest");
}

export default cliAction<Args>(async (args, hre) => {
  for (const option of ["acceptor", "payee", "token"] as const) checkAddress(args[option], `--${option}`);
  const digest = tradeDigest(args);
  const { client, connection } = await billsClient(hre, args);
  const issued = await client.issue({
    acceptor: args.acceptor,
    payee: args.payee,
    token: args.token,
    amount: args.amount,
    maturity: await resolveTime(connection, args.maturity, "--maturity"),
    tradeDigest: digest,
    evidenceId: args.evidence,
    nonTransferable: args.nonTransferable,
  });
  console.log(
    `issued package ${issued.packageId}; root part ${issued.rootTokenId} offered to ${args.payee} (tx ${issued.transaction})`,
  );
  // For scripts and the README's walkthrough: the ids as shell assignments.
  console.log(`PACKAGE=${issued.packageId}`);
  console.log(`PART=${issued.rootTokenId}`);
});
