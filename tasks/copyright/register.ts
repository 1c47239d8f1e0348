import { algorithmId, type HashAlgorithmName } from "../../src/hash.js";
import { cliAction } from "../cli.js";
import { authorsOption, copyrightClient } from "./client.js";

interface Args {
  file: string;
  algorithm: string;
  authors?: string;
  uri?: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  algorithmId(args.algorithm);
  const { client, account } = await copyrightClient(hre, args);
  const authors = authorsOption(args.authors, account!);
  const mined = await client.registerFile(args.file, {
    algorithm: args.algorithm as HashAlgorithmName,
    uri: args.uri,
    authors,
  });
  console.log(
    `registered work ${mined.digest} (${args.algorithm}) to ${account} in ${mined.transaction}, gas ${mined.gasUsed}`,
  );
  console.log(`WORK=${mined.digest}`);
});
