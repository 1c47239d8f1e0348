// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IChainproofErrors} from "../common/IChainproofErrors.sol";

/// @title ICopyrightRegistry
/// @notice Copyright registration and licensing. A work is an ERC-721 token whose id is its content digest: holding
/// the token is holding the copyright. Works are registered directly, by commit-reveal (the priority time is the
/// commit time, so a digest copied from the mempool cannot take the priority) or gaslessly through a relayer.
/// License terms are registered once and identified by their hash; owners attach them to works; licensees buy
/// licenses whose fees are split among the work's payees into pull-payment balances. Derivatives name their
/// parents; upheld disputes (`CopyrightDisputes`, citing evidence from the evidence suite) freeze works.
/// Payees: a work's fees and royalties go to its authors as registered until the copyright is assigned; a transfer of
/// the token to another account (or a ruling that moves it) makes the new holder the sole payee (`PayeeSet`); a
/// transfer to the holder itself changes nothing. Licenses survive a transfer. A takeover (a reveal with an earlier
/// commit, `PriorityClaimed`, or a ruling that moves the work) starts a new epoch of the work (`RightsReset`): every
/// license, exclusivity lock and attached terms of the previous holder, and its EIP-2981 rate, are void.
/// Settlement: a work is settled once no reveal can take it over any more: `REVEAL_WINDOW` (plus the time the registry
/// was paused since) after its priority time, or as soon as a ruling awards it (see `isSettled`, `settledAt`). Until
/// then a reveal of an earlier commitment (possibly the registrant's own, from a second account) voids its licenses
/// and moves it: buyers of the work or of a license should wait for settlement.
/// @dev Algorithm ids are those of the evidence suite: 1 = keccak256, 2 = SHA-256, 3 = SHA3-256, 4 = SM3; ids 1 to
/// 127 are accepted. Times and durations are in the chain's unit (seconds; milliseconds on FISCO BCOS). The payee
/// list is not stored, only a 192-bit hash of `abi.encode(payees)`: callers that split fees pass the list again (it
/// is in the latest `WorkRegistered` or `PayeeSet` event of the work). Territories are hashes of an off-chain text,
/// `bytes32(0)` meaning worldwide; two territories overlap if they are equal or either is worldwide.
interface ICopyrightRegistry is IChainproofErrors {
    /// @notice An author (or payee) of a work and their share of its license fees.
    /// @param account Where the fee share is credited.
    /// @param shares Share in basis points; a work's shares sum to 10,000.
    struct Author {
        address account;
        uint16 shares;
    }

    /// @notice License terms. Their id is `keccak256(abi.encode(terms))`, so identical terms share one id.
    /// @param territory Hash of the territory's off-chain text; `bytes32(0)` is worldwide.
    /// @param currency ERC-20 token of the fee, or `address(0)` for the native coin.
    /// @param fee Fee per license (per renewal), in the currency's smallest unit.
    /// @param duration License length in the chain's time unit (seconds; milliseconds on FISCO BCOS); 0 is perpetual.
    /// @param royaltyBps Royalty owed on derivative revenue, in basis points (at most 10,000).
    /// @param commercialUse Commercial use is allowed.
    /// @param derivativesAllowed Derivative works may be registered under a license on these terms.
    /// @param exclusive A running license blocks every other license in an overlapping territory.
    /// @param sublicensable A licensee may sublicense to others, for no longer than their own license (one level: a
    /// sublicensee may not).
    struct Terms {
        bytes32 territory;
        address currency;
        uint96 fee;
        uint64 duration;
        uint16 royaltyBps;
        bool commercialUse;
        bool derivativesAllowed;
        bool exclusive;
        bool sublicensable;
    }

