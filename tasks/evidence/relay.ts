import { readSignedRequest } from "../../src/evidence/signing.js";
import { cliAction, evidenceClient } from "../cli.js";

interface Args {
  request: string;
  registry?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const request = await readSignedRequest(args.request);
  const { client } = await evidenceClient(hre, { registry: args.registry ?? request.registry, from: args.from });
  const mined = await client.relay(request);
  const tx = `tx ${mined.transaction}, gas ${mined.gasUsed}`;
  if (request.type === "Anchor") {
    console.log(`relayed Anchor of ${request.digest} for ${request.submitter} (${tx})`);
    return;
  }
  const status = await client.verify(request.id);
  console.log(
    `relayed Cosign of ${request.id} by ${request.witness}: ${status.witnessSignatures} of ${status.witnessThreshold}` +
      `${status.witnessed ? ", witnessed" : ""} (${tx})`,
  );
});
