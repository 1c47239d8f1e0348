// The operator's CLI against a real `hardhat node`: success paths, and bad input answered with one clear line and a
// non-zero exit. The node runs on its own chain id so that its Ignition journal never mixes with a developer's.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { getAddress, id as textHash } from "ethers";

import { describeOnNode, errorLine, journalDir, ok, rpc, runHardhat } from "../helpers/cli.js";

const CHAIN_ID = 31_338;
const journal = journalDir(CHAIN_ID);
const NODE = { chainId: CHAIN_ID, command: "evidence", timeout: 300_000 };

describeOnNode("evidence CLI on a hardhat node", NODE, (on) => {
  let dir: string;
  const evidence = on.cli;

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "evidence-cli-"));
  });

  it("explains that nothing is deployed on the chain yet", function () {
    const result = evidence("verify", "hardhat.config.ts");
    expect(errorLine(result)).to.equal(
      `error: no Evidence#EvidenceRegistry deployed on chain ${CHAIN_ID} (network "localhost"): deploy it with Ignition or pass --registry`,
    );
  });

  it("deploys with Ignition, then anchors, verifies, co-signs and revokes", async function () {
    const deploy = runHardhat(
      ["ignition", "deploy", "deploy/modules/Evidence.ts", "--build-profile", "default", "--network", "localhost"],
      {
        LOCALHOST_URL: on.url,
        HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true",
      },
    );
    expect(deploy.status, deploy.stdout + deploy.stderr).to.equal(0);
    expect(existsSync(path.join(journal, "deployed_addresses.json"))).to.equal(true);

    const file = path.join(dir, "contract.txt");
    await writeFile(file, "a contract");
    const anchored = evidence("anchor", file, "--algorithm", "sm3", "--salt");
    ok(anchored);
    expect(anchored.stdout).to.match(/anchored 0x[0-9a-f]{64} \(sm3\)/);
    const receiptFile = `${file}.receipt.json`;
    const receipt = JSON.parse(await readFile(receiptFile, "utf8"));
    expect(receipt).to.include({ algorithm: "sm3", chainId: String(CHAIN_ID) });

    const registry = getAddress(
      JSON.parse(await readFile(path.join(journal, "deployed_addresses.json"), "utf8"))["Evidence#EvidenceRegistry"],
    );
    const verified = evidence("verify", file, "--receipt", receiptFile);
    ok(verified);
    expect(verified.stdout).to.match(
      new RegExp(
        `^VERIFIED: the document's sm3 digest ${receipt.digest} was anchored \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z by 0x`,
      ),
    );
    expect(verified.stdout).to.contain(`  network:     chain ${CHAIN_ID}, registry ${registry} (the known deployment)`);
    expect(verified.stdout).to.contain(`  digest:      ${receipt.digest} (sm3, salted)`);
    expect(verified.stdout).to.contain("  document:    matches the digest");
    expect(verified.stdout).to.contain(`  transaction: ${receipt.transaction} from 0x`);

    // Without the document, the anchor is checked but the verdict is not VERIFIED (exit code 1).
    const unseen = evidence("verify", "--receipt", receiptFile);
    expect(errorLine(unseen)).to.equal(
      `DOCUMENT NOT CHECKED: the anchor is genuine, but no document was compared with it; chain ${CHAIN_ID}, ` +
        `registry ${registry} (the known deployment)`,
    );
    const json = evidence("verify", file, "--receipt", receiptFile, "--json");
    ok(json);
    expect(JSON.parse(json.stdout)).to.deep.include({
      status: "verified",
      valid: true,
      chainId: String(CHAIN_ID),
      registry,
      knownDeployment: true,
      receiptVersion: 2,
      salted: true,
    });

    // A receipt naming another contract is refused unless the user accepts that contract, and then says so.
    const forged = path.join(dir, "forged-receipt.json");
    const stranger = getAddress(`0x${"5".repeat(40)}`);
    await writeFile(forged, JSON.stringify({ ...receipt, contract: stranger }));
    const refused = evidence("verify", file, "--receipt", forged);
    expect(errorLine(refused)).to.equal(
      `error: the receipt names registry ${stranger}, but the EvidenceRegistry trusted on chain ${CHAIN_ID} is ` +
        `${registry}: refusing the receipt's contract (pass --accept-receipt-contract to check it against the ` +
        "receipt's contract anyway)",
    );
    const accepted = evidence("verify", file, "--receipt", forged, "--accept-receipt-contract");
    expect(errorLine(accepted)).to.equal(
      `error: the receipt's contract ${stranger} has no code on network "localhost": wrong network or address?`,
    );

    const [, witness] = await rpc<string[]>(on.url, "eth_accounts");
    const required = evidence("witnesses", receipt.digest, "--witnesses", witness, "--threshold", "1");
    ok(required);
    const cosigned = evidence("cosign", receipt.digest, "--from", witness);
    ok(cosigned);
    expect(cosigned.stdout).to.contain("1 of 1, witnessed");

    const revoked = evidence("revoke", receipt.digest, "--reason", "issued in error");
    ok(revoked);
    // A revoked record no longer verifies: REVOKED with its time and reason hash, exit code 1.
    const after = evidence("verify", file, "--receipt", receiptFile);
    expect(errorLine(after)).to.match(
      new RegExp(
        `^REVOKED: revoked at \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z by its submitter \\(reason ${textHash("issued in error")}\\); ` +
          `chain ${CHAIN_ID}, registry ${registry} \\(the known deployment\\)$`,
      ),
    );
    expect(after.stdout).to.match(
      new RegExp(`  revoked: {5}\\d{4}-\\d\\d-\\d\\dT[\\d:]+Z, reason ${textHash("issued in error")}`),
    );
    expect(after.stdout).to.contain("  witnesses:   1 of 1 required signed (no deadline)");
    expect(after.stdout).to.match(new RegExp(`\\n {15}${getAddress(witness)} signed \\d{4}-`));
  });

  it("verifies a plain file without its receipt, supersedes it and shows records by id", async function () {
    const v1 = path.join(dir, "terms-v1.txt");
    const v2 = path.join(dir, "terms-v2.txt");
    await writeFile(v1, "terms, version 1");
    await writeFile(v2, "terms, version 2");
    const [first, second] = [evidence("anchor", v1), evidence("anchor", v2)];
    ok(first);
    ok(second);
    const d1 = JSON.parse(await readFile(`${v1}.receipt.json`, "utf8")).digest as string;
    const d2 = JSON.parse(await readFile(`${v2}.receipt.json`, "utf8")).digest as string;

    const plain = evidence("verify", v1);
    ok(plain);
    expect(plain.stdout)
      .to.contain(`VERIFIED: the document's sha256 digest ${d1} was anchored`)
      .and.to.contain(`  digest:      ${d1} (sha256)`)
      .and.to.contain("  note:        no receipt: the anchoring transaction was not checked");
    expect(plain.stdout).not.to.contain("superseded by");

    const superseded = evidence("supersede", d1, d2);
    ok(superseded);
    expect(superseded.stdout).to.match(new RegExp(`^${d1} superseded by ${d2} \\(tx 0x[0-9a-f]{64}\\)`, "m"));
    const still = evidence("verify", v1);
    ok(still);
    expect(still.stdout)
      .to.contain(`VERIFIED: the document's sha256 digest ${d1}`)
      .and.to.contain(`  superseded:  by ${d2}`);

    const [account] = await rpc<string[]>(on.url, "eth_accounts");
    const shown = evidence("show", d1, "--history");
    ok(shown);
    expect(shown.stdout).to.contain(`record ${d1}`);
    expect(shown.stdout).to.contain(`submitter:  ${getAddress(account)}`);
    expect(shown.stdout).to.contain(`superseded by ${d2}`);
    expect(shown.stdout).to.match(new RegExp(`anchored by ${getAddress(account)} \\(sha256, metadata 0x0{64}\\)`));
    expect(shown.stdout).to.match(new RegExp(`\\n    superseded by ${d2}, block \\d+, tx 0x[0-9a-f]{64}`));

    const twice = evidence("supersede", d1, d2);
    expect(errorLine(twice)).to.equal(`error: AlreadySuperseded(id=${d1}, supersededBy=${d2})`);
    const unknown = textHash("never anchored id");
    const notShown = evidence("show", unknown);
    expect(errorLine(notShown)).to.equal(`NOT ANCHORED: no record ${unknown}`);
    const badId = evidence("show", "0x12");
    expect(errorLine(badId)).to.equal('error: evidence id must be 32 bytes of hex, got "0x12"');
  });

  it("signs anchors and co-signatures into files that another account relays, in any order", async function () {
    const accounts = (await rpc<string[]>(on.url, "eth_accounts")).map((a) => getAddress(a));
    const [, , signer, relayer, witness] = accounts;
    const doc1 = path.join(dir, "gasless-1.txt");
    const doc2 = path.join(dir, "gasless-2.txt");
    await writeFile(doc1, "gasless one");
    await writeFile(doc2, "gasless two");
    const request1 = path.join(dir, "request-1.json");
    const request2 = path.join(dir, "request-2.json");

    const signed1 = evidence("sign-anchor", doc1, "--from", signer, "--out", request1);
    ok(signed1);
    const digest1 = JSON.parse(await readFile(request1, "utf8")).digest as string;
    expect(signed1.stdout).to.contain(`signed Anchor of ${digest1} (sha256) for ${signer}, nonce 0, valid until`);
    const signed2 = evidence(
      "sign-anchor",
      doc2,
      "--algorithm",
      "sm3",
      "--from",
      signer,
      "--nonce",
      "1",
      "--out",
      request2,
    );
    ok(signed2);
    expect(JSON.parse(await readFile(request2, "utf8"))).to.include({ type: "Anchor", submitter: signer, nonce: "1" });

    // Nonces are unordered: nonce 1 goes before nonce 0.
    const relayed2 = evidence("relay", request2, "--from", relayer);
    ok(relayed2);
    const relayed1 = evidence("relay", request1, "--from", relayer);
    ok(relayed1);
    expect(relayed1.stdout).to.match(
      new RegExp(`^relayed Anchor of ${digest1} for ${signer} \\(tx 0x[0-9a-f]{64}, gas \\d+\\)`, "m"),
    );
    const replayed = evidence("relay", request1, "--from", relayer);
    expect(errorLine(replayed)).to.equal(`error: NonceAlreadyUsed(owner=${signer}, nonce=0)`);
    const used = evidence("sign-anchor", doc2, "--from", signer, "--nonce", "1", "--out", request2);
    expect(errorLine(used)).to.equal(`error: nonce 1 of ${signer} is already used or invalidated`);
    const next = evidence("sign-anchor", doc2, "--from", signer, "--out", path.join(dir, "request-3.json"));
    ok(next);
    expect(next.stdout).to.contain(`for ${signer}, nonce 2, valid until`);
    const shown = evidence("verify", doc1);
    ok(shown);
    expect(shown.stdout).to.match(
      new RegExp(`^VERIFIED: the document's sha256 digest ${digest1} was anchored .* by ${signer},`),
    );

    const required = evidence("witnesses", digest1, "--witnesses", witness, "--threshold", "1", "--from", signer);
    ok(required);
    const cosignRequest = path.join(dir, "cosign.json");
    const signedCosign = evidence("sign-cosign", digest1, "--from", witness, "--out", cosignRequest);
    ok(signedCosign);
    expect(signedCosign.stdout).to.contain(`signed Cosign of ${digest1} for ${witness}, nonce 0`);
    const relayedCosign = evidence("relay", cosignRequest, "--from", relayer);
    ok(relayedCosign);
    expect(relayedCosign.stdout).to.contain(`relayed Cosign of ${digest1} by ${witness}: 1 of 1, witnessed`);

    await writeFile(path.join(dir, "broken.json"), "{");
    const broken = evidence("relay", path.join(dir, "broken.json"));
    expect(errorLine(broken)).to.equal("error: signed request is not valid JSON");
    const missing = evidence("relay", path.join(dir, "no-request.json"));
    expect(errorLine(missing)).to.equal(`error: signed request not found: ${path.join(dir, "no-request.json")}`);
    const wallet = evidence("sign-anchor", doc1, "--on-behalf-of", "nope");
    expect(errorLine(wallet)).to.equal('error: onBehalfOf is not an address: "nope"');
    const nonce = evidence("sign-cosign", digest1, "--nonce", "soon");
    expect(errorLine(nonce)).to.equal('error: --nonce must be a non-negative integer, got "soon"');
  });

  it("anchors a folder as a batch with progress and per-file receipts", async function () {
    const folder = path.join(dir, "batch");
    await mkdir(folder);
    for (let i = 0; i < 5; i++) await writeFile(path.join(folder, `doc-${i}.txt`), `document ${i}`);
    const result = evidence("anchor-folder", folder);
    ok(result);
    expect(result.stdout).to.contain("hashed 5/5");
    expect(result.stdout).to.match(/anchored root 0x[0-9a-f]{64} over 5 documents/);
    const verified = evidence(
      "verify",
      path.join(folder, "doc-3.txt"),
      "--receipt",
      path.join(folder, "receipts", "doc-3.txt.receipt.json"),
    );
    ok(verified);
    expect(verified.stdout).to.contain("in a batch");
  });

  it("answers bad input with one clear line and exit code 1", async function () {
    const file = path.join(dir, "once.txt");
    await writeFile(file, "only once");
    expect(evidence("anchor", file).status).to.equal(0);

    const again = evidence("anchor", file, "--receipt", path.join(dir, "again.json"));
    expect(errorLine(again)).to.match(
      /^error: AlreadyAnchored\(id=0x[0-9a-f]{64}, submitter=0x[0-9a-fA-F]{40}, time=\d{4}-\d\d-\d\dT[\d:]+Z\)$/,
    );

    const missing = evidence("anchor", path.join(dir, "missing.pdf"));
    expect(errorLine(missing)).to.equal(`error: file not found: ${path.join(dir, "missing.pdf")}`);

    const algorithm = evidence("anchor", file, "--algorithm", "md5");
    expect(errorLine(algorithm)).to.equal(
      'error: unknown hash algorithm "md5" (known: keccak256, sha256, sha3-256, sm3)',
    );

    const receipt = JSON.parse(await readFile(`${file}.receipt.json`, "utf8"));
    const foreign = path.join(dir, "foreign.json");
    await writeFile(foreign, JSON.stringify({ ...receipt, chainId: "1" }));
    const wrongNetwork = evidence("verify", file, "--receipt", foreign);
    expect(errorLine(wrongNetwork)).to.equal(
      `error: the receipt is for chain 1, but the provider is on chain ${CHAIN_ID}`,
    );

    const missingFile = evidence("verify", path.join(dir, "missing.pdf"));
    expect(errorLine(missingFile)).to.equal(`error: file not found: ${path.join(dir, "missing.pdf")}`);
    const missingFolder = evidence("anchor-folder", path.join(dir, "no-folder"));
    expect(errorLine(missingFolder)).to.equal(`error: folder not found: ${path.join(dir, "no-folder")}`);
    const folderAlgorithm = evidence("anchor-folder", dir, "--algorithm", "md5");
    expect(errorLine(folderAlgorithm)).to.equal(
      'error: unknown hash algorithm "md5" (known: keccak256, sha256, sha3-256, sm3)',
    );

    const [submitter, stranger] = (await rpc<string[]>(on.url, "eth_accounts")).map((a) => getAddress(a));
    const notAWitness = evidence("cosign", receipt.digest, "--from", stranger);
    expect(errorLine(notAWitness)).to.equal(`error: NotAWitness(id=${receipt.digest}, account=${stranger})`);
    const notSubmitter = evidence("revoke", receipt.digest, "--from", stranger);
    expect(errorLine(notSubmitter)).to.equal(
      `error: NotSubmitter(id=${receipt.digest}, caller=${stranger}, submitter=${submitter})`,
    );

    const unanchored = path.join(dir, "never.txt");
    await writeFile(unanchored, "never anchored");
    const notAnchored = evidence("verify", unanchored);
    expect(errorLine(notAnchored)).to.match(
      new RegExp(
        `^NOT ANCHORED: the chain has no anchor of sha256 digest 0x[0-9a-f]{64}; chain ${CHAIN_ID}, registry 0x`,
      ),
    );
  });
});