    /// @notice A work as integrators read it.
    /// @param owner Current copyright holder (the token owner).
    /// @param priorityTime When the work was first claimed: the commit time for commit-reveal, else the
    /// registration time.
    /// @param algorithm Hash algorithm id of the digest.
    /// @param frozen Whether an upheld dispute froze it.
    /// @param authorsHash First 24 bytes of `keccak256(abi.encode(payees))` for its current payee list.
    /// @param parentLicenseUntil For a derivative, when the first of its registrant's parent licenses now ends
    /// (licenses on it end by then; it follows their renewals); `type(uint64).max` if it has no licensed parent; 0 for
    /// other works.
    /// @param parents Parent works, for a derivative (empty otherwise).
    struct WorkInfo {
        address owner;
        uint64 priorityTime;
        uint8 algorithm;
        bool frozen;
        bytes24 authorsHash;
        uint64 parentLicenseUntil;
        uint256[] parents;
    }

    /// @notice A license. It is valid while `now < end` (`start` is never in the future) and the work has not been
    /// taken over since it was issued.
    /// @param start When it started (kept across renewals).
    /// @param end When it ends (`type(uint64).max` for perpetual).
    /// @param sublicensed Whether it was sublicensed by another licensee rather than issued by the owner.
    struct License {
        uint64 start;
        uint64 end;
        bool sublicensed;
    }

    /// @notice A work was registered (or re-registered by an earlier commit, see `PriorityClaimed`).
    /// @param workId The work id (its digest as a number).
    /// @param owner The copyright holder.
    /// @param algorithm Hash algorithm id.
    /// @param priorityTime The work's priority time.
    /// @param uri Metadata URI (emitted, not stored: `tokenURI` is the base URI followed by the id).
    /// @param authors The authors and shares, kept for attribution; they are the payees until an assignment.
    event WorkRegistered(
        uint256 indexed workId,
        address indexed owner,
        uint8 algorithm,
        uint64 priorityTime,
        string uri,
        Author[] authors
    );

    /// @notice A reveal with an earlier commit took a digest from a later registration.
    /// @param workId The work.
    /// @param previousOwner Who had registered it later than the commit.
    /// @param owner The revealer, now the owner.
    /// @param priorityTime The commit time.
    event PriorityClaimed(
        uint256 indexed workId,
        address indexed previousOwner,
        address indexed owner,
        uint64 priorityTime
    );

    /// @notice A derivative work was registered with a parent: one event per parent, so a work's derivatives can be
    /// found by filtering on `parent`.
    /// @param workId The derivative.
    /// @param parent One of its parent works.
    /// @param parentTerms The terms of the registrant's license on that parent (zero where they owned it).
    event DerivativeRegistered(uint256 indexed workId, uint256 indexed parent, bytes32 parentTerms);

    /// @notice The work's fees and royalties go to `payee` alone from now on: its new holder, after a transfer or a
    /// ruling that moved it. The work's payee list is then `[(payee, 10000)]` (pass it to `purchaseLicense` and
    /// `payRevenue`).
    /// @param workId The work.
    /// @param payee The sole payee.
    event PayeeSet(uint256 indexed workId, address indexed payee);

    /// @notice A takeover started a new epoch of the work: the licenses, exclusivity locks and attached terms of the
    /// previous holder, and its EIP-2981 rate, are void.
    /// @param workId The work.
    /// @param epoch The new epoch (1 after the first takeover).
    event RightsReset(uint256 indexed workId, uint32 epoch);

    /// @notice A ruling awarded the work before it was settled by time: no reveal can take it over from now on.
    /// @param workId The work.
    /// @param disputeId The dispute whose ruling awarded it.
    event WorkSettled(uint256 indexed workId, uint256 indexed disputeId);

    /// @notice The copyright of a work was assigned (its token transferred).
    /// @param workId The work.
    /// @param from The previous holder.
    /// @param to The new holder.
    event CopyrightTransferred(uint256 indexed workId, address indexed from, address indexed to);

