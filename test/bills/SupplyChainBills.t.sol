// SPDX-License-Identifier: MIT
// Tests: several contracts, string reasons, try/catch swallowing expected reverts.
// solhint-disable one-contract-per-file, func-name-mixedcase, no-empty-blocks
// solhint-disable gas-custom-errors, gas-strict-inequalities, reason-string
pragma solidity ^0.8.24;

import {IEvidenceRegistry} from "../../contracts/evidence/IEvidenceRegistry.sol";
import {MockStablecoin} from "../../contracts/mocks/bills/MockStablecoin.sol";
import {ParticipantRegistry} from "../../contracts/participants/ParticipantRegistry.sol";
import {ISupplyChainBills} from "../../contracts/bills/ISupplyChainBills.sol";
import {SupplyChainBills} from "../../contracts/bills/SupplyChainBills.sol";
import {vm} from "../common/Vm.sol";

/// @notice Shared world: a registry, the bills contract, a 6-decimal token and registered actors.
abstract contract BillsWorld {
    uint32 internal constant ENTERPRISE = 1;
    uint32 internal constant FINANCIER = 2;
    uint32 internal constant REGULATOR = 4;
    uint256 internal constant UNIT = 1e4; // 6-decimal token: 10**(6-2) units per 0.01 yuan
    uint256 internal constant START = 1_700_000_000;
    uint64 internal constant MATURITY = uint64(START + 90 days);
    uint64 internal constant WINDOW = 3 days;

    ParticipantRegistry internal registry;
    SupplyChainBills internal bills;
    MockStablecoin internal token;
    address[] internal enterprises;
    address[] internal financiers;
    address internal regulator;

    function _deployWorld() internal {
        vm.warp(START);
        registry = new ParticipantRegistry(address(this), address(this));
        bills = new SupplyChainBills(registry, IEvidenceRegistry(address(0)), WINDOW, 1);
        token = new MockStablecoin(6);
        for (uint256 i = 1; i <= 4; ++i) enterprises.push(_register(i, ENTERPRISE));
        for (uint256 i = 5; i <= 6; ++i) financiers.push(_register(i, FINANCIER));
        regulator = _register(7, REGULATOR);
    }

    function _register(uint256 key, uint32 roles) private returns (address account) {
        account = vm.addr(key);
        registry.register(account, keccak256(abi.encode(account)), roles, uint64(START + 3650 days));
        token.mint(account, 1e30);
        vm.prank(account);
        token.approve(address(bills), type(uint256).max);
    }

    /// Drawer and acceptor enterprises[0], payee enterprises[1]; accepted and delivered.
    function _issue(uint64 face, bool nonTransferable) internal returns (uint256 packageId) {
        address core = enterprises[0];
        vm.prank(core);
        packageId = bills.issue(core, enterprises[1], address(token), face, MATURITY, nonTransferable, "trade", 0);
        vm.prank(core);
        bills.accept(packageId);
        vm.prank(enterprises[1]);
        bills.sign(_id(packageId, 1));
    }

    function _id(uint256 packageId, uint256 seq) internal pure returns (uint256) {
        return (packageId << 24) | seq;
    }

    function _isLive(ISupplyChainBills.PartState s) internal pure returns (bool) {
        return
            s != ISupplyChainBills.PartState.Redeemed &&
            s != ISupplyChainBills.PartState.Cancelled &&
            s != ISupplyChainBills.PartState.Burned;
    }

    /// Sum of the values of live parts of a package.
    function _liveValue(uint256 packageId) internal view returns (uint256 sum) {
        uint256 parts = bills.packageOf(packageId).parts;
        for (uint256 seq = 1; seq <= parts; ++seq) {
            ISupplyChainBills.PartView memory p = bills.partOf(_id(packageId, seq));
            if (_isLive(p.state)) sum += p.value;
        }
    }
}

