import { emptyTask, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

// `npx hardhat copyright <command> --network <name>`; the contracts come from the network's Ignition deployment of
// the "Copyright" module (deploy/deployments/chain-<id>) unless --registry / --disputes name them.
const optional = <Name extends string>(name: Name, description: string) =>
  ({ name, description, type: ArgumentType.STRING_WITHOUT_DEFAULT, defaultValue: undefined }) as const;
const registry = optional("registry", "CopyrightRegistry address; without it, the one Ignition deployed");
const from = optional("from", "Sending account; without it, the network's first account");
const algorithm = {
  name: "algorithm",
  description: "keccak256, sha256, sha3-256 or sm3",
  defaultValue: "sha256",
} as const;
const authors = optional("authors", 'Authors as "address:basisPoints,..." (default: the sender, 10000)');
const uri = optional("uri", "Metadata URI, emitted with the registration");

export default [
  emptyTask("copyright", "Copyright: register works, license them, settle disputes").build(),

  task(["copyright", "register"], "Register a file's work, owned by the sender")
    .addPositionalArgument({ name: "file", description: "The work's file" })
    .addOption(algorithm)
    .addOption(authors)
    .addOption(uri)
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/register.js"))
    .build(),

  task(["copyright", "commit"], "Commit to a file's digest (step 1 of commit-reveal); writes <file>.commit.json")
    .addPositionalArgument({ name: "file", description: "The work's file" })
    .addOption(algorithm)
    .addOption(optional("out", "Commitment file; without it, <file>.commit.json (keep it secret until the reveal)"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/commit.js"))
    .build(),

  task(["copyright", "reveal"], "Reveal a commitment and register the work with the commit time as priority")
    .addPositionalArgument({ name: "file", description: "The work's file" })
    .addOption(optional("commitment", "Commitment file; without it, <file>.commit.json"))
    .addOption(authors)
    .addOption(uri)
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/reveal.js"))
    .build(),

  task(["copyright", "terms"], "Register license terms and, with --work, offer them on your work")
    .addOption({
      name: "fee",
      description: "Fee in the currency's smallest unit",
      type: ArgumentType.BIGINT,
      defaultValue: 0n,
    })
    .addOption(optional("currency", "ERC-20 address; without it, the native coin"))
    .addOption({
      name: "duration",
      description: "License length in the chain's time unit (0: perpetual)",
      type: ArgumentType.BIGINT,
      defaultValue: 0n,
    })
    .addOption(optional("territory", "Territory text or hash (default: worldwide)"))
    .addOption({
      name: "royalty",
      description: "Royalty on derivative revenue, bps",
      type: ArgumentType.INT,
      defaultValue: 0,
    })
    .addFlag({ name: "exclusive", description: "Exclusive: blocks overlapping licenses while it runs" })
    .addFlag({ name: "derivatives", description: "Allow derivative works" })
    .addFlag({ name: "sublicensable", description: "Licensees may sublicense" })
    .addFlag({ name: "nonCommercial", description: "Non-commercial use only" })
    .addOption(optional("work", "Work id or digest to attach the terms to"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/terms.js"))
    .build(),

  task(["copyright", "license"], "Buy a license (paying the fee), or with --to grant one as the owner")
    .addPositionalArgument({ name: "work", description: "Work id or digest" })
    .addPositionalArgument({ name: "terms", description: "Terms id" })
    .addOption(optional("to", "Grant to this licensee instead of buying"))
    .addOption(optional("maxFee", "Most you accept to pay (default: the terms' fee)"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/license.js"))
    .build(),

  task(["copyright", "check"], "Check whether an account may use a work under terms now")
    .addPositionalArgument({ name: "work", description: "Work id or digest" })
    .addPositionalArgument({ name: "account", description: "The account" })
    .addPositionalArgument({ name: "terms", description: "Terms id" })
    .addOption(registry)
    .setAction(() => import("./copyright/check.js"))
    .build(),

  task(["copyright", "dispute"], "Raise a dispute against a work, citing an anchored evidence id")
    .addPositionalArgument({ name: "work", description: "Work id or digest" })
    .addPositionalArgument({ name: "evidence", description: "Evidence id in the evidence registry" })
    .addOption(optional("disputes", "CopyrightDisputes address; without it, the one Ignition deployed"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/dispute.js"))
    .build(),

  task(["copyright", "resolve"], "Rule on a dispute (arbitrator): --upheld freezes the work")
    .addPositionalArgument({ name: "dispute", description: "Dispute id" })
    .addFlag({ name: "upheld", description: "Uphold the claim (default: reject it)" })
    .addOption(optional("owner", "With --upheld, move the work to this rightful owner"))
    .addOption(optional("disputes", "CopyrightDisputes address; without it, the one Ignition deployed"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/resolve.js"))
    .build(),

  task(["copyright", "withdraw"], "Withdraw your fee balance")
    .addOption(optional("currency", "ERC-20 address; without it, the native coin"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/withdraw.js"))
    .build(),
];
