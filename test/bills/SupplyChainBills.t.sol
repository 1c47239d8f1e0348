// SPDX-License-Identifier: MIT
// Tests: several contracts, try/catch on calls that may legitimately revert under random input.
// solhint-disable one-contract-per-file, func-name-mixedcase, no-empty-blocks, max-states-count
pragma solidity ^0.8.24;

import {IChainproofErrors} from "../../contracts/common/IChainproofErrors.sol";
import {IEvidenceRegistry} from "../../contracts/evidence/IEvidenceRegistry.sol";
import {MockStablecoin} from "../../contracts/mocks/bills/MockStablecoin.sol";
import {ParticipantRegistry} from "../../contracts/participants/ParticipantRegistry.sol";
import {ISupplyChainBills} from "../../contracts/bills/ISupplyChainBills.sol";
import {SupplyChainBills} from "../../contracts/bills/SupplyChainBills.sol";
import {Test} from "../common/Test.sol";
import {vm} from "../common/Vm.sol";

/// @notice Shared world: a registry, the bills contract, a 6-decimal token and registered actors whose keys are
/// known (1-4 enterprises, 5-6 financiers, 7 the regulator). Times are in the deployment's unit (s or ms).
abstract contract BillsWorld is Test {
    uint32 internal constant ENTERPRISE = 1;
    uint32 internal constant FINANCIER = 2;
    uint32 internal constant REGULATOR = 4;
    uint32 internal constant HOLDER_ROLES = ENTERPRISE | FINANCIER;
    uint256 internal constant UNIT = 1e4; // 6-decimal token: 10**(6-2) units per 0.01 yuan
    uint256 internal constant START_SECONDS = 1_700_000_000;
    bytes32 private constant ENDORSEMENT_TYPEHASH = keccak256(
        "Endorsement(uint256 fromTokenId,address to,uint64 amount,uint256 nonce,uint256 deadline)"
    );

    ParticipantRegistry internal registry;
    SupplyChainBills internal bills;
    MockStablecoin internal token;
    address[] internal enterprises;
    address[] internal financiers;
    address internal regulator;
    mapping(address account => uint256) internal keyOf;
    uint256 internal unit; // time units per second
    uint256 internal day; // one day in time units
    uint256 internal start;
    uint64 internal maturity;

    function _deployWorld(uint32 timeUnitsPerSecond) internal {
        unit = timeUnitsPerSecond;
        day = 1 days * unit;
        start = START_SECONDS * unit;
        maturity = uint64(start + 90 * day);
        vm.warp(start);
        registry = new ParticipantRegistry(address(this), address(this));
        bills = new SupplyChainBills(
            registry,
            IEvidenceRegistry(address(0)),
            uint64(3 * day),
            timeUnitsPerSecond,
            "https://bills.test/"
        );
        token = new MockStablecoin(6);
        for (uint256 i = 1; i <= 4; ++i) enterprises.push(_register(i, ENTERPRISE));
        for (uint256 i = 5; i <= 6; ++i) financiers.push(_register(i, FINANCIER));
        regulator = _register(7, REGULATOR);
    }

    function _register(uint256 key, uint32 roles) private returns (address account) {
        account = vm.addr(key);
        keyOf[account] = key;
        registry.register(account, keccak256(abi.encode(account)), roles, uint64(start + 3650 * day));
        token.mint(account, 1e30);
        vm.prank(account);
        token.approve(address(bills), type(uint256).max);
    }

    /// Drawer and acceptor enterprises[0], payee enterprises[1]; accepted and delivered.
    function _issue(uint64 face, uint64 due, bool nonTransferable) internal returns (uint256 packageId) {
        address core = enterprises[0];
        vm.prank(core);
        packageId = bills.issue(core, enterprises[1], address(token), face, due, nonTransferable, "trade", 0);
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

    /// `signer`'s EIP-712 consent to receive `amount` of `fromTokenId`, valid until `deadline`, carrying `nonce`.
    function _consent(
        address signer,
        uint256 fromTokenId,
        uint64 amount,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes memory) {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("SupplyChainBills"),
                keccak256("1"),
                block.chainid,
                address(bills)
            )
        );
        bytes32 structHash = keccak256(abi.encode(ENDORSEMENT_TYPEHASH, fromTokenId, signer, amount, nonce, deadline));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(
            keyOf[signer],
            keccak256(abi.encodePacked(hex"1901", domain, structHash))
        );
        return abi.encodePacked(r, s, v);
    }

    function _expectWrongState(uint256 tokenId, ISupplyChainBills.PartState state, bool frozen) internal {
        vm.expectRevert(abi.encodeWithSelector(ISupplyChainBills.WrongPartState.selector, tokenId, state, frozen));
    }
}