    /// @notice A commitment to a future reveal was recorded.
    /// @param commitment `keccak256(abi.encode(digest, salt, registrant))`.
    /// @param committer Who sent it.
    event Committed(bytes32 indexed commitment, address indexed committer);

    /// @notice License terms were registered.
    /// @param termsId The terms' id.
    /// @param terms The terms.
    event TermsRegistered(bytes32 indexed termsId, Terms terms);

    /// @notice The owner offered terms on a work (or re-enabled them).
    /// @param workId The work.
    /// @param termsId The terms.
    event TermsAttached(uint256 indexed workId, bytes32 indexed termsId);

    /// @notice The owner stopped selling licenses on terms (running licenses stay valid).
    /// @param workId The work.
    /// @param termsId The terms.
    event TermsDisabled(uint256 indexed workId, bytes32 indexed termsId);

    /// @notice A license was issued or renewed.
    /// @param workId The work.
    /// @param licensee The licensee.
    /// @param termsId The terms.
    /// @param start License start.
    /// @param end License end.
    /// @param fee Fee paid (0 for grants and sublicenses).
    event LicenseIssued(
        uint256 indexed workId,
        address indexed licensee,
        bytes32 indexed termsId,
        uint64 start,
        uint64 end,
        uint256 fee
    );

    /// @notice A licensee sublicensed their license.
    /// @param workId The work.
    /// @param licensor The licensee granting the sublicense.
    /// @param sublicensee The sublicensee.
    /// @param termsId The terms.
    event Sublicensed(uint256 indexed workId, address indexed licensor, address indexed sublicensee, bytes32 termsId);

    /// @notice A fee share was credited to an author's balance.
    /// @param account The author.
    /// @param currency The currency (`address(0)`: native coin).
    /// @param workId The work whose license paid it.
    /// @param amount The amount credited.
    event Credited(address indexed account, address indexed currency, uint256 indexed workId, uint256 amount);

    /// @notice Revenue of a derivative was paid in: parents' royalties to their authors, the rest to its own.
    /// @param workId The derivative (or any work: without parents, everything goes to its authors).
    /// @param payer Who paid.
    /// @param currency The currency.
    /// @param amount The revenue paid.
    /// @param royalties The part credited to parent works' authors.
    event RevenuePaid(
        uint256 indexed workId,
        address indexed payer,
        address indexed currency,
        uint256 amount,
        uint256 royalties
    );

    /// @notice An author withdrew their balance.
    /// @param account The author.
    /// @param currency The currency.
    /// @param amount The amount.
    event Withdrawn(address indexed account, address indexed currency, uint256 amount);

    /// @notice A dispute ruling froze a work (no transfers, no new licenses), after moving it if so ruled.
    /// @param workId The work.
    /// @param disputeId The dispute (in the disputes contract).
    /// @param rightfulOwner Who received the work by the ruling (zero if it stayed).
    event WorkFrozen(uint256 indexed workId, uint256 indexed disputeId, address indexed rightfulOwner);

    /// @notice A work was unfrozen (on a ruling, e.g. an appeal).
    /// @param workId The work.
    event WorkUnfrozen(uint256 indexed workId);

    /// @notice The owner set the EIP-2981 royalty rate of a work (paid to whoever holds it; reset by a takeover).
    /// @param workId The work.
    /// @param bps Royalty in basis points.
    event WorkRoyaltySet(uint256 indexed workId, uint16 bps);

    /// @notice The admin changed the base of every token URI.
    /// @param baseURI The new base.
    event BaseURISet(string baseURI);

