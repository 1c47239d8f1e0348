import { readFile } from "node:fs/promises";

import { algorithmId, hashFile, type HashAlgorithmName } from "../../src/hash-file.js";
import { InvalidInputError } from "../../src/errors.js";
import { cliAction, formatTime } from "../cli.js";
import { authorsOption, copyrightClient } from "./client.js";

interface Args {
  file: string;
  commitment?: string;
  authors?: string;
  uri?: string;
  registry?: string;
  from?: string;
}

interface CommitFile {
  digest: string;
  algorithm: string;
  salt: string;
}

export default cliAction<Args>(async (args, hre) => {
  const path = args.commitment ?? `${args.file}.commit.json`;
  let record: CommitFile;
  try {
    record = JSON.parse(await readFile(path, "utf8")) as CommitFile;
  } catch {
    throw new InvalidInputError(`cannot read the commitment file ${path}`);
  }
  algorithmId(record.algorithm);
  const digest = await hashFile(args.file, record.algorithm);
  if (digest.toLowerCase() !== String(record.digest).toLowerCase()) {
    throw new InvalidInputError(`the file's ${record.algorithm} digest ${digest} is not the committed one`);
  }
  const { client, account } = await copyrightClient(hre, args);
  const revealed = await client.reveal({
    digest,
    algorithm: record.algorithm as HashAlgorithmName,
    uri: args.uri,
    authors: authorsOption(args.authors, account!),
    salt: record.salt,
  });
  console.log(`registered work ${digest} to ${account} in ${revealed.transaction}, gas ${revealed.gasUsed}`);
  console.log(`WORK=${digest}`);
  console.log(`priority time: ${formatTime(revealed.priorityTime)} (the commit's)`);
});
