import type { EvidenceEvent } from "../../src/evidence/client.js";
import { cliAction, evidenceClient, formatTime } from "../cli.js";
import { describeStatus } from "./format.js";

interface Args {
  id: string;
  history: boolean;
  registry?: string;
}

function describeEvent(event: EvidenceEvent): string {
  const where = `block ${event.blockNumber}, tx ${event.transaction}`;
  switch (event.name) {
    case "Anchored":
      return `anchored by ${event.submitter} (${event.algorithmName}, metadata ${event.metadata}), ${where}`;
    case "BatchAnchored":
      return `batch of ${event.size} digests, ${where}`;
    case "MetadataURI":
      return `metadata URI ${event.uri}, ${where}`;
    case "WitnessesRequired":
      return `requires ${event.threshold} of ${event.witnesses.join(", ")}${event.deadline === 0 ? "" : ` by ${formatTime(Number(event.deadline))}`}, ${where}`;
    case "Cosigned":
      return `co-signed by ${event.witness} (${event.signatures}), ${where}`;
    case "Witnessed":
      return `witnessed, ${where}`;
    case "Revoked":
      return `revoked, reason ${event.reason}, ${where}`;
    case "Superseded":
      return `superseded by ${event.supersededBy}, ${where}`;
    case "Supersedes":
      return `supersedes ${event.previous}, ${where}`;
  }
}

export default cliAction<Args>(async (args, hre) => {
  const { client } = await evidenceClient(hre, { registry: args.registry, readOnly: true });
  const status = await client.verify(args.id);
  if (!status.exists) {
    console.error(`NOT ANCHORED: no record ${args.id}`);
    process.exitCode = 1;
    return;
  }
  const reason = status.revoked ? await client.revocationReason(args.id) : null;
  console.log(`${status.batched ? "batch root" : "record"} ${args.id}`);
  for (const line of describeStatus(status, reason)) console.log(line);
  if (args.history) {
    console.log("  history:");
    for (const event of await client.history(args.id)) console.log(`    ${describeEvent(event)}`);
  }
});
