// Which build a chain runs: the probe on Hardhat's default network (Prague: PUSH0 and MCOPY) and on the in-process
// pre-Shanghai network (hardfork merge: neither), and the typed errors a wrong build or an unknown chain gets.
import { expect } from "chai";
import { network } from "hardhat";

import { assertChainSupports, probeChain, UnsupportedChainError } from "../../src/chain.js";
import { deploymentOf, findDeployment } from "../../src/deployments.js";
import { DeploymentNotFoundError } from "../../src/errors.js";

const current = await network.create();
const preShanghai = await network.create("preShanghai");
// Shanghai without Cancun: PUSH0 but no MCOPY (the default build deploys there, then its signed paths fail).
const shanghai = await network.create({ network: "preShanghai", override: { hardfork: "shanghai" } });

describe("chain probe", function () {
  after(async function () {
    await current.close();
    await preShanghai.close();
    await shanghai.close();
  });

  it("finds PUSH0 and MCOPY on the default network, which runs the default build", async function () {
    const support = await probeChain(current.ethers.provider);
    expect(support).to.deep.equal({ chainId: 31337n, supported: ["PUSH0", "MCOPY"], missing: [], target: "default" });
    expect(await assertChainSupports(current.ethers.provider, "default")).to.deep.equal(support);
  });

  it("finds neither before Shanghai, and sends nothing while probing", async function () {
    const blockBefore = await preShanghai.ethers.provider.getBlockNumber();
    const support = await probeChain(preShanghai.ethers.provider);
    expect(support).to.deep.equal({ chainId: 31337n, supported: [], missing: ["PUSH0", "MCOPY"], target: "compat" });
    expect(await preShanghai.ethers.provider.getBlockNumber()).to.equal(blockBefore);
  });

  it("refuses the default build before Shanghai with a message that says to deploy the compat build", async function () {
    const error: unknown = await assertChainSupports(preShanghai.ethers.provider).then(
      () => expect.fail("assertChainSupports accepted a chain without PUSH0"),
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(UnsupportedChainError);
    const unsupported = error as UnsupportedChainError;
    expect(unsupported.code).to.equal("UNSUPPORTED_CHAIN");
    expect(unsupported.missing).to.deep.equal(["PUSH0", "MCOPY"]);
    expect(unsupported.message).to.contain("chain 31337 has no PUSH0, MCOPY");
    expect(unsupported.message).to.contain("--build-profile compat");
    expect(unsupported.message).to.contain('"@chainproof/contracts/typechain-types/compat"');
  });

  it("finds PUSH0 but no MCOPY on Shanghai, and refuses the default build there too", async function () {
    const support = await probeChain(shanghai.ethers.provider);
    expect(support).to.deep.equal({ chainId: 31337n, supported: ["PUSH0"], missing: ["MCOPY"], target: "compat" });
    const error: unknown = await assertChainSupports(shanghai.ethers.provider).then(
      () => expect.fail("assertChainSupports accepted a chain without MCOPY"),
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(UnsupportedChainError);
    expect((error as UnsupportedChainError).message).to.contain("chain 31337 has no MCOPY,");
  });

  it("accepts the compat build before Shanghai", async function () {
    const support = await assertChainSupports(preShanghai.ethers.provider, "compat");
    expect(support.target).to.equal("compat");
  });
});

describe("deployments recorded in the package", function () {
  it("throws DeploymentNotFoundError naming the chain and how to pass addresses where none is recorded", function () {
    expect(findDeployment(424242n)).to.equal(undefined);
    expect(() => deploymentOf(424242n))
      .to.throw(DeploymentNotFoundError, /no deployment on chain 424242/)
      .with.property("message")
      .that.contains("pass your contracts' addresses to the clients yourself");
  });
});