/// @notice Drives random bill operations on several packages through every transfer path (bill operations, both
/// ERC-3525 value transfers, approvals, signed endorsements), as the registered actors. Any call that reverts must
/// leave every observable state as it was; payments are recorded as ghost state.
contract BillsHandler is BillsWorld {
    uint256 public constant PACKAGES = 3;
    uint64 public constant FACE = 100_000_000;

    mapping(uint256 tokenId => uint256) public paidCount;
    mapping(uint256 tokenId => uint256) public paidAmount;
    bool public wrongPayment;
    bool public recourseAboveUnpaid;
    bool public fractionalPayment;
    bool public revertChangedState;
    bool public frozenValueMoved;
    uint256 public calls;
    uint256 public reverted;
    uint256 public succeeded;

    constructor() {
        _deployWorld(1);
        // Three bills with different maturities; the third may never leave its payee.
        _issue(FACE, maturity, false);
        _issue(FACE / 3, uint64(maturity + 10 * day), false);
        _issue(FACE * 2, uint64(maturity + 20 * day), true);
    }

    function world() external view returns (SupplyChainBills, MockStablecoin, ParticipantRegistry) {
        return (bills, token, registry);
    }

    function actorCount() external view returns (uint256) {
        return enterprises.length + financiers.length;
    }

    function actorAt(uint256 i) public view returns (address) {
        return i < enterprises.length ? enterprises[i] : financiers[i - enterprises.length];
    }

    function _part(uint256 seed) private view returns (uint256 tokenId, ISupplyChainBills.PartView memory p) {
        uint256 packageId = 1 + (seed % PACKAGES);
        uint256 parts = bills.packageOf(packageId).parts;
        tokenId = _id(packageId, 1 + ((seed >> 8) % parts));
        p = bills.partOf(tokenId);
    }

    function _actor(uint256 seed) private view returns (address) {
        return actorAt(seed % (enterprises.length + financiers.length));
    }

    function _financier(uint256 seed) private view returns (address) {
        return financiers[seed % financiers.length];
    }

    /// Everything a call could change: packages, parts, claims, token and ERC-721 balances, nonces, approvals.
    function _fingerprint() private view returns (bytes32 h) {
        for (uint256 packageId = 1; packageId <= PACKAGES; ++packageId) {
            ISupplyChainBills.PackageView memory pkg = bills.packageOf(packageId);
            h = keccak256(abi.encode(h, pkg));
            for (uint256 seq = 1; seq <= pkg.parts; ++seq) {
                uint256 id = _id(packageId, seq);
                (address target, address claimant) = bills.pendingClaim(id);
                ISupplyChainBills.PartView memory p = bills.partOf(id);
                address approved = _isLive(p.state) ? bills.getApproved(id) : address(0);
                h = keccak256(abi.encode(h, p, target, claimant, approved));
            }
        }
        uint256 n = enterprises.length + financiers.length;
        for (uint256 i = 0; i < n; ++i) {
            address a = actorAt(i);
            h = keccak256(abi.encode(h, token.balanceOf(a), bills.balanceOf(a), bills.nonceBitmap(a, 0)));
        }
        h = keccak256(abi.encode(h, token.balanceOf(address(bills))));
    }

    /// Calls the bills contract as `who`; a revert must change nothing.
    function _attempt(address who, bytes memory data) private returns (bool ok) {
        bytes32 before = _fingerprint();
        vm.prank(who);
        // solhint-disable-next-line avoid-low-level-calls
        (ok, ) = address(bills).call(data);
        if (ok) {
            ++succeeded;
        } else {
            ++reverted;
            if (_fingerprint() != before) revertChangedState = true;
        }
    }

    function endorse(uint256 partSeed, uint256 toSeed, uint64 amount, bool asErc3525) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (p.value == 0) return;
        amount = uint64(1 + (amount % p.value));
        address to = _actor(toSeed);
        _attempt(
            p.holder,
            asErc3525
                ? abi.encodeWithSignature("transferFrom(uint256,address,uint256)", id, to, uint256(amount))
                : abi.encodeCall(bills.endorse, (id, to, amount))
        );
    }

    /// Nonces are drawn from a small range in any order, so reuses (refused) and out-of-order uses both happen.
    function endorseWithSignature(uint256 partSeed, uint256 toSeed, uint64 amount, uint32 validFor) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (p.value == 0) return;
        amount = uint64(1 + (amount % p.value));
        address to = _actor(toSeed);
        uint256 deadline = block.timestamp + (validFor % (2 * day));
        // 0-7 and 188-195: both sides of the seam between the nonces packed beside the balance and the bitmap.
        uint256 nonce = (toSeed >> 16) % 16;
        if (nonce >= 8) nonce += 180;
        bytes memory signature = _consent(to, id, amount, nonce, deadline);
        _attempt(p.holder, abi.encodeCall(bills.endorseWithSignature, (id, to, amount, nonce, deadline, signature)));
    }

    function sign(uint256 partSeed, uint256 financierSeed) external {
        ++calls;
        _sign(partSeed, financierSeed);
    }

    function rejectOrWithdraw(uint256 partSeed, bool reject, uint256 financierSeed) external {
        ++calls;
        _rejectOrWithdraw(partSeed, reject, financierSeed);
    }

    /// The regulator freezes the part an offer was taken from; then its addressee signs or rejects it, or the
    /// endorser withdraws it. Random freezes rarely hit an offer's source: this makes sure they do.
    function freezeOfferSource(uint256 partSeed, uint256 financierSeed, uint8 then) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (!_isOffer(p)) return;
        _attempt(regulator, abi.encodeCall(bills.setPartFrozen, (_id(id >> 24, p.parent), true, bytes32(0))));
        then %= 3;
        if (then == 0) _sign(partSeed, financierSeed);
        else _rejectOrWithdraw(partSeed, then == 1, financierSeed);
    }

    function _sign(uint256 partSeed, uint256 financierSeed) private {
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        bool sourceFrozen = _offerOfFrozenPart(id, p);
        bool ok;
        if (p.state == ISupplyChainBills.PartState.DiscountOffered) {
            ok = _attempt(p.holder, abi.encodeCall(bills.signDiscount, (id, type(uint256).max)));
        } else {
            ok =
                p.state == ISupplyChainBills.PartState.PledgeOffered
                    ? _attempt(_financier(financierSeed), abi.encodeCall(bills.signPledge, (id, p.value)))
                    : _attempt(p.holder, abi.encodeCall(bills.sign, (id)));
        }
        if (ok && sourceFrozen) frozenValueMoved = true;
    }

    function _rejectOrWithdraw(uint256 partSeed, bool reject, uint256 financierSeed) private {
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        bool sourceFrozen = _offerOfFrozenPart(id, p);
        bool pledgeOffer = p.state == ISupplyChainBills.PartState.PledgeOffered;
        bool ok =
            reject
                ? _attempt(pledgeOffer ? _financier(financierSeed) : p.holder, abi.encodeCall(bills.reject, (id)))
                : _attempt(pledgeOffer ? p.holder : p.endorser, abi.encodeCall(bills.withdraw, (id)));
        // The value went back into the part it was taken from, which must still be frozen.
        if (ok && sourceFrozen && !bills.partOf(_id(p.packageId, p.parent)).frozen) frozenValueMoved = true;
    }

    /// Whether `p` is an endorsement or discount offer taken from another part (not the root's delivery offer).
    function _isOffer(ISupplyChainBills.PartView memory p) private pure returns (bool) {
        return
            p.parent != 0 &&
            (p.state == ISupplyChainBills.PartState.Offered || p.state == ISupplyChainBills.PartState.DiscountOffered);
    }

    /// Whether `p` is an offer taken from a part the regulator froze.
    function _offerOfFrozenPart(uint256 id, ISupplyChainBills.PartView memory p) private view returns (bool) {
        return _isOffer(p) && bills.partOf(_id(id >> 24, p.parent)).frozen;
    }

    function split(uint256 partSeed, uint64 amount) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (p.value < 2) return;
        _attempt(p.holder, abi.encodeCall(bills.split, (id, uint64(1 + (amount % (p.value - 1))))));
    }

    function merge(uint256 fromSeed, uint256 toSeed, uint64 amount, bool whole) external {
        ++calls;
        (uint256 from, ISupplyChainBills.PartView memory p) = _part(fromSeed);
        (uint256 to, ) = _part(toSeed);
        if (whole) {
            _attempt(p.holder, abi.encodeCall(bills.merge, (from, to)));
        } else {
            uint256 value = p.value == 0 ? 0 : 1 + (amount % p.value);
            _attempt(p.holder, abi.encodeWithSignature("transferFrom(uint256,uint256,uint256)", from, to, value));
        }
    }

    function discount(uint256 partSeed, uint256 financierSeed, uint64 amount, uint16 rate) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (p.value == 0) return;
        uint64 value = uint64(1 + (amount % p.value));
        _attempt(
            p.holder,
            abi.encodeCall(bills.offerDiscount, (id, _financier(financierSeed), value, uint16(1 + (rate % 2000))))
        );
    }

    function pledge(uint256 partSeed, uint256 financierSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        _attempt(p.holder, abi.encodeCall(bills.pledge, (id, _financier(financierSeed))));
    }

    function release(uint256 partSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        _attempt(p.beneficiary, abi.encodeCall(bills.release, (id)));
    }

    /// The holder approves another actor (whole token, all tokens, or a value allowance), who then acts.
    function approveAndOperate(uint256 partSeed, uint256 operatorSeed, uint8 kind, uint64 amount) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        address operator = _actor(operatorSeed);
        kind %= 3;
        if (kind == 0) _attempt(p.holder, abi.encodeWithSignature("approve(address,uint256)", operator, id));
        else if (kind == 1) _attempt(p.holder, abi.encodeCall(bills.setApprovalForAll, (operator, true)));
        else _attempt(p.holder, abi.encodeWithSignature("approve(uint256,address,uint256)", id, operator, amount));
        if (p.value == 0) return;
        uint64 value = uint64(1 + (amount % p.value));
        if (amount % 2 == 0) _attempt(operator, abi.encodeCall(bills.split, (id, value)));
        else _attempt(operator, abi.encodeCall(bills.endorse, (id, _actor(amount), value)));
    }

    function freeze(uint256 partSeed, bool frozen) external {
        ++calls;
        (uint256 id, ) = _part(partSeed);
        _attempt(regulator, abi.encodeCall(bills.setPartFrozen, (id, frozen, bytes32(0))));
    }

    function passTime(uint32 amount) external {
        ++calls;
        vm.warp(block.timestamp + (amount % (20 * day)));
    }

    function reachMaturity(uint256 packageSeed, uint32 extra) external {
        ++calls;
        uint256 at = bills.packageOf(1 + (packageSeed % PACKAGES)).maturity + (extra % (5 * day));
        if (at > block.timestamp) vm.warp(at);
    }

    function fund(uint256 packageSeed) external {
        ++calls;
        _attempt(enterprises[0], abi.encodeCall(bills.fund, (1 + (packageSeed % PACKAGES))));
    }

    function dishonor(uint256 packageSeed, bool byHolder) external {
        ++calls;
        address who = byHolder ? enterprises[1] : enterprises[0];
        _attempt(who, abi.encodeCall(bills.dishonor, (1 + (packageSeed % PACKAGES), "refused")));
    }

    function redeem(uint256 partSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        uint256 before = token.balanceOf(p.beneficiary);
        if (_attempt(p.owner, abi.encodeCall(bills.redeem, (id)))) {
            uint256 received = token.balanceOf(p.beneficiary) - before;
            ++paidCount[id];
            paidAmount[id] += received;
            if (received % UNIT != 0) fractionalPayment = true;
            if (paidAmount[id] != uint256(p.value) * UNIT || paidCount[id] != 1) wrongPayment = true;
            if (bills.balanceOf(id) != 0 || bills.partOf(id).paid != p.value) wrongPayment = true;
        }
    }

    function recourse(uint256 partSeed, uint256 targetSeed) external {
        ++calls;
        (uint256 id, ISupplyChainBills.PartView memory p) = _part(partSeed);
        if (p.state == ISupplyChainBills.PartState.Cancelled || p.state == ISupplyChainBills.PartState.Burned) return;
        address[] memory chain = bills.endorsementChain(id);
        address target = chain[targetSeed % chain.length];
        if (!_attempt(p.beneficiary, abi.encodeCall(bills.claimRecourse, (id, target)))) return;
        uint256 before = token.balanceOf(p.beneficiary);
        if (_attempt(target, abi.encodeCall(bills.payRecourse, (id)))) {
            uint256 received = token.balanceOf(p.beneficiary) - before;
            if (received % UNIT != 0) fractionalPayment = true;
            ISupplyChainBills.PartView memory after_ = bills.partOf(id);
            if (received != uint256(p.value) * UNIT || after_.state == ISupplyChainBills.PartState.Redeemed) {
                recourseAboveUnpaid = true;
            }
        }
    }
}

