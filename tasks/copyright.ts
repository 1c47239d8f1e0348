import { emptyTask, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

import { algorithm, optional } from "./options.js";

// `npx hardhat copyright <command> --network <name>`; the contracts come from the network's Ignition deployment of
// the "Copyright" module (deploy/deployments/chain-<id>) unless --registry / --disputes / --relay name them.
const registry = optional("registry", "CopyrightRegistry address; without it, the one Ignition deployed");
const disputes = optional("disputes", "CopyrightDisputes address; without it, the one Ignition deployed");
const relay = optional("relay", "CopyrightRelay address; without it, the one Ignition deployed");
const from = optional("from", "Sending account; without it, the network's first account");
const authors = optional(
  "authors",
  'Authors as "address:basisPoints,..." (default: the sender, 10000); they are the payees until an assignment',
);
const uri = optional("uri", "Metadata URI, emitted with the registration (tokenURI serves base URI + id)");
const work = { name: "work", description: "Work id or digest" } as const;
const terms = { name: "terms", description: "Terms id" } as const;

/** A registry-wide administrative task sent by --from. */
function adminTask(name: string, description: string, action: () => Promise<unknown>) {
  return task(["copyright", name], description)
    .addOption(registry)
    .addOption(from)
    .setAction(action as never)
    .build();
}

export default [
  emptyTask("copyright", "Copyright: register works, license them, settle disputes").build(),

  task(
    ["copyright", "register"],
    "Register a file's work, owned by the sender (first come: a copy seen in the mempool can beat it; commit-reveal protects the priority)",
  )
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

  task(["copyright", "derive"], "Register a file's work as a derivative of parents you own or hold licenses on")
    .addPositionalArgument({ name: "file", description: "The derivative's file" })
    .addOption({
      name: "parents",
      description: 'Parents as "work:termsId,..." (the terms of your license on each; just "work" for one you own)',
      defaultValue: "",
    })
    .addOption(algorithm)
    .addOption(authors)
    .addOption(uri)
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/derive.js"))
    .build(),

  task(
    ["copyright", "sign"],
    "Sign a gasless registration of a file's work as its creator (--from); writes <file>.registration.json for a relayer",
  )
    .addPositionalArgument({ name: "file", description: "The work's file" })
    .addOption(algorithm)
    .addOption(
      optional(
        "authors",
        'Authors as "address:basisPoints,..." (default: the creator, 10000); they are the payees until an assignment',
      ),
    )
    .addOption(uri)
    .addOption(
      optional(
        "validFor",
        "How long the signature stays valid from the latest block, in the chain's time unit (seconds; milliseconds on " +
          "FISCO BCOS); without it, an hour",
      ),
    )
    .addOption(
      optional(
        "onBehalfOf",
        "ERC-1271 wallet that will own the work (named in the request, its nonce is used); --from is its owner key",
      ),
    )
    .addOption(optional("out", "Request file; without it, <file>.registration.json"))
    .addOption(relay)
    .addOption(from)
    .setAction(() => import("./copyright/sign.js"))
    .build(),

  task(
    ["copyright", "relay"],
    "Relay a signed registration request (from `copyright sign`): the creator owns the work, the sender pays the gas",
  )
    .addPositionalArgument({ name: "request", description: "The request file" })
    .addOption(relay)
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/relay.js"))
    .build(),

  task(["copyright", "terms"], "Register license terms and, with --work, offer them on your work")
    .addOption({
      name: "fee",
      description: 'Fee in the currency\'s units with its decimals, e.g. "1.5" (native coin: 18 decimals)',
      defaultValue: "0",
    })
    .addOption(optional("currency", "ERC-20 address; without it, the native coin"))
    .addOption({
      name: "duration",
      description: "License length in the chain's time unit: seconds, milliseconds on FISCO BCOS (0: perpetual)",
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
    .addFlag({ name: "sublicensable", description: "Licensees may sublicense (one level: sublicensees may not)" })
    .addFlag({ name: "nonCommercial", description: "Non-commercial use only" })
    .addOption(optional("work", "Work id or digest to attach the terms to"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/terms.js"))
    .build(),

  task(["copyright", "disable-terms"], "Stop selling licenses on terms of your work (running licenses stay valid)")
    .addPositionalArgument(work)
    .addPositionalArgument(terms)
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/disable-terms.js"))
    .build(),

  task(["copyright", "license"], "Buy a license (paying the fee), or with --to grant one as the owner")
    .addPositionalArgument(work)
    .addPositionalArgument(terms)
    .addOption(optional("to", "Grant to this licensee instead of buying"))
    .addOption(optional("maxFee", 'Most you accept to pay, in the currency\'s units, e.g. "1.5" (default: the fee)'))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/license.js"))
    .build(),

  task(
    ["copyright", "sublicense"],
    "Sublicense your license on sublicensable terms (not a sublicense); it ends with yours, or sooner on a derivative",
  )
    .addPositionalArgument(work)
    .addPositionalArgument(terms)
    .addPositionalArgument({ name: "to", description: "The sublicensee" })
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/sublicense.js"))
    .build(),

  task(
    ["copyright", "check"],
    "Check whether an account may use a work under terms now; exit code 0: licensed, 2: not licensed, 1: error",
  )
    .addPositionalArgument(work)
    .addPositionalArgument({ name: "account", description: "The account" })
    .addPositionalArgument(terms)
    .addOption(registry)
    .setAction(() => import("./copyright/check.js"))
    .build(),

  task(["copyright", "show"], "Show a work: owner, payees, parents, terms, licenses of its current epoch")
    .addPositionalArgument(work)
    .addOption(registry)
    .setAction(() => import("./copyright/show.js"))
    .build(),

  task(
    ["copyright", "pay-revenue"],
    "Pay revenue a work earned in: its parents' payees get their royalties, its payees the rest",
  )
    .addPositionalArgument(work)
    .addPositionalArgument({
      name: "amount",
      description: 'Amount in the currency\'s units with its decimals, e.g. "2.5"',
    })
    .addOption(optional("currency", "ERC-20 address; without it, the native coin"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/pay-revenue.js"))
    .build(),

  task(["copyright", "set-royalty"], "Set the EIP-2981 royalty rate of your work (paid to whoever holds it)")
    .addPositionalArgument(work)
    .addPositionalArgument({ name: "bps", description: "Royalty in basis points (0 to 10000)" })
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/set-royalty.js"))
    .build(),

  task(["copyright", "dispute"], "Raise a dispute against a work, citing an anchored, unrevoked evidence id")
    .addPositionalArgument(work)
    .addPositionalArgument({ name: "evidence", description: "Evidence id in the evidence registry" })
    .addOption(disputes)
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/dispute.js"))
    .build(),

  task(["copyright", "show-dispute"], "Show a dispute: the work, evidence, claimant and status")
    .addPositionalArgument({ name: "dispute", description: "Dispute id" })
    .addOption(disputes)
    .addOption(registry)
    .setAction(() => import("./copyright/show-dispute.js"))
    .build(),

  task(["copyright", "resolve"], "Rule on a dispute (arbitrator): --upheld freezes the work")
    .addPositionalArgument({ name: "dispute", description: "Dispute id" })
    .addFlag({ name: "upheld", description: "Uphold the claim (default: reject it)" })
    .addOption(optional("owner", "With --upheld, move the work to this rightful owner (a takeover)"))
    .addOption(disputes)
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/resolve.js"))
    .build(),

  task(["copyright", "unfreeze"], "Unfreeze a work (arbitrator, through the disputes contract), e.g. on appeal")
    .addPositionalArgument(work)
    .addOption(disputes)
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/unfreeze.js"))
    .build(),

  adminTask(
    "pause",
    "Pause registration, terms, licensing, revenue and royalty setting (pauser); withdrawals stay open",
    () => import("./copyright/pause.js"),
  ),
  adminTask("unpause", "Lift the pause (pauser)", () => import("./copyright/unpause.js")),

  task(["copyright", "withdraw"], "Withdraw your fee balance")
    .addOption(optional("currency", "ERC-20 address; without it, the native coin"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./copyright/withdraw.js"))
    .build(),
];
