import { writeFile } from "node:fs/promises";

import { algorithmId, hashFile } from "../../src/hash-file.js";
import { cliAction } from "../cli.js";
import { copyrightClient } from "./client.js";

interface Args {
  file: string;
  algorithm: string;
  out?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  algorithmId(args.algorithm);
  const { client } = await copyrightClient(hre, args);
  const digest = await hashFile(args.file, args.algorithm);
  const committed = await client.commit(digest);
  const out = args.out ?? `${args.file}.commit.json`;
  const record = {
    commitment: committed.commitment,
    digest,
    algorithm: args.algorithm,
    salt: committed.salt,
    registrant: committed.registrant,
    transaction: committed.transaction,
  };
  await writeFile(out, JSON.stringify(record, null, 2) + "\n");
  console.log(`committed ${committed.commitment} in ${committed.transaction}, gas ${committed.gasUsed}`);
  console.log(`commitment file (keep it secret until you reveal): ${out}`);
});