/// @notice Invariants of several bill packages under random operations by their participants.
contract SupplyChainBillsInvariantTest is Test {
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
        for (uint256 packageId = 1; packageId <= handler.PACKAGES(); ++packageId) {
            ISupplyChainBills.PackageView memory pkg = bills.packageOf(packageId);
            uint256 live;
            uint256 paid;
            for (uint256 seq = 1; seq <= pkg.parts; ++seq) {
                ISupplyChainBills.PartView memory p = bills.partOf((packageId << 24) | seq);
                if (p.state == ISupplyChainBills.PartState.Redeemed) {
                    assertEq(p.value, 0, "a redeemed part has no ERC-3525 value left");
                    paid += p.paid;
                } else if (
                    p.state != ISupplyChainBills.PartState.Cancelled && p.state != ISupplyChainBills.PartState.Burned
                ) {
                    live += p.value;
                } else {
                    assertEq(p.value, 0, "a cancelled or burned part holds no value");
                }
            }
            assertEq(paid, pkg.redeemed, "redeemed parts sum to the package's redeemed total");
            if (pkg.status != ISupplyChainBills.PackageStatus.Cancelled) {
                assertEq(live + pkg.redeemed, pkg.faceValue, "live + redeemed == face");
            }
        }
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_contractCoversWhatIsOwed() public view {
        uint256 owed;
        for (uint256 packageId = 1; packageId <= handler.PACKAGES(); ++packageId) {
            ISupplyChainBills.PackageView memory pkg = bills.packageOf(packageId);
            if (pkg.status == ISupplyChainBills.PackageStatus.Funded)
                owed += uint256(pkg.faceValue - pkg.redeemed) * 1e4;
        }
        assertEq(token.balanceOf(address(bills)), owed, "token balance == owed to holders");
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_wholeMinimumUnits() public view {
        assertEq(token.balanceOf(address(bills)) % 1e4, 0, "the contract holds whole minimum units");
        assertFalse(handler.fractionalPayment(), "a payment was not a whole number of minimum units");
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_paymentsExactAndBounded() public view {
        assertFalse(handler.wrongPayment(), "a part was paid twice or not its value");
        assertFalse(handler.recourseAboveUnpaid(), "recourse exceeded the unpaid amount");
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_revertedCallsChangeNothing() public view {
        assertFalse(handler.revertChangedState(), "a reverted call changed state");
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_frozenPartsOffersStayFrozen() public view {
        assertFalse(handler.frozenValueMoved(), "an offer of a frozen part was signed or came back unfrozen");
    }

    /// hardhat-config: invariant.runs = 24
    /// hardhat-config: invariant.depth = 40
    function invariant_erc721BalancesMatchOwners() public view {
        uint256 owned;
        for (uint256 packageId = 1; packageId <= handler.PACKAGES(); ++packageId) {
            uint256 parts = bills.packageOf(packageId).parts;
            for (uint256 seq = 1; seq <= parts; ++seq) {
                ISupplyChainBills.PartView memory p = bills.partOf((packageId << 24) | seq);
                if (p.state != ISupplyChainBills.PartState.Cancelled && p.state != ISupplyChainBills.PartState.Burned) {
                    ++owned;
                    assertEq(bills.ownerOf((packageId << 24) | seq), p.owner, "ownerOf == partOf.owner");
                }
            }
        }
        uint256 counted;
        for (uint256 i = 0; i < handler.actorCount(); ++i) counted += bills.balanceOf(handler.actorAt(i));
        assertEq(counted, owned, "ERC-721 balances == owned parts");
    }
}

/// @notice Fuzzed arithmetic and movement rules.
contract SupplyChainBillsFuzzTest is BillsWorld {
    function setUp() public virtual {
        _deployWorld(1);
    }

    function testFuzz_splitsConserveValue(uint64 face, uint64 a, uint64 b) public {
        face = uint64(bound(face, 1, 1e15));
        uint256 pkg = _issue(face, maturity, false);
        uint256 root = _id(pkg, 1);
        a = uint64(bound(a, 1, face));
        vm.prank(enterprises[1]);
        uint256 offered = bills.endorse(root, enterprises[2], a);
        uint64 rest = face - a;
        if (rest > 1) {
            b = uint64(bound(b, 1, rest - 1));
            vm.prank(enterprises[1]);
            bills.split(root, b);
        }
        assertEq(_liveValue(pkg), face, "value conserved");
        assertEq(bills.balanceOf(offered), a, "offered value");
        vm.prank(enterprises[2]);
        bills.reject(offered);
        assertEq(_liveValue(pkg), face, "value conserved after reject");
    }

    function testFuzz_discountPrice(uint64 value, uint16 rate, uint32 timeBefore) public {
        _checkDiscountPrice(value, rate, timeBefore);
    }

    /// Every amount the contract moves is a whole number of minimum units: funding takes face × unit, each
    /// redemption pays value × unit, recourse pays value × unit, whatever the split.
    function testFuzz_wholeMinimumUnits(uint64 face, uint64 a, uint64 b, bool dishonor) public {
        face = uint64(bound(face, 3, 1e15));
        uint256 pkg = _issue(face, maturity, false);
        uint256 root = _id(pkg, 1);
        a = uint64(bound(a, 1, face - 2));
        b = uint64(bound(b, 1, face - a - 1));
        vm.prank(enterprises[1]);
        uint256 second = bills.endorse(root, enterprises[2], a);
        vm.prank(enterprises[2]);
        bills.sign(second);
        vm.prank(enterprises[1]);
        uint256 third = bills.split(root, b);
        vm.warp(maturity);
        uint256[3] memory ids = [root, second, third];
        address[3] memory owners = [enterprises[1], enterprises[2], enterprises[1]];
        uint64[3] memory values = [face - a - b, a, b];
        if (dishonor) {
            vm.prank(enterprises[0]);
            bills.dishonor(pkg, "no funds");
        } else {
            uint256 before = token.balanceOf(address(bills));
            vm.prank(enterprises[0]);
            bills.fund(pkg);
            assertEq(token.balanceOf(address(bills)) - before, uint256(face) * UNIT, "funded face x unit");
        }
        for (uint256 i = 0; i < 3; ++i) {
            uint256 before = token.balanceOf(owners[i]);
            if (dishonor) {
                vm.prank(owners[i]);
                bills.claimRecourse(ids[i], enterprises[0]);
                vm.prank(enterprises[0]);
                bills.payRecourse(ids[i]);
            } else {
                vm.prank(owners[i]);
                bills.redeem(ids[i]);
            }
            uint256 received = token.balanceOf(owners[i]) - before;
            assertEq(received % UNIT, 0, "whole minimum units");
            assertEq(received, uint256(values[i]) * UNIT, "exactly the part's value");
        }
        assertEq(token.balanceOf(address(bills)), 0, "nothing left over");
    }

    /// A locked part, the sibling it could merge with and who holds both.
    struct Locked {
        uint256 pkg;
        uint256 part;
        uint256 sibling;
        address holder;
        uint64 amount;
        uint8 kind;
    }

    /// A part that is offered (endorsement, discount or pledge), pledged, frozen, matured or non-transferable
    /// cannot move by any path: each reverts with its exact error, and nothing changes.
    function testFuzz_lockedPartsCannotMove(uint8 kind, uint64 amount) public {
        Locked memory lock = _lock(kind % 7);
        lock.amount = uint64(bound(amount, 1, 10));
        uint256 liveBefore = _liveValue(lock.pkg);
        uint256 partsBefore = bills.packageOf(lock.pkg).parts;
        ISupplyChainBills.PartView memory view_ = bills.partOf(lock.part);
        bytes[] memory paths = _paths(lock);
        // The first five pass the bill to someone else; the rest keep it with its holder, which a non-transferable
        // bill allows.
        uint256 count = lock.kind == 6 ? 5 : paths.length;
        bytes memory expected =
            lock.kind == 5
                ? abi.encodeWithSelector(ISupplyChainBills.Matured.selector, lock.pkg, maturity)
                : lock.kind == 6
                    ? abi.encodeWithSelector(ISupplyChainBills.NonTransferable.selector, lock.pkg)
                    : abi.encodeWithSelector(
                        ISupplyChainBills.WrongPartState.selector,
                        lock.part,
                        view_.state,
                        view_.frozen
                    );
        for (uint256 i = 0; i < count; ++i) {
            vm.prank(lock.holder);
            // solhint-disable-next-line avoid-low-level-calls
            (bool ok, bytes memory reason) = address(bills).call(paths[i]);
            assertFalse(ok, "a locked part moved");
            assertEq(keccak256(reason), keccak256(expected), "the exact error");
        }
        assertEq(_liveValue(lock.pkg), liveBefore, "value unchanged");
        assertEq(bills.packageOf(lock.pkg).parts, partsBefore, "no part created");
        assertEq(bills.balanceOf(lock.part), view_.value, "the locked part kept its value");
        if (lock.kind == 6) {
            vm.prank(lock.holder);
            uint256 piece = bills.split(lock.part, lock.amount);
            vm.prank(lock.holder);
            bills.merge(piece, lock.part);
            assertEq(_liveValue(lock.pkg), liveBefore, "value unchanged by split and merge");
        }
    }

    /// Kind 0: endorsement offer; 1: discount offer; 2: pledge offer; 3: pledged; 4: frozen; 5: matured;
    /// 6: non-transferable.
    function _lock(uint8 kind) private returns (Locked memory lock) {
        lock.kind = kind;
        lock.pkg = _issue(1_000_000, maturity, kind == 6);
        uint256 root = _id(lock.pkg, 1);
        lock.holder = enterprises[1];
        lock.part = root;
        // A sibling of the root with the same holder and chain, for the token-to-token paths.
        vm.prank(lock.holder);
        lock.sibling = bills.split(root, 100);
        if (kind == 0 || kind == 1) {
            // An offer is owned by its addressee, locked until it signs; the addressee also holds a signed sibling.
            address to = kind == 0 ? enterprises[2] : financiers[0];
            vm.prank(lock.holder);
            lock.sibling = bills.endorse(root, to, 50);
            vm.prank(to);
            bills.sign(lock.sibling);
            vm.prank(lock.holder);
            lock.part = kind == 0 ? bills.endorse(root, to, 10) : bills.offerDiscount(root, to, 10, 350);
            lock.holder = to;
        } else if (kind == 2 || kind == 3) {
            vm.prank(lock.holder);
            bills.pledge(root, financiers[0]);
            if (kind == 3) {
                vm.prank(financiers[0]);
                bills.signPledge(root, 1_000_000 - 100);
            }
        } else if (kind == 4) {
            vm.prank(regulator);
            bills.setPartFrozen(root, true, 0);
        } else if (kind == 5) {
            vm.warp(maturity);
        }
    }

    /// Every way to move value out of (or into) the locked part.
    function _paths(Locked memory lock) private view returns (bytes[] memory paths) {
        uint256 deadline = maturity + day;
        bytes memory consent = _consent(enterprises[3], lock.part, lock.amount, 0, deadline);
        paths = new bytes[](10);
        paths[0] = abi.encodeCall(bills.endorse, (lock.part, enterprises[3], lock.amount));
        paths[1] = abi.encodeWithSignature(
            "transferFrom(uint256,address,uint256)",
            lock.part,
            enterprises[3],
            uint256(lock.amount)
        );
        paths[2] = abi.encodeCall(bills.offerDiscount, (lock.part, financiers[1], lock.amount, 100));
        paths[3] = abi.encodeCall(bills.pledge, (lock.part, financiers[1]));
        paths[4] = abi.encodeCall(
            bills.endorseWithSignature,
            (lock.part, enterprises[3], lock.amount, 0, deadline, consent)
        );
        paths[5] = abi.encodeCall(bills.split, (lock.part, lock.amount));
        paths[6] = abi.encodeCall(bills.merge, (lock.part, lock.sibling));
        paths[7] = abi.encodeCall(bills.merge, (lock.sibling, lock.part));
        paths[8] = abi.encodeWithSignature(
            "transferFrom(uint256,uint256,uint256)",
            lock.part,
            lock.sibling,
            uint256(lock.amount)
        );
        paths[9] = abi.encodeWithSignature(
            "transferFrom(uint256,uint256,uint256)",
            lock.sibling,
            lock.part,
            uint256(lock.amount)
        );
    }

    /// Freezing a part covers what it has on offer (endorsement or discount): the addressee cannot sign, and the
    /// value comes back into the frozen part whoever returns it, with no new part; the package's value is unchanged.
    function testFuzz_frozenPartKeepsItsOffers(uint64 amount, bool discount, bool byAddressee) public {
        uint64 face = 1_000_000;
        uint256 pkg = _issue(face, maturity, false);
        uint256 root = _id(pkg, 1);
        amount = uint64(bound(amount, 1, face));
        address holder = enterprises[1];
        address to = discount ? financiers[0] : enterprises[2];
        vm.prank(holder);
        uint256 offer = discount ? bills.offerDiscount(root, to, amount, 350) : bills.endorse(root, to, amount);
        vm.prank(regulator);
        bills.setPartFrozen(root, true, "order");

        vm.prank(to);
        vm.expectRevert(abi.encodeWithSelector(ISupplyChainBills.OfferSourceFrozen.selector, offer, root));
        if (discount) bills.signDiscount(offer, type(uint256).max);
        else bills.sign(offer);

        vm.prank(byAddressee ? to : holder);
        if (byAddressee) bills.reject(offer);
        else bills.withdraw(offer);
        ISupplyChainBills.PartView memory returned = bills.partOf(root);
        assertTrue(returned.frozen, "the value came back frozen");
        assertEq(returned.value, face, "all of it, into the source");
        assertEq(returned.pendingOffers, 0, "no offer pending");
        assertEq(bills.packageOf(pkg).parts, 2, "no new part");
        assertEq(_liveValue(pkg), face, "value conserved");
        vm.prank(holder);
        _expectWrongState(root, ISupplyChainBills.PartState.Held, true);
        bills.endorse(root, enterprises[3], amount);
    }

    function testFuzz_redeemPaysEachPartItsValue(uint64 a, uint64 b) public {
        uint64 face = 1e10;
        uint256 pkg = _issue(face, maturity, false);
        uint256 root = _id(pkg, 1);
        a = uint64(bound(a, 1, face - 1));
        vm.prank(enterprises[1]);
        uint256 second = bills.endorse(root, enterprises[2], a);
        vm.prank(enterprises[2]);
        bills.sign(second);
        b = uint64(bound(b, 1, a));
        vm.prank(enterprises[2]);
        uint256 third = bills.offerDiscount(second, financiers[0], b, 350);
        vm.prank(financiers[0]);
        bills.signDiscount(third, type(uint256).max);
        vm.warp(maturity);
        vm.prank(enterprises[0]);
        bills.fund(pkg);
        uint256[3] memory ids = [root, second, third];
        address[3] memory owners = [enterprises[1], enterprises[2], financiers[0]];
        uint64[3] memory values = [face - a, a - b, b];
        for (uint256 i = 0; i < 3; ++i) {
            uint256 before = token.balanceOf(owners[i]);
            vm.prank(owners[i]);
            bills.redeem(ids[i]);
            assertEq(token.balanceOf(owners[i]) - before, uint256(values[i]) * UNIT, "paid its value");
            assertEq(bills.balanceOf(ids[i]), 0, "value burned");
            assertEq(bills.partOf(ids[i]).paid, values[i], "amount paid recorded");
            vm.prank(owners[i]);
            _expectWrongState(ids[i], ISupplyChainBills.PartState.Redeemed, false);
            bills.redeem(ids[i]);
        }
        assertEq(token.balanceOf(address(bills)), 0, "nothing left owed");
    }

    function _checkDiscountPrice(uint64 value, uint16 rate, uint32 timeBefore) internal {
        value = uint64(bound(value, 1, 1e12));
        rate = uint16(bound(rate, 1, 10_000));
        uint256 pkg = _issue(value, maturity, false);
        uint256 root = _id(pkg, 1);
        vm.prank(enterprises[1]);
        uint256 offered = bills.offerDiscount(root, financiers[0], value, rate);
        // Any moment before maturity, in the deployment's time unit.
        uint256 signAt = maturity - 1 - ((uint256(timeBefore) * unit) % (maturity - start - 1));
        vm.warp(signAt);
        uint256 daysLeft = (maturity - signAt + day - 1) / day;
        uint256 gross = uint256(value) * UNIT;
        uint256 interest = (gross * rate * daysLeft) / (360 * 10_000);
        uint256 expected = interest < gross ? gross - interest : 0;
        (uint256 quoted, uint256 quotedDays) = bills.discountPrice(offered);
        assertEq(quotedDays, daysLeft, "days to maturity");
        assertEq(quoted, expected, "quote");
        uint256 sellerBefore = token.balanceOf(enterprises[1]);
        uint256 bankBefore = token.balanceOf(financiers[0]);
        vm.prank(financiers[0]);
        bills.signDiscount(offered, expected);
        assertEq(token.balanceOf(enterprises[1]) - sellerBefore, expected, "seller paid the price");
        assertEq(bankBefore - token.balanceOf(financiers[0]), expected, "bank paid the price");
        assertTrue(expected <= gross, "price never above face");
    }

    /// The account slot packs the ERC-721 balance (bits 0-63) with nonces 0-191: using or invalidating a nonce never
    /// changes the balance, receiving parts never changes a nonce, at the seam with the bitmap (191/192) included.
    function testFuzz_noncesAndBalanceShareASlot(uint8 firstNonce, uint256 mask, uint8 count) public {
        address signer = enterprises[2];
        uint256 root = _id(_issue(1_000, maturity, false), 1);
        count = uint8(bound(count, 1, 6));
        uint256 used;
        for (uint256 i; i < count; ++i) used |= 1 << ((uint256(firstNonce) + i * 61) & 0xff);
        mask &= ~used;
        vm.prank(signer);
        bills.invalidateNonces(0, mask);
        assertEq(bills.nonceBitmap(signer, 0), mask, "invalidated nonces");
        assertEq(bills.balanceOf(signer), 0, "no part yet");
        uint256 deadline = block.timestamp + day;
        for (uint256 i; i < count; ++i) {
            uint256 nonce = (uint256(firstNonce) + i * 61) & 0xff;
            bytes memory consent = _consent(signer, root, 10, nonce, deadline);
            vm.prank(enterprises[1]);
            bills.endorseWithSignature(root, signer, 10, nonce, deadline, consent);
            assertEq(bills.balanceOf(signer), i + 1, "one more part");
            assertTrue(bills.isNonceUsed(signer, nonce), "nonce used");
            vm.prank(enterprises[1]);
            vm.expectRevert(abi.encodeWithSelector(IChainproofErrors.NonceAlreadyUsed.selector, signer, nonce));
            bills.endorseWithSignature(root, signer, 10, nonce, deadline, consent);
        }
        assertEq(bills.nonceBitmap(signer, 0), mask | used, "exactly the used and invalidated nonces");
        vm.prank(signer);
        bills.invalidateNonces(0, type(uint256).max);
        assertEq(bills.nonceBitmap(signer, 0), type(uint256).max, "every nonce of word 0");
        assertEq(bills.nonceBitmap(signer, 1), 0, "word 1 untouched");
        assertEq(bills.balanceOf(signer), count, "balance intact");
        // Beyond word 0 the usual bitmap: a nonce there changes neither word 0 nor the balance but by its part.
        uint256 far = 256 + uint256(firstNonce);
        bytes memory farConsent = _consent(signer, root, 10, far, deadline);
        vm.prank(enterprises[1]);
        bills.endorseWithSignature(root, signer, 10, far, deadline, farConsent);
        assertEq(bills.nonceBitmap(signer, 1), 1 << firstNonce, "word 1 holds the far nonce");
        assertEq(bills.nonceBitmap(signer, 0), type(uint256).max, "word 0 unchanged");
        assertEq(bills.balanceOf(signer), uint256(count) + 1, "one more part");
    }
}

/// @notice A deployment on a chain that stamps blocks in milliseconds (FISCO BCOS): times, the payment window and
/// the discount's day count are all in ms.
contract SupplyChainBillsMillisecondsTest is SupplyChainBillsFuzzTest {
    function setUp() public override {
        _deployWorld(1000);
    }

    function test_wholeLifecycleInMilliseconds() public {
        assertEq(bills.TIME_UNITS_PER_SECOND(), 1000, "ms deployment");
        assertTrue(block.timestamp > type(uint40).max, "ms timestamps exceed 40 bits");
        uint256 pkg = _issue(100_000_000, maturity, false); // 1,000,000.00 yuan, due in 90 days (in ms)
        assertEq(bills.packageOf(pkg).maturity, maturity, "ms maturity stored");
        uint256 root = _id(pkg, 1);
        vm.prank(enterprises[1]);
        uint256 toA = bills.endorse(root, enterprises[2], 35_000_000);
        vm.prank(enterprises[2]);
        bills.sign(toA);
        vm.prank(enterprises[2]);
        uint256 offer = bills.offerDiscount(toA, financiers[0], 20_000_000, 350);

        // Half a day later, 90 days are still charged (rounded up); one more day and a millisecond: 89.
        vm.warp(start + day / 2);
        (uint256 price, uint256 daysLeft) = bills.discountPrice(offer);
        assertEq(daysLeft, 90, "90 days, rounded up");
        assertEq(price, 198_250_000_000, "200,000.00 yuan less 3.5% for 90 days = 198,250.00");
        vm.warp(start + day + 1);
        (price, daysLeft) = bills.discountPrice(offer);
        assertEq(daysLeft, 89, "89 days");
        uint256 gross = 200_000_000_000;
        assertEq(price, gross - (gross * 350 * 89) / 3_600_000, "89-day price (interest floored)");
        uint256 sellerBefore = token.balanceOf(enterprises[2]);
        vm.prank(financiers[0]);
        bills.signDiscount(offer, price);
        assertEq(token.balanceOf(enterprises[2]) - sellerBefore, price, "DvP in ms");

        // One millisecond before maturity nothing is payable; at maturity the acceptor funds and all redeem.
        vm.warp(maturity - 1);
        vm.prank(enterprises[0]);
        bills.fund(pkg);
        vm.prank(enterprises[1]);
        vm.expectRevert(abi.encodeWithSelector(ISupplyChainBills.NotMatured.selector, pkg, maturity));
        bills.redeem(root);
        vm.warp(maturity);
        uint256[3] memory ids = [root, toA, offer];
        address[3] memory owners = [enterprises[1], enterprises[2], financiers[0]];
        for (uint256 i = 0; i < 3; ++i) {
            vm.prank(owners[i]);
            bills.redeem(ids[i]);
        }
        assertEq(bills.packageOf(pkg).redeemed, 100_000_000, "face redeemed");
        assertEq(token.balanceOf(address(bills)), 0, "nothing left");
    }

    function test_paymentWindowAndDishonorInMilliseconds() public {
        uint256 pkg = _issue(1_000, maturity, false);
        uint64 windowEnd = uint64(maturity + 3 * day);
        vm.warp(windowEnd);
        vm.prank(enterprises[1]);
        vm.expectRevert(abi.encodeWithSelector(ISupplyChainBills.PaymentWindowOpen.selector, pkg, windowEnd));
        bills.dishonor(pkg, "late");
        vm.warp(windowEnd + 1);
        vm.prank(enterprises[1]);
        bills.dishonor(pkg, "late");
        assertEq(bills.packageOf(pkg).dishonoredAt, windowEnd + 1, "48-bit ms dishonour time");
        vm.prank(enterprises[1]);
        bills.claimRecourse(_id(pkg, 1), enterprises[0]);
        uint256 before = token.balanceOf(enterprises[1]);
        vm.prank(enterprises[0]);
        bills.payRecourse(_id(pkg, 1));
        assertEq(token.balanceOf(enterprises[1]) - before, 1_000 * UNIT, "recovered by recourse");
    }

    function test_endorsementSignatureDeadlineInMilliseconds() public {
        uint256 pkg = _issue(1_000, maturity, false);
        uint256 root = _id(pkg, 1);
        uint256 deadline = block.timestamp + 1000; // one second, in ms
        bytes memory consent = _consent(enterprises[2], root, 10, 7, deadline);
        vm.warp(deadline + 1);
        vm.prank(enterprises[1]);
        vm.expectRevert(abi.encodeWithSelector(IChainproofErrors.ExpiredSignature.selector, deadline));
        bills.endorseWithSignature(root, enterprises[2], 10, 7, deadline, consent);
        vm.warp(deadline);
        vm.prank(enterprises[1]);
        uint256 id = bills.endorseWithSignature(root, enterprises[2], 10, 7, deadline, consent);
        assertEq(bills.ownerOf(id), enterprises[2], "signed endorsement within the ms deadline");
    }
}

/// @notice Finding 2 of the review: no sequence of actions by one participant can leave another participant's value
/// unredeemable after funding. The attacker holds 0.01 yuan of the bill and an offer from the victim it never has
/// to answer; it splits, merges, endorses, withdraws, rejects, signs, pledges and discounts at random, and lets time
/// pass. Then the acceptor funds, the victim withdraws every offer it still has pending (also after maturity) and
/// redeems every part it holds: each step succeeds and the victim is paid exactly what it did not give away.
contract SupplyChainBillsGriefingTest is BillsWorld {
    uint64 internal constant FACE = 1_000_000;
    uint256 internal pkg;
    address internal victim;
    address internal attacker;
    address internal bystander;
    uint256 internal signedAway;

    function setUp() public {
        _deployWorld(1);
        pkg = _issue(FACE, maturity, false);
        victim = enterprises[1];
        attacker = enterprises[2];
        bystander = enterprises[3];
        uint256 root = _id(pkg, 1);
        vm.prank(victim);
        uint256 dust = bills.endorse(root, attacker, 1);
        vm.prank(attacker);
        bills.sign(dust);
        vm.prank(victim);
        bills.endorse(root, attacker, 300_000); // pending: the attacker may sign, reject or ignore it
        vm.prank(victim);
        bills.endorse(root, bystander, 100_000); // pending: the bystander never answers
    }

    function testFuzz_oneParticipantCannotLockAnothersValue(uint256[12] calldata actions) public {
        for (uint256 i = 0; i < actions.length; ++i) _act(actions[i]);
        if (block.timestamp < maturity) vm.warp(maturity);
        vm.prank(enterprises[0]);
        bills.fund(pkg);
        uint256 parts = bills.packageOf(pkg).parts;
        uint256 owed;
        for (uint256 seq = 1; seq <= parts; ++seq) {
            ISupplyChainBills.PartView memory p = bills.partOf(_id(pkg, seq));
            bool pending =
                p.state == ISupplyChainBills.PartState.Offered ||
                    p.state == ISupplyChainBills.PartState.DiscountOffered;
            if (pending && p.endorser == victim) {
                vm.prank(victim);
                bills.withdraw(_id(pkg, seq));
            }
        }
        uint256 before = token.balanceOf(victim);
        for (uint256 seq = 1; seq <= parts; ++seq) {
            ISupplyChainBills.PartView memory p = bills.partOf(_id(pkg, seq));
            if (p.holder != victim || p.state != ISupplyChainBills.PartState.Held) continue;
            owed += p.value;
            vm.prank(victim);
            bills.redeem(_id(pkg, seq));
        }
        assertEq(owed, FACE - 1 - signedAway, "the victim still holds all it did not give away");
        assertEq(token.balanceOf(victim) - before, owed * UNIT, "and is paid all of it");
    }

    function _act(uint256 action) private {
        uint256 op = action % 10;
        uint256 x = action >> 8;
        uint256 parts = bills.packageOf(pkg).parts;
        uint256 id = _id(pkg, 1 + (x % parts));
        uint256 other = _id(pkg, 1 + ((x >> 32) % parts));
        uint64 value = bills.partOf(id).value;
        uint64 amount = value == 0 ? 1 : uint64(1 + ((x >> 64) % value));
        address[3] memory targets = [victim, bystander, financiers[0]];
        bytes memory data;
        if (op == 0) data = abi.encodeCall(bills.split, (id, amount));
        else if (op == 1) data = abi.encodeCall(bills.merge, (id, other));
        else if (op == 2) data = abi.encodeCall(bills.endorse, (id, targets[(x >> 128) % 3], amount));
        else if (op == 3) data = abi.encodeCall(bills.withdraw, (id));
        else if (op == 4) data = abi.encodeCall(bills.reject, (id));
        else if (op == 5) data = abi.encodeCall(bills.sign, (id));
        else if (op == 6) data = abi.encodeWithSignature("transferFrom(uint256,uint256,uint256)", id, other, amount);
        else if (op == 7) data = abi.encodeCall(bills.pledge, (id, financiers[0]));
        else if (op == 8) data = abi.encodeCall(bills.offerDiscount, (id, financiers[0], amount, 100));
        else return vm.warp(block.timestamp + ((x % 40) * day));
        ISupplyChainBills.PartView memory p = bills.partOf(id);
        vm.prank(attacker);
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, ) = address(bills).call(data);
        if (ok && op == 5 && p.endorser == victim) signedAway += p.value;
    }
}
