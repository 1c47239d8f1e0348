// The bills CLI against a real `hardhat node`: deploy with Ignition, issue, endorse (as an offer and with the
// endorsee's signed consent relayed from a file), quote a discount, dishonour and claim recourse, read a bill's
// history; bad input is answered with one `error:` line and exit code 1. Its own chain id (31341) keeps its Ignition
// journal apart. Participants are registered directly (the participants CLI has its own test).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { Contract, ContractFactory, JsonRpcProvider, getAddress, id } from "ethers";
import hre from "hardhat";

import { describeOnNode, errorLine, journalDir, ok, root, rpc, runHardhat } from "../helpers/cli.js";

const CHAIN_ID = 31_341;
const journal = journalDir(CHAIN_ID);
const NODE = { chainId: CHAIN_ID, command: "bills", timeout: 1_800_000 };
const part = (pkg: bigint, seq: bigint) => String((pkg << 24n) | seq);
const ROOT = part(1n, 1n);

// Generous timeout: each step is a CLI process, slow on a loaded machine; none compiles.
describeOnNode("bills CLI on a hardhat node", NODE, (on) => {
  const bills = on.cli;
  let accounts: string[];
  let dir: string;

  before(async function () {
    accounts = (await rpc<string[]>(on.url, "eth_accounts")).map((a) => getAddress(a));
    dir = await mkdtemp(path.join(tmpdir(), "bills-cli-"));
  });

  after(async function () {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("runs a bill from issue to recourse and history; bad input gets one line", async function () {
    const missing = bills("show", "1");
    expect(errorLine(missing)).to.equal(
      `error: no Bills#SupplyChainBills deployed on chain ${CHAIN_ID} (network "localhost"): deploy it with Ignition or pass --bills`,
    );
    ok(
      runHardhat(
        ["ignition", "deploy", "deploy/modules/Bills.ts", "--build-profile", "default", "--network", "localhost"],
        {
          LOCALHOST_URL: on.url,
          HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true",
        },
      ),
    );
    const addresses = JSON.parse(await readFile(path.join(journal, "deployed_addresses.json"), "utf8")) as Record<
      string,
      string
    >;

    const provider = new JsonRpcProvider(on.url);
    const platform = await provider.getSigner(0);
    const artifact = await hre.artifacts.readArtifact("MockStablecoin");
    const token = await new ContractFactory(artifact.abi, artifact.bytecode, platform).deploy(2);
    await token.waitForDeployment();
    const registryArtifact = await hre.artifacts.readArtifact("ParticipantRegistry");
    const registry = new Contract(addresses["Participants#ParticipantRegistry"], registryArtifact.abi, platform);
    const [, tier1, tier2, bank, core] = accounts;
    const until = Math.floor(Date.UTC(2099, 0, 1) / 1000);
    for (const [account, role] of [
      [core, 1],
      [tier1, 1],
      [tier2, 1],
      [bank, 2],
    ] as const) {
      await (await registry.getFunction("register")(account, id(account), role, until)).wait();
    }
    const tokenAddress = await token.getAddress();
    await (await token.getFunction("mint")(core, 10n ** 12n)).wait();
    provider.destroy();

    const issueArgs = ["--acceptor", core, "--payee", tier1, "--token", tokenAddress, "--from", core];
    const issued = bills(
      "issue",
      ...issueArgs,
      "--amount",
      "1,000,000.00",
      "--maturity",
      "2099-06-30",
      "--trade-text",
      "PC-2026-0118",
    );
    expect(ok(issued)).to.contain(`issued package 1; root part ${ROOT} offered to ${tier1}`);
    const past = bills("issue", ...issueArgs, "--amount", "1.00", "--maturity", "2001-01-01", "--trade-text", "x");
    expect(errorLine(past)).to.equal("error: maturity 2001-01-01T00:00:00.000Z is not in the future");
    // The test token anyone can mint is for local nodes only; this node's chain id is not one of theirs.
    expect(errorLine(bills("local-token"))).to.equal(
      `error: bills local-token deploys a test token anyone can mint: only on a local node (chain id 31337 or 1337), not on chain ${CHAIN_ID} (network "localhost")`,
    );
    // Bad input the parser used to answer itself, or silently misread: one line each, nothing sent.
    const bill = ["--amount", "1.00", "--maturity", "2099-01-01"];
    const noAcceptor = bills("issue", "--payee", tier1, "--token", tokenAddress, ...bill, "--trade-text", "x");
    expect(errorLine(noAcceptor)).to.equal("error: --acceptor is required");
    expect(errorLine(bills("issue", ...issueArgs, ...bill, "--trade-digest", "0x1234"))).to.equal(
      'error: --trade-digest must be 32 bytes of hex, got "0x1234"',
    );
    expect(errorLine(bills("issue", ...issueArgs, ...bill))).to.equal(
      "error: --trade-digest (32 bytes of hex) or --trade-text is required",
    );
    const badChecksum =
      core.slice(0, 2) +
      [...core.slice(2)]
        .map((c) => (/[a-f]/.test(c) ? c.toUpperCase() : /[A-F]/.test(c) ? c.toLowerCase() : c))
        .join("");
    const checksummed = bills(
      "issue",
      ...["--acceptor", badChecksum, "--payee", tier1, "--token", tokenAddress, "--from", core],
      ...bill,
      ...["--trade-text", "x"],
    );
    expect(errorLine(checksummed)).to.match(/^error: --acceptor 0x[0-9a-fA-F]{40} has a bad checksum/);
    ok(bills("accept", "1", "--from", core));
    ok(bills("sign", ROOT, "--from", tier1));

    // An offer the endorsee signs on chain.
    const offered = ok(bills("endorse", ROOT, tier2, "250000.00", "--from", tier1));
    expect(offered).to.contain(`offered 250,000.00 yuan to ${tier2} as part ${part(1n, 2n)}; it must sign`);
    ok(bills("sign", part(1n, 2n), "--from", tier2));
    // An endorsement in one step: tier2 signs its consent into a file, tier1 relays it.
    const consent = path.join(dir, "consent.json");
    const signed = ok(
      bills("consent", ROOT, "100,000.00", "--deadline", "2099-01-01", "--out", consent, "--from", tier2),
    );
    expect(signed).to.contain(`${tier2} consents to receive 100,000.00 yuan of part ${ROOT}; wrote ${consent}`);
    expect(errorLine(bills("endorse", ROOT, tier2, "100000.01", "--consent", consent, "--from", tier1))).to.equal(
      `error: the consent in ${consent} is for amount (minimum units) 10000000, not 10000001`,
    );
    await writeFile(path.join(dir, "bad.json"), "{}");
    expect(
      errorLine(bills("endorse", ROOT, tier2, "1.00", "--consent", path.join(dir, "bad.json"), "--from", tier1)),
    ).to.equal(`error: ${path.join(dir, "bad.json")} is not an endorsement consent written by \`bills consent\``);
    const relayed = ok(bills("endorse", ROOT, tier2, "100000.00", "--consent", consent, "--from", tier1));
    expect(relayed).to.contain(`endorsed 100,000.00 yuan to ${tier2} as part ${part(1n, 3n)}, signed by the endorsee`);
    expect(errorLine(bills("endorse", ROOT, tier2, "100000.00", "--consent", consent, "--from", tier1))).to.equal(
      "error: the endorsee's signature was already used or cancelled (nonce 0)",
    );

    expect(errorLine(bills("split", ROOT, "-100.00", "--from", tier1))).to.equal(
      'error: "-100.00" is negative: amounts, ids and times are never negative',
    );
    const fractional = bills("endorse", ROOT, tier2, "12.345", "--from", tier1);
    expect(errorLine(fractional)).to.equal(
      'error: amount "12.345" is not a yuan amount: use digits with at most two decimals, e.g. "1234.56" or "1,234.56"',
    );
    expect(errorLine(bills("endorse", ROOT, tier2, "1000,000.00", "--from", tier1))).to.match(/is not a yuan amount/);
    expect(errorLine(bills("endorse", ROOT, accounts[6], "1.00", "--from", tier1))).to.equal(
      `error: endorsee ${accounts[6]} is not registered`,
    );
    expect(errorLine(bills("sign", part(1n, 2n), "--from", tier2))).to.equal(
      `error: WrongPartState(tokenId=${part(1n, 2n)}, state=4, frozen=false)`,
    );

    // Discount quotes: before an offer (with amount and rate), and of the offer itself.
    const before = ok(bills("quote", part(1n, 2n), "--amount", "200000.00", "--rate", "3.5"));
    expect(before).to.match(
      /^discounting 200,000\.00 yuan of part \d+ at 3\.5% now: [\d,]+\.\d\d yuan \(\d+ token units\), \d+ days charged/,
    );
    expect(errorLine(bills("quote", part(1n, 2n)))).to.equal(
      `error: part ${part(1n, 2n)} is held, not a discount offer: give --amount and --rate to quote it`,
    );
    ok(bills("discount", part(1n, 2n), bank, "200000.00", "--rate", "3.5", "--from", tier2));
    expect(ok(bills("quote", part(1n, 4n)))).to.match(
      new RegExp(
        `^discount offer ${part(1n, 4n)}: 200,000\\.00 yuan for [\\d,]+\\.\\d\\d yuan \\(\\d+ token units\\), \\d+ days charged, if signed now`,
      ),
    );

    // A pledge: the bank accepts exactly the value it saw offered (finding 1), refused for any other.
    ok(bills("pledge", ROOT, bank, "--from", tier1));
    expect(errorLine(bills("sign-pledge", ROOT, "1.00", "--from", bank))).to.equal(
      `error: PledgeValueChanged(tokenId=${ROOT}, value=65000000, expected=100)`,
    );
    expect(ok(bills("sign-pledge", ROOT, "650,000.00", "--from", bank))).to.contain(
      `accepted part ${ROOT} in pledge for 650,000.00 yuan`,
    );
    expect(ok(bills("part", ROOT)).toLowerCase()).to.contain(
      `part ${ROOT} (package 1): 650,000.00 yuan, pledged, owner ${tier1.toLowerCase()}, endorsed by ${core.toLowerCase()}, pays ${bank.toLowerCase()}`,
    );
    expect(ok(bills("part", part(1n, 2n)))).to.contain("[1 offer pending]");

    // The deployment journal is found from the project root, wherever the task runs.
    const shown = ok(
      runHardhat(["bills", "show", "1", "--network", "localhost"], { LOCALHOST_URL: on.url }, path.join(root, "tasks")),
    );
    expect(shown).to.contain("package 1: active");
    expect(shown).to.contain("face 1,000,000.00 yuan");
    expect(shown.toLowerCase()).to.contain(
      `part ${part(1n, 2n)} (package 1): 50,000.00 yuan, held, owner ${tier2.toLowerCase()}`,
    );
    expect(ok(bills("part", part(1n, 2n))).toLowerCase()).to.contain(
      `endorsement chain: ${core} -> ${tier1}`.toLowerCase(),
    );

    // Bill 2, due in a minute (a number: the chain's time unit, seconds here), dishonoured and claimed.
    const now = Number((await rpc<{ timestamp: string }>(on.url, "eth_getBlockByNumber", ["latest", false])).timestamp);
    ok(bills("issue", ...issueArgs, "--amount", "500.00", "--maturity", String(now + 60), "--trade-text", "PC-2"));
    ok(bills("accept", "2", "--from", core));
    ok(bills("sign", part(2n, 1n), "--from", tier1));
    expect(ok(bills("pending-claim", part(2n, 1n)))).to.contain(`no recourse claim is pending on part ${part(2n, 1n)}`);
    await rpc(on.url, "evm_increaseTime", [120]);
    await rpc(on.url, "evm_mine");
    ok(bills("dishonor", "2", "--reason", "no funds", "--from", core));
    ok(bills("claim", part(2n, 1n), core, "--from", tier1));
    expect(ok(bills("pending-claim", part(2n, 1n)))).to.contain(
      `part ${part(2n, 1n)}: ${tier1} claims 500.00 yuan (50000 token units) from ${core}`,
    );

    const history = ok(bills("history", "1")).trim().split("\n");
    // Every value move has its line, the endorsement signed in one step (no Offered event) included.
    const consentMove = `TransferValue: 100,000.00 yuan moved from part ${ROOT} to part ${part(1n, 3n)}`;
    expect(history.filter((line) => line.endsWith(consentMove))).to.have.length(1);
    const billEvents = history.filter((line) => line.split(": ")[1] !== "TransferValue");
    expect(billEvents.map((line) => line.split(": ")[1])).to.deep.equal([
      "Issued",
      "Offered",
      "Accepted",
      "Signed",
      "Offered",
      "Signed",
      "Signed",
      "Offered",
      "DiscountOffered",
      "PledgeOffered",
      "Signed",
    ]);
    expect(history[0]).to.match(new RegExp(`^block \\d+: Issued: issued 1,000,000\\.00 yuan by ${core} to ${tier1}`));
    const partHistory = ok(bills("history", "1", "--part", part(1n, 3n)))
      .trim()
      .split("\n");
    expect(partHistory.map((line) => line.split(": ")[1])).to.deep.equal(["TransferValue", "Signed"]);
    expect(ok(bills("history", "2"))).to.contain(
      `RecourseClaimed: part ${part(2n, 1n)}: ${tier1} claims 50000 token units from ${core}`,
    );
  });
});
