// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {ERC165Checker} from "@openzeppelin/contracts/utils/introspection/ERC165Checker.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

import {Constants} from "../common/Constants.sol";
import {UnorderedNonces} from "../common/UnorderedNonces.sol";
import {ExactTransfer} from "../common/libraries/ExactTransfer.sol";
import {IEvidenceRegistry} from "../evidence/IEvidenceRegistry.sol";
import {IParticipantRegistry} from "../participants/IParticipantRegistry.sol";
import {ParticipantRoles} from "../participants/ParticipantRoles.sol";
import {IERC3525} from "./IERC3525.sol";
import {IERC3525Metadata} from "./IERC3525Metadata.sol";
import {IERC3525Receiver} from "./IERC3525Receiver.sol";
import {ISupplyChainBills} from "./ISupplyChainBills.sol";
import {BillsMetadata} from "./BillsMetadata.sol";
import {Discount} from "./libraries/Discount.sol";
import {PartStatus} from "./libraries/PartStatus.sol";
import {PartId, PartIdLibrary} from "./types/PartId.sol";

/// @title SupplyChainBills
/// @notice Lean ERC-3525 supply-chain finance bills. See `ISupplyChainBills` for the model.
/// @dev A part is one storage slot (holder, value, pending offers, parent, status) and its holder never changes once
/// it can have children, so endorsement chains are parent links and cost nothing to copy. There is no owner or admin.
/// Token transfers come last in every function (checks-effects-interactions), so a reentrant token finds the state
/// final.
contract SupplyChainBills is ISupplyChainBills, IERC3525Metadata, EIP712, UnorderedNonces {
    using SafeERC20 for IERC20;
    using ExactTransfer for IERC20;

    // Packed so an offer touches one package slot (maturity, counter and status beside the drawer) and a redemption
    // two (that one, and token, decimals and redeemed total together). uint48 times reach the year 10889 in ms.
    struct Package {
        address drawer;
        uint48 maturity;
        uint24 lastSeq;
        PackageStatus status;
        bool nonTransferable;
        address acceptor;
        uint64 faceValue; // at most 2**56 - 1 minimum units (7.2e14 yuan), so any part's value fits `Part.value`
        address payee;
        uint48 dishonoredAt;
        address token;
        uint8 tokenDecimals;
        uint64 redeemed;
        bytes32 tradeDigest;
        bytes32 evidenceId;
    }

    // One slot per part (160 + 56 + 8 + 24 + 8 bits): that is what makes a split cheap. A redeemed part keeps its
    // value here as the amount paid; its ERC-3525 value (`balanceOf`) reads 0. `offers` counts the endorsement and
    // discount offers taken from it and not yet signed, rejected or withdrawn.
    struct Part {
        address holder;
        uint56 value;
        uint8 offers;
        uint24 parent;
        uint8 status; // see PartStatus
    }

    // Recorded when a recourse payer takes a part's claim over; `cursor` is the ancestor whose chain the new owner
    // may still claim against (0: none left).
    struct Takeover {
        address owner;
        uint24 cursor;
    }

    struct Claim {
        address target;
        address claimant;
    }

    uint8 private constant OFFERED = PartStatus.OFFERED;
    uint8 private constant DISCOUNT_OFFERED = PartStatus.DISCOUNT_OFFERED;
    uint8 private constant PLEDGE_OFFERED = PartStatus.PLEDGE_OFFERED;
    uint8 private constant HELD = PartStatus.HELD;
    uint8 private constant PLEDGED = PartStatus.PLEDGED;
    uint8 private constant REDEEMED = PartStatus.REDEEMED;
    uint8 private constant CANCELLED = PartStatus.CANCELLED;
    uint8 private constant BURNED = PartStatus.BURNED;
    uint8 private constant FROZEN = PartStatus.FROZEN;
    uint8 private constant TAKEN_OVER = PartStatus.TAKEN_OVER;

    uint32 private constant HOLDER_ROLES = ParticipantRoles.ENTERPRISE | ParticipantRoles.FINANCIER;
    bytes32 private constant ENDORSEMENT_TYPEHASH = keccak256(
        "Endorsement(uint256 fromTokenId,address to,uint64 amount,uint256 nonce,uint256 deadline)"
    );

    /// @notice Most endorsers on a part's endorsement chain, the drawer included. Supply chains pass a bill through a
    /// handful of tiers; 32 leaves room for long circulation (cyclic A → B → A endorsements included) while bounding
    /// every walk along a chain (merge compares two, recourse and `endorsementChain` read one) to 32 storage reads.
    uint256 public constant MAX_CHAIN_LENGTH = 32;

    /// @notice The participant register every move is checked against.
    IParticipantRegistry public immutable REGISTRY;
    /// @notice The evidence registry trade documents may be anchored in (zero: none).
    IEvidenceRegistry public immutable EVIDENCE;
    /// @notice Time after maturity (in the chain's time unit) the acceptor has to fund before anyone may dishonor.
    uint64 public immutable PAYMENT_WINDOW;
    /// @notice Block-time units per second: 1 where blocks are stamped in seconds, 1000 in milliseconds (FISCO BCOS).
    uint32 public immutable TIME_UNITS_PER_SECOND;
    /// @notice Renders the metadata (`name`, `symbol`, `tokenURI`, `contractURI`, `slotURI`), which this contract
    /// forwards to it; deployed by the constructor with the base URI.
    BillsMetadata public immutable METADATA;
    // One day in the chain's time unit: the discount's day count.
    uint256 private immutable DAY_LENGTH;

    uint32 private _packageCount;
    mapping(uint256 packageId => Package) private _packages;
    mapping(uint256 tokenId => Part) private _parts;
    // Per account, one slot written anyway: bits 0-63 the ERC-721 balance, bits 64-255 the owner's signature nonces
    // 0-191 (bitmap word 0), so an endorsee's first signed consent and its first part cost one fresh slot, not two.
    // `++` never carries into the nonces (fewer than 2^56 parts can exist) and `--` only ever runs on an owner's
    // balance (never zero there; pinned by invariant_erc721BalancesMatchOwners), so it never borrows from them.
    mapping(address owner => uint256) private _accounts;
    mapping(uint256 tokenId => address) private _approvals;
    // The operator that set a token's approval (zero: its owner): the approval lasts while that operator is approved.
    mapping(uint256 tokenId => address) private _approvalGrantors;
    mapping(address owner => mapping(address operator => bool)) private _operators;
    mapping(uint256 tokenId => mapping(address operator => uint256)) private _allowances;
    // Who set a value allowance for the owner (zero: the owner): the allowance lasts while that grantor is approved.
    mapping(uint256 tokenId => mapping(address operator => address)) private _allowanceGrantors;
    mapping(uint256 tokenId => address) private _pledgees;
    mapping(uint256 tokenId => uint16) private _rates;
    mapping(uint256 tokenId => Takeover) private _takeovers;
    mapping(uint256 tokenId => Claim) private _claims;

    /// @param registry The participant register.
    /// @param evidence The evidence registry (zero to refuse evidence ids).
    /// @param paymentWindow Time after maturity, in the chain's unit, before a non-acceptor may dishonor an unfunded
    /// bill: at least a day of chain time (`PaymentWindowTooShort`); zero for the default, three days of chain time.
    /// @param timeUnitsPerSecond 1 if the chain stamps blocks in seconds, 1000 in milliseconds.
    /// @param baseURI Prefix of the metadata URIs (ERC-721 `tokenURI`, ERC-3525 `contractURI` and `slotURI`), e.g.
    /// "https://bills.example.com/api/"; empty for none (the URIs then read empty).
    constructor(
        IParticipantRegistry registry,
        IEvidenceRegistry evidence,
        uint64 paymentWindow,
        uint32 timeUnitsPerSecond,
        string memory baseURI
    ) EIP712("SupplyChainBills", "1") {
        if (address(registry) == address(0)) _invalidCounterparty(address(0));
        if (timeUnitsPerSecond != 1 && timeUnitsPerSecond != 1000) revert InvalidTimeUnit(timeUnitsPerSecond);
        if (paymentWindow == 0) paymentWindow = 3 days * uint64(timeUnitsPerSecond);
        if (paymentWindow < 1 days * uint256(timeUnitsPerSecond)) {
            revert PaymentWindowTooShort(paymentWindow, 1 days * uint256(timeUnitsPerSecond));
        }
        REGISTRY = registry;
        EVIDENCE = evidence;
        PAYMENT_WINDOW = paymentWindow;
        TIME_UNITS_PER_SECOND = timeUnitsPerSecond;
        DAY_LENGTH = 1 days * uint256(timeUnitsPerSecond);
        METADATA = new BillsMetadata(baseURI);
    }

    // ---------------------------------------------------------------- issuance

    /// @inheritdoc ISupplyChainBills
    function issue(
        address acceptor,
        address payee,
        address token,
        uint64 faceValue,
        uint64 maturity,
        bool nonTransferable,
        bytes32 tradeDigest,
        bytes32 evidenceId
    ) external returns (uint256 packageId) {
        _requireActive(msg.sender, ParticipantRoles.ENTERPRISE);
        _requireActive(acceptor, HOLDER_ROLES);
        if (payee == msg.sender) _invalidCounterparty(payee);
        _requireActive(payee, ParticipantRoles.ENTERPRISE);
        if (faceValue == 0 || faceValue > type(uint56).max) revert InvalidFaceValue(faceValue);
        if (maturity < block.timestamp + 1 || maturity > type(uint48).max) revert InvalidMaturity(maturity);
        if (tradeDigest == bytes32(0)) revert MissingTradeDigest();
        if (evidenceId != bytes32(0)) _requireValidEvidence(evidenceId);
        uint8 decimals = _decimalsOf(token);

        packageId = ++_packageCount;
        Package storage pkg = _packages[packageId];
        pkg.drawer = msg.sender;
        pkg.maturity = uint48(maturity);
        pkg.status = PackageStatus.Issued;
        pkg.nonTransferable = nonTransferable;
        pkg.acceptor = acceptor;
        pkg.faceValue = faceValue;
        pkg.payee = payee;
        pkg.token = token;
        pkg.tokenDecimals = decimals;
        pkg.tradeDigest = tradeDigest;
        pkg.evidenceId = evidenceId;
        emit Issued(
            packageId,
            msg.sender,
            acceptor,
            payee,
            token,
            faceValue,
            maturity,
            nonTransferable,
            tradeDigest,
            evidenceId
        );
        uint256 root = _mint(packageId, pkg, payee, faceValue, 0, OFFERED);
        emit TransferValue(0, root, faceValue);
        emit Offered(packageId, root, payee, 0, PartState.Offered);
    }

    /// @inheritdoc ISupplyChainBills
    function accept(uint256 packageId) external {
        Package storage pkg = _package(packageId);
        if (pkg.status != PackageStatus.Issued) revert WrongPackageStatus(packageId, pkg.status);
        if (msg.sender != pkg.acceptor) _unauthorized(pkg.acceptor);
        if (!(block.timestamp < pkg.maturity)) revert Matured(packageId, pkg.maturity);
        _requireActive(msg.sender, HOLDER_ROLES);
        pkg.status = PackageStatus.Accepted;
        emit Accepted(packageId, msg.sender);
    }

    /// @inheritdoc ISupplyChainBills
    function cancel(uint256 packageId) external {
        Package storage pkg = _package(packageId);
        if (msg.sender != pkg.drawer) _unauthorized(pkg.drawer);
        _cancelPackage(packageId, pkg);
    }

    // ---------------------------------------------------------------- offers

    /// @inheritdoc ISupplyChainBills
    function endorse(uint256 fromTokenId, address to, uint64 amount) external returns (uint256 tokenId) {
        tokenId = _offer(fromTokenId, to, amount, OFFERED, HOLDER_ROLES);
        _notifyReceiver(to, fromTokenId, tokenId, amount);
    }

    /// @inheritdoc ISupplyChainBills
    function offerDiscount(
        uint256 fromTokenId,
        address financier,
        uint64 amount,
        uint16 rateBps
    ) external returns (uint256 tokenId) {
        if (rateBps == 0 || rateBps > Constants.BPS) revert InvalidRate(rateBps);
        tokenId = _offer(fromTokenId, financier, amount, DISCOUNT_OFFERED, ParticipantRoles.FINANCIER);
        _rates[tokenId] = rateBps;
        emit DiscountOffered(PartId.wrap(fromTokenId).packageId(), tokenId, financier, rateBps);
    }

    /// @inheritdoc ISupplyChainBills
    function pledge(uint256 tokenId, address pledgee) external {
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if (status != HELD) _wrongState(tokenId, status);
        address holder = part.holder;
        if (msg.sender != holder) _unauthorized(holder);
        _requireNoOffers(tokenId, part);
        uint256 packageId = PartId.wrap(tokenId).packageId();
        _requireTransferable(packageId, _packages[packageId]);
        if (pledgee == holder) _invalidCounterparty(pledgee);
        _requireActive(holder, HOLDER_ROLES);
        _requireActive(pledgee, ParticipantRoles.FINANCIER);
        part.status = PLEDGE_OFFERED;
        _pledgees[tokenId] = pledgee;
        emit PledgeOffered(packageId, tokenId, pledgee);
    }

    /// @inheritdoc ISupplyChainBills
    function endorseWithSignature(
        uint256 fromTokenId,
        address to,
        uint64 amount,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 tokenId) {
        if (block.timestamp > deadline) revert ExpiredSignature(deadline);
        bytes32 digest = _hashTypedDataV4(
            keccak256(abi.encode(ENDORSEMENT_TYPEHASH, fromTokenId, to, amount, nonce, deadline))
        );
        if (!SignatureChecker.isValidSignatureNow(to, digest, signature)) revert InvalidSignature(to);
        _useUnorderedNonce(to, nonce);
        return _offer(fromTokenId, to, amount, HELD, HOLDER_ROLES);
    }

    /// @inheritdoc ISupplyChainBills
    function sign(uint256 tokenId) external {
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if (status != OFFERED) _wrongState(tokenId, status);
        address holder = part.holder;
        if (msg.sender != holder) _unauthorized(holder);
        uint256 packageId = PartId.wrap(tokenId).packageId();
        Package storage pkg = _packages[packageId];
        uint24 parent = part.parent;
        if (parent == 0) {
            // The payee signs the bill itself: that delivers it. The drawer must still be active.
            if (pkg.status != PackageStatus.Accepted) revert WrongPackageStatus(packageId, pkg.status);
            if (!(block.timestamp < pkg.maturity)) revert Matured(packageId, pkg.maturity);
            _requireActive(pkg.drawer, HOLDER_ROLES);
            pkg.status = PackageStatus.Active;
        } else {
            _requireMovable(packageId, pkg);
            _takeFromSource(tokenId, parent);
        }
        _requireActive(holder, HOLDER_ROLES);
        part.status = HELD;
        emit Signed(packageId, tokenId, msg.sender);
    }

    /// @inheritdoc ISupplyChainBills
    function signPledge(uint256 tokenId, uint64 value) external {
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if (status != PLEDGE_OFFERED) _wrongState(tokenId, status);
        address pledgee = _pledgees[tokenId];
        if (msg.sender != pledgee) _unauthorized(pledgee);
        uint64 pledged = part.value;
        if (pledged != value) revert PledgeValueChanged(tokenId, pledged, value);
        uint256 packageId = PartId.wrap(tokenId).packageId();
        _requireMovable(packageId, _packages[packageId]);
        _requireActive(part.holder, HOLDER_ROLES);
        _requireActive(pledgee, ParticipantRoles.FINANCIER);
        part.status = PLEDGED;
        emit Signed(packageId, tokenId, msg.sender);
    }

    // Rejecting or withdrawing an unsigned offer checks no registry state and works in every package status: the
    // value goes back into the part it came from (which stays held while it has offers pending) and never reaches a
    // new party or needs a new part id. A frozen source's freeze covers the value that comes back into it.

    /// @inheritdoc ISupplyChainBills
    function reject(uint256 tokenId) external {
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if (status == OFFERED || status == DISCOUNT_OFFERED) {
            if (msg.sender != part.holder) _unauthorized(part.holder);
            uint256 packageId = PartId.wrap(tokenId).packageId();
            if (part.parent == 0) _cancelPackage(packageId, _packages[packageId]);
            else _returnOffer(tokenId, part);
        } else if (status == PLEDGE_OFFERED) {
            _endPledgeOffer(tokenId, part, _pledgees[tokenId]);
        } else {
            _wrongState(tokenId, status);
        }
    }

    /// @inheritdoc ISupplyChainBills
    function withdraw(uint256 tokenId) external {
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if ((status == OFFERED || status == DISCOUNT_OFFERED) && part.parent != 0) {
            address endorser = _parts[PartId.wrap(tokenId).sibling(part.parent)].holder;
            if (msg.sender != endorser) _unauthorized(endorser);
            _returnOffer(tokenId, part);
        } else if (status == PLEDGE_OFFERED) {
            _endPledgeOffer(tokenId, part, part.holder);
        } else {
            _wrongState(tokenId, status);
        }
    }

    /// @inheritdoc ISupplyChainBills
    function signDiscount(uint256 tokenId, uint256 maxPrice) external {
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if (status != DISCOUNT_OFFERED) _wrongState(tokenId, status);
        address financier = part.holder;
        if (msg.sender != financier) _unauthorized(financier);
        uint256 packageId = PartId.wrap(tokenId).packageId();
        Package storage pkg = _packages[packageId];
        _requireMovable(packageId, pkg);
        address endorser = _takeFromSource(tokenId, part.parent);
        _requireActive(financier, ParticipantRoles.FINANCIER);
        uint16 rate = _rates[tokenId];
        (uint256 price, uint256 daysLeft) = _quote(pkg, part.value, rate);
        if (price > maxPrice) revert PriceAboveLimit(price, maxPrice);
        part.status = HELD;
        emit Signed(packageId, tokenId, financier);
        emit Discounted(packageId, tokenId, financier, endorser, rate, daysLeft, price);
        IERC20(pkg.token).safeTransferFromExact(financier, endorser, price);
    }

    /// @inheritdoc ISupplyChainBills
    function release(uint256 tokenId) external {
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if (status != PLEDGED) _wrongState(tokenId, status);
        address pledgee = _pledgees[tokenId];
        if (msg.sender != pledgee) _unauthorized(pledgee);
        // The claim on the part goes back from the pledgee to the holder.
        _requireActive(pledgee, ParticipantRoles.FINANCIER);
        _requireActive(part.holder, HOLDER_ROLES);
        part.status = HELD;
        delete _pledgees[tokenId];
        emit PledgeReleased(PartId.wrap(tokenId).packageId(), tokenId, pledgee);
    }

    // ---------------------------------------------------------------- split and merge

    /// @inheritdoc ISupplyChainBills
    function split(uint256 fromTokenId, uint64 amount) external returns (uint256 tokenId) {
        Part storage from = _parts[fromTokenId];
        uint8 status = from.status;
        if (status != HELD) _wrongState(fromTokenId, status);
        address holder = from.holder;
        _authorize(holder, fromTokenId, amount);
        uint256 packageId = PartId.wrap(fromTokenId).packageId();
        Package storage pkg = _packages[packageId];
        _requireMovable(packageId, pkg);
        _requireActive(holder, HOLDER_ROLES);
        uint64 value = from.value;
        // A split leaves a non-zero rest: moving a whole part into a new id would only use up the package's ids.
        if (amount == 0 || !(amount < value)) revert InvalidAmount(amount, value);
        from.value = uint56(value - amount);
        tokenId = _mint(packageId, pkg, holder, amount, from.parent, HELD);
        emit TransferValue(fromTokenId, tokenId, amount);
    }

    /// @inheritdoc ISupplyChainBills
    function merge(uint256 fromTokenId, uint256 toTokenId) external {
        Part storage from = _parts[fromTokenId];
        // Offers pending on it return their value into it: it stays until they are settled.
        _requireNoOffers(fromTokenId, from);
        address holder = _moveValue(fromTokenId, toTokenId, type(uint256).max);
        from.status = BURNED;
        --_accounts[holder];
        _burned(holder, fromTokenId);
    }

    // ---------------------------------------------------------------- maturity

    /// @inheritdoc ISupplyChainBills
    function fund(uint256 packageId) external {
        Package storage pkg = _package(packageId);
        PackageStatus packageStatus = pkg.status;
        if (packageStatus != PackageStatus.Active && packageStatus != PackageStatus.Dishonored) {
            revert WrongPackageStatus(packageId, packageStatus);
        }
        address acceptor = pkg.acceptor;
        if (msg.sender != acceptor) _unauthorized(acceptor);
        _requireActive(acceptor, HOLDER_ROLES);
        uint256 amount = uint256(pkg.faceValue) * _unit(pkg.tokenDecimals);
        pkg.status = PackageStatus.Funded;
        emit Funded(packageId, acceptor, amount);
        IERC20(pkg.token).safeTransferFromExact(acceptor, address(this), amount);
    }

    /// @inheritdoc ISupplyChainBills
    function redeem(uint256 tokenId) external {
        (Part storage part, uint8 status, uint256 packageId, Package storage pkg) = _partOfPackageIn(
            tokenId,
            PackageStatus.Funded
        );
        if (block.timestamp < pkg.maturity) revert NotMatured(packageId, pkg.maturity);
        (address owner, address beneficiary) = _beneficiary(tokenId, part, status);
        if (msg.sender != owner && msg.sender != beneficiary) _unauthorized(owner);
        _requireNoOffers(tokenId, part);
        _requireActive(beneficiary, HOLDER_ROLES);
        uint64 value = part.value;
        part.status = (status & TAKEN_OVER) | REDEEMED;
        pkg.redeemed += value;
        uint256 amount = uint256(value) * _unit(pkg.tokenDecimals);
        emit TransferValue(tokenId, 0, value);
        emit Redeemed(packageId, tokenId, beneficiary, value, amount);
        IERC20(pkg.token).safeTransfer(beneficiary, amount);
    }

    /// @inheritdoc ISupplyChainBills
    function dishonor(uint256 packageId, bytes32 reason) external {
        Package storage pkg = _package(packageId);
        if (pkg.status != PackageStatus.Active) revert WrongPackageStatus(packageId, pkg.status);
        uint64 maturity = pkg.maturity;
        if (block.timestamp < maturity) revert NotMatured(packageId, maturity);
        if (msg.sender != pkg.acceptor && block.timestamp < maturity + PAYMENT_WINDOW + 1) {
            revert PaymentWindowOpen(packageId, maturity + PAYMENT_WINDOW);
        }
        pkg.status = PackageStatus.Dishonored;
        pkg.dishonoredAt = uint48(block.timestamp);
        emit Dishonored(packageId, msg.sender, reason);
    }

    /// @inheritdoc ISupplyChainBills
    function claimRecourse(uint256 tokenId, address target) external {
        (Part storage part, uint8 status, uint256 packageId, Package storage pkg) = _partOfPackageIn(
            tokenId,
            PackageStatus.Dishonored
        );
        (, address beneficiary) = _beneficiary(tokenId, part, status);
        if (msg.sender != beneficiary) _unauthorized(beneficiary);
        // No offer can be made after maturity, so none is pending when the claim is paid either.
        _requireNoOffers(tokenId, part);
        _requireActive(msg.sender, HOLDER_ROLES);
        if (target == msg.sender) _invalidCounterparty(target);
        _findOnChain(tokenId, status, pkg, target);
        _claims[tokenId] = Claim(target, msg.sender);
        emit RecourseClaimed(packageId, tokenId, target, msg.sender, uint256(part.value) * _unit(pkg.tokenDecimals));
    }

    /// @inheritdoc ISupplyChainBills
    function payRecourse(uint256 tokenId) external {
        Claim memory claim = _claims[tokenId];
        if (claim.target == address(0)) revert NoPendingClaim(tokenId);
        if (msg.sender != claim.target) _unauthorized(claim.target);
        (Part storage part, uint8 status, uint256 packageId, Package storage pkg) = _partOfPackageIn(
            tokenId,
            PackageStatus.Dishonored
        );
        (address owner, address beneficiary) = _beneficiary(tokenId, part, status);
        if (beneficiary != claim.claimant) revert NoPendingClaim(tokenId);
        uint24 cursor = _findOnChain(tokenId, status, pkg, msg.sender);
        // Payment moves value both ways: tokens to the claimant, the part's claim to the payer.
        _requireActive(msg.sender, HOLDER_ROLES);
        _requireActive(beneficiary, HOLDER_ROLES);

        delete _claims[tokenId];
        delete _pledgees[tokenId];
        delete _approvals[tokenId];
        _takeovers[tokenId] = Takeover(msg.sender, cursor);
        part.status = TAKEN_OVER | HELD;
        --_accounts[owner];
        ++_accounts[msg.sender];
        uint256 amount = uint256(part.value) * _unit(pkg.tokenDecimals);
        emit Transfer(owner, msg.sender, tokenId);
        emit RecoursePaid(packageId, tokenId, msg.sender, beneficiary, amount);
        IERC20(pkg.token).safeTransferFromExact(msg.sender, beneficiary, amount);
    }

    // ---------------------------------------------------------------- regulator

    /// @inheritdoc ISupplyChainBills
    function setPartFrozen(uint256 tokenId, bool frozen, bytes32 reason) external {
        _requireActive(msg.sender, ParticipantRoles.REGULATOR);
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if (status == 0) revert NonexistentPart(tokenId);
        // Defence in depth beside the registry's exclusive regulator role: never a regulator's own part.
        if (_isParty(tokenId, part, status, msg.sender)) revert RegulatorIsParty(msg.sender, tokenId);
        if (PartStatus.isFrozen(status) == frozen) revert FreezeUnchanged(tokenId, frozen);
        part.status = frozen ? status | FROZEN : status & ~FROZEN;
        emit PartFrozen(PartId.wrap(tokenId).packageId(), tokenId, msg.sender, frozen, reason);
    }

    // ---------------------------------------------------------------- ERC-721 / ERC-3525

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return
            interfaceId == type(IERC165).interfaceId ||
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            interfaceId == type(IERC3525).interfaceId ||
            interfaceId == type(IERC3525Metadata).interfaceId;
    }

    /// @inheritdoc IERC721Metadata
    /// @dev Served by `METADATA`, as all metadata.
    function name() external view returns (string memory) {
        _forwardToMetadata();
    }

    /// @inheritdoc IERC721Metadata
    function symbol() external view returns (string memory) {
        _forwardToMetadata();
    }

    /// @inheritdoc IERC721Metadata
    /// @dev `<base>token/<tokenId>` (decimal), empty without a base URI; reverts for a part that does not exist.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _ownerOf(tokenId);
        _forwardToMetadata();
    }

    /// @inheritdoc IERC3525Metadata
    /// @dev `<base>contract`, empty without a base URI.
    function contractURI() external view returns (string memory) {
        _forwardToMetadata();
    }

    /// @inheritdoc IERC3525Metadata
    /// @dev `<base>slot/<packageId>` (decimal), empty without a base URI; reverts for an unknown package.
    function slotURI(uint256 slot) external view returns (string memory) {
        _package(slot);
        _forwardToMetadata();
    }

    /// @inheritdoc IERC3525
    function valueDecimals() external pure returns (uint8) {
        return 2;
    }

    /// @inheritdoc IERC721
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) _invalidCounterparty(owner);
        return uint64(_accounts[owner]);
    }

    /// @inheritdoc IERC3525
    function balanceOf(uint256 tokenId) external view returns (uint256) {
        _ownerOf(tokenId);
        Part storage part = _parts[tokenId];
        return PartStatus.state(part.status) == PartState.Redeemed ? 0 : part.value;
    }

    /// @inheritdoc IERC3525
    function slotOf(uint256 tokenId) external view returns (uint256) {
        _ownerOf(tokenId);
        return PartId.wrap(tokenId).packageId();
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 tokenId) external view returns (address) {
        return _ownerOf(tokenId);
    }

    /// @inheritdoc IERC721
    /// @dev An operator's approval lasts while the operator is approved for all of the owner's tokens.
    function approve(address to, uint256 tokenId) external {
        address owner = _ownerOf(tokenId);
        if (msg.sender != owner && !_operators[owner][msg.sender]) revert NotOwnerNorApproved(msg.sender, tokenId);
        _approvals[tokenId] = to;
        _approvalGrantors[tokenId] = msg.sender == owner ? address(0) : msg.sender;
        emit Approval(owner, to, tokenId);
    }

    /// @inheritdoc IERC721
    /// @dev Zero once the operator that set the approval is no longer approved.
    function getApproved(uint256 tokenId) external view returns (address approved) {
        address owner = _ownerOf(tokenId);
        approved = _approvals[tokenId];
        if (!_isApproved(owner, tokenId, approved)) approved = address(0);
    }

    /// @inheritdoc IERC721
    function setApprovalForAll(address operator, bool approved) external {
        if (operator == msg.sender) _invalidCounterparty(operator);
        _operators[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    /// @inheritdoc IERC721
    function isApprovedForAll(address owner, address operator) external view returns (bool) {
        return _operators[owner][operator];
    }

    /// @inheritdoc IERC3525
    /// @dev Caller: the owner, an operator or the token's approved address. An allowance set by an operator or the
    /// approved address lasts while that grantor stays approved: revoking it voids the allowance.
    function approve(uint256 tokenId, address operator, uint256 value) external {
        address owner = _ownerOf(tokenId);
        if (msg.sender != owner && !_operators[owner][msg.sender] && !_isApproved(owner, tokenId, msg.sender)) {
            revert NotOwnerNorApproved(msg.sender, tokenId);
        }
        if (operator == owner) _invalidCounterparty(operator);
        _allowances[tokenId][operator] = value;
        _allowanceGrantors[tokenId][operator] = msg.sender == owner ? address(0) : msg.sender;
        emit ApprovalValue(tokenId, operator, value);
    }

    /// @inheritdoc IERC3525
    /// @dev Zero once the operator or approved address that set the allowance is no longer approved.
    function allowance(uint256 tokenId, address operator) external view returns (uint256) {
        if (!_grantHolds(_parts[tokenId].holder, tokenId, _allowanceGrantors[tokenId][operator])) return 0;
        return _allowances[tokenId][operator];
    }

    /// @inheritdoc IERC3525
    /// @dev Moves value between two parts of one holder and chain (a partial merge); notifies a receiver contract.
    function transferFrom(uint256 fromTokenId, uint256 toTokenId, uint256 value) external {
        address holder = _moveValue(fromTokenId, toTokenId, _amount(fromTokenId, value));
        _notifyReceiver(holder, fromTokenId, toTokenId, value);
    }

    /// @inheritdoc IERC3525
    /// @dev An endorsement offer (as `endorse`): the new part is locked until `to` signs it; a receiver contract is
    /// notified and may sign from its hook.
    function transferFrom(uint256 fromTokenId, address to, uint256 value) external returns (uint256 tokenId) {
        tokenId = _offer(fromTokenId, to, _amount(fromTokenId, value), OFFERED, HOLDER_ROLES);
        _notifyReceiver(to, fromTokenId, tokenId, value);
    }

    /// @inheritdoc IERC721
    /// @dev Always reverts: a bill moves only with its endorsee's signature (use the value transfer).
    function transferFrom(address, address, uint256 tokenId) external pure {
        revert WholeTokenTransfer(tokenId);
    }

    /// @inheritdoc IERC721
    /// @dev Always reverts, as `transferFrom`.
    function safeTransferFrom(address, address, uint256 tokenId) external pure {
        revert WholeTokenTransfer(tokenId);
    }

    /// @inheritdoc IERC721
    /// @dev Always reverts, as `transferFrom`.
    function safeTransferFrom(address, address, uint256 tokenId, bytes calldata) external pure {
        revert WholeTokenTransfer(tokenId);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ISupplyChainBills
    function packageOf(uint256 packageId) external view returns (PackageView memory v) {
        Package storage pkg = _package(packageId);
        v.drawer = pkg.drawer;
        v.acceptor = pkg.acceptor;
        v.payee = pkg.payee;
        v.token = pkg.token;
        v.maturity = pkg.maturity;
        v.status = pkg.status;
        v.nonTransferable = pkg.nonTransferable;
        v.tokenDecimals = pkg.tokenDecimals;
        v.faceValue = pkg.faceValue;
        v.redeemed = pkg.redeemed;
        v.parts = pkg.lastSeq;
        v.dishonoredAt = pkg.dishonoredAt;
        v.tradeDigest = pkg.tradeDigest;
        v.evidenceId = pkg.evidenceId;
    }

    /// @inheritdoc ISupplyChainBills
    function partOf(uint256 tokenId) external view returns (PartView memory v) {
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if (status == 0) revert NonexistentPart(tokenId);
        uint256 packageId = PartId.wrap(tokenId).packageId();
        v.packageId = packageId;
        v.holder = part.holder;
        v.owner = PartStatus.isTakenOver(status) ? _takeovers[tokenId].owner : part.holder;
        v.parent = part.parent;
        v.endorser = _holderAt(tokenId, v.parent);
        v.state = PartStatus.state(status);
        v.beneficiary = v.state == PartState.Pledged ? _pledgees[tokenId] : v.owner;
        if (v.state == PartState.Redeemed) v.paid = part.value;
        else v.value = part.value;
        v.frozen = PartStatus.isFrozen(status);
        v.takenOver = PartStatus.isTakenOver(status);
        v.pendingOffers = part.offers;
    }

    /// @inheritdoc ISupplyChainBills
    function endorsementChain(uint256 tokenId) external view returns (address[] memory chain) {
        Part storage part = _parts[tokenId];
        if (part.status == 0) revert NonexistentPart(tokenId);
        PartId id = PartId.wrap(tokenId);
        uint256 length = _chainLength(tokenId, part.parent);
        chain = new address[](length);
        chain[0] = _packages[id.packageId()].drawer;
        uint24 cursor = part.parent;
        for (uint256 i = length - 1; i > 0; --i) {
            Part storage ancestor = _parts[id.sibling(cursor)];
            chain[i] = ancestor.holder;
            cursor = ancestor.parent;
        }
    }

    /// @inheritdoc ISupplyChainBills
    function discountPrice(uint256 tokenId) external view returns (uint256 price, uint256 daysToMaturity) {
        Part storage part = _parts[tokenId];
        if (part.status != DISCOUNT_OFFERED) _wrongState(tokenId, part.status);
        uint256 packageId = PartId.wrap(tokenId).packageId();
        Package storage pkg = _packages[packageId];
        if (!(block.timestamp < pkg.maturity)) revert Matured(packageId, pkg.maturity);
        return _quote(pkg, part.value, _rates[tokenId]);
    }

    /// @inheritdoc ISupplyChainBills
    function pendingClaim(uint256 tokenId) external view returns (address target, address claimant) {
        Claim storage claim = _claims[tokenId];
        return (claim.target, claim.claimant);
    }

    // ---------------------------------------------------------------- internals

    // Takes an offer out of `fromTokenId` and mints it; `offerStatus` is the new part's status: OFFERED or
    // DISCOUNT_OFFERED for an offer its addressee signs later, HELD for an endorsement the endorsee already signed.
    function _offer(
        uint256 fromTokenId,
        address to,
        uint64 amount,
        uint8 offerStatus,
        uint32 toRoles
    ) private returns (uint256 tokenId) {
        uint256 packageId = PartId.wrap(fromTokenId).packageId();
        Package storage pkg = _packages[packageId];
        _takeForOffer(fromTokenId, pkg, to, amount, toRoles, offerStatus != HELD);
        tokenId = _mint(packageId, pkg, to, amount, PartId.wrap(fromTokenId).seq(), offerStatus);
        emit TransferValue(fromTokenId, tokenId, amount);
        if (offerStatus == HELD) emit Signed(packageId, tokenId, to);
        else emit Offered(packageId, tokenId, to, fromTokenId, PartState(offerStatus));
    }

    // Checks an offer out of `fromTokenId` and takes its amount out of the source part; a pending offer is counted.
    function _takeForOffer(
        uint256 fromTokenId,
        Package storage pkg,
        address to,
        uint64 amount,
        uint32 toRoles,
        bool pending
    ) private {
        Part storage from = _parts[fromTokenId];
        uint8 status = from.status;
        if (status != HELD) _wrongState(fromTokenId, status);
        address holder = from.holder;
        _authorize(holder, fromTokenId, amount);
        _requireTransferable(PartId.wrap(fromTokenId).packageId(), pkg);
        if (to == holder) _invalidCounterparty(to);
        _requireActive(holder, HOLDER_ROLES);
        _requireActive(to, toRoles);
        uint64 value = from.value;
        if (amount == 0 || amount > value) revert InvalidAmount(amount, value);
        // The new part's chain is the source's plus the source's holder.
        if (_chainLength(fromTokenId, from.parent) > MAX_CHAIN_LENGTH - 1) {
            revert ChainTooLong(fromTokenId, MAX_CHAIN_LENGTH);
        }
        from.value = uint56(value - amount);
        if (pending) {
            uint8 offers = from.offers;
            if (offers == type(uint8).max) revert PendingOffers(fromTokenId, offers);
            from.offers = offers + 1;
        }
    }

    function _mint(
        uint256 packageId,
        Package storage pkg,
        address holder,
        uint64 value,
        uint24 parent,
        uint8 status
    ) private returns (uint256 tokenId) {
        uint24 seq = pkg.lastSeq;
        if (seq == type(uint24).max) revert TooManyParts(packageId);
        pkg.lastSeq = ++seq;
        tokenId = PartIdLibrary.toTokenId(packageId, seq);
        _parts[tokenId] = Part(holder, uint56(value), 0, parent, status);
        ++_accounts[holder];
        emit Transfer(address(0), holder, tokenId);
        emit SlotChanged(tokenId, 0, packageId);
    }

    // ERC-721 and ERC-3525 burn events of a part that leaves the books (its value already moved out).
    function _burned(address holder, uint256 tokenId) private {
        emit Transfer(holder, address(0), tokenId);
        emit SlotChanged(tokenId, PartId.wrap(tokenId).packageId(), 0);
    }

    function _moveValue(uint256 fromTokenId, uint256 toTokenId, uint256 value) private returns (address holder) {
        Part storage from = _parts[fromTokenId];
        Part storage to = _parts[toTokenId];
        uint8 status = from.status;
        if (status != HELD) _wrongState(fromTokenId, status);
        status = to.status;
        if (status != HELD) _wrongState(toTokenId, status);
        PartId id = PartId.wrap(fromTokenId);
        uint256 packageId = id.packageId();
        holder = from.holder;
        if (fromTokenId == toTokenId || PartId.wrap(toTokenId).packageId() != packageId || to.holder != holder) {
            revert NotMergeable(fromTokenId, toTokenId);
        }
        uint64 available = from.value;
        if (value == type(uint256).max) value = available;
        else if (value == 0 || value > available) revert InvalidAmount(value, available);
        _authorize(holder, fromTokenId, value);
        _requireMovable(packageId, _packages[packageId]);
        _requireActive(holder, HOLDER_ROLES);
        uint24 a = from.parent;
        uint24 b = to.parent;
        if (a != b && !_sameChain(id, a, b)) revert NotMergeable(fromTokenId, toTokenId);
        from.value = uint56(available - value);
        to.value += uint56(value);
        emit TransferValue(fromTokenId, toTokenId, value);
    }

    // Two chains are equal when their endorsers are, position by position.
    function _sameChain(PartId id, uint24 a, uint24 b) private view returns (bool) {
        while (a != b) {
            if (a == 0 || b == 0) return false;
            Part storage x = _parts[id.sibling(a)];
            Part storage y = _parts[id.sibling(b)];
            if (x.holder != y.holder) return false;
            a = x.parent;
            b = y.parent;
        }
        return true;
    }

    // The offered value goes back into the part it was taken from: still held by the endorser (a part with pending
    // offers cannot be merged away, pledged, redeemed or claimed on), frozen if the regulator froze it.
    function _returnOffer(uint256 tokenId, Part storage part) private {
        PartId id = PartId.wrap(tokenId);
        uint256 sourceId = id.sibling(part.parent);
        Part storage source = _parts[sourceId];
        address holder = part.holder;
        uint56 value = part.value;
        part.status = CANCELLED;
        part.value = 0;
        --_accounts[holder];
        source.value += value;
        --source.offers;
        emit TransferValue(tokenId, sourceId, value);
        _burned(holder, tokenId);
        emit OfferCancelled(id.packageId(), tokenId, msg.sender, sourceId);
    }

    function _endPledgeOffer(uint256 tokenId, Part storage part, address authorized) private {
        if (msg.sender != authorized) _unauthorized(authorized);
        part.status = HELD;
        delete _pledgees[tokenId];
        emit OfferCancelled(PartId.wrap(tokenId).packageId(), tokenId, msg.sender, 0);
    }

    function _cancelPackage(uint256 packageId, Package storage pkg) private {
        PackageStatus status = pkg.status;
        if (status != PackageStatus.Issued && status != PackageStatus.Accepted) {
            revert WrongPackageStatus(packageId, status);
        }
        uint256 root = PartIdLibrary.toTokenId(packageId, 1);
        Part storage part = _parts[root];
        uint8 partStatus = part.status;
        if (partStatus != OFFERED) _wrongState(root, partStatus);
        address payee = part.holder;
        uint64 value = part.value;
        pkg.status = PackageStatus.Cancelled;
        part.status = CANCELLED;
        part.value = 0;
        --_accounts[payee];
        emit TransferValue(root, 0, value);
        _burned(payee, root);
        emit Cancelled(packageId, msg.sender);
    }

    // Walks the claimable chain for `target`; returns the cursor the payer keeps (0: drawer, nothing left).
    function _findOnChain(
        uint256 tokenId,
        uint8 status,
        Package storage pkg,
        address target
    ) private view returns (uint24) {
        PartId id = PartId.wrap(tokenId);
        uint24 cursor = PartStatus.isTakenOver(status) ? _takeovers[tokenId].cursor : id.seq();
        if (cursor != 0) {
            for (uint24 seq = _parts[id.sibling(cursor)].parent; seq != 0; seq = _parts[id.sibling(seq)].parent) {
                if (_parts[id.sibling(seq)].holder == target) return seq;
            }
            if (target == pkg.drawer) return 0;
        }
        revert NotOnChain(tokenId, target);
    }

    // A part, its status and its package, which must be in `required` status.
    function _partOfPackageIn(
        uint256 tokenId,
        PackageStatus required
    ) private view returns (Part storage part, uint8 status, uint256 packageId, Package storage pkg) {
        part = _parts[tokenId];
        status = part.status;
        packageId = PartId.wrap(tokenId).packageId();
        pkg = _packages[packageId];
        if (pkg.status != required) revert WrongPackageStatus(packageId, pkg.status);
    }

    function _beneficiary(
        uint256 tokenId,
        Part storage part,
        uint8 status
    ) private view returns (address owner, address beneficiary) {
        uint8 state = status & ~TAKEN_OVER;
        owner = PartStatus.isTakenOver(status) ? _takeovers[tokenId].owner : part.holder;
        if (state == HELD) beneficiary = owner;
        else if (state == PLEDGED) beneficiary = _pledgees[tokenId];
        else _wrongState(tokenId, status);
    }

    function _authorize(address holder, uint256 tokenId, uint256 amount) private {
        if (msg.sender == holder) return;
        if (!_operators[holder][msg.sender] && !_isApproved(holder, tokenId, msg.sender)) {
            uint256 allowed = _allowances[tokenId][msg.sender];
            if (allowed == 0 || !_grantHolds(holder, tokenId, _allowanceGrantors[tokenId][msg.sender])) {
                revert NotOwnerNorApproved(msg.sender, tokenId);
            }
            if (allowed < amount) revert InsufficientAllowance(tokenId, msg.sender, allowed, amount);
            if (allowed != type(uint256).max) {
                _allowances[tokenId][msg.sender] = allowed - amount;
                emit ApprovalValue(tokenId, msg.sender, allowed - amount);
            }
        }
        // An operator moves value for the holder, so it must be an active business participant itself: never a
        // regulator, the registry's admin or an unregistered service.
        _requireActive(msg.sender, HOLDER_ROLES);
    }

    // Whether `spender` is the token's approved address, by an approval its owner set or an operator set and still is.
    function _isApproved(address owner, uint256 tokenId, address spender) private view returns (bool) {
        if (spender == address(0) || _approvals[tokenId] != spender) return false;
        address grantor = _approvalGrantors[tokenId];
        return grantor == address(0) || _operators[owner][grantor];
    }

    // Whether a value allowance set by `grantor` (zero: the owner) still holds: its grantor is still approved.
    function _grantHolds(address owner, uint256 tokenId, address grantor) private view returns (bool) {
        return grantor == address(0) || _operators[owner][grantor] || _isApproved(owner, tokenId, grantor);
    }

    // Endorsers on the chain of a part of `tokenId`'s package whose parent is `parent`: the drawer, then each
    // ancestor's holder. Bounded by MAX_CHAIN_LENGTH, which no part can exceed.
    function _chainLength(uint256 tokenId, uint24 parent) private view returns (uint256 length) {
        PartId id = PartId.wrap(tokenId);
        length = 1;
        for (uint24 seq = parent; seq != 0; seq = _parts[id.sibling(seq)].parent) ++length;
    }

    // Whether `account` is party to the part: its holder, the claim's owner after a takeover, its pledgee, or its
    // endorser (who may withdraw an offer and is liable for it by recourse).
    function _isParty(uint256 tokenId, Part storage part, uint8 status, address account) private view returns (bool) {
        return
            account == part.holder ||
            account == _pledgees[tokenId] ||
            account == _holderAt(tokenId, part.parent) ||
            (PartStatus.isTakenOver(status) && account == _takeovers[tokenId].owner);
    }

    // ERC-3525: after value reaches a token owned by a contract that declares IERC3525Receiver (ERC-165), call it and
    // revert unless it accepts. Accounts without code, and contracts that do not declare it (including those whose
    // answer is empty or malformed: the check is ERC165Checker's bounded static call), receive silently.
    function _notifyReceiver(address receiver, uint256 fromTokenId, uint256 toTokenId, uint256 value) private {
        if (receiver.code.length == 0) return;
        if (!ERC165Checker.supportsERC165InterfaceUnchecked(receiver, type(IERC3525Receiver).interfaceId)) return;
        bytes4 answer = IERC3525Receiver(receiver).onERC3525Received(msg.sender, fromTokenId, toTokenId, value, "");
        if (answer != IERC3525Receiver.onERC3525Received.selector) revert TransferRejected(receiver, toTokenId);
    }

    function _ownerOf(uint256 tokenId) private view returns (address) {
        Part storage part = _parts[tokenId];
        uint8 status = part.status;
        if (!PartStatus.exists(status)) revert NonexistentPart(tokenId);
        return PartStatus.isTakenOver(status) ? _takeovers[tokenId].owner : part.holder;
    }

    // Settles a signed offer against the part it was taken from: who the value leaves, the drawer for a root part,
    // else the source part's holder, who must still be active. A frozen source's freeze covers the value it has on
    // offer, so that offer cannot be signed. The source stops counting the offer as pending.
    function _takeFromSource(uint256 tokenId, uint24 parent) private returns (address endorser) {
        uint256 sourceId = PartId.wrap(tokenId).sibling(parent);
        Part storage source = _parts[sourceId];
        if (PartStatus.isFrozen(source.status)) revert OfferSourceFrozen(tokenId, sourceId);
        endorser = source.holder;
        --source.offers;
        _requireActive(endorser, HOLDER_ROLES);
    }

    function _requireNoOffers(uint256 tokenId, Part storage part) private view {
        uint8 offers = part.offers;
        if (offers != 0) revert PendingOffers(tokenId, offers);
    }

    // The holder of part `seq` of `tokenId`'s package, the drawer for seq 0.
    function _holderAt(uint256 tokenId, uint24 seq) private view returns (address) {
        PartId id = PartId.wrap(tokenId);
        return seq == 0 ? _packages[id.packageId()].drawer : _parts[id.sibling(seq)].holder;
    }

    // An ERC-3525 value argument as a bill amount: one above 64 bits exceeds any part.
    function _amount(uint256 fromTokenId, uint256 value) private view returns (uint64) {
        if (value > type(uint64).max) revert InvalidAmount(value, _parts[fromTokenId].value);
        return uint64(value);
    }

    function _package(uint256 packageId) private view returns (Package storage pkg) {
        pkg = _packages[packageId];
        if (pkg.drawer == address(0)) revert UnknownPackage(packageId);
    }

    function _requireMovable(uint256 packageId, Package storage pkg) private view {
        PackageStatus status = pkg.status;
        if (status != PackageStatus.Active && status != PackageStatus.Funded) {
            revert WrongPackageStatus(packageId, status);
        }
        if (!(block.timestamp < pkg.maturity)) revert Matured(packageId, pkg.maturity);
    }

    function _requireTransferable(uint256 packageId, Package storage pkg) private view {
        _requireMovable(packageId, pkg);
        if (pkg.nonTransferable) revert NonTransferable(packageId);
    }

    function _requireActive(address account, uint32 roles) private view {
        if (!REGISTRY.isActive(account, roles)) revert NotActiveParticipant(account, roles);
    }

    function _quote(
        Package storage pkg,
        uint64 value,
        uint16 rateBps
    ) private view returns (uint256 price, uint256 daysLeft) {
        uint256 gross = uint256(value) * _unit(pkg.tokenDecimals);
        return Discount.quote(gross, rateBps, pkg.maturity, block.timestamp, DAY_LENGTH);
    }

    // Trade documents must be anchored and not revoked: a revoked record no longer vouches for the trade.
    function _requireValidEvidence(bytes32 evidenceId) private view {
        if (address(EVIDENCE) == address(0)) revert UnknownEvidence(evidenceId);
        IEvidenceRegistry.Verification memory evidence = EVIDENCE.verify(evidenceId);
        if (!evidence.exists) revert UnknownEvidence(evidenceId);
        if (evidence.revoked) revert EvidenceRevoked(evidenceId, evidence.revokedAt);
    }

    function _decimalsOf(address token) private view returns (uint8 decimals) {
        if (token.code.length == 0) revert InvalidSettlementToken(token);
        try IERC20Metadata(token).decimals() returns (uint8 d) {
            decimals = d;
        } catch {
            revert InvalidSettlementToken(token);
        }
        if (decimals < 2 || decimals > 30) revert InvalidSettlementToken(token);
    }

    // Answers the current call with `METADATA`'s answer to the same calldata (its functions mirror the metadata
    // functions here); never returns.
    function _forwardToMetadata() private view {
        address metadata = address(METADATA);
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, 0, calldatasize())
            let ok := staticcall(gas(), metadata, ptr, calldatasize(), 0, 0)
            returndatacopy(ptr, 0, returndatasize())
            if iszero(ok) {
                revert(ptr, returndatasize())
            }
            return(ptr, returndatasize())
        }
    }

    function _unit(uint8 decimals) private pure returns (uint256) {
        return 10 ** (decimals - 2);
    }

    /// @dev Nonces 0-191 live in bits 64-255 of the account slot (see `_accounts`); the rest of word 0 (nonces
    /// 192-255) and every other word stay in `UnorderedNonces`' bitmap.
    function _nonceWord(address owner, uint256 wordPos) internal view override returns (uint256 word) {
        word = super._nonceWord(owner, wordPos);
        if (wordPos == 0) word |= _accounts[owner] >> 64;
    }

    /// @dev See `_nonceWord`: word 0 is split between the account slot and the bitmap, which is written only when
    /// nonces 192-255 change.
    function _setNonceWord(address owner, uint256 wordPos, uint256 word) internal override {
        if (wordPos != 0) return super._setNonceWord(owner, wordPos, word);
        _accounts[owner] = uint64(_accounts[owner]) | (word << 64);
        uint256 high = (word >> 192) << 192;
        if (high != super._nonceWord(owner, 0)) super._setNonceWord(owner, 0, high);
    }

    // One revert site per common error keeps the code small.
    function _wrongState(uint256 tokenId, uint8 status) private pure {
        revert WrongPartState(tokenId, PartStatus.state(status), PartStatus.isFrozen(status));
    }

    function _unauthorized(address expected) private view {
        revert Unauthorized(msg.sender, expected);
    }

    function _invalidCounterparty(address counterparty) private pure {
        revert InvalidCounterparty(counterparty);
    }
}
