import { toWorkId } from "../../src/copyright/client.js";
import { latestChainTime } from "../../src/time.js";
import { cliAction, formatTime } from "../cli.js";
import { copyrightClient, until, workHex } from "./client.js";

interface Args {
  work: string;
  registry?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const workId = toWorkId(args.work);
  const { client, connection } = await copyrightClient(hre, { ...args, readOnly: true });
  const work = await client.getWork(workId);
  const now = await latestChainTime(connection.ethers.provider);
  const shares = (list: { account: string; shares: number }[]) =>
    list.map((a) => `${a.account}:${a.shares}`).join(", ");
  console.log(`work ${work.digest} (${work.algorithmName}), priority ${formatTime(work.priorityTime)}`);
  console.log(`  owner ${work.owner}${work.frozen ? ", FROZEN" : ""}`);
  console.log(
    work.settled
      ? `  settled since ${formatTime(work.settledAt)}: no reveal can take it over`
      : `  NOT SETTLED until ${formatTime(work.settledAt)}: a reveal of an earlier commitment can still take it over, ` +
          "so it cannot be licensed, transferred or paid revenue before then",
  );
  console.log(`  payees ${shares(await client.payeesOf(workId))}`);
  console.log(`  registered authors ${shares(await client.registeredAuthors(workId))}`);
  if (work.parents.length > 0) {
    const parents = work.parents.map((parent) => workHex(BigInt(parent))).join(", ");
    console.log(`  derivative of ${parents}; its licenses end ${until(work.parentLicenseUntil)}`);
  }
  const royalty = await client.royaltyInfo(workId, 10_000n);
  console.log(`  EIP-2981 royalty ${royalty.amount} bps`);
  for (const terms of await client.workTerms(workId)) {
    console.log(`  terms ${terms.termsId} ${terms.onSale ? "on sale" : "not on sale"}`);
  }
  for (const license of await client.licensesOf(workId)) {
    const status = license.end > now ? until(license.end) : "expired";
    const sub = license.sublicensedBy === undefined ? "" : `, sublicensed by ${license.sublicensedBy}`;
    console.log(`  license ${license.licensee} on ${license.termsId} ${status}${sub}`);
  }
});
