import { cliAction } from "../cli.js";
import { billsClient, describePart, formatTime, parseId, yuan } from "./client.js";

interface Args {
  package: string;
  bills?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await billsClient(hre, { ...args, readOnly: true });
  const pkg = await client.package(parseId(args.package, "package"));
  console.log(`package ${pkg.packageId}: ${pkg.status}${pkg.nonTransferable ? ", non-transferable" : ""}`);
  console.log(`  drawer ${pkg.drawer}, acceptor ${pkg.acceptor}, payee ${pkg.payee}`);
  console.log(`  face ${yuan(pkg.faceValue)} yuan in ${pkg.token}, due ${formatTime(pkg.maturity)}`);
  console.log(`  outstanding ${pkg.outstanding}, funded ${pkg.funded}, redeemed ${pkg.redeemed}`);
  console.log(`  trade digest ${pkg.tradeDigest}${pkg.evidenceId ? `, evidence ${pkg.evidenceId}` : ""}`);
  for (const part of await client.parts(pkg.packageId)) console.log(`  ${describePart(part)}`);
});
