import { emptyTask, task } from "hardhat/config";
import { ArgumentType } from "hardhat/types/arguments";

import { algorithm, optional, required } from "./options.js";

// `npx hardhat evidence <command> --network <name>`; the registry comes from the network's Ignition deployment
// (deploy/deployments/chain-<id>) unless --registry names one.
const registry = optional("registry", "EvidenceRegistry address; without it, the one Ignition deployed on the network");
const from = optional("from", "Sending account; without it, the network's first account");
const signer = optional("from", "Signing account (the key; it pays nothing); without it, the network's first account");
const onBehalfOf = optional(
  "onBehalfOf",
  "ERC-1271 wallet to sign for (recorded instead of the signer, its nonce is used); --from is its owner key",
);
const nonce = optional(
  "nonce",
  "Nonce to sign, any not yet used (requests are relayed in any order, each once); without it, the lowest unused one",
);
const deadline = optional(
  "deadline",
  'When the signature is void: "+1d" from the latest block, or a number in the chain\'s unit; default +1d',
);

export default [
  emptyTask(
    "evidence",
    "Evidence notarization: anchor, verify, certificate, show, co-sign, revoke, supersede, sign and relay",
  ).build(),

  task(["evidence", "anchor"], "Anchor a file's digest and write its receipt")
    .addPositionalArgument({ name: "file", description: "The document" })
    .addOption(algorithm)
    .addFlag({ name: "salt", description: "Salt the digest (for low-entropy documents); the salt goes in the receipt" })
    .addOption(optional("uri", "Metadata URI to emit with the anchor"))
    .addOption(optional("receipt", "Receipt path; without it, <file>.receipt.json"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./evidence/anchor.js"))
    .build(),

  task(["evidence", "anchor-folder"], "Anchor every file of a folder as one Merkle batch, one receipt per file")
    .addPositionalArgument({ name: "folder", description: "The folder (its files, not subfolders)" })
    .addOption(algorithm)
    .addFlag({ name: "salt", description: "Give each document its own salt, kept in its receipt" })
    .addOption(optional("out", "Receipts folder; without it, <folder>/receipts"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./evidence/anchor-folder.js"))
    .build(),

  task(["evidence", "verify"], "Verify a document against the chain, with its receipt or by its digest alone")
    .addPositionalArgument({
      name: "file",
      description: "The document (without it, only the receipt's anchor is checked: the verdict is not VERIFIED)",
      defaultValue: "",
    })
    .addOption(optional("receipt", "Its receipt (needed for batched or salted documents)"))
    .addOption(algorithm)
    .addOption(registry)
    .addFlag({
      name: "acceptReceiptContract",
      description: "Verify against the registry the receipt names even if it is not the network's deployment",
    })
    .addFlag({ name: "json", description: "Print the verdict as JSON" })
    .setAction(() => import("./evidence/verify.js"))
    .build(),

  task(
    ["evidence", "certificate"],
    "Write an evidence certificate (存证证书): a one-page PDF with a QR code to verify it",
  )
    .addPositionalArgument({ name: "receipt", description: "The document's receipt (JSON)" })
    .addOption(required("out", "The PDF to write, e.g. cert.pdf"))
    .addOption({
      name: "portal",
      description: "The portal's verify page the QR code opens; the default is what `npm run portal` serves",
      defaultValue: "http://127.0.0.1:5173/",
    })
    .addOption(optional("document", "The document, checked against the receipt first (its name goes on the page)"))
    .addOption(
      optional("rpc", "The JSON-RPC URL the QR code gives the portal; default the network's when it is a local node"),
    )
    .addOption(registry)
    .addFlag({
      name: "acceptReceiptContract",
      description: "Certify against the registry the receipt names even if it is not the network's deployment",
    })
    .setAction(() => import("./evidence/certificate.js"))
    .build(),

  task(["evidence", "witnesses"], "Require M-of-N witnesses to co-sign your record")
    .addPositionalArgument({ name: "id", description: "Evidence id (digest or batch root)" })
    .addOption(optional("witnesses", "Comma-separated witness addresses"))
    .addOption({ name: "threshold", description: "Co-signatures required", type: ArgumentType.INT, defaultValue: 1 })
    .addOption({
      name: "deadline",
      description:
        'When co-signing closes: "+7d" from the latest block, or a number in the chain\'s time unit (0: never)',
      defaultValue: "0",
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
    .addOption(optional("reason", "Reason text (its hash goes on chain) or a 32-byte hash"))
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./evidence/revoke.js"))
    .build(),

  task(["evidence", "supersede"], "Link your record to your newer record that replaces it; both stay readable")
    .addPositionalArgument({ name: "id", description: "Evidence id of the superseded record" })
    .addPositionalArgument({ name: "newId", description: "Evidence id of the superseding record" })
    .addOption(registry)
    .addOption(from)
    .setAction(() => import("./evidence/supersede.js"))
    .build(),

  task(["evidence", "show"], "Show a record's status by id (no file needed): submitter, time, witnesses, revocation")
    .addPositionalArgument({ name: "id", description: "Evidence id (digest or batch root)" })
    .addFlag({ name: "history", description: "Also list the record's events in order" })
    .addOption(registry)
    .setAction(() => import("./evidence/show.js"))
    .build(),

  task(["evidence", "sign-anchor"], "Sign a gasless anchor of a file's digest into a JSON file, for `evidence relay`")
    .addPositionalArgument({ name: "file", description: "The document (its unsalted digest is signed)" })
    .addOption(algorithm)
    .addOption(optional("metadata", "Metadata text (its hash is signed) or a 32-byte hash"))
    .addOption(onBehalfOf)
    .addOption(nonce)
    .addOption(deadline)
    .addOption(optional("out", "Signed request path; without it, <file>.anchor.json"))
    .addOption(registry)
    .addOption(signer)
    .setAction(() => import("./evidence/sign-anchor.js"))
    .build(),

  task(["evidence", "sign-cosign"], "Sign a gasless co-signature of a record into a JSON file, for `evidence relay`")
    .addPositionalArgument({ name: "id", description: "Evidence id" })
    .addOption(onBehalfOf)
    .addOption(nonce)
    .addOption(deadline)
    .addOption(optional("out", "Signed request path; without it, <id>.cosign.json"))
    .addOption(registry)
    .addOption(signer)
    .setAction(() => import("./evidence/sign-cosign.js"))
    .build(),

  task(["evidence", "relay"], "Send a signed anchor or co-signature (from sign-anchor / sign-cosign), paying its gas")
    .addPositionalArgument({ name: "request", description: "The signed request's JSON file" })
    .addOption({ ...registry, description: "EvidenceRegistry address; without it, the one the request names" })
    .addOption({ ...from, description: "Relaying account (pays the gas); without it, the network's first account" })
    .setAction(() => import("./evidence/relay.js"))
    .build(),
];
