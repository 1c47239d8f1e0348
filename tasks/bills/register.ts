import { Roles, type RoleName } from "../../src/bills/index.js";
import { InvalidInputError } from "../../src/errors.js";
import { hashBytes } from "../../src/evidence/hash.js";
import { ParticipantRegistry__factory } from "../../typechain-types/index.js";
import { cliAction, deployedAddress, sender } from "../cli.js";
import { parseTime } from "./client.js";

interface Args {
  account: string;
  org: string;
  roles: string;
  validUntil: string;
  participants?: string;
  from?: string;
}

export default cliAction<Args>(async (args, hre) => {
  const connection = await hre.network.create();
  const address = await deployedAddress(
    connection,
    "Participants#ParticipantRegistry",
    args.participants,
    "--participants",
  );
  const registry = ParticipantRegistry__factory.connect(address, await sender(connection, args.from));
  let roles = 0;
  for (const name of args.roles.split(",").map((r) => r.trim())) {
    if (!(name in Roles)) throw new InvalidInputError(`unknown role "${name}": use ${Object.keys(Roles).join(", ")}`);
    roles |= Roles[name as RoleName];
  }
  if (args.org.trim() === "") throw new InvalidInputError("--org (the unified social credit code) is required");
  const orgId = hashBytes(args.org.trim(), "keccak256");
  const tx = await registry.register(args.account, orgId, roles, parseTime(args.validUntil, "--valid-until"));
  await tx.wait();
  console.log(`registered ${args.account} as ${args.roles} (org id ${orgId}, tx ${tx.hash})`);
});
