import { toWorkId } from "../../src/copyright/client.js";
import { algorithmId, hashFile, type HashAlgorithmName } from "../../src/hash-file.js";
import { InvalidInputError } from "../../src/errors.js";
import { cliAction } from "../cli.js";
import { authorsOption, copyrightClient, until } from "./client.js";

interface Args {
  file: string;
  parents: string;
  algorithm: string;
  authors?: string;
  uri?: string;
  registry?: string;
  from?: string;
}

/** "work:termsId,work" into parent links; a work without terms is one the sender owns. */
function parseParents(text: string): { workId: bigint; termsId?: string }[] {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) throw new InvalidInputError('--parents is required: "work:termsId,..."');
  return parts.map((part) => {
    const [work, termsId, extra] = part.split(":");
    if (extra !== undefined) throw new InvalidInputError(`parent "${part}" must be work or work:termsId`);
    return { workId: toWorkId(work), termsId };
  });
}

export default cliAction<Args>(async (args, hre) => {
  algorithmId(args.algorithm);
  const parents = parseParents(args.parents);
  const { client, account } = await copyrightClient(hre, args);
  const digest = await hashFile(args.file, args.algorithm);
  const mined = await client.registerDerivative({
    digest,
    algorithm: args.algorithm as HashAlgorithmName,
    uri: args.uri,
    authors: authorsOption(args.authors, account!),
    parents,
  });
  const work = await client.getWork(mined.workId);
  console.log(`registered derivative ${digest} of ${parents.length} parent(s) to ${account} in ${mined.transaction}`);
  console.log(`its licenses end ${until(work.parentLicenseUntil)} (its parent licenses, as renewed)`);
});
