import { cliAction } from "../cli.js";
import { billsClient, parseTime } from "./client.js";

interface Args {
  acceptor: string;
  payee: string;
  token: string;
  amount: string;
  maturity: string;
  tradeDigest: string;
  evidence?: string;
  nonTransferable: boolean;
  bills?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, args);
  const issued = await client.issue({
    acceptor: args.acceptor,
    payee: args.payee,
    token: args.token,
    amount: args.amount,
    maturity: parseTime(args.maturity, "--maturity"),
    tradeDigest: args.tradeDigest,
    evidenceId: args.evidence,
    nonTransferable: args.nonTransferable,
  });
  console.log(
    `issued package ${issued.packageId}; root part ${issued.rootTokenId} offered to ${args.payee} (tx ${issued.transaction})`,
  );
});