    /// @notice The digest is zero.
    error ZeroDigest();
    /// @notice Algorithm ids run from 1 to 127 (0 means "none").
    /// @param algorithm The algorithm id given.
    error UnknownAlgorithm(uint8 algorithm);
    /// @notice The digest is already registered: it keeps its work id, owner and priority time.
    /// @param workId The work.
    /// @param owner Its holder.
    /// @param priorityTime Its priority time.
    error WorkAlreadyRegistered(uint256 workId, address owner, uint64 priorityTime);
    /// @notice A ruling awarded the work at `ruledAt`, settling its priority: no reveal can take it over.
    /// @param workId The work.
    /// @param ruledAt When the ruling settled it.
    error PrioritySettled(uint256 workId, uint64 ruledAt);
    /// @notice The renewal would not extend the license, which already ends at `end`: perpetual terms bought again, or
    /// a derivative's license already at its parent licenses' cap. Refused rather than charging the fee for nothing.
    /// @param workId The work.
    /// @param licensee The licensee.
    /// @param termsId The terms.
    /// @param end The end the renewal cannot pass.
    error RenewalCannotExtend(uint256 workId, address licensee, bytes32 termsId, uint64 end);
    /// @notice A derivative cannot name itself as a parent.
    /// @param workId The work.
    error ParentIsItself(uint256 workId);
    /// @notice No work has this id.
    /// @param workId The id given.
    error WorkNotFound(uint256 workId);
    /// @notice A work has 1 to `max` authors.
    /// @param count The number given.
    /// @param max The most allowed.
    error InvalidAuthorCount(uint256 count, uint256 max);
    /// @notice An author needs a non-zero account and non-zero shares.
    /// @param account The author's account.
    /// @param shares The author's shares.
    error InvalidAuthor(address account, uint16 shares);
    /// @notice The author is listed twice.
    /// @param account The author.
    error DuplicateAuthor(address account);
    /// @notice Shares must sum to 10,000 basis points.
    /// @param total The sum given.
    error InvalidShareTotal(uint256 total);
    /// @notice The payee list given does not hash to the work's stored hash (see `PayeeSet`).
    /// @param workId The work.
    /// @param expected The stored hash.
    /// @param given The hash of the list given.
    error AuthorsMismatch(uint256 workId, bytes24 expected, bytes24 given);
    /// @notice Only the work's owner (or an approved operator) may do this.
    /// @param workId The work.
    /// @param caller The caller.
    error NotWorkOwner(uint256 workId, address caller);
    /// @notice The work is frozen by an upheld dispute.
    /// @param workId The work.
    error Frozen(uint256 workId);
    /// @notice The work is not frozen.
    /// @param workId The work.
    error NotFrozen(uint256 workId);
    /// @notice The commitment was already made, at `committedAt`, and its reveal window is still open (the window
    /// counts unpaused time, see `revealWork`).
    /// @param commitment The commitment.
    /// @param committedAt When it was made.
    error CommitmentExists(bytes32 commitment, uint64 committedAt);
    /// @notice No commitment matches the reveal (wrong digest, salt or registrant, or never committed).
    /// @param commitment The commitment the reveal computes.
    error CommitmentNotFound(bytes32 commitment);
    /// @notice The reveal window is over.
    /// @param commitment The commitment.
    /// @param expiredAt The window's end: `REVEAL_WINDOW` after the commit plus the time the registry was paused since.
    error CommitmentExpired(bytes32 commitment, uint64 expiredAt);
    /// @notice A royalty above 10,000 basis points.
    /// @param royaltyBps The rate given.
    error InvalidRoyalty(uint16 royaltyBps);
    /// @notice No terms have this id.
    /// @param termsId The id given.
    error TermsNotFound(bytes32 termsId);
    /// @notice The terms are already on sale for the work.
    /// @param workId The work.
    /// @param termsId The terms.
    error TermsAlreadyAttached(uint256 workId, bytes32 termsId);
    /// @notice The terms are not on sale for the work.
    /// @param workId The work.
    /// @param termsId The terms.
    error TermsNotAttached(uint256 workId, bytes32 termsId);
    /// @notice A work carries at most `max` terms (attached or granted) per epoch; bounds the exclusivity scan.
    /// @param workId The work.
    /// @param max The most allowed.
    error TooManyTerms(uint256 workId, uint256 max);
    /// @notice The fee is above the buyer's maximum.
    /// @param fee The fee.
    /// @param maxFee The buyer's maximum.
    error FeeExceedsMax(uint256 fee, uint256 maxFee);
    /// @notice The native coin sent does not match the fee (or was sent for an ERC-20 fee).
    /// @param sent The value sent.
    /// @param expected The value due.
    error IncorrectPayment(uint256 sent, uint256 expected);
    /// @notice An exclusive license in an overlapping territory runs until `until`.
    /// @param workId The work.
    /// @param territory The locked territory (`bytes32(0)`: worldwide).
    /// @param until When the lock ends.
    error ExclusiveLicenseActive(uint256 workId, bytes32 territory, uint64 until);
    /// @notice An exclusive license cannot start: a license on overlapping terms runs until `until`.
    /// @param workId The work.
    /// @param termsId The overlapping terms.
    /// @param until When the last license on them ends.
    error LicenseOverlap(uint256 workId, bytes32 termsId, uint64 until);
    /// @notice The account holds no running license on those terms.
    /// @param workId The work.
    /// @param account The account.
    /// @param termsId The terms.
    error NotLicensed(uint256 workId, address account, bytes32 termsId);
    /// @notice The account already holds a running license on those terms, until `end`.
    /// @param workId The work.
    /// @param account The account.
    /// @param termsId The terms.
    /// @param end When that license ends.
    error AlreadyLicensed(uint256 workId, address account, bytes32 termsId, uint64 end);
    /// @notice The terms do not allow sublicensing.
    /// @param termsId The terms.
    error NotSublicensable(bytes32 termsId);
    /// @notice The account's license is itself a sublicense: only licenses the owner issued (bought or granted) can be
    /// sublicensed.
    /// @param workId The work.
    /// @param account The sublicensee.
    /// @param termsId The terms.
    error SublicenseeCannotSublicense(uint256 workId, address account, bytes32 termsId);
    /// @notice The licensee may not be the zero address (nor, for a sublicense, the licensor).
    /// @param licensee The licensee given.
    error InvalidLicensee(address licensee);
    /// @notice The derivative's parent licenses ended at `until`, so it cannot be licensed.
    /// @param workId The derivative.
    /// @param until When the first of its registrant's parent licenses ended (0: voided by a takeover of the parent).
    error ParentLicenseExpired(uint256 workId, uint64 until);
    /// @notice The parents' royalty rates sum to more than 10,000 basis points.
    /// @param totalBps The sum.
    error RoyaltiesExceedRevenue(uint256 totalBps);
    /// @notice A derivative has 1 to `max` parents.
    /// @param count The number given.
    /// @param max The most allowed.
    error InvalidParentCount(uint256 count, uint256 max);
    /// @notice Two lists that go together differ in length.
    /// @param parents The number of parents.
    /// @param given The length of the other list (parent terms, or parent payee lists).
    error LengthMismatch(uint256 parents, uint256 given);
    /// @notice The parent is listed twice.
    /// @param parent The parent.
    error DuplicateParent(uint256 parent);
    /// @notice The parent's license terms do not allow derivatives.
    /// @param parent The parent.
    /// @param termsId The terms.
    error DerivativesNotAllowed(uint256 parent, bytes32 termsId);
    /// @notice The account has no balance in that currency.
    /// @param account The account.
    /// @param currency The currency.
    error NothingToWithdraw(address account, address currency);
    /// @notice Sending the native coin failed.
    /// @param to The recipient.
    /// @param amount The amount.
    error NativeTransferFailed(address to, uint256 amount);

