// Every deployable contract keeps at least 2,048 bytes under the EIP-170 limit (24,576) in the default build and in
// the `compat` build (evmVersion paris), so that fixes have room. The default build is the artifacts this run built;
// the compat build is compiled in this process once (and cached per source) by bench/sizes.ts, which `npm run bench`
// uses for its size report.
import { expect } from "chai";
import hre from "hardhat";

import { CODE_SIZE_LIMIT, MIN_HEADROOM, measureSizes, sizeRow, type SizeRow } from "../bench/sizes.js";

// The contracts the Ignition modules deploy; the measurement finds deployables by itself and must find these.
const EXPECTED = [
  "CopyrightDisputes",
  "CopyrightRegistry",
  "CopyrightRelay",
  "EvidenceRegistry",
  "ParticipantRegistry",
  "SupplyChainBills",
];

describe("deployed code size", function () {
  let sizes: SizeRow[];

  before(async function () {
    // A cold compat build compiles every contract once more (the viaIR ones take minutes on a busy machine).
    this.timeout(0);
    sizes = await measureSizes(hre);
  });

  it("measures every deployable contract in both builds", function () {
    for (const build of ["default", "compat"] as const) {
      const names = sizes.filter((s) => s.build === build).map((s) => s.contract);
      expect(names, build).to.include.members(EXPECTED);
      const mocks = sizes.filter((s) => s.build === build && s.source.startsWith("contracts/mocks/"));
      expect(mocks, build).to.deep.equal([]);
    }
  });

  it("leaves every deployable at least 2,048 bytes under 24,576 bytes, in both builds", function () {
    // Coverage instruments the code, which then no longer fits; the limit holds for the real build.
    if (hre.globalOptions.coverage) this.skip();
    const short = sizes.filter((s) => s.headroom < MIN_HEADROOM).map((s) => `${s.contract} (${s.build}): ${s.bytes}`);
    expect(short).to.deep.equal([]);
    for (const s of sizes) expect(s.bytes, `${s.contract} (${s.build})`).to.be.above(0);
  });

  it("counts bytes and headroom as the limit does", function () {
    expect(sizeRow("A", "contracts/A.sol", "compat", "0x" + "00".repeat(CODE_SIZE_LIMIT - MIN_HEADROOM))).to.include({
      bytes: 22_528,
      headroom: 2_048,
      meetsTarget: true,
    });
    expect(sizeRow("A", "contracts/A.sol", "default", "00".repeat(22_529))).to.include({
      bytes: 22_529,
      headroom: 2_047,
      meetsTarget: false,
    });
  });
});
