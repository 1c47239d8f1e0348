// The participants CLI against a real `hardhat node`: the KYC desk registers, updates, suspends and reinstates, the
// regulator freezes, `show` prints the entry and its history; bad input is answered with one `error:` line and exit
// code 1. Its own chain id (31339) keeps its Ignition journal apart.
import { expect } from "chai";
import { getAddress, id } from "ethers";

import { describeOnNode, errorLine, ok, rpc, runHardhat } from "../helpers/cli.js";

const CHAIN_ID = 31_339;
const NODE = { chainId: CHAIN_ID, command: "participants", timeout: 300_000 };

describeOnNode("participants CLI on a hardhat node", NODE, (on) => {
  const participants = on.cli;
  let accounts: string[];

  before(async function () {
    accounts = (await rpc<string[]>(on.url, "eth_accounts")).map((a) => getAddress(a));
  });

  it("explains every command in --help", function () {
    const help = ok(runHardhat(["participants", "--help"]));
    for (const command of ["register", "update", "suspend", "reinstate", "freeze", "unfreeze", "show"]) {
      expect(help).to.match(new RegExp(`participants ${command}\\s+\\S`));
    }
    expect(ok(runHardhat(["participants", "register", "--help"]))).to.contain("--valid-until");
    // `bills register` moved here: no duplicate.
    expect(ok(runHardhat(["bills", "--help"]))).not.to.contain("bills register");
  });

  it("registers, updates, suspends, reinstates, freezes and shows participants", async function () {
    const missing = participants("show", accounts[1]);
    expect(errorLine(missing)).to.equal(
      `error: no Participants#ParticipantRegistry deployed on chain ${CHAIN_ID} (network "localhost"): deploy it with Ignition or pass --participants`,
    );
    ok(
      runHardhat(
        [
          "ignition",
          "deploy",
          "deploy/modules/Participants.ts",
          "--build-profile",
          "default",
          "--network",
          "localhost",
        ],
        {
          LOCALHOST_URL: on.url,
          HARDHAT_IGNITION_CONFIRM_DEPLOYMENT: "true",
        },
      ),
    );
    const [kyc, alice, bank, regulator, stranger] = accounts;
    const register = (account: string, roles: string, org: string) =>
      participants("register", account, "--org", org, "--roles", roles, "--valid-until", "2099-12-31");
    expect(ok(register(alice, "enterprise", "91310000ALICE"))).to.contain(
      `registered ${alice} as enterprise (org id ${id("91310000ALICE")}`,
    );
    ok(register(bank, "financier", "91310000BANK"));
    ok(register(regulator, "regulator", "CBIRC-SH"));

    expect(errorLine(register(stranger, "bank", "X"))).to.equal(
      'error: unknown role "bank": use enterprise, financier, regulator',
    );
    expect(
      errorLine(
        participants("register", stranger, "--org", "X", "--roles", "enterprise", "--valid-until", "2001-01-01"),
      ),
    ).to.equal("error: validity end 2001-01-01T00:00:00.000Z is not in the future");
    expect(
      errorLine(participants("register", stranger, "--org", "X", "--roles", "enterprise", "--valid-until", "soon")),
    ).to.equal(
      'error: --valid-until must be a date like 2027-03-31, a time from now like +90d, or a number in the chain\'s time unit, got "soon"',
    );
    expect(
      errorLine(participants("register", "0x12", "--org", "X", "--roles", "enterprise", "--valid-until", "2099-01-01")),
    ).to.equal('error: participant is not an address: "0x12"');
    // Only the KYC desk registers.
    expect(
      errorLine(
        participants(
          "register",
          accounts[6],
          "--org",
          "X",
          "--roles",
          "enterprise",
          "--valid-until",
          "2099-12-31",
          "--from",
          alice,
        ),
      ),
    ).to.equal(`error: ${alice} lacks the registry's KYC role`);

    expect(
      ok(participants("update", alice, "--roles", "enterprise,financier", "--valid-until", "2098-06-30")),
    ).to.contain(`updated ${alice}: enterprise,financier until 2098-06-30T00:00:00.000Z`);
    expect(ok(participants("suspend", alice, "--reason", "KYC review"))).to.contain(`suspended ${alice}`);
    ok(participants("reinstate", alice));
    expect(errorLine(participants("freeze", alice))).to.equal(`error: ${kyc} is not an active regulator`);
    expect(ok(participants("freeze", alice, "--reason", "court order", "--from", regulator))).to.contain(
      `froze ${alice}`,
    );

    const shown = ok(participants("show", alice)).toLowerCase();
    expect(shown).to.contain(`${alice.toLowerCase()}: enterprise, financier, not active [frozen]`);
    expect(shown).to.contain(`org id ${id("91310000ALICE")}`);
    expect(shown).to.contain("valid until 2098-06-30t00:00:00.000z");
    for (const step of [
      "registered enterprise until 2099-12-31",
      "updated enterprise, financier until 2098-06-30",
      "suspended",
      "reinstated",
      `frozen frozen by ${regulator.toLowerCase()}`,
    ]) {
      expect(shown).to.contain(step);
    }
    ok(participants("unfreeze", alice, "--from", regulator));
    expect(ok(participants("show", alice))).to.contain("enterprise, financier, active");
    expect(ok(participants("show", stranger))).to.contain(`${stranger}: not registered`);
  });
});