    // ---------------------------------------------------------------- registration

    /// @notice Registers a work owned by the caller. Its priority time is now. First come, first served: anyone who
    /// sees this transaction in the mempool can register the digest first, or take it over later with an earlier
    /// commitment; `commit` then `revealWork` protects the priority.
    /// @param digest Content digest; the work id is `uint256(digest)`.
    /// @param algorithm Hash algorithm id (1 to 127).
    /// @param uri Metadata URI (emitted, not stored).
    /// @param authors Authors and shares (1 to `MAX_AUTHORS`, shares summing to 10,000).
    /// @return workId The work id.
    function registerWork(
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        Author[] calldata authors
    ) external returns (uint256 workId);

    /// @notice Registers a work owned by `creator` (`REGISTRAR_ROLE`: the `CopyrightRelay`, which checks the
    /// creator's EIP-712 signature). Its priority time is now; like `registerWork` it is first-come, and the relayer
    /// (and the mempool) see the digest before it is registered.
    /// @param creator The owner.
    /// @param digest Content digest.
    /// @param algorithm Hash algorithm id.
    /// @param uri Metadata URI.
    /// @param authors Authors and shares.
    /// @return workId The work id.
    function registerWorkFor(
        address creator,
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        Author[] calldata authors
    ) external returns (uint256 workId);

