import { emptyTask, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

// `npx hardhat evidence <command> --network <name>`; the registry comes from the network's Ignition deployment
// (deploy/deployments/chain-<id>) unless --registry names one.
const registry = {
  name: "registry",
  description: "EvidenceRegistry address; without it, the one Ignition deployed on the network",
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
} as const;
const from = {
  name: "from",
  description: "Sending account; without it, the network's first account",
  type: ArgumentType.STRING_WITHOUT_DEFAULT,
  defaultValue: undefined,
} as const;
const algorithm = {
  name: "algorithm",
  description: "keccak256, sha256, sha3-256 or sm3",
  defaultValue: "sha256",
} as const;

export default [
  emptyTask("evidence", "Evidence notarization: anchor, verify, co-sign, revoke").build(),

  task(["evidence", "anchor"], "Anchor a file's digest and write its receipt")
    .addPositionalArgument({ name: "file", description: "The document" })
    .addOption(algorithm)
    .addFlag({ name: "salt", description: "Salt the digest (for low-entropy documents); the salt goes in the receipt" })
    .addOption({
      name: "uri",
      description: "Metadata URI to emit with the anchor",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({
      name: "receipt",
      description: "Receipt path; without it, <file>.receipt.json",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./evidence/anchor.js"))
    .build(),

  task(["evidence", "anchor-folder"], "Anchor every file of a folder as one Merkle batch, one receipt per file")
    .addPositionalArgument({ name: "folder", description: "The folder (its files, not subfolders)" })
    .addOption(algorithm)
    .addFlag({ name: "salt", description: "Give each document its own salt, kept in its receipt" })
    .addOption({
      name: "out",
      description: "Receipts folder; without it, <folder>/receipts",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./evidence/anchor-folder.js"))
    .build(),

  task(["evidence", "verify"], "Verify a file against the chain, with its receipt or by its digest alone")
    .addPositionalArgument({ name: "file", description: "The document" })
    .addOption({
      name: "receipt",
      description: "Its receipt (needed for batched or salted documents)",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(algorithm)
    .addOption(registry)
    .setAction(() => import("./evidence/verify.js"))
    .build(),

  task(["evidence", "witnesses"], "Require M-of-N witnesses to co-sign your record")
    .addPositionalArgument({ name: "id", description: "Evidence id (digest or batch root)" })
    .addOption({
      name: "witnesses",
      description: "Comma-separated witness addresses",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption({ name: "threshold", description: "Co-signatures required", type: ArgumentType.INT, defaultValue: 1 })
    .addOption({
      name: "deadline",
      description: "Unix time after which co-signing closes (0: never)",
      type: ArgumentType.BIGINT,
      defaultValue: 0n,
    })
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./evidence/witnesses.js"))
    .build(),

  task(["evidence", "cosign"], "Co-sign a record as one of its witnesses")
    .addPositionalArgument({ name: "id", description: "Evidence id" })
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./evidence/cosign.js"))
    .build(),

  task(["evidence", "revoke"], "Revoke your record; it stays readable, marked revoked")
    .addPositionalArgument({ name: "id", description: "Evidence id" })
    .addOption({
      name: "reason",
      description: "Reason text (its hash goes on chain) or a 32-byte hash",
      type: ArgumentType.STRING_WITHOUT_DEFAULT,
      defaultValue: undefined,
    })
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./evidence/revoke.js"))
    .build(),
];
