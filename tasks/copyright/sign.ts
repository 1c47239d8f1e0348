import { signRegistration } from "../../src/copyright/signing.js";
import { algorithmId, hashFile } from "../../src/hash-file.js";
import { checkAddress } from "../../src/input.js";
import { chainClock, cliAction, formatTime, integerArgument } from "../cli.js";
import { authorsOption, copyrightClient } from "./client.js";
import { writeRequest } from "./request-file.js";

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
  if (args.onBehalfOf !== undefined) checkAddress(args.onBehalfOf, "--on-behalf-of");
  const given = args.validFor === undefined ? undefined : integerArgument(args.validFor, "--valid-for");
  const { client, connection, account, signer } = await copyrightClient(hre, { ...args, needRelay: true });
  const { now, unit } = await chainClock(connection);
  const validFor = given ?? 3_600n * unit; // an hour by default
  const signed = await signRegistration(
    signer!,
    client.relay!,
    {
      digest: await hashFile(args.file, args.algorithm),
      algorithm,
      uri: args.uri,
      authors: authorsOption(args.authors, args.onBehalfOf ?? account!),
      deadline: now + validFor,
    },
    { onBehalfOf: args.onBehalfOf },
  );
  const out = args.out ?? `${args.file}.registration.json`;
  await writeRequest(out, signed);
  console.log(
    `signed the registration of ${signed.digest} for ${signed.creator} as ${account}, ` +
      `valid until ${formatTime(Number(signed.deadline))}`,
  );
  console.log(`request for a relayer: ${out} (it shows the digest: relay it through a platform you trust)`);
});