    /// @notice Records `commitment = keccak256(abi.encode(digest, salt, registrant))`. Anyone may commit for a
    /// registrant; only the registrant can reveal. An expired commitment may be made again (with a new time and a
    /// new window).
    /// @param commitment The commitment.
    function commit(bytes32 commitment) external;

    /// @notice Reveals a commitment made by or for the caller within its window and registers the work with the commit
    /// time as its priority time. The window is `REVEAL_WINDOW` of unpaused time: it ends `REVEAL_WINDOW` after the
    /// commit plus the time the registry was paused since (reveals are refused while paused, so a pause cannot forfeit
    /// a priority; nor can it revive a commitment that expired before it). If the digest was registered after the
    /// commit (a copy from the mempool), the caller takes the work over: the token moves to them with the new authors
    /// (`PriorityClaimed`) and a new epoch voids what the previous holder set up (`RightsReset`); balances it was
    /// credited stay.
    /// @param digest Content digest.
    /// @param algorithm Hash algorithm id.
    /// @param uri Metadata URI.
    /// @param authors Authors and shares.
    /// @param salt The secret salt of the commitment.
    /// @return workId The work id.
    function revealWork(
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        Author[] calldata authors,
        bytes32 salt
    ) external returns (uint256 workId);

    /// @notice Registers a derivative of 1 to `MAX_PARENTS` parents (not itself: `ParentIsItself`). For each parent the
    /// caller either owns it
    /// (pass zero terms) or holds a running license on terms that allow derivatives. Licenses on the derivative
    /// end no later than the first of the caller's licenses on those terms, as renewed (see `getWork`).
    /// @param digest Content digest.
    /// @param algorithm Hash algorithm id.
    /// @param uri Metadata URI.
    /// @param authors Authors and shares.
    /// @param parents Parent work ids (distinct).
    /// @param parentTerms For each parent, the terms of the caller's license on it.
    /// @return workId The work id.
    function registerDerivative(
        bytes32 digest,
        uint8 algorithm,
        string calldata uri,
        Author[] calldata authors,
        uint256[] calldata parents,
        bytes32[] calldata parentTerms
    ) external returns (uint256 workId);

    // ---------------------------------------------------------------- terms

    /// @notice Registers terms (idempotent: registering identical terms again returns the same id).
    /// @param terms The terms.
    /// @return termsId `keccak256(abi.encode(terms))`.
    function registerTerms(Terms calldata terms) external returns (bytes32 termsId);

    /// @notice Offers registered terms on the caller's work (or re-enables disabled ones).
    /// @param workId The work.
    /// @param termsId The terms.
    function attachTerms(uint256 workId, bytes32 termsId) external;

    /// @notice Stops selling licenses on terms; running licenses stay valid. Allowed while paused.
    /// @param workId The work.
    /// @param termsId The terms.
    function disableTerms(uint256 workId, bytes32 termsId) external;

