// The copyright CLI against a real `hardhat node` on its own chain id: the whole flow, and bad input answered with
// one clear line and a non-zero exit.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { ContractFactory, JsonRpcProvider } from "ethers";
import hre from "hardhat";

import { describeOnNode, errorLine, ok, rpc, runHardhat } from "../helpers/cli.js";

const CHAIN_ID = 31_340;
const NODE = { chainId: CHAIN_ID, command: "copyright", timeout: 600_000 };

describeOnNode("copyright CLI on a hardhat node", NODE, (on) => {
  let dir: string;
  let frozenSong: string;
  const copyright = on.cli;
  // Moves the node's clock past the deployment's reveal window (one day), so works registered so far are settled.
  // A pooled keep-alive socket may have been closed by the node while a CLI call ran ("other side closed"): such a
  // request never reached the node, so it is sent once more.
  const send = (method: string, params: unknown[] = []) =>
    rpc(on.url, method, params).catch(() => rpc(on.url, method, params));
  const settle = async () => {
    await send("evm_increaseTime", [86_401]);
    await send("evm_mine");
  };

  before(async function () {
    dir = await mkdtemp(path.join(tmpdir(), "copyright-cli-"));
  });

  it("explains that nothing is deployed on the chain yet", function () {
    const result = copyright("withdraw");
    expect(errorLine(result)).to.equal(
      `error: no Copyright#CopyrightRegistry deployed on chain ${CHAIN_ID} (network "localhost"): deploy it with Ignition or pass --registry`,
    );
  });

  it("commits, reveals, sells and checks a license, withdraws, disputes and freezes", async function () {
    ok(
      runHardhat(
        ["ignition", "deploy", "deploy/modules/Copyright.ts", "--build-profile", "default", "--network", "localhost"],
        {
          ...on.env,
          HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true",
        },
      ),
    );
    const [composer, lyricist, licensee] = await rpc<string[]>(on.url, "eth_accounts");
    const song = path.join(dir, "song.flac");
    await writeFile(song, "a song");
    expect(ok(copyright("commit", song, "--algorithm", "sm3"))).to.match(/committed 0x[0-9a-f]{64}/);
    const revealed = ok(copyright("reveal", song, "--authors", `${composer}:6000,${lyricist}:4000`));
    const digest = revealed.match(/registered work (0x[0-9a-f]{64})/)![1];
    frozenSong = digest;
    expect(revealed).to.contain("priority time:");

    const terms = ok(copyright("terms", "--fee", "1.5", "--duration", "86400", "--derivatives", "--work", digest));
    const termsId = terms.match(/terms (0x[0-9a-f]{64}) registered/)![1];
    expect(terms).to.contain("(fee 1.5 native)");
    expect(terms).to.contain(`offered on work ${digest}`);

    // Until the reveal window of any earlier commitment has passed, the work is shown unsettled and cannot be licensed.
    expect(ok(copyright("show", digest))).to.match(/NOT SETTLED until \d{4}-\d\d-\d\dT[\d:]+Z: /);
    expect(errorLine(copyright("license", digest, termsId, "--from", licensee))).to.match(
      /^error: work 0x[0-9a-f]{64} is not settled until \d{4}-\d\d-\d\dT[\d:.]+Z: a reveal of an earlier commitment could still take it over, so the registry refuses to license it before then$/,
    );
    await settle();
    expect(ok(copyright("show", digest))).to.match(/settled since \d{4}-\d\d-\d\dT[\d:]+Z: no reveal can take it over/);
    expect(ok(copyright("license", digest, termsId, "--from", licensee))).to.match(/licensed 0x[0-9a-fA-F]{40} until/);
    expect(ok(copyright("check", digest, licensee, termsId))).to.contain("is licensed");
    expect(ok(copyright("withdraw", "--from", lyricist))).to.match(/withdrew 0\.6 to/);

    const evidenceFile = path.join(dir, "draft.txt");
    await writeFile(evidenceFile, "the first draft");
    const anchored = ok(runHardhat(["evidence", "anchor", evidenceFile, "--network", "localhost"], on.env));
    const evidenceId = anchored.match(/anchored (0x[0-9a-f]{64})/)![1];
    expect(ok(copyright("dispute", digest, evidenceId, "--from", lyricist))).to.contain("dispute 1 raised");
    expect(ok(copyright("resolve", "1", "--upheld"))).to.contain("dispute 1 upheld: work frozen");
    expect(ok(copyright("check", digest, composer, termsId))).to.contain("FROZEN");
  });

  it("prints help for every task", function () {
    const tasks: Record<string, string> = {
      derive: "Register a file's work as a derivative of parents you own or hold licenses on",
      sign: "Sign a gasless registration of a file's work as its creator",
      relay: "Relay a signed registration request",
      sublicense: "Sublicense your license on sublicensable terms",
      "disable-terms": "Stop selling licenses on terms of your work",
      "pay-revenue": "Pay revenue a work earned in",
      unfreeze: "Unfreeze a work (arbitrator",
      "set-royalty": "Set the EIP-2981 royalty rate of your work",
      pause: "Pause registration, terms, licensing, revenue and royalty setting",
      unpause: "Lift the pause",
      show: "Show a work: owner, payees, parents, terms, licenses",
      "show-dispute": "Show a dispute",
      check: "exit code 0: licensed, 2: not licensed, 1: error",
    };
    const helps = new Map<string, string>();
    for (const [name, description] of Object.entries(tasks)) {
      const help = ok(runHardhat(["copyright", name, "--help"]));
      expect(help, name).to.contain(description);
      expect(help, name).to.contain(`copyright ${name}`);
      helps.set(name, help);
    }
    expect(helps.get("sign")).to.contain("--valid-for");
    expect(helps.get("sign")).to.contain("--on-behalf-of");
    expect(helps.get("derive")).to.contain("--parents");
  });

  it("signs and relays a registration, licenses, sublicenses, derives, pays revenue and shows the work", async function () {
    const [composer, , licensee, relayer, creator] = await rpc<string[]>(on.url, "eth_accounts");
    const song = path.join(dir, "ballad.flac");
    await writeFile(song, "a ballad");
    const signed = ok(copyright("sign", song, "--from", creator, "--valid-for", "600"));
    expect(signed.toLowerCase()).to.contain(`for ${creator.toLowerCase()} as ${creator.toLowerCase()}, valid until `);
    const request = `${song}.registration.json`;
    const relayed = ok(copyright("relay", request, "--from", relayer));
    const digest = relayed.match(/work (0x[0-9a-f]{64}) registered to/)![1];
    expect(relayed.toLowerCase()).to.contain(
      `registered to ${creator.toLowerCase()} (gas paid by ${relayer.toLowerCase()})`,
    );
    const replay = copyright("relay", request, "--from", relayer);
    // Each signed request is accepted once: a replay finds its nonce used.
    expect(errorLine(replay)).to.match(/^error: NonceAlreadyUsed\(owner=0x[0-9a-fA-F]{40}, nonce=0\)$/);

    const terms = ok(
      copyright(
        "terms",
        ...["--duration", "864000", "--derivatives", "--sublicensable", "--royalty", "1000", "--work", digest],
        ...["--from", creator],
      ),
    );
    const termsId = terms.match(/terms (0x[0-9a-f]{64}) registered/)![1];
    await settle();
    ok(copyright("license", digest, termsId, "--from", licensee));
    expect(ok(copyright("sublicense", digest, termsId, composer, "--from", licensee))).to.match(
      /sublicensed 0x[0-9a-fA-F]{40} until /,
    );
    const remix = path.join(dir, "ballad-remix.flac");
    await writeFile(remix, "a ballad, remixed");
    const derived = ok(copyright("derive", remix, "--parents", `${digest}:${termsId}`, "--from", licensee));
    expect(derived).to.match(/registered derivative 0x[0-9a-f]{64} of 1 parent\(s\)/);
    const remixDigest = derived.match(/registered derivative (0x[0-9a-f]{64})/)![1];
    await settle();
    expect(ok(copyright("pay-revenue", remixDigest, "12.5", "--from", composer))).to.contain(
      "paid 12.5 in for work " + remixDigest + ": 1.25 to its parents' payees, 11.25 to its payees",
    );
    expect(ok(copyright("set-royalty", digest, "250", "--from", creator))).to.contain("set to 250 bps");

    const shown = ok(copyright("show", digest)).toLowerCase();
    expect(shown).to.contain(`owner ${creator.toLowerCase()}`);
    expect(shown).to.contain(`payees ${creator.toLowerCase()}:10000`);
    expect(shown).to.contain("eip-2981 royalty 250 bps");
    expect(shown).to.contain(`terms ${termsId} on sale`);
    expect(shown).to.match(new RegExp(`license ${licensee.toLowerCase()} on ${termsId} until `));
    expect(shown).to.contain(`sublicensed by ${licensee.toLowerCase()}`);
    expect(ok(copyright("show", remixDigest)).toLowerCase()).to.contain(`derivative of ${digest}`);

    expect(ok(copyright("disable-terms", digest, termsId, "--from", creator))).to.contain("no longer on sale");
    expect(ok(copyright("show", digest))).to.contain(`terms ${termsId} not on sale`);
    const stranger = "0x000000000000000000000000000000000000dEaD";
    const check = copyright("check", digest, stranger, termsId);
    expect(check.status, check.stderr).to.equal(2);
    expect(check.stdout).to.contain(`${stranger} is NOT licensed under ${termsId}`);
    expect(ok(copyright("withdraw", "--from", creator))).to.match(/withdrew 1\.25 to/);
  });

  it("signs for an ERC-1271 wallet (--on-behalf-of), which owns the work; relayed for another account it is refused", async function () {
    const [, , , relayer, owner, stranger] = await rpc<string[]>(on.url, "eth_accounts");
    const artifact = await hre.artifacts.readArtifact("CopyrightTestWallet");
    const provider = new JsonRpcProvider(on.url, undefined, { cacheTimeout: -1 });
    const factory = new ContractFactory(artifact.abi, artifact.bytecode, await provider.getSigner(owner));
    const wallet = await (await factory.deploy(owner)).waitForDeployment();
    const walletAddress = (await wallet.getAddress()).toLowerCase();
    provider.destroy();

    const song = path.join(dir, "wallet.flac");
    await writeFile(song, "a song held by a wallet");
    const latest = await rpc<{ timestamp: string }>(on.url, "eth_getBlockByNumber", ["latest", false]);
    const signed = ok(copyright("sign", song, "--from", owner, "--on-behalf-of", walletAddress));
    expect(signed.toLowerCase()).to.contain(`for ${walletAddress} as ${owner.toLowerCase()}, valid until `);
    const request = `${song}.registration.json`;
    const written = JSON.parse(await readFile(request, "utf8")) as {
      creator: string;
      authors: { account: string }[];
      deadline: string;
    };
    expect(written.creator.toLowerCase()).to.equal(walletAddress);
    // Without --valid-for, an hour of the chain's seconds from the latest block.
    expect(BigInt(written.deadline)).to.equal(BigInt(latest.timestamp) + 3_600n);
    expect(written.authors.map((a) => a.account.toLowerCase())).to.deep.equal([walletAddress]);

    // The same signature relayed for the wallet's owner: the request named the wallet.
    const redirected = path.join(dir, "redirected.json");
    await writeFile(redirected, JSON.stringify({ ...written, creator: owner }));
    const refused = copyright("relay", redirected, "--from", relayer);
    expect(errorLine(refused).toLowerCase()).to.equal(`error: invalidsignature(signer=${owner.toLowerCase()})`);

    const relayed = ok(copyright("relay", request, "--from", relayer));
    expect(relayed.toLowerCase()).to.contain(`registered to ${walletAddress} (gas paid by ${relayer.toLowerCase()})`);
    const digest = relayed.match(/work (0x[0-9a-f]{64}) registered to/)![1];
    expect(ok(copyright("show", digest)).toLowerCase()).to.contain(`owner ${walletAddress}`);
    const notAddress = copyright("sign", song, "--from", stranger, "--on-behalf-of", "wallet");
    expect(errorLine(notAddress)).to.equal('error: --on-behalf-of is not an address: "wallet"');
  });

  it("pauses and unpauses, shows a dispute, unfreezes", async function () {
    const file = path.join(dir, "paused.flac");
    await writeFile(file, "registered after the pause");
    expect(ok(copyright("pause"))).to.contain("registry paused");
    const refused = copyright("register", file);
    expect(errorLine(refused)).to.equal("error: EnforcedPause()");
    expect(ok(copyright("unpause"))).to.contain("registry unpaused");
    expect(ok(copyright("register", file))).to.contain("registered work");

    const shown = ok(copyright("show-dispute", "1"));
    expect(shown).to.contain("dispute 1: upheld");
    expect(shown).to.match(/evidence 0x[0-9a-f]{64}, anchored \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    expect(shown).to.match(/work priority \d{4}-\d\d-\d\dT/);
    expect(shown).to.match(/the (evidence|work) came first|both at the same time/);
    const missing = copyright("show-dispute", "99");
    expect(errorLine(missing)).to.equal("error: no dispute 99");

    // The song frozen by dispute 1 earlier.
    expect(ok(copyright("unfreeze", frozenSong))).to.contain(`work ${frozenSong} unfrozen`);
    const again = copyright("unfreeze", frozenSong);
    expect(errorLine(again)).to.equal(`error: NotFrozen(workId=${frozenSong})`);
  });

  it("answers bad input with one clear line and exit code 1", async function () {
    const song = path.join(dir, "other.flac");
    await writeFile(song, "another song");
    const [composer] = await rpc<string[]>(on.url, "eth_accounts");
    const shares = copyright("register", song, "--authors", `${composer}:5000`);
    expect(errorLine(shares)).to.equal("error: author shares must sum to 10000 basis points, got 5000");
    expect(ok(copyright("register", song))).to.contain("registered work");
    const again = copyright("register", song);
    expect(errorLine(again)).to.match(
      /^error: WorkAlreadyRegistered\(workId=0x[0-9a-f]{64}, owner=0x[0-9a-fA-F]{40}, priorityTime=\d{4}-\d\d-\d\dT[\d:]+Z\)$/,
    );
    const reveal = copyright("reveal", song);
    expect(errorLine(reveal)).to.equal(`error: cannot read the commitment file ${song}.commit.json`);
    const work = copyright("check", "song", composer, "0x" + "00".repeat(32));
    expect(errorLine(work)).to.equal('error: not a work id or digest: "song"');
    const request = copyright("relay", path.join(dir, "missing.json"));
    expect(errorLine(request)).to.equal(
      `error: cannot read the registration request ${path.join(dir, "missing.json")}`,
    );
    const notRequest = path.join(dir, "not-a-request.json");
    await writeFile(notRequest, JSON.stringify({ digest: "0x12" }));
    expect(errorLine(copyright("relay", notRequest))).to.equal(
      `error: ${notRequest} is not a registration request written by "copyright sign"`,
    );
    expect(errorLine(copyright("sign", song, "--valid-for", "1h"))).to.equal(
      'error: --valid-for must be a non-negative integer, got "1h"',
    );
    expect(errorLine(copyright("derive", song))).to.equal('error: --parents is required: "work:termsId,..."');
    expect(errorLine(copyright("derive", song, "--parents", "1:2:3"))).to.equal(
      'error: parent "1:2:3" must be work or work:termsId',
    );
    expect(errorLine(copyright("set-royalty", "1", "abc"))).to.equal(
      'error: bps must be a non-negative integer, got "abc"',
    );
    expect(errorLine(copyright("pay-revenue", "1", "1.5x"))).to.equal(
      'error: amount must be an amount like "1.5" or "1,000", got "1.5x"',
    );
    expect(errorLine(copyright("pay-revenue", "1", "-5"))).to.equal(
      'error: "-5" is negative: amounts, ids and times are never negative',
    );
    expect(errorLine(copyright("terms", "--fee", "-5"))).to.equal('error: --fee must not be negative, got "-5"');
    expect(errorLine(copyright("terms", "--fee", "0.0000000000000000001"))).to.equal(
      "error: --fee 0.0000000000000000001 has more than the currency's 18 decimals",
    );
    expect(
      errorLine(copyright("terms", "--fee", "1", "--currency", "0xAbC0000000000000000000000000000000000001")),
    ).to.match(/^error: --currency 0xAbC0+1 has a bad checksum/);
    expect(errorLine(copyright("show", "1"))).to.equal("error: WorkNotFound(workId=1)");
  });
});
