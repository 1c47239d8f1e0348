// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

import {BPS, MAX_ALGORITHM as MAX_ALGORITHM_ID} from "../common/Constants.sol";
import {ExactTransfer} from "../common/libraries/ExactTransfer.sol";
import {ICopyrightRegistry} from "./ICopyrightRegistry.sol";

/// @title CopyrightRegistry
/// @notice Copyright registration (ERC-721 works keyed by content digest), commit-reveal priority, gasless
/// registration, hash-identified license terms, licensing with exclusivity and pull-payment fee splits,
/// derivatives, evidence-backed disputes with arbitration, EIP-2981 royalties.
contract CopyrightRegistry is ICopyrightRegistry, IERC2981, ERC721, AccessControl, Pausable {
    using SafeERC20 for IERC20;
    using ExactTransfer for IERC20;

    /// @notice Role that enforces dispute rulings and unfreezes works: the `CopyrightDisputes` contract.
    bytes32 public constant RULING_ROLE = keccak256("RULING_ROLE");
    /// @notice Role that pauses and unpauses.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Role that registers works for creators who signed a request: the `CopyrightRelay` contract.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    /// @notice Role that grants and revokes `RULING_ROLE` and `REGISTRAR_ROLE`. The deploying account holds it to wire
    /// the disputes and relay contracts, then renounces it; the admin (its role admin) can take it to rewire them, and
    /// so can take any work through `RULING_ROLE`: the admin should be a multisig or a timelock.
    bytes32 public constant SETUP_ROLE = keccak256("SETUP_ROLE");
    /// @notice Time allowed between a commit and its reveal, in the chain's time unit (seconds; milliseconds on
    /// FISCO BCOS), not counting the time the registry is paused.
    uint64 public immutable REVEAL_WINDOW;
    /// @notice Highest algorithm termsId (as in the evidence suite: `contracts/common/Constants.sol`).
    uint8 public constant MAX_ALGORITHM = MAX_ALGORITHM_ID;
    /// @notice Most authors per work; bounds the fee-split loop.
    uint256 public constant MAX_AUTHORS = 16;
    /// @notice Most parents per derivative.
    uint256 public constant MAX_PARENTS = 8;
    /// @notice Most terms per work and epoch; bounds the exclusivity scan.
    uint256 public constant MAX_TERMS_PER_WORK = 16;

    uint8 private constant WORK_FROZEN = 1;
    uint8 private constant WORK_DERIVATIVE = 2;
    uint8 private constant WORK_SETTLED_BY_RULING = 4;
    uint8 private constant TERMS_REGISTERED = 1;
    uint8 private constant TERMS_COMMERCIAL = 2;
    uint8 private constant TERMS_DERIVATIVES = 4;
    uint8 private constant TERMS_EXCLUSIVE = 8;
    uint8 private constant TERMS_SUBLICENSABLE = 16;
    uint8 private constant ATTACHED_ENABLED = 1;
    uint8 private constant ATTACHED_DISABLED = 2;

    /// @dev A commitment's time and the registry's paused-time total then, in one slot (written once per commit): its
    /// reveal window is extended by the time the registry has been paused since.
    struct Commitment {
        uint48 committedAt;
        uint48 pausedTotal;
    }

    /// @dev One slot, written once per registration: a 192-bit payees hash leaves room for a uint48 time (enough
    /// for milliseconds until the year 10889) and the flags, so `registerWork` writes three new slots (owner,
    /// balance, record).
    struct Work {
        bytes24 authorsHash;
        uint48 priorityTime;
        uint8 algorithm;
        uint8 flags;
    }

    /// @dev A work's second slot, which registration writes only once the registry has ever been paused. The epoch keys
    /// the work's licenses, attachments, terms list and locks (see `_epochKey`): a takeover increments it, voiding them
    /// all, and zeroes the EIP-2981 rate. A derivative's registrant is the licensee whose parent licenses cap the
    /// derivative's licenses. `settleClock` is the registry's paused-time total when the work's priority began (its
    /// settlement moves by the time paused since, as reveal windows do) or, once `WORK_SETTLED_BY_RULING` is set, the
    /// time a ruling settled it. Packing: 32 + 16 + 160 + 48 bits, one slot.
    struct Rights {
        uint32 epoch;
        uint16 royaltyBps;
        address parentLicensee;
        uint48 settleClock;
    }

    /// @dev Slot 0 is what a payment needs (currency, fee), slot 1 what issuing needs; uint96 fees cover 7.9e28.
    struct StoredTerms {
        address currency;
        uint96 fee;
        uint64 duration;
        uint16 royaltyBps;
        uint8 flags;
        bytes32 territory;
    }

    /// @dev One slot per work and terms: whether they are on sale and the latest end of any license on them, which
    /// the exclusivity scan reads without touching the licenses.
    struct Attachment {
        uint8 state;
        uint64 licensedUntil;
    }

    /// @dev Exclusive-license lock of a territory. `anyUntil` is kept only on the worldwide entry (territory 0): the
    /// latest end of any exclusive license on the work, which a worldwide request must respect.
    struct Lock {
        uint64 until;
        uint64 anyUntil;
    }

    // While not paused, the total time the registry has spent paused; while paused, the time it had run unpaused when
    // the pause began (now minus that total). Each pause and unpause flips one into the other (`_flipPauseClock`).
    // Declared first, so it shares Pausable's `_paused` slot, which `whenNotPaused` has read before commit and reveal
    // read it.
    uint48 private _pauseClock;
    mapping(uint256 workId => Work) private _works;
    mapping(uint256 workId => Rights) private _rights;
    /// @dev A derivative's parents, the terms of its registrant's license on each (zero where it owned the parent) and
    /// each parent's epoch then (32 bits per parent, in parent order; zero, so never written, unless a parent was
    /// taken over before): its license cap is recomputed from those licenses, so it follows renewals, and a takeover
    /// of a parent voids the link. Read only while `WORK_DERIVATIVE` is set.
    mapping(uint256 workId => uint256[]) private _parents;
    mapping(uint256 workId => bytes32[]) private _parentTerms;
    mapping(uint256 workId => uint256) private _parentEpochs;
    mapping(bytes32 commitment => Commitment) private _commitments;
    mapping(bytes32 termsId => StoredTerms) private _terms;
    // Keyed by the work's epoch (`_epochKey`: work termsId and epoch, hashed), so a takeover leaves them all behind.
    mapping(bytes32 epochKey => bytes32[]) private _workTerms;
    mapping(bytes32 epochKey => mapping(bytes32 termsId => Attachment)) private _attachments;
    mapping(bytes32 epochKey => mapping(bytes32 territory => Lock)) private _locks;
    mapping(bytes32 epochKey => mapping(address licensee => mapping(bytes32 termsId => License))) private _licenses;
    mapping(address account => mapping(address currency => uint256)) private _credits;
    string private _baseTokenURI;

    /// @param admin Holder of the admin role (the role admin of the pauser and setup roles).
    /// @param pauser Holder of the pauser role.
    /// @param revealWindow Time allowed between a commit and its reveal, in the chain's time unit.
    /// @dev The deploying account gets `SETUP_ROLE` to grant the ruling and registrar roles; it renounces it after.
    constructor(address admin, address pauser, uint64 revealWindow) ERC721("Copyright Works", "WORK") {
        REVEAL_WINDOW = revealWindow;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, pauser);
        _grantRole(SETUP_ROLE, msg.sender);
        _setRoleAdmin(RULING_ROLE, SETUP_ROLE);
        _setRoleAdmin(REGISTRAR_ROLE, SETUP_ROLE);
    }

    // ---------------------------------------------------------------- registration

    /// @inheritdoc ICopyrightRegistry
    function registerWork(
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        Author[] calldata authors
    ) external whenNotPaused returns (uint256 workId) {
        workId = _register(digest, algorithm, uri, authors, msg.sender, uint64(block.timestamp), false);
        _recordPauseClock(workId);
    }

    /// @inheritdoc ICopyrightRegistry
    function registerWorkFor(
        address creator,
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        Author[] calldata authors
    ) external onlyRole(REGISTRAR_ROLE) whenNotPaused returns (uint256 workId) {
        workId = _register(digest, algorithm, uri, authors, creator, uint64(block.timestamp), false);
        _recordPauseClock(workId);
    }

    /// @inheritdoc ICopyrightRegistry
    function commit(bytes32 commitment) external whenNotPaused {
        Commitment storage stored = _commitments[commitment];
        (uint48 committedAt, uint48 pausedBefore) = (stored.committedAt, stored.pausedTotal);
        // An expired commitment can no longer be revealed, so it may be made again.
        if (committedAt != 0 && block.timestamp <= _revealDeadline(committedAt, pausedBefore)) {
            revert CommitmentExists(commitment, committedAt);
        }
        _commitments[commitment] = Commitment(uint48(block.timestamp), _pauseClock);
        emit Committed(commitment, msg.sender);
    }

    /// @inheritdoc ICopyrightRegistry
    function revealWork(
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        Author[] calldata authors,
        bytes32 salt
    ) external whenNotPaused returns (uint256 workId) {
        bytes32 commitment = keccak256(abi.encode(digest, salt, msg.sender));
        Commitment storage stored = _commitments[commitment];
        (uint48 committedAt, uint48 pausedBefore) = (stored.committedAt, stored.pausedTotal);
        if (committedAt == 0) revert CommitmentNotFound(commitment);
        uint256 deadline = _revealDeadline(committedAt, pausedBefore);
        if (block.timestamp > deadline) revert CommitmentExpired(commitment, uint64(deadline));
        delete _commitments[commitment];
        workId = _register(digest, algorithm, uri, authors, msg.sender, committedAt, true);
        // The work's settlement counts pauses from its priority time: the commit's. A takeover overwrites the previous
        // holder's clock, even with zero.
        Rights storage rights = _rights[workId];
        if (pausedBefore != 0 || rights.settleClock != 0) rights.settleClock = pausedBefore;
    }

    /// @inheritdoc ICopyrightRegistry
    function registerDerivative(
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        Author[] calldata authors,
        uint256[] calldata parents,
        bytes32[] calldata parentTerms
    ) external whenNotPaused returns (uint256 workId) {
        workId = _register(digest, algorithm, uri, authors, msg.sender, uint64(block.timestamp), false);
        _recordPauseClock(workId);
        _works[workId].flags = WORK_DERIVATIVE;
        _linkParents(workId, parents, parentTerms);
    }

    // ---------------------------------------------------------------- terms

    /// @inheritdoc ICopyrightRegistry
    /// @dev Decoded into memory: 228 bytes less code than reading calldata field by field (the registry is near the
    /// code-size limit), for a call made once per set of terms.
    // solhint-disable-next-line gas-calldata-parameters
    function registerTerms(Terms memory terms) external whenNotPaused returns (bytes32 termsId) {
        termsId = keccak256(abi.encode(terms));
        if (_terms[termsId].flags != 0) return termsId;
        if (terms.royaltyBps > BPS) revert InvalidRoyalty(terms.royaltyBps);
        uint8 flags = TERMS_REGISTERED;
        if (terms.commercialUse) flags |= TERMS_COMMERCIAL;
        if (terms.derivativesAllowed) flags |= TERMS_DERIVATIVES;
        if (terms.exclusive) flags |= TERMS_EXCLUSIVE;
        if (terms.sublicensable) flags |= TERMS_SUBLICENSABLE;
        _terms[termsId] = StoredTerms({
            currency: terms.currency,
            fee: terms.fee,
            duration: terms.duration,
            royaltyBps: terms.royaltyBps,
            flags: flags,
            territory: terms.territory
        });
        emit TermsRegistered(termsId, terms);
    }

    /// @inheritdoc ICopyrightRegistry
    function attachTerms(uint256 workId, bytes32 termsId) external whenNotPaused {
        _requireOwner(workId);
        _liveWork(workId);
        if (_terms[termsId].flags == 0) revert TermsNotFound(termsId);
        bytes32 epochKey = _epochKey(workId);
        Attachment storage attachment = _attachments[epochKey][termsId];
        uint8 state = attachment.state;
        if (state == ATTACHED_ENABLED) revert TermsAlreadyAttached(workId, termsId);
        if (state == 0) _trackTerms(workId, epochKey, termsId);
        attachment.state = ATTACHED_ENABLED;
        emit TermsAttached(workId, termsId);
    }

    /// @inheritdoc ICopyrightRegistry
    function disableTerms(uint256 workId, bytes32 termsId) external {
        _requireOwner(workId);
        Attachment storage attachment = _attachments[_epochKey(workId)][termsId];
        if (attachment.state != ATTACHED_ENABLED) revert TermsNotAttached(workId, termsId);
        attachment.state = ATTACHED_DISABLED;
        emit TermsDisabled(workId, termsId);
    }

    // ---------------------------------------------------------------- licensing

    /// @inheritdoc ICopyrightRegistry
    function purchaseLicense(
        uint256 workId,
        bytes32 termsId,
        uint256 maxFee,
        Author[] calldata authors
    ) external payable whenNotPaused {
        Work memory work = _liveWork(workId);
        bytes32 epochKey = _epochKey(workId);
        Attachment storage attachment = _attachments[epochKey][termsId];
        if (attachment.state != ATTACHED_ENABLED) revert TermsNotAttached(workId, termsId);
        StoredTerms storage terms = _terms[termsId];
        address currency = terms.currency;
        uint256 fee = terms.fee;
        if (fee > maxFee) revert FeeExceedsMax(fee, maxFee);
        _requireAuthors(workId, work.authorsHash, authors);

        (uint64 start, uint64 end) = _issue(workId, epochKey, work.flags, termsId, attachment, msg.sender);
        emit LicenseIssued(workId, msg.sender, termsId, start, end, fee);
        if (fee != 0) _split(workId, authors, currency, fee);
        _collect(currency, fee);
    }

    /// @inheritdoc ICopyrightRegistry
    function grantLicense(uint256 workId, bytes32 termsId, address licensee) external whenNotPaused {
        _requireOwner(workId);
        if (licensee == address(0)) revert InvalidLicensee(licensee);
        Work memory work = _liveWork(workId);
        if (_terms[termsId].flags == 0) revert TermsNotFound(termsId);
        bytes32 epochKey = _epochKey(workId);
        Attachment storage attachment = _attachments[epochKey][termsId];
        if (attachment.state == 0) {
            _trackTerms(workId, epochKey, termsId);
            attachment.state = ATTACHED_DISABLED;
        }
        (uint64 start, uint64 end) = _issue(workId, epochKey, work.flags, termsId, attachment, licensee);
        emit LicenseIssued(workId, licensee, termsId, start, end, 0);
    }

    /// @inheritdoc ICopyrightRegistry
    function sublicense(uint256 workId, bytes32 termsId, address sublicensee) external whenNotPaused {
        if (sublicensee == address(0) || sublicensee == msg.sender) revert InvalidLicensee(sublicensee);
        Work memory work = _liveWork(workId);
        if (_terms[termsId].flags & TERMS_SUBLICENSABLE == 0) revert NotSublicensable(termsId);
        mapping(address licensee => mapping(bytes32 termsId => License)) storage licenses = _licenses[
            _epochKey(workId)
        ];
        License storage own = licenses[msg.sender][termsId];
        uint64 ownEnd = own.end;
        if (ownEnd <= block.timestamp) revert NotLicensed(workId, msg.sender, termsId);
        // One level only: the owner's licensees answer for their sublicensees, who cannot pass the right on.
        if (own.sublicensed) revert SublicenseeCannotSublicense(workId, msg.sender, termsId);
        uint64 current = licenses[sublicensee][termsId].end;
        if (current > block.timestamp) revert AlreadyLicensed(workId, sublicensee, termsId, current);
        // Ending with the licensor's own license, or sooner under a derivative's cap, keeps every tracked end (and so
        // exclusivity) valid.
        uint64 end = _licenseEnd(workId, work.flags, ownEnd);
        uint64 start = uint64(block.timestamp);
        licenses[sublicensee][termsId] = License({start: start, end: end, sublicensed: true});
        emit Sublicensed(workId, msg.sender, sublicensee, termsId);
        emit LicenseIssued(workId, sublicensee, termsId, start, end, 0);
    }

    /// @inheritdoc ICopyrightRegistry
    function withdraw(address currency) external {
        uint256 amount = _credits[msg.sender][currency];
        if (amount == 0) revert NothingToWithdraw(msg.sender, currency);
        _credits[msg.sender][currency] = 0;
        emit Withdrawn(msg.sender, currency, amount);
        if (currency == address(0)) {
            (bool ok, ) = msg.sender.call{value: amount}("");
            if (!ok) revert NativeTransferFailed(msg.sender, amount);
        } else {
            IERC20(currency).safeTransfer(msg.sender, amount);
        }
    }

    /// @inheritdoc ICopyrightRegistry
    function payRevenue(
        uint256 workId,
        address currency,
        uint256 amount,
        Author[] calldata authors,
        Author[][] calldata parentAuthors
    ) external payable whenNotPaused {
        Work memory work = _liveWork(workId);
        _requireAuthors(workId, work.authorsHash, authors);
        uint256 royalties = _payRoyalties(workId, work.flags, currency, amount, parentAuthors);
        if (amount != royalties) _split(workId, authors, currency, amount - royalties);
        emit RevenuePaid(workId, msg.sender, currency, amount, royalties);
        _collect(currency, amount);
    }

    // ---------------------------------------------------------------- rulings

    /// @inheritdoc ICopyrightRegistry
    function enforceRuling(uint256 workId, uint256 disputeId, address rightfulOwner) external onlyRole(RULING_ROLE) {
        Work storage work = _works[workId];
        if (work.priorityTime == 0) revert WorkNotFound(workId);
        if (rightfulOwner != address(0)) {
            // The ruling moves the work even if an earlier ruling froze it; it ends frozen either way. What the
            // previous holder attached goes with its epoch: its derivative flag (so its parent links, read only while
            // flagged), as a reveal takeover clears them.
            uint8 flags = work.flags;
            work.flags = flags & ~(WORK_FROZEN | WORK_DERIVATIVE);
            _update(rightfulOwner, workId, address(0));
            _assignPayee(workId, rightfulOwner);
            _startNewEpoch(workId);
            // The award is final: no reveal can take the work over from now on.
            if (block.timestamp < _settledAt(workId, flags, work.priorityTime)) {
                _rights[workId].settleClock = uint48(block.timestamp);
                work.flags |= WORK_SETTLED_BY_RULING;
                emit WorkSettled(workId, disputeId);
            }
        }
        work.flags |= WORK_FROZEN;
        emit WorkFrozen(workId, disputeId, rightfulOwner);
    }

    /// @inheritdoc ICopyrightRegistry
    function unfreeze(uint256 workId) external onlyRole(RULING_ROLE) {
        Work storage work = _works[workId];
        if (work.flags & WORK_FROZEN == 0) revert NotFrozen(workId);
        work.flags &= ~WORK_FROZEN;
        emit WorkUnfrozen(workId);
    }

    // ---------------------------------------------------------------- administration

    /// @inheritdoc ICopyrightRegistry
    function setWorkRoyalty(uint256 workId, uint16 bps) external whenNotPaused {
        _requireOwner(workId);
        _liveWork(workId);
        if (bps > BPS) revert InvalidRoyalty(bps);
        _rights[workId].royaltyBps = bps;
        emit WorkRoyaltySet(workId, bps);
    }

    /// @inheritdoc ICopyrightRegistry
    function setBaseURI(string calldata baseURI) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _baseTokenURI = baseURI;
        emit BaseURISet(baseURI);
    }

    /// @inheritdoc ICopyrightRegistry
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
        _flipPauseClock();
    }

    /// @inheritdoc ICopyrightRegistry
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
        _flipPauseClock();
    }

    /// @notice ERC-721 transfer (also behind both `safeTransferFrom`): assigns the copyright, so the new holder becomes
    /// the work's sole payee (`PayeeSet`). Licenses on the work stay valid. Frozen works cannot move. Check `isSettled`
    /// before buying one: until then a reveal of an earlier commitment could still take it over. A transfer to the
    /// holder itself assigns nothing: the payees stay as they are.
    /// @param from The holder.
    /// @param to The new holder.
    /// @param tokenId The work.
    function transferFrom(address from, address to, uint256 tokenId) public override {
        super.transferFrom(from, to, tokenId);
        // Else a holder could make itself sole payee, cutting its co-authors out, without assigning anything.
        if (from != to) _assignPayee(tokenId, to);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ICopyrightRegistry
    function isLicensed(uint256 workId, address account, bytes32 termsId) external view returns (bool) {
        if (_works[workId].priorityTime == 0) return false;
        if (_ownerOf(workId) == account) return true;
        return _licenses[_epochKey(workId)][account][termsId].end > block.timestamp;
    }

    /// @inheritdoc ICopyrightRegistry
    function getLicense(uint256 workId, address licensee, bytes32 termsId) external view returns (License memory) {
        return _licenses[_epochKey(workId)][licensee][termsId];
    }

    /// @inheritdoc ICopyrightRegistry
    function exists(uint256 workId) external view returns (bool) {
        return _works[workId].priorityTime != 0;
    }

    /// @inheritdoc ICopyrightRegistry
    function getWork(uint256 workId) external view returns (WorkInfo memory info) {
        Work memory work = _works[workId];
        if (work.priorityTime == 0) revert WorkNotFound(workId);
        info.owner = _ownerOf(workId);
        info.authorsHash = work.authorsHash;
        info.priorityTime = work.priorityTime;
        info.algorithm = work.algorithm;
        info.frozen = work.flags & WORK_FROZEN != 0;
        if (work.flags & WORK_DERIVATIVE != 0) {
            info.parents = _parents[workId];
            info.parentLicenseUntil = _parentLicenseUntil(workId);
        }
    }

    /// @inheritdoc ICopyrightRegistry
    function isSettled(uint256 workId) external view returns (bool) {
        Work storage work = _works[workId];
        uint64 priorityTime = work.priorityTime;
        return priorityTime != 0 && block.timestamp >= _settledAt(workId, work.flags, priorityTime);
    }

    /// @inheritdoc ICopyrightRegistry
    function settledAt(uint256 workId) external view returns (uint64) {
        Work storage work = _works[workId];
        uint64 priorityTime = work.priorityTime;
        if (priorityTime == 0) revert WorkNotFound(workId);
        return _settledAt(workId, work.flags, priorityTime);
    }

    /// @inheritdoc ICopyrightRegistry
    function getTerms(bytes32 termsId) external view returns (Terms memory terms) {
        StoredTerms storage stored = _terms[termsId];
        uint8 flags = stored.flags;
        if (flags == 0) revert TermsNotFound(termsId);
        terms.commercialUse = flags & TERMS_COMMERCIAL != 0;
        terms.derivativesAllowed = flags & TERMS_DERIVATIVES != 0;
        terms.exclusive = flags & TERMS_EXCLUSIVE != 0;
        terms.sublicensable = flags & TERMS_SUBLICENSABLE != 0;
        terms.duration = stored.duration;
        terms.territory = stored.territory;
        terms.currency = stored.currency;
        terms.fee = stored.fee;
        terms.royaltyBps = stored.royaltyBps;
    }

    /// @inheritdoc ICopyrightRegistry
    function getWorkTerms(uint256 workId) external view returns (bytes32[] memory ids, bool[] memory enabled) {
        bytes32 epochKey = _epochKey(workId);
        ids = _workTerms[epochKey];
        enabled = new bool[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            enabled[i] = _attachments[epochKey][ids[i]].state == ATTACHED_ENABLED;
        }
    }

    /// @inheritdoc ICopyrightRegistry
    function commitmentTime(bytes32 commitment) external view returns (uint64) {
        return _commitments[commitment].committedAt;
    }

    /// @inheritdoc ICopyrightRegistry
    function creditOf(address account, address currency) external view returns (uint256) {
        return _credits[account][currency];
    }

    /// @notice EIP-2981: the royalty goes to the current copyright holder, at the rate its owner set.
    /// @param tokenId The work.
    /// @param salePrice The sale price.
    /// @return receiver The work's owner.
    /// @return royaltyAmount `salePrice` times the work's royalty rate.
    function royaltyInfo(
        uint256 tokenId,
        uint256 salePrice
    ) external view returns (address receiver, uint256 royaltyAmount) {
        return (_ownerOf(tokenId), (salePrice * _rights[tokenId].royaltyBps) / BPS);
    }

    /// @notice ERC-165: ERC-721, ERC-2981, AccessControl.
    /// @param interfaceId The interface termsId.
    /// @return Whether the interface is supported.
    function supportsInterface(bytes4 interfaceId) public view override(IERC165, ERC721, AccessControl) returns (bool) {
        return interfaceId == type(IERC2981).interfaceId || super.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------- internals

    function _register(
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        Author[] calldata authors,
        address owner,
        uint64 priorityTime,
        bool revealed
    ) private returns (uint256 workId) {
        if (digest == bytes32(0)) revert ZeroDigest();
        if (algorithm == 0 || algorithm > MAX_ALGORITHM) revert UnknownAlgorithm(algorithm);
        bytes24 authorsHash = _authorsHash(authors);
        workId = uint256(digest);
        Work storage work = _works[workId];
        uint64 existingTime = work.priorityTime;
        if (existingTime == 0) {
            _works[workId] = Work(authorsHash, uint48(priorityTime), algorithm, 0);
            _mint(owner, workId);
        } else {
            address holder = _ownerOf(workId);
            // Only a reveal whose commit predates the registration displaces it: that registration copied the
            // digest after the commit. Balances it was credited stay; what it set up does not.
            if (!revealed || existingTime <= priorityTime) {
                revert WorkAlreadyRegistered(workId, holder, existingTime);
            }
            if (work.flags & WORK_FROZEN != 0) revert Frozen(workId);
            // A ruling that awarded the work settled its priority for good.
            if (work.flags & WORK_SETTLED_BY_RULING != 0) revert PrioritySettled(workId, _rights[workId].settleClock);
            // Clearing the flags drops the derivative's parent links (their storage is read only while flagged).
            _works[workId] = Work(authorsHash, uint48(priorityTime), algorithm, 0);
            _update(owner, workId, address(0));
            _startNewEpoch(workId);
            emit PriorityClaimed(workId, holder, owner, priorityTime);
        }
        emit WorkRegistered(workId, owner, algorithm, priorityTime, uri, authors);
    }

    /// @dev The reveal window counts unpaused time only: it ends `REVEAL_WINDOW` after the commit plus the time paused
    /// since. Read only while not paused (commits and reveals are refused then), so every such pause has ended.
    function _revealDeadline(uint256 committedAt, uint256 pausedBefore) private view returns (uint256) {
        return committedAt + REVEAL_WINDOW + (_pauseClock - pausedBefore);
    }

    /// @dev At a pause, total paused `p` becomes `now - p`; at the unpause, `now - (start - p)` is `p` plus the pause's
    /// length. Neither underflows: the time paused is part of the time elapsed.
    function _flipPauseClock() private {
        unchecked {
            _pauseClock = uint48(block.timestamp) - _pauseClock;
        }
    }

    /// @dev Records the registry's paused-time total at a direct registration (priority now), from which the work's
    /// settlement counts pauses. Zero (never paused) is what a new work's slot holds: no second slot is written then.
    function _recordPauseClock(uint256 workId) private {
        uint48 clock = _pauseClock;
        if (clock != 0) _rights[workId].settleClock = clock;
    }

    /// @dev When the work is settled: once a ruling settled it, that time; else the first time after every reveal
    /// window that could take it over. Such a commit predates the priority time `t` and was made unpaused, so its
    /// window ends by `t + REVEAL_WINDOW` plus the time paused since `t` (pauses before `t` moved `t` as much as the
    /// window): settled one unit after that. While paused, the paused-time total grows with the clock (see
    /// `_flipPauseClock`).
    function _settledAt(uint256 workId, uint8 flags, uint64 priorityTime) private view returns (uint64) {
        uint48 clock = _rights[workId].settleClock;
        if (flags & WORK_SETTLED_BY_RULING != 0) return clock;
        uint256 pausedTotal = paused() ? block.timestamp - _pauseClock : _pauseClock;
        return uint64(priorityTime + REVEAL_WINDOW + (pausedTotal - clock) + 1);
    }

    function _authorsHash(Author[] calldata authors) private pure returns (bytes24) {
        uint256 count = authors.length;
        if (count == 0 || count > MAX_AUTHORS) revert InvalidAuthorCount(count, MAX_AUTHORS);
        uint256 total;
        for (uint256 i; i < count; ++i) {
            address account = authors[i].account;
            uint16 shares = authors[i].shares;
            if (account == address(0) || shares == 0) revert InvalidAuthor(account, shares);
            for (uint256 j; j < i; ++j) {
                if (authors[j].account == account) revert DuplicateAuthor(account);
            }
            total += shares;
        }
        if (total != BPS) revert InvalidShareTotal(total);
        return bytes24(keccak256(abi.encode(authors)));
    }

    function _requireAuthors(uint256 workId, bytes24 stored, Author[] calldata authors) private pure {
        bytes24 given = bytes24(keccak256(abi.encode(authors)));
        if (given != stored) revert AuthorsMismatch(workId, stored, given);
    }

    /// @dev Checks and records a derivative's parents, with the terms of the caller's license on each (zero where it
    /// owns the parent).
    function _linkParents(uint256 workId, uint256[] calldata parents, bytes32[] calldata parentTerms) private {
        uint256 count = parents.length;
        if (count == 0 || count > MAX_PARENTS) revert InvalidParentCount(count, MAX_PARENTS);
        if (parentTerms.length != count) revert LengthMismatch(count, parentTerms.length);
        uint256[] storage links = _parents[workId];
        bytes32[] storage linkTerms = _parentTerms[workId];
        uint256 total;
        uint256 epochs;
        for (uint256 i; i < count; ++i) {
            uint256 parent = parents[i];
            if (parent == workId) revert ParentIsItself(workId);
            for (uint256 j; j < i; ++j) {
                if (parents[j] == parent) revert DuplicateParent(parent);
            }
            _liveWork(parent);
            epochs |= uint256(_rights[parent].epoch) << (32 * i);
            bytes32 termsId;
            if (_ownerOf(parent) != msg.sender) {
                termsId = parentTerms[i];
                if (_terms[termsId].flags & TERMS_DERIVATIVES == 0) revert DerivativesNotAllowed(parent, termsId);
                if (_licenses[_epochKey(parent)][msg.sender][termsId].end <= block.timestamp) {
                    revert NotLicensed(parent, msg.sender, termsId);
                }
                total += _terms[termsId].royaltyBps;
            }
            links.push(parent);
            linkTerms.push(termsId);
            emit DerivativeRegistered(workId, parent, termsId);
        }
        if (total > BPS) revert RoyaltiesExceedRevenue(total);
        if (epochs != 0) _parentEpochs[workId] = epochs;
        _rights[workId].parentLicensee = msg.sender;
    }

    /// @dev When the first of a derivative's parent licenses ends: its registrant's, as renewed; 0 once a parent was
    /// taken over since the registration (whether the registrant licensed or owned it); `type(uint64).max` if it
    /// owned every parent.
    function _parentLicenseUntil(uint256 workId) private view returns (uint64 until) {
        until = type(uint64).max;
        uint256[] storage parents = _parents[workId];
        bytes32[] storage parentTermsIds = _parentTerms[workId];
        uint256 epochs = _parentEpochs[workId];
        address licensee = _rights[workId].parentLicensee;
        for (uint256 i; i < parents.length; ++i) {
            uint256 parent = parents[i];
            if (_rights[parent].epoch != uint32(epochs >> (32 * i))) return 0;
            bytes32 termsId = parentTermsIds[i];
            if (termsId == bytes32(0)) continue;
            uint64 end = _licenses[_epochKey(parent)][licensee][termsId].end;
            if (end < until) until = end;
        }
    }

    /// @dev Issues or renews `licensee`'s license, enforcing exclusivity and the derivative cap.
    function _issue(
        uint256 workId,
        bytes32 epochKey,
        uint8 workFlags,
        bytes32 termsId,
        Attachment storage attachment,
        address licensee
    ) private returns (uint64 start, uint64 end) {
        StoredTerms storage terms = _terms[termsId];
        License memory current = _licenses[epochKey][licensee][termsId];
        bool exclusive = terms.flags & TERMS_EXCLUSIVE != 0;
        bool running = current.end > block.timestamp;
        // The running exclusive licensee may renew: nothing else can overlap their license.
        if (!(exclusive && running && !current.sublicensed)) _checkExclusivity(workId, epochKey, terms, exclusive);
        start = running ? current.start : uint64(block.timestamp);
        uint64 duration = terms.duration;
        uint256 requestedEnd = duration == 0 ? type(uint64).max : (running ? current.end : block.timestamp) + duration;
        end = _licenseEnd(workId, workFlags, requestedEnd);
        // A renewal that adds no time (perpetual terms bought again, or a derivative's license at its parents' cap)
        // would charge the full fee for nothing.
        if (running && end <= current.end) revert RenewalCannotExtend(workId, licensee, termsId, current.end);
        _licenses[epochKey][licensee][termsId] = License({start: start, end: end, sublicensed: false});
        if (end > attachment.licensedUntil) attachment.licensedUntil = end;
        if (exclusive) _lock(epochKey, terms.territory, end);
    }

    /// @dev `requestedEnd`, at most perpetual and capped by a derivative's parent licenses (reverting once they ended).
    function _licenseEnd(uint256 workId, uint8 workFlags, uint256 requestedEnd) private view returns (uint64) {
        if (requestedEnd > type(uint64).max) requestedEnd = type(uint64).max;
        if (workFlags & WORK_DERIVATIVE != 0) {
            uint64 cap = _parentLicenseUntil(workId);
            if (cap <= block.timestamp) revert ParentLicenseExpired(workId, cap);
            if (requestedEnd > cap) requestedEnd = cap;
        }
        return uint64(requestedEnd);
    }

    function _lock(bytes32 epochKey, bytes32 territory, uint64 end) private {
        Lock storage lock = _locks[epochKey][territory];
        if (end > lock.until) lock.until = end;
        Lock storage worldwide = territory == bytes32(0) ? lock : _locks[epochKey][bytes32(0)];
        if (end > worldwide.anyUntil) worldwide.anyUntil = end;
    }

    /// @dev Reverts if an exclusive license overlaps the terms' territory now or, for an exclusive request, if any
    /// license overlaps it. The territory is read only when an exclusive license runs or is requested: most sales
    /// skip that slot.
    function _checkExclusivity(
        uint256 workId,
        bytes32 epochKey,
        StoredTerms storage terms,
        bool exclusive
    ) private view {
        Lock memory worldwide = _locks[epochKey][bytes32(0)];
        bytes32 territory;
        if (worldwide.anyUntil > block.timestamp) {
            territory = terms.territory;
            if (territory == bytes32(0)) revert ExclusiveLicenseActive(workId, 0, worldwide.anyUntil);
            if (worldwide.until > block.timestamp) revert ExclusiveLicenseActive(workId, 0, worldwide.until);
            uint64 until = _locks[epochKey][territory].until;
            if (until > block.timestamp) revert ExclusiveLicenseActive(workId, territory, until);
        }
        if (!exclusive) return;
        territory = terms.territory;
        bytes32[] storage ids = _workTerms[epochKey];
        uint256 count = ids.length;
        for (uint256 i; i < count; ++i) {
            bytes32 other = ids[i];
            uint64 licensedUntil = _attachments[epochKey][other].licensedUntil;
            if (licensedUntil <= block.timestamp) continue;
            bytes32 otherTerritory = _terms[other].territory;
            if (territory == bytes32(0) || otherTerritory == bytes32(0) || otherTerritory == territory) {
                revert LicenseOverlap(workId, other, licensedUntil);
            }
        }
    }

    function _trackTerms(uint256 workId, bytes32 epochKey, bytes32 termsId) private {
        bytes32[] storage ids = _workTerms[epochKey];
        if (ids.length == MAX_TERMS_PER_WORK) revert TooManyTerms(workId, MAX_TERMS_PER_WORK);
        ids.push(termsId);
    }

    /// @dev Takes `amount` from the caller: exactly that in native coin, or that many ERC-20 units actually received
    /// (a fee-on-transfer or rebasing token would leave the credits unbacked, so it is refused).
    function _collect(address currency, uint256 amount) private {
        if (currency == address(0)) {
            if (msg.value != amount) revert IncorrectPayment(msg.value, amount);
            return;
        }
        if (msg.value != 0) revert IncorrectPayment(msg.value, 0);
        if (amount == 0) return;
        IERC20(currency).safeTransferFromExact(msg.sender, address(this), amount);
    }

    /// @dev Credits each parent's payees the royalty rate of the derivative's license terms on it; returns the total.
    function _payRoyalties(
        uint256 workId,
        uint8 workFlags,
        address currency,
        uint256 amount,
        Author[][] calldata parentAuthors
    ) private returns (uint256 royalties) {
        uint256[] storage parents = _parents[workId];
        bytes32[] storage terms = _parentTerms[workId];
        uint256 count = workFlags & WORK_DERIVATIVE == 0 ? 0 : parents.length;
        if (parentAuthors.length != count) revert LengthMismatch(count, parentAuthors.length);
        for (uint256 i; i < count; ++i) {
            // Owned parents have zero terms, which are never registered: no royalty.
            uint256 royalty = (amount * _terms[terms[i]].royaltyBps) / BPS;
            if (royalty == 0) continue;
            uint256 parent = parents[i];
            _requireAuthors(parent, _works[parent].authorsHash, parentAuthors[i]);
            royalties += royalty;
            _split(parent, parentAuthors[i], currency, royalty);
        }
    }

    /// @dev Dust of the integer split goes to the first payee, so the credits always sum to the fee.
    function _split(uint256 workId, Author[] calldata authors, address currency, uint256 fee) private {
        uint256 rest = fee;
        for (uint256 i = authors.length - 1; i > 0; --i) {
            uint256 share = (fee * authors[i].shares) / BPS;
            rest -= share;
            _credit(authors[i].account, currency, workId, share);
        }
        _credit(authors[0].account, currency, workId, rest);
    }

    function _credit(address account, address currency, uint256 workId, uint256 amount) private {
        _credits[account][currency] += amount;
        emit Credited(account, currency, workId, amount);
    }

    /// @dev The key of the work's current epoch in the per-epoch mappings: `keccak256(abi.encode(workId, epoch))`.
    function _epochKey(uint256 workId) private view returns (bytes32 epochKey) {
        uint32 epoch = _rights[workId].epoch;
        assembly ("memory-safe") {
            mstore(0x00, workId)
            mstore(0x20, epoch)
            epochKey := keccak256(0x00, 0x40)
        }
    }

    /// @dev Starts a new epoch after a takeover, voiding what the previous holder set up.
    function _startNewEpoch(uint256 workId) private {
        Rights storage rights = _rights[workId];
        uint32 epoch = rights.epoch + 1;
        rights.epoch = epoch;
        rights.royaltyBps = 0;
        emit RightsReset(workId, epoch);
    }

    /// @dev Makes `holder` the work's sole payee. The four words hashed are `abi.encode(authors)` of the one-entry
    /// list `[(holder, 10000)]` (offset, length, account, shares), without building it in memory.
    function _assignPayee(uint256 workId, address holder) private {
        _works[workId].authorsHash = bytes24(keccak256(abi.encode(uint256(0x20), uint256(1), holder, BPS)));
        emit PayeeSet(workId, holder);
    }

    function _liveWork(uint256 workId) private view returns (Work memory work) {
        work = _works[workId];
        if (work.priorityTime == 0) revert WorkNotFound(workId);
        if (work.flags & WORK_FROZEN != 0) revert Frozen(workId);
    }

    function _requireOwner(uint256 workId) private view {
        address owner = _ownerOf(workId);
        if (owner == address(0)) revert WorkNotFound(workId);
        if (!_isAuthorized(owner, msg.sender, workId)) revert NotWorkOwner(workId, msg.sender);
    }

    /// @dev Frozen works cannot move, except by a ruling (which clears the flag first); transfers announce the
    /// assignment of the copyright.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = super._update(to, tokenId, auth);
        if (from != address(0)) {
            if (_works[tokenId].flags & WORK_FROZEN != 0) revert Frozen(tokenId);
            emit CopyrightTransferred(tokenId, from, to);
        }
    }

    function _baseURI() internal view override returns (string memory) {
        return _baseTokenURI;
    }
}