    // ---------------------------------------------------------------- licensing

    /// @notice Buys (or renews) a license for the caller on terms attached to a work, paying the fee (ERC-20 by
    /// allowance, or exactly `fee` in native coin). The fee is split among the payees by their shares; rounding
    /// dust goes to the first payee. A renewal must extend the license
    /// (`RenewalCannotExtend`): it ends `duration` after the current end, capped as any license is.
    /// @param workId The work.
    /// @param termsId The terms.
    /// @param maxFee The most the caller accepts to pay.
    /// @param authors The work's current payee list (must match its hash; see `PayeeSet`).
    function purchaseLicense(
        uint256 workId,
        bytes32 termsId,
        uint256 maxFee,
        Author[] calldata authors
    ) external payable;

    /// @notice The owner grants (or renews) a license without on-chain payment, on any registered terms; a renewal must
    /// extend the license (`RenewalCannotExtend`).
    /// @param workId The work.
    /// @param termsId The terms.
    /// @param licensee The licensee.
    function grantLicense(uint256 workId, bytes32 termsId, address licensee) external;

    /// @notice A licensee on sublicensable terms sublicenses to `sublicensee`, ending with their own license (or,
    /// on a derivative, sooner if its parent licenses end sooner, as for any license on it; refused with
    /// `ParentLicenseExpired` once they ended). A sublicensee cannot sublicense (`SublicenseeCannotSublicense`).
    /// @param workId The work.
    /// @param termsId The terms.
    /// @param sublicensee The sublicensee.
    function sublicense(uint256 workId, bytes32 termsId, address sublicensee) external;

    /// @notice Pays revenue earned by a work (typically a derivative) into pull balances: each parent's payees are
    /// credited the royalty rate of the terms the derivative was licensed under (one level up), the work's payees
    /// the rest. ERC-20 by allowance, or exactly `amount` in native coin. License fees paid for the derivative itself
    /// go to its payees only: parents' royalties are owed on revenue paid in here.
    /// @param workId The work.
    /// @param currency The currency (`address(0)`: native coin).
    /// @param amount The revenue.
    /// @param authors The work's current payee list.
    /// @param parentAuthors Each parent's payee list, in parent order (may be empty for a parent owed nothing).
    function payRevenue(
        uint256 workId,
        address currency,
        uint256 amount,
        Author[] calldata authors,
        Author[][] calldata parentAuthors
    ) external payable;

    /// @notice Withdraws the caller's whole balance in `currency` (`address(0)`: native coin).
    /// @param currency The currency.
    function withdraw(address currency) external;

    // ---------------------------------------------------------------- rulings

    /// @notice Enforces an upheld dispute (`RULING_ROLE`, held by the disputes contract): the work is frozen and, if
    /// `rightfulOwner` is non-zero, first transferred to them as sole payee, in a new epoch (`RightsReset`: the
    /// previous holder's licenses, locks, attached terms and royalty rate are void), with the derivative flag and
    /// parent links the previous holder attached cleared, and settled (`WorkSettled`, unless it already was): no reveal
    /// can take an awarded work over. Credited balances never move.
    /// Whoever holds the role can move any work, and the admin can grant it (through `SETUP_ROLE`).
    /// @param workId The work.
    /// @param disputeId The dispute.
    /// @param rightfulOwner Who receives the work (zero: it stays).
    function enforceRuling(uint256 workId, uint256 disputeId, address rightfulOwner) external;

    /// @notice Unfreezes a work (`RULING_ROLE`), e.g. on appeal. Owners cannot.
    /// @param workId The work.
    function unfreeze(uint256 workId) external;

    // ---------------------------------------------------------------- administration

