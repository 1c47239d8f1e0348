import path from "node:path";

import type { HashAlgorithmName } from "../../src/hash.js";
import { algorithmId } from "../../src/hash.js";
import { cliAction, evidenceClient } from "../cli.js";

interface Args {
  folder: string;
  algorithm: string;
  salt: boolean;
  out?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  algorithmId(args.algorithm);
  const { client } = await evidenceClient(hre, args);
  const out = args.out ?? path.join(args.folder, "receipts");
  let lastShown = 0;
  // Receipts are written to `out` as they are made (<file>.receipt.json each), not held: memory stays flat however
  // large the folder.
  const result = await client.anchorFolder(args.folder, {
    algorithm: args.algorithm as HashAlgorithmName,
    salt: args.salt,
    receiptsDir: out,
    onProgress: (hashed, total) => {
      if (hashed === total || hashed - lastShown >= 500) {
        lastShown = hashed;
        console.log(`hashed ${hashed}/${total}`);
      }
    },
  });
  console.log(
    `anchored root ${result.root} over ${result.size} documents in ${result.transaction}, gas ${result.gasUsed}`,
  );
  console.log(`receipts: ${out}`);
});
