import { writeFile } from "node:fs/promises";

import { isAddress } from "ethers";

import { signRegistration } from "../../src/copyright/signing.js";
import { algorithmId, hashFile } from "../../src/evidence/hash.js";
import { InvalidInputError, SdkError } from "../../src/errors.js";
import { cliAction, formatTime } from "../cli.js";
import { authorsOption, copyrightClient, integerArgument } from "./client.js";

interface Args {
  file: string;
  algorithm: string;
  authors?: string;
  uri?: string;
  validFor?: string;
  onBehalfOf?: string;
  out?: string;
  relay?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const algorithm = algorithmId(args.algorithm);
  if (args.onBehalfOf !== undefined && !isAddress(args.onBehalfOf)) {
    throw new InvalidInputError(`--on-behalf-of is not an address: "${args.onBehalfOf}"`);
  }
  const given = args.validFor === undefined ? undefined : integerArgument(args.validFor, "--valid-for");
  const { client, connection, account, signer } = await copyrightClient(hre, { ...args, needRelay: true });
  const latest = await connection.ethers.provider.getBlock("latest");
  if (latest === null) throw new SdkError("NO_BLOCK", "the node returned no latest block");
  // An hour by default; block times above 1e11 are milliseconds (FISCO BCOS), as `formatTime` reads them.
  const validFor = given ?? (latest.timestamp > 1e11 ? 3_600_000n : 3_600n);
  const signed = await signRegistration(
    signer!,
    client.relay!,
    {
      digest: await hashFile(args.file, args.algorithm),
      algorithm,
      uri: args.uri,
      authors: authorsOption(args.authors, args.onBehalfOf ?? account!),
      deadline: BigInt(latest.timestamp) + validFor,
    },
    { onBehalfOf: args.onBehalfOf },
  );
  const out = args.out ?? `${args.file}.registration.json`;
  const request = { ...signed, nonce: signed.nonce.toString(), deadline: signed.deadline.toString() };
  await writeFile(out, JSON.stringify(request, null, 2) + "\n");
  console.log(
    `signed the registration of ${signed.digest} for ${signed.creator} as ${account}, ` +
      `valid until ${formatTime(Number(signed.deadline))}`,
  );
  console.log(`request for a relayer: ${out} (it shows the digest: relay it through a platform you trust)`);
});
