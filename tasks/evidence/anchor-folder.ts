import { mkdir, writeFile } from "node:fs/promises";
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
  let lastShown = 0;
  const result = await client.anchorFolder(args.folder, {
    algorithm: args.algorithm as HashAlgorithmName,
    salt: args.salt,
    onProgress: (hashed, total) => {
      if (hashed === total || hashed - lastShown >= 500) {
        lastShown = hashed;
        console.log(`hashed ${hashed}/${total}`);
      }
    },
  });
  const out = args.out ?? path.join(args.folder, "receipts");
  await mkdir(out, { recursive: true });
  for (const receipt of result.receipts) {
    await writeFile(path.join(out, `${receipt.fileName}.receipt.json`), JSON.stringify(receipt, null, 2) + "\n");
  }
  console.log(
    `anchored root ${result.root} over ${result.receipts.length} documents in ${result.transaction}, gas ${result.gasUsed}`,
  );
  console.log(`receipts: ${out}`);
});