    /// @notice Sets the EIP-2981 royalty rate of the caller's work; `royaltyInfo` pays it to the current holder.
    /// Refused on frozen works and while paused; a takeover resets it to 0.
    /// @param workId The work.
    /// @param bps Royalty in basis points (at most 10,000).
    function setWorkRoyalty(uint256 workId, uint16 bps) external;

    /// @notice Sets the base of every token URI (admin role); `tokenURI` is the base followed by the decimal work
    /// id. A work's own metadata URI is emitted in `WorkRegistered`, not stored (storing it would cost about 22,100
    /// gas per 32 bytes), so a metadata server behind the base URI serves it.
    /// @param baseURI The base.
    function setBaseURI(string calldata baseURI) external;

    /// @notice Pauses registration (direct, relayed, commit-reveal, derivative), terms registration and attachment,
    /// licensing (purchase, grant, sublicense), revenue payments and royalty setting (pauser role). Withdrawals,
    /// transfers, disabling terms, rulings and unfreezing stay open. Reveal windows of earlier commitments are
    /// extended by the pause's length once it is lifted.
    function pause() external;

    /// @notice Lifts the pause (pauser role), adding its length to the registry's paused-time total.
    function unpause() external;

    // ---------------------------------------------------------------- views

    /// @notice Whether `account` may use the work under `termsId` now: it owns the work or holds a running
    /// license on those terms.
    /// @param workId The work.
    /// @param account The account.
    /// @param termsId The terms.
    /// @return Whether it may use the work.
    function isLicensed(uint256 workId, address account, bytes32 termsId) external view returns (bool);

    /// @notice The license of `licensee` on `termsId` for a work in its current epoch (all zero if none, or if a
    /// takeover voided it).
    /// @param workId The work.
    /// @param licensee The licensee.
    /// @param termsId The terms.
    /// @return The license.
    function getLicense(uint256 workId, address licensee, bytes32 termsId) external view returns (License memory);

    /// @notice Whether the work is settled: no reveal can take it over any more, so a buyer or licensee keeps what it
    /// pays for.
    /// False for an unknown id.
    /// @param workId The work.
    /// @return Whether it is settled.
    function isSettled(uint256 workId) external view returns (bool);

    /// @notice When the work is (or was) settled: one unit after its priority time plus `REVEAL_WINDOW` plus the time
    /// the registry has been paused since (the last moment a reveal of an earlier commitment could take it over, plus
    /// one), or when a ruling awarded it, if sooner. While the registry is paused it moves with the clock, unless
    /// already passed. Reverts `WorkNotFound` for an unknown id.
    /// @param workId The work.
    /// @return The settlement time.
    function settledAt(uint256 workId) external view returns (uint64);

    /// @notice Whether a work with this id is registered.
    /// @param workId The work.
    /// @return Whether it is registered.
    function exists(uint256 workId) external view returns (bool);

    /// @notice A work's record; reverts with `WorkNotFound` if it is not registered.
    /// @param workId The work.
    /// @return The record.
    function getWork(uint256 workId) external view returns (WorkInfo memory);

    /// @notice Registered terms; reverts with `TermsNotFound` for an unknown id.
    /// @param termsId The terms id.
    /// @return The terms.
    function getTerms(bytes32 termsId) external view returns (Terms memory);

    /// @notice Terms attached to or granted on a work in its current epoch, in order of first use, and whether each
    /// is on sale.
    /// @param workId The work.
    /// @return termsIds The terms.
    /// @return enabled Whether each is on sale.
    function getWorkTerms(uint256 workId) external view returns (bytes32[] memory termsIds, bool[] memory enabled);

    /// @notice When the commitment was made (0 if unknown or revealed).
    /// @param commitment The commitment.
    /// @return The commit time.
    function commitmentTime(bytes32 commitment) external view returns (uint64);

    /// @notice Withdrawable balance of an account in a currency.
    /// @param account The account.
    /// @param currency The currency.
    /// @return The balance.
    function creditOf(address account, address currency) external view returns (uint256);
}