/// @notice Drives random bill operations by the registered actors; records payments as ghost state.
contract BillsHandler is BillsWorld {
    uint256 public constant PACKAGE = 1;
    uint64 public constant FACE = 100_000_000;

    mapping(uint256 tokenId => uint256) public paidCount;
    mapping(uint256 tokenId => uint256) public paidAmount;
    bool public wrongPayment;
    bool public recourseAboveUnpaid;
    uint256 public calls;
    uint256 public recoursePayments;

    constructor() {
        _deployWorld();
        _issue(FACE, false);
    }

    function world() external view returns (SupplyChainBills, MockStablecoin, ParticipantRegistry) {
        return (bills, token, registry);
    }

    function enterpriseCount() external view returns (uint256) {
        return enterprises.length;
    }

    function enterpriseAt(uint256 i) external view returns (address) {
        return enterprises[i];
    }

    function financierAt(uint256 i) external view returns (address) {
        return financiers[i];
    }

    function _part(uint256 seed) private view returns (uint256 tokenId, ISupplyChainBills.PartView memory p) {
        uint256 parts = bills.packageOf(PACKAGE).parts;
        tokenId = _id(PACKAGE, 1 + (seed % parts));
        p = bills.partOf(tokenId);
    }

    function _holder(uint256 seed) private view returns (address) {
        uint256 n = enterprises.length + financiers.length;
        uint256 i = seed % n;
        return i < enterprises.length ? enterprises[i] : financiers[i - enterprises.length];
    }

    function endorse(uint256 partSeed, uint256 toSeed, uint64 amount) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (p.value == 0) return;
        amount = uint64(1 + (amount % p.value));
        vm.prank(p.holder);
        try bills.endorse(id, _holder(toSeed), amount) {} catch {}
    }

    function sign(uint256 partSeed, uint256 financierSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        address who =
            p.state == ISupplyChainBills.PartState.PledgeOffered
                ? financiers[financierSeed % financiers.length]
                : p.holder;
        vm.prank(who);
        if (p.state == ISupplyChainBills.PartState.DiscountOffered) {
            try bills.signDiscount(id, type(uint256).max) {} catch {}
        } else {
            try bills.sign(id) {} catch {}
        }
    }

    function rejectOrWithdraw(uint256 partSeed, bool reject, uint256 financierSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (reject) {
            vm.prank(
                p.state == ISupplyChainBills.PartState.PledgeOffered
                    ? financiers[financierSeed % financiers.length]
                    : p.holder
            );
            try bills.reject(id) {} catch {}
        } else {
            vm.prank(p.state == ISupplyChainBills.PartState.PledgeOffered ? p.holder : p.endorser);
            try bills.withdraw(id) {} catch {}
        }
    }

    function split(uint256 partSeed, uint64 amount) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (p.value == 0) return;
        vm.prank(p.holder);
        try bills.split(id, uint64(1 + (amount % p.value))) {} catch {}
    }

    function merge(uint256 fromSeed, uint256 toSeed) external {
        ++calls;
        (uint256 from, ISupplyChainBills.PartView memory p) = _part(fromSeed);
        (uint256 to, ) = _part(toSeed);
        vm.prank(p.holder);
        try bills.merge(from, to) {} catch {}
    }

    function discount(uint256 partSeed, uint256 financierSeed, uint64 amount, uint16 rate) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (p.value == 0) return;
        vm.prank(p.holder);
        try
            bills.offerDiscount(
                id,
                financiers[financierSeed % financiers.length],
                uint64(1 + (amount % p.value)),
                uint16(1 + (rate % 2000))
            )
        {} catch {}
    }

    function pledge(uint256 partSeed, uint256 financierSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        vm.prank(p.holder);
        try bills.pledge(id, financiers[financierSeed % financiers.length]) {} catch {}
    }

    function release(uint256 partSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        vm.prank(p.beneficiary);
        try bills.release(id) {} catch {}
    }

    function freeze(uint256 partSeed, bool frozen) external {
        ++calls;
        (uint256 id, ) = _part(partSeed);
        vm.prank(regulator);
        try bills.setPartFrozen(id, frozen, bytes32(0)) {} catch {}
    }

    function passTime(uint32 seconds_) external {
        ++calls;
        vm.warp(block.timestamp + (seconds_ % 20 days));
    }

    function reachMaturity(uint32 extra) external {
        ++calls;
        uint256 at = MATURITY + (extra % 5 days);
        if (at > block.timestamp) vm.warp(at);
    }

    function fund() external {
        ++calls;
        vm.prank(enterprises[0]);
        try bills.fund(PACKAGE) {} catch {}
    }

    function dishonor() external {
        ++calls;
        vm.prank(enterprises[0]);
        try bills.dishonor(PACKAGE, "refused") {} catch {}
    }

    function redeem(uint256 partSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        uint256 before = token.balanceOf(p.beneficiary);
        vm.prank(p.owner);
        try bills.redeem(id) {
            ++paidCount[id];
            paidAmount[id] += token.balanceOf(p.beneficiary) - before;
            if (paidAmount[id] != uint256(p.value) * UNIT || paidCount[id] != 1) wrongPayment = true;
        } catch {}
    }

    function recourse(uint256 partSeed, uint256 targetSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        address[] memory chain = bills.endorsementChain(id);
        address target = chain[targetSeed % chain.length];
        vm.prank(p.beneficiary);
        try bills.claimRecourse(id, target) {} catch {
            return;
        }
        uint256 before = token.balanceOf(p.beneficiary);
        vm.prank(target);
        try bills.payRecourse(id) {
            ++recoursePayments;
            uint256 received = token.balanceOf(p.beneficiary) - before;
            ISupplyChainBills.PartView memory after_ = bills.partOf(id);
            if (received > uint256(p.value) * UNIT || after_.state == ISupplyChainBills.PartState.Redeemed) {
                recourseAboveUnpaid = true;
            }
        } catch {}
    }
}

