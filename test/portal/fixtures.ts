// One verifier everywhere, the portal: the shared fixture set (test/fixtures/evidence.ts, also checked by the SDK and
// the CLI in test/evidence/fixtures.ts) verified in Chromium. Each entry's headline and summary are the SDK's, byte for
// byte; the witnesses show M of N and who signed, a superseded record its successor, a batch member its root.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider, id as textHash } from "ethers";

import { VERDICT_HEADLINES, formatEvidenceTime } from "../../src/evidence/verdict.js";
import { startNode, type LocalNode } from "../helpers/cli.js";
import {
  createEvidenceFixtures,
  deployEvidenceRegistry,
  fixturePath,
  type EvidenceFixture,
  type EvidenceFixtures,
} from "../fixtures/evidence.js";
import { expectFixtureVerdict, sdkVerdict } from "../fixtures/verdicts.js";
import { usePortal } from "./harness.js";

const OTHER_CHAIN_ID = 31_345;

describe("the shared evidence fixtures in the browser portal, in Chromium on a hardhat node", function () {
  this.timeout(300_000);
  const portal = usePortal();
  let other: LocalNode;
  let otherProvider: JsonRpcProvider;
  let set: EvidenceFixtures;

  before(async function () {
    other = await startNode({ chainId: OTHER_CHAIN_ID });
    otherProvider = new JsonRpcProvider(other.url, undefined, { batchMaxCount: 1 });
    const registry = await deployEvidenceRegistry(portal.signer);
    const otherSigner = await otherProvider.getSigner(0);
    const witnesses = await Promise.all([1, 2, 3].map((i) => portal.provider.getSigner(i)));
    set = await createEvidenceFixtures({
      signer: portal.signer,
      registry,
      dir: await mkdtemp(path.join(tmpdir(), "portal-fixtures-")),
      witnesses: [witnesses[0], witnesses[1], witnesses[2]],
      otherChain: { signer: otherSigner, registry: await deployEvidenceRegistry(otherSigner, registry) },
    });
  });

  after(async function () {
    otherProvider?.destroy();
    await other?.stop();
    if (set !== undefined) await rm(set.dir, { recursive: true, force: true });
  });

  /** Verifies the entry in a fresh page (the registry typed in, as a user would) and returns what the page shows. */
  async function verifyInPage(entry: EvidenceFixture) {
    const { context, page } = await portal.open();
    await page.fill("#rpc", portal.node.url);
    await page.fill("#registry", set.registry);
    await page.setInputFiles("#document", fixturePath(set, entry.document));
    if (entry.receipt === null) await page.selectOption("#algorithm", entry.algorithm);
    else await page.setInputFiles("#receipt", fixturePath(set, entry.receipt));
    await page.press("#verify", "Enter");
    await page.waitForSelector("#result[data-status]:not([hidden])");
    const shown = {
      status: (await page.getAttribute("#result", "data-status")) ?? "",
      headline: (await page.textContent("#verdict")) ?? "",
      summary: (await page.textContent("#summary")) ?? "",
      fields: await page.$$eval("#fields dt", (dts) =>
        Object.fromEntries(dts.map((dt) => [dt.textContent ?? "", dt.nextElementSibling?.textContent ?? ""])),
      ),
      witnesses: await page.$$eval("#fields li", (items) => items.map((li) => li.textContent ?? "")),
    };
    await portal.screenshot(page, `fixture-${entry.name}`);
    await context.close();
    return shown;
  }

  const names = [
    "valid-no-receipt",
    "valid-with-receipt",
    "tampered",
    "revoked",
    "superseded",
    "batch-member",
    "salted-sm3",
    "witnessed",
    "other-chain",
    "other-chain-registry",
  ];
  for (const name of names) {
    it(`${name}: the page shows the SDK's headline and summary, byte for byte`, async function () {
      const entry = set.fixtures.find((f) => f.name === name)!;
      const sdk = await sdkVerdict(set, entry, portal.node.url);
      expectFixtureVerdict(set, entry, sdk);
      const shown = await verifyInPage(entry);
      expect(shown.status).to.equal(sdk.status);
      expect(shown.headline).to.equal(sdk.status === "wrong-network" ? "WRONG NETWORK" : VERDICT_HEADLINES[sdk.status]);
      expect(shown.summary).to.equal(sdk.summary);
      if (sdk.verdict === undefined) return;
      const v = sdk.verdict;
      expect(shown.fields["Digest"]).to.match(new RegExp(`^${v.digest} — `));
      expect(shown.fields["Superseded by"]).to.equal(entry.expected.supersededBy ?? "none");
      expect(shown.fields["Batch"]).to.equal(
        entry.expected.batchRoot === undefined ? "anchored directly" : `member of batch ${entry.expected.batchRoot}`,
      );
      expect(shown.fields["Revoked"]).to.equal(
        entry.expected.revocationReason === undefined
          ? "no"
          : `${formatEvidenceTime(v.revokedAt)}, reason ${textHash(entry.expected.revocationReason)}`,
      );
      const witnesses = entry.expected.witnesses;
      if (witnesses === undefined) {
        expect(shown.fields["Witnesses"]).to.equal("none");
      } else {
        expect(shown.fields["Witnesses"]).to.match(/^1 of 2 required signed/);
        expect(shown.witnesses).to.have.length(3);
        expect(shown.witnesses[0]).to.match(new RegExp(`^${witnesses.named[0]}: signed \\d{4}-\\d\\d-\\d\\dT`));
        expect(shown.witnesses.slice(1)).to.deep.equal(witnesses.named.slice(1).map((a) => `${a}: not signed`));
      }
    });
  }

  it("asked nothing of any host but the portal's server and the RPC URL", function () {
    portal.assertOnlyAllowedHosts();
  });
});
