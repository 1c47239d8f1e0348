import { writeFile } from "node:fs/promises";

import { receiptJson } from "../../src/evidence/anchor.js";
import type { HashAlgorithmName } from "../../src/hash.js";
import { algorithmId } from "../../src/hash.js";
import { cliAction, evidenceClient } from "../cli.js";

interface Args {
  file: string;
  algorithm: string;
  salt: boolean;
  uri?: string;
  receipt?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  algorithmId(args.algorithm);
  const { client } = await evidenceClient(hre, args);
  const { receipt, gasUsed } = await client.anchorFile(args.file, {
    algorithm: args.algorithm as HashAlgorithmName,
    salt: args.salt,
    uri: args.uri,
  });
  const out = args.receipt ?? `${args.file}.receipt.json`;
  await writeFile(out, receiptJson(receipt));
  console.log(`anchored ${receipt.digest} (${receipt.algorithm}) in ${receipt.transaction}, gas ${gasUsed}`);
  console.log(`receipt: ${out}`);
});