/// @notice Invariants of a bill package under random operations by its participants.
contract SupplyChainBillsInvariantTest {
    BillsHandler internal handler;
    SupplyChainBills internal bills;
    MockStablecoin internal token;

    function setUp() public {
        handler = new BillsHandler();
        (bills, token, ) = handler.world();
    }

    /// @notice Fuzz only the handler.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_valueIsConserved() public view {
        uint256 packageId = handler.PACKAGE();
        ISupplyChainBills.PackageView memory pkg = bills.packageOf(packageId);
        uint256 live;
        for (uint256 seq = 1; seq <= pkg.parts; ++seq) {
            ISupplyChainBills.PartView memory p = bills.partOf((packageId << 24) | seq);
            if (
                p.state != ISupplyChainBills.PartState.Redeemed &&
                p.state != ISupplyChainBills.PartState.Cancelled &&
                p.state != ISupplyChainBills.PartState.Burned
            ) live += p.value;
        }
        require(live + pkg.redeemed == pkg.faceValue, "live + redeemed != face");
        (uint64 outstanding, , uint64 redeemed) = bills.amountsOf(packageId);
        require(outstanding + redeemed == pkg.faceValue, "amounts view");
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_contractCoversWhatIsOwed() public view {
        ISupplyChainBills.PackageView memory pkg = bills.packageOf(handler.PACKAGE());
        uint256 owed =
            pkg.status == ISupplyChainBills.PackageStatus.Funded ? uint256(pkg.faceValue - pkg.redeemed) * 1e4 : 0;
        require(token.balanceOf(address(bills)) == owed, "token balance != owed");
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_paymentsExactAndBounded() public view {
        require(!handler.wrongPayment(), "a part was paid twice or not its value");
        require(!handler.recourseAboveUnpaid(), "recourse exceeded the unpaid amount");
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_erc721BalancesMatchOwners() public view {
        uint256 packageId = handler.PACKAGE();
        uint256 parts = bills.packageOf(packageId).parts;
        uint256 owned;
        for (uint256 seq = 1; seq <= parts; ++seq) {
            ISupplyChainBills.PartView memory p = bills.partOf((packageId << 24) | seq);
            if (p.state != ISupplyChainBills.PartState.Cancelled && p.state != ISupplyChainBills.PartState.Burned) {
                ++owned;
            }
        }
        uint256 counted;
        for (uint256 i = 0; i < handler.enterpriseCount(); ++i) counted += bills.balanceOf(handler.enterpriseAt(i));
        for (uint256 i = 0; i < 2; ++i) counted += bills.balanceOf(handler.financierAt(i));
        require(owned == counted, "ERC-721 balances != owned parts");
    }
}

/// @notice Fuzzed arithmetic and movement rules.
contract SupplyChainBillsFuzzTest is BillsWorld {
    function setUp() public {
        _deployWorld();
    }

    function testFuzz_splitsConserveValue(uint64 face, uint64 a, uint64 b) public {
        face = uint64(1 + (face % 1e15));
        uint256 pkg = _issue(face, false);
        uint256 root = _id(pkg, 1);
        a = uint64(1 + (a % face));
        vm.prank(enterprises[1]);
        uint256 offered = bills.endorse(root, enterprises[2], a);
        uint64 rest = face - a;
        if (rest > 0) {
            b = uint64(1 + (b % rest));
            vm.prank(enterprises[1]);
            bills.split(root, b);
        }
        require(_liveValue(pkg) == face, "value conserved");
        require(bills.balanceOf(offered) == a, "offered value");
        vm.prank(enterprises[2]);
        bills.reject(offered);
        require(_liveValue(pkg) == face, "value conserved after reject");
    }

    function testFuzz_discountPrice(uint64 value, uint16 rate, uint32 secondsBefore) public {
        value = uint64(1 + (value % 1e12));
        rate = uint16(1 + (rate % 10_000));
        uint256 pkg = _issue(value, false);
        uint256 root = _id(pkg, 1);
        vm.prank(enterprises[1]);
        uint256 offered = bills.offerDiscount(root, financiers[0], value, rate);
        uint256 signAt = MATURITY - 1 - (uint256(secondsBefore) % (MATURITY - START - 1));
        vm.warp(signAt);
        uint256 daysLeft = (MATURITY - signAt + 1 days - 1) / 1 days;
        uint256 gross = uint256(value) * UNIT;
        uint256 interest = (gross * rate * daysLeft) / (360 * 10_000);
        uint256 expected = interest < gross ? gross - interest : 0;
        (uint256 quoted, uint256 quotedDays) = bills.discountPrice(offered);
        require(quoted == expected && quotedDays == daysLeft, "quote");
        uint256 sellerBefore = token.balanceOf(enterprises[1]);
        uint256 bankBefore = token.balanceOf(financiers[0]);
        vm.prank(financiers[0]);
        bills.signDiscount(offered, expected);
        require(token.balanceOf(enterprises[1]) - sellerBefore == expected, "seller paid the price");
        require(bankBefore - token.balanceOf(financiers[0]) == expected, "bank paid the price");
        require(expected <= gross, "price never above face");
    }

    function testFuzz_lockedPartsCannotMove(uint8 kind, uint64 amount) public {
        uint256 pkg = _issue(1_000_000, kind % 5 == 4);
        uint256 root = _id(pkg, 1);
        address holder = enterprises[1];
        uint256 part = root;
        kind %= 5;
        if (kind == 0) {
            // An offered part: owned by the endorsee, locked until it signs.
            vm.prank(holder);
            part = bills.endorse(root, enterprises[2], 10);
            holder = enterprises[2];
        } else if (kind == 1) {
            vm.prank(holder);
            bills.pledge(root, financiers[0]);
            vm.prank(financiers[0]);
            bills.sign(root);
        } else if (kind == 2) {
            vm.prank(regulator);
            bills.setPartFrozen(root, true, 0);
        } else if (kind == 3) {
            vm.warp(MATURITY);
        }
        amount = uint64(1 + (amount % 10));
        uint256 liveBefore = _liveValue(pkg);
        uint256 partsBefore = bills.packageOf(pkg).parts;
        vm.prank(holder);
        try bills.endorse(part, enterprises[3], amount) {
            revert("endorse should fail");
        } catch {}
        vm.prank(holder);
        try bills.split(part, amount) {
            if (kind != 4) revert("split should fail");
        } catch {}
        vm.prank(holder);
        try bills.offerDiscount(part, financiers[1], amount, 100) {
            revert("discount should fail");
        } catch {}
        require(_liveValue(pkg) == liveBefore, "value unchanged");
        require(bills.packageOf(pkg).parts == partsBefore + (kind == 4 ? 1 : 0), "no part created");
    }

    function testFuzz_redeemPaysEachPartItsValue(uint64 a, uint64 b) public {
        uint64 face = 1e10;
        uint256 pkg = _issue(face, false);
        uint256 root = _id(pkg, 1);
        a = uint64(1 + (a % (face - 1)));
        vm.prank(enterprises[1]);
        uint256 second = bills.endorse(root, enterprises[2], a);
        vm.prank(enterprises[2]);
        bills.sign(second);
        b = uint64(1 + (b % a));
        vm.prank(enterprises[2]);
        uint256 third = bills.offerDiscount(second, financiers[0], b, 350);
        vm.prank(financiers[0]);
        bills.signDiscount(third, type(uint256).max);
        vm.warp(MATURITY);
        vm.prank(enterprises[0]);
        bills.fund(pkg);
        uint256[3] memory ids = [root, second, third];
        address[3] memory owners = [enterprises[1], enterprises[2], financiers[0]];
        uint64[3] memory values = [face - a, a - b, b];
        for (uint256 i = 0; i < 3; ++i) {
            uint256 before = token.balanceOf(owners[i]);
            vm.prank(owners[i]);
            bills.redeem(ids[i]);
            require(token.balanceOf(owners[i]) - before == uint256(values[i]) * UNIT, "paid its value");
            vm.prank(owners[i]);
            vm.expectRevert(
                abi.encodeWithSelector(
                    ISupplyChainBills.WrongPartState.selector,
                    ids[i],
                    ISupplyChainBills.PartState.Redeemed,
                    false
                )
            );
            bills.redeem(ids[i]);
        }
        require(token.balanceOf(address(bills)) == 0, "nothing left owed");
    }
}
