// The bills suite built with the `compat` profile (Paris: no PUSH0/MCOPY/transient storage) runs a bill's life on a
// pre-Shanghai chain, as consortium chains such as FISCO BCOS need, and fits the 24,576-byte code size limit.
import { expect } from "chai";
import type { BaseContract, InterfaceAbi } from "ethers";
import hre, { network } from "hardhat";

import { CODE_SIZE_LIMIT, MIN_HEADROOM, compatContract, type CompatContract } from "../../bench/sizes.js";
import { BillsClient } from "../../src/bills/index.js";

const { ethers } = await network.create("preShanghai");

async function deploy(compiled: CompatContract, args: unknown[]): Promise<BaseContract> {
  const [deployer] = await ethers.getSigners();
  const contract = await new ethers.ContractFactory(compiled.abi as InterfaceAbi, compiled.bytecode, deployer).deploy(
    ...args,
  );
  return contract.waitForDeployment();
}

describe("bills on a pre-Shanghai chain (compat profile)", function () {
  it("fits the size limit and runs issue → endorse → discount → redeem", async function () {
    // The compat build of contracts/ is compiled once per process and cached (bench/sizes.ts); cold, it takes minutes.
    this.timeout(0);
    const bills = await compatContract(hre, "SupplyChainBills");
    const registryBuild = await compatContract(hre, "ParticipantRegistry");
    const tokenBuild = await compatContract(hre, "MockStablecoin");
    // Coverage instruments the code, which then no longer fits; the limit holds for the real build.
    const size = (bills.deployedBytecode.length - 2) / 2;
    if (!hre.globalOptions.coverage) expect(size).to.be.at.most(CODE_SIZE_LIMIT - MIN_HEADROOM);

    const [admin, core, tier1, tier2, bank] = await ethers.getSigners();
    const registryAddress = await (await deploy(registryBuild, [admin.address, admin.address])).getAddress();
    const registry = await ethers.getContractAt("ParticipantRegistry", registryAddress);
    const billsAddress = await (
      await deploy(bills, [registryAddress, ethers.ZeroAddress, 86_400, 1, "ipfs://bills/"])
    ).getAddress();
    const token = await ethers.getContractAt("MockStablecoin", await (await deploy(tokenBuild, [2])).getAddress());
    const until = (await ethers.provider.getBlock("latest"))!.timestamp + 365 * 86_400;
    for (const [who, role] of [
      [core, 1],
      [tier1, 1],
      [tier2, 1],
      [bank, 2],
    ] as const) {
      await (await registry.register(who.address, ethers.id(who.address), role, until)).wait();
    }
    await (await token.mint(core.address, 10n ** 9n)).wait();
    await (await token.mint(bank.address, 10n ** 9n)).wait();
    const as = (signer: typeof core) => new BillsClient(billsAddress, signer);
    const maturity = (await ethers.provider.getBlock("latest"))!.timestamp + 30 * 86_400;

    const { packageId, rootTokenId } = await as(core).issue({
      acceptor: core.address,
      payee: tier1.address,
      token: await token.getAddress(),
      amount: "10000.00",
      maturity,
      tradeDigest: "compat",
    });
    await as(core).accept(packageId);
    await as(tier1).sign(rootTokenId);
    const consent = await as(tier1).signEndorsement(tier2, {
      fromTokenId: rootTokenId,
      amount: "4000.00",
      deadline: maturity,
    });
    const { tokenId } = await as(tier1).endorseWithSignature(consent);
    const offer = await as(tier2).offerDiscount(tokenId, bank.address, "1000.00", "3.5");
    await as(bank).signDiscount(offer.tokenId);
    await ethers.provider.send("evm_setNextBlockTimestamp", [maturity]);
    await as(core).fund(packageId);
    for (const [who, id] of [
      [tier1, rootTokenId],
      [tier2, tokenId],
      [bank, offer.tokenId],
    ] as const) {
      await as(who).redeem(id);
    }
    const pkg = await as(core).package(packageId);
    expect(pkg.redeemed).to.equal("10000.00");
    expect(await token.balanceOf(billsAddress)).to.equal(0n);
    // The metadata contract the bills deployed (compat bytecode too) answers through them.
    const deployed = await ethers.getContractAt("SupplyChainBills", billsAddress);
    expect(await deployed.tokenURI(rootTokenId)).to.equal(`ipfs://bills/token/${rootTokenId}`);
  });
});
