// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IChainproofErrors} from "../common/IChainproofErrors.sol";
import {IUnorderedNonces} from "../common/IUnorderedNonces.sol";

/// @title ISupplyChainBills
/// @notice Supply-chain finance bills as ERC-3525 semi-fungible tokens. A package (the ERC-3525 slot) is one bill:
/// drawer, acceptor, payee, face value, settlement token, maturity. Its parts (the tokens) carry value in minimum
/// units of 0.01 yuan. Token id = package id << 24 | part sequence number, so `slotOf(id) == id >> 24`.
///
/// Lifecycle: `issue` (drawer) → `accept` (acceptor) → `sign` of the root part (payee); `cancel` (drawer) before
/// the payee signs. Then, before maturity: `endorse` (offer, locked until the endorsee `sign`s or `reject`s or the
/// endorser `withdraw`s), `split`, `merge`, `offerDiscount` / `signDiscount` (delivery versus payment), `pledge` /
/// `sign` / `release`. From maturity: `fund` (acceptor), `redeem` per part (pull), `dishonor`, then
/// `claimRecourse` / `payRecourse` along the part's endorsement chain. The regulator freezes and unfreezes parts
/// (participants are frozen in the `IParticipantRegistry`) and can do nothing else; there is no admin.
///
/// Offers: an offered part already belongs (ERC-721 `ownerOf`) to its addressee but is locked: only the addressee
/// can sign or reject it and the endorser can withdraw it. A rejected or withdrawn offer is burned and its value goes
/// back into the part it was taken from, which therefore stays held by the endorser while it has offers pending: it
/// cannot be merged away, pledged, redeemed or claimed on (`PendingOffers`) until they are signed, rejected or
/// withdrawn. Returning an offer never needs a new part id, so it works in every package status, at and after
/// maturity too. Freezing a part covers the value it has on offer: while the part is frozen its offers cannot be
/// signed, and what they return lands in the frozen part.
/// Endorsement chain of a part: the drawer, then the holder of each ancestor part, oldest first. Holders of parts
/// never change once signed (a paid recourse claim is recorded beside the part), so chains are immutable. A chain
/// has at most `MAX_CHAIN_LENGTH` endorsers, so every walk along it (merge, recourse, views) is bounded.
///
/// Approvals: an operator (ERC-721 `setApprovalForAll`) or a token's approved address may set value allowances and
/// approvals on the holder's behalf, but what it grants lasts only while it is itself still approved: revoking the
/// operator voids them too (`allowance` and `getApproved` then read 0).
///
/// Registry checks: a party that sends or receives value (bill or payment) must be an active participant (registered,
/// valid, neither suspended nor frozen) at that moment, and so must an approved operator acting for a holder.
///
/// Times (maturity, payment window) are in the chain's time unit, fixed at deployment: seconds on Ethereum,
/// milliseconds on FISCO BCOS (`TIME_UNITS_PER_SECOND` is 1 or 1000).
interface ISupplyChainBills is IChainproofErrors, IUnorderedNonces {
    /// @notice Package status.
    enum PackageStatus {
        None,
        Issued,
        Accepted,
        Active,
        Funded,
        Dishonored,
        Cancelled
    }

    /// @notice Part state (frozen and taken-over are reported separately).
    enum PartState {
        None,
        Offered,
        DiscountOffered,
        PledgeOffered,
        Held,
        Pledged,
        Redeemed,
        Cancelled,
        Burned
    }

    /// @notice Terms and accounts of a package.
    /// @param drawer Who issued the bill (出票人).
    /// @param acceptor Who pays at maturity (承兑人).
    /// @param payee First holder (收款人).
    /// @param token Settlement ERC-20.
    /// @param maturity Due date, in the chain's time unit.
    /// @param status Current status.
    /// @param nonTransferable Whether parts can only be held by the payee (不得转让).
    /// @param tokenDecimals The settlement token's decimals; one minimum unit pays 10**(decimals-2) token units.
    /// @param faceValue Face value in minimum units.
    /// @param redeemed Value redeemed so far, in minimum units.
    /// @param parts Parts created so far (the last sequence number).
    /// @param dishonoredAt When it was dishonoured, in the chain's time unit (0 if not).
    /// @param tradeDigest Digest of the trade-background documents.
    /// @param evidenceId Evidence-registry id of those documents (0 if none).
    struct PackageView {
        address drawer;
        address acceptor;
        address payee;
        address token;
        uint64 maturity;
        PackageStatus status;
        bool nonTransferable;
        uint8 tokenDecimals;
        uint64 faceValue;
        uint64 redeemed;
        uint24 parts;
        uint64 dishonoredAt;
        bytes32 tradeDigest;
        bytes32 evidenceId;
    }

    /// @notice Full state of a part.
    /// @param packageId Its package (ERC-3525 slot).
    /// @param owner ERC-721 owner: the holder, or whoever took over the claim by paying recourse.
    /// @param holder The party the part was endorsed (or offered) to.
    /// @param endorser Who endorsed it to `holder` (the parent's holder, or the drawer for a first-level part).
    /// @param beneficiary Who is paid at redemption or recourse (the pledgee while pledged, else `owner`).
    /// @param value ERC-3525 value in minimum units (0 once redeemed: redemption burns the value).
    /// @param parent Sequence number of the parent part (0: endorsed by the drawer).
    /// @param state Lifecycle state.
    /// @param frozen Whether the regulator froze it.
    /// @param takenOver Whether a recourse payer took over the claim.
    /// @param paid Minimum units paid out when it was redeemed (0 until then).
    /// @param pendingOffers Endorsement and discount offers taken from it and not yet signed, rejected or withdrawn.
    struct PartView {
        uint256 packageId;
        address owner;
        address holder;
        address endorser;
        address beneficiary;
        uint64 value;
        uint24 parent;
        PartState state;
        bool frozen;
        bool takenOver;
        uint64 paid;
        uint8 pendingOffers;
    }

    /// @notice A bill was issued; its root part is offered to the payee.
    /// @param packageId The package (ERC-3525 slot).
    /// @param drawer Who issued it.
    /// @param acceptor Who pays at maturity.
    /// @param payee First holder.
    /// @param token Settlement ERC-20.
    /// @param faceValue Face value in minimum units.
    /// @param maturity Due date.
    /// @param nonTransferable Whether parts can leave the payee.
    /// @param tradeDigest Digest of the trade documents.
    /// @param evidenceId Evidence id of those documents (0: none).
    event Issued(
        uint256 indexed packageId,
        address indexed drawer,
        address indexed acceptor,
        address payee,
        address token,
        uint64 faceValue,
        uint64 maturity,
        bool nonTransferable,
        bytes32 tradeDigest,
        bytes32 evidenceId
    );
    /// @notice The acceptor accepted the bill.
    /// @param packageId The package.
    /// @param acceptor The acceptor.
    event Accepted(uint256 indexed packageId, address indexed acceptor);
    /// @notice The bill was cancelled (by the drawer, or refused by the payee) before delivery.
    /// @param packageId The package.
    /// @param by The drawer, or the payee refusing the bill.
    event Cancelled(uint256 indexed packageId, address indexed by);
    /// @notice A part was offered: `state` is the offer's part state (endorsement, discount or pledge offer).
    /// @param packageId The part's package.
    /// @param tokenId The offered part.
    /// @param to The addressee.
    /// @param fromTokenId The part it was taken from (0: issuance).
    /// @param state `Offered` (endorsement) or `DiscountOffered`.
    event Offered(
        uint256 indexed packageId,
        uint256 indexed tokenId,
        address indexed to,
        uint256 fromTokenId,
        PartState state
    );
    /// @notice The addressee signed an offer (or the payee signed the bill).
    /// @param packageId The part's package.
    /// @param tokenId The part.
    /// @param by The signer (payee, endorsee, financier or pledgee).
    event Signed(uint256 indexed packageId, uint256 indexed tokenId, address indexed by);
    /// @notice An offer was rejected or withdrawn; `returnedTokenId` is the part its value went back into (0 for a
    /// pledge offer).
    /// @param packageId The part's package.
    /// @param tokenId The cancelled offer (or the pledged part).
    /// @param by Who rejected or withdrew.
    /// @param returnedTokenId The part the value went back into, the one it was taken from (0 for pledges).
    event OfferCancelled(
        uint256 indexed packageId,
        uint256 indexed tokenId,
        address indexed by,
        uint256 returnedTokenId
    );
    /// @notice A discount offer was made (with `Offered`): the annual rate the price will be computed at.
    /// @param packageId The part's package.
    /// @param tokenId The discount offer.
    /// @param financier The financier it is offered to.
    /// @param rateBps Annual rate, basis points (360-day year).
    event DiscountOffered(
        uint256 indexed packageId,
        uint256 indexed tokenId,
        address indexed financier,
        uint16 rateBps
    );
    /// @notice A part was discounted: `price` token units moved from financier to endorser.
    /// @param packageId The part's package.
    /// @param tokenId The discounted part.
    /// @param financier Who bought it.
    /// @param endorser Who sold it and received the price.
    /// @param rateBps Annual rate, basis points.
    /// @param daysToMaturity Days charged (rounded up).
    /// @param price Token units paid.
    event Discounted(
        uint256 indexed packageId,
        uint256 indexed tokenId,
        address indexed financier,
        address endorser,
        uint16 rateBps,
        uint256 daysToMaturity,
        uint256 price
    );
    /// @notice A pledge offer was made on a part.
    /// @param packageId The part's package.
    /// @param tokenId The part.
    /// @param pledgee The financier.
    event PledgeOffered(uint256 indexed packageId, uint256 indexed tokenId, address indexed pledgee);
    /// @notice The pledgee released a pledge.
    /// @param packageId The part's package.
    /// @param tokenId The part.
    /// @param pledgee The financier.
    event PledgeReleased(uint256 indexed packageId, uint256 indexed tokenId, address indexed pledgee);
    /// @notice The acceptor paid the package's face value into the contract.
    /// @param packageId The package.
    /// @param acceptor The payer.
    /// @param amount Token units paid in.
    event Funded(uint256 indexed packageId, address indexed acceptor, uint256 amount);
    /// @notice A part was paid at maturity; its ERC-3525 value is burned (`TransferValue(tokenId, 0, value)`).
    /// @param packageId The part's package.
    /// @param tokenId The part.
    /// @param beneficiary Who was paid.
    /// @param value The part's value in minimum units.
    /// @param amount Token units paid.
    event Redeemed(
        uint256 indexed packageId,
        uint256 indexed tokenId,
        address indexed beneficiary,
        uint64 value,
        uint256 amount
    );
    /// @notice The package was dishonoured.
    /// @param packageId The package.
    /// @param by The acceptor (refusal) or a holder (window passed).
    /// @param reason Hash of the reason.
    event Dishonored(uint256 indexed packageId, address indexed by, bytes32 reason);
    /// @notice A recourse claim was filed against `target`.
    /// @param packageId The part's package.
    /// @param tokenId The part.
    /// @param target The endorser or drawer claimed against.
    /// @param claimant Who claims (the part's beneficiary).
    /// @param amount Token units claimed.
    event RecourseClaimed(
        uint256 indexed packageId,
        uint256 indexed tokenId,
        address indexed target,
        address claimant,
        uint256 amount
    );
    /// @notice `payer` paid a recourse claim and took the part's claim over.
    /// @param packageId The part's package.
    /// @param tokenId The part.
    /// @param payer Who paid and now owns the claim.
    /// @param claimant Who was paid.
    /// @param amount Token units paid.
    event RecoursePaid(
        uint256 indexed packageId,
        uint256 indexed tokenId,
        address indexed payer,
        address claimant,
        uint256 amount
    );
    /// @notice A regulator froze or unfroze a part.
    /// @param packageId The part's package.
    /// @param tokenId The part.
    /// @param regulator The regulator.
    /// @param frozen Its new state.
    /// @param reason Hash of the reason (e.g. a court order).
    event PartFrozen(
        uint256 indexed packageId,
        uint256 indexed tokenId,
        address indexed regulator,
        bool frozen,
        bytes32 reason
    );

    /// @notice `account` is not an active registered participant with any of `roles`.
    error NotActiveParticipant(address account, uint32 roles);
    /// @notice The caller is not the party this step belongs to.
    error Unauthorized(address caller, address expected);
    /// @notice The caller may not move this part.
    error NotOwnerNorApproved(address caller, uint256 tokenId);
    /// @notice No such package.
    error UnknownPackage(uint256 packageId);
    /// @notice No such live part.
    error NonexistentPart(uint256 tokenId);
    /// @notice The package is not in the status this step needs.
    error WrongPackageStatus(uint256 packageId, PackageStatus status);
    /// @notice The part is not in the state this step needs (or is frozen / taken over).
    error WrongPartState(uint256 tokenId, PartState state, bool frozen);
    /// @notice The bill has matured: parts no longer move.
    error Matured(uint256 packageId, uint64 maturity);
    /// @notice The bill has not matured yet.
    error NotMatured(uint256 packageId, uint64 maturity);
    /// @notice The payment window is still open.
    error PaymentWindowOpen(uint256 packageId, uint64 windowEnd);
    /// @notice The bill is non-transferable.
    error NonTransferable(uint256 packageId);
    /// @notice The amount is zero or more than the part's value.
    error InvalidAmount(uint256 amount, uint64 available);
    /// @notice Face value must be non-zero and fit 56 bits (7.2e14 yuan).
    error InvalidFaceValue(uint256 faceValue);
    /// @notice Maturity must be in the future.
    error InvalidMaturity(uint64 maturity);
    /// @notice The settlement token must be a contract with 2 to 30 decimals.
    error InvalidSettlementToken(address token);
    /// @notice The trade-background digest must be non-zero.
    error MissingTradeDigest();
    /// @notice The evidence id is not anchored in the evidence registry.
    error UnknownEvidence(bytes32 evidenceId);
    /// @notice An address parameter may not be the caller / zero.
    error InvalidCounterparty(address account);
    /// @notice The annual discount rate must be 1..10000 basis points.
    error InvalidRate(uint16 rateBps);
    /// @notice The computed discount price exceeds the financier's limit.
    error PriceAboveLimit(uint256 price, uint256 maxPrice);
    /// @notice Parts to merge must be distinct, of one package and one holder, with the same endorsement chain.
    error NotMergeable(uint256 fromTokenId, uint256 toTokenId);
    /// @notice The target is not on the part's claimable endorsement chain.
    error NotOnChain(uint256 tokenId, address target);
    /// @notice No recourse claim is pending on the part.
    error NoPendingClaim(uint256 tokenId);
    /// @notice Whole-token ERC-721 transfers are not bills operations: use the ERC-3525 value transfer (endorse).
    error WholeTokenTransfer(uint256 tokenId);
    /// @notice The ERC-3525 allowance is too small.
    error InsufficientAllowance(uint256 tokenId, address operator, uint256 allowance, uint256 needed);
    /// @notice The part is already (not) frozen.
    error FreezeUnchanged(uint256 tokenId, bool frozen);
    /// @notice The part sequence of the package is exhausted.
    error TooManyParts(uint256 packageId);
    /// @notice Endorsing `tokenId` would make an endorsement chain longer than `maxLength` endorsers.
    error ChainTooLong(uint256 tokenId, uint256 maxLength);
    /// @notice A regulator may not freeze or unfreeze a part it is party to (holder, owner, pledgee or endorser).
    error RegulatorIsParty(address regulator, uint256 tokenId);
    /// @notice The time unit must be 1 (seconds) or 1000 (milliseconds) per second.
    error InvalidTimeUnit(uint256 unitsPerSecond);
    /// @notice The payment window is shorter than a day of chain time (`minimum`, in the chain's unit).
    error PaymentWindowTooShort(uint256 paymentWindow, uint256 minimum);
    /// @notice An ERC-3525 receiver contract refused the value.
    error TransferRejected(address receiver, uint256 toTokenId);
    /// @notice The part an offer was taken from is frozen, and its freeze covers the offer: it cannot be signed
    /// until the regulator unfreezes that part (it can still be rejected or withdrawn, and comes back frozen).
    /// @param tokenId The offer.
    /// @param sourceTokenId The frozen part it was taken from.
    error OfferSourceFrozen(uint256 tokenId, uint256 sourceTokenId);
    /// @notice The part has `count` offers pending: it cannot be merged away, pledged, redeemed or claimed on until
    /// they are signed, rejected or withdrawn (their value returns into it), nor take a 256th offer.
    /// @param tokenId The part offers were taken from.
    /// @param count Its pending offers.
    error PendingOffers(uint256 tokenId, uint8 count);
    /// @notice The pledgee accepts a pledge of exactly the value it saw: the part offered now holds another value.
    /// @param tokenId The pledged part.
    /// @param value Its value now, in minimum units.
    /// @param expected The value the pledgee accepted.
    error PledgeValueChanged(uint256 tokenId, uint64 value, uint64 expected);

    /// @notice Issues a bill; its root part is offered to `payee`. Drawer: an active enterprise.
    /// @param acceptor Who pays at maturity (active enterprise or financier).
    /// @param payee First holder (active enterprise, not the drawer).
    /// @param token Settlement ERC-20 (decimals 2..30).
    /// @param faceValue Face value in minimum units (0.01 yuan).
    /// @param maturity Due date in the chain's time unit, in the future (at most 2^48 - 1).
    /// @param nonTransferable Whether the bill may never leave the payee.
    /// @param tradeDigest Digest of the trade-background documents (non-zero).
    /// @param evidenceId Evidence id anchoring them (0 for none; else anchored in the evidence registry and not
    /// revoked).
    /// @return packageId The new package (ERC-3525 slot).
    function issue(
        address acceptor,
        address payee,
        address token,
        uint64 faceValue,
        uint64 maturity,
        bool nonTransferable,
        bytes32 tradeDigest,
        bytes32 evidenceId
    ) external returns (uint256 packageId);

    /// @notice The acceptor accepts the bill (承兑), before maturity.
    /// @param packageId The package.
    function accept(uint256 packageId) external;

    /// @notice The drawer cancels the bill before the payee signs it.
    /// @param packageId The package.
    function cancel(uint256 packageId) external;

    /// @notice Offers `amount` of a held part to `to` (背书): a new locked part owned by `to` until `to` signs.
    /// Caller: the holder or an active approved operator (ERC-721 approval, operator, or ERC-3525 value allowance).
    /// Same as the ERC-3525 `transferFrom(fromTokenId, to, amount)`: a receiver contract is notified.
    /// @param fromTokenId The held part to take the amount from.
    /// @param to The endorsee (active enterprise or financier).
    /// @param amount Minimum units (0.01 yuan).
    /// @return tokenId The offered part.
    function endorse(uint256 fromTokenId, address to, uint64 amount) external returns (uint256 tokenId);

    /// @notice Endorses `amount` of a held part to `to` with `to`'s EIP-712 signature over
    /// `Endorsement(uint256 fromTokenId,address to,uint64 amount,uint256 nonce,uint256 deadline)` (domain
    /// "SupplyChainBills", version "1"; ERC-1271 wallets supported): offer and signature in one step.
    /// Caller: the holder or an approved operator. Nonces are unordered (`IUnorderedNonces`): the endorsee's consents
    /// can be used in any order, each once, and the endorsee cancels one it has signed with `invalidateNonces`.
    /// @param fromTokenId The held part to take the amount from.
    /// @param to The endorsee, who signed.
    /// @param amount Minimum units.
    /// @param nonce The endorsee's nonce the consent carries (unused and not invalidated).
    /// @param deadline Last moment the signature is valid, in the chain's time unit.
    /// @param signature The endorsee's signature (65-byte ECDSA or ERC-1271).
    /// @return tokenId The new part, already held by `to`.
    function endorseWithSignature(
        uint256 fromTokenId,
        address to,
        uint64 amount,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 tokenId);

    /// @notice The addressee signs an offer: the payee signs the bill (签收), an endorsee an endorsement. Discount
    /// offers are signed with `signDiscount`, pledge offers with `signPledge`. The party the value comes from (drawer,
    /// endorser or pledgor) must still be active, and the part an endorsement was taken from not frozen
    /// (`OfferSourceFrozen`).
    /// @param tokenId The offered part.
    function sign(uint256 tokenId) external;

    /// @notice The addressee rejects an offer (the payee refusing the bill cancels the package). No registry check
    /// and no new part: the offer is burned and its value returns into the part it was taken from (frozen if that
    /// part is). Works at and after maturity too.
    /// @param tokenId The offered part.
    function reject(uint256 tokenId) external;

    /// @notice The endorser (or pledgor) withdraws its offer; for a root part use `cancel`. No registry check and no
    /// new part: the offer is burned and its value returns into the part it was taken from (frozen if that part is).
    /// Works at and after maturity too.
    /// @param tokenId The offered part.
    function withdraw(uint256 tokenId) external;

    /// @notice Splits `amount` of a held part into a new part of the same holder and chain; the part keeps a non-zero
    /// rest (`InvalidAmount` otherwise: moving a whole part to a new id would only use up the package's part ids).
    /// @param fromTokenId The held part.
    /// @param amount Minimum units to split off.
    /// @return tokenId The new part.
    function split(uint256 fromTokenId, uint64 amount) external returns (uint256 tokenId);

    /// @notice Merges the whole of `fromTokenId` into `toTokenId` (same package, holder and chain) and burns it. A
    /// part with offers pending is not merged away (`PendingOffers`): their value returns into it.
    /// @param fromTokenId The part merged away (burned).
    /// @param toTokenId The part that receives its value.
    function merge(uint256 fromTokenId, uint256 toTokenId) external;

    /// @notice Offers `amount` of a held part to a financier for discount (贴现) at an annual rate.
    /// @param rateBps Annual discount rate in basis points (350 = 3.5%), on a 360-day year.
    /// @param fromTokenId The held part.
    /// @param financier An active financier.
    /// @param amount Minimum units to discount.
    /// @return tokenId The offered part.
    function offerDiscount(
        uint256 fromTokenId,
        address financier,
        uint64 amount,
        uint16 rateBps
    ) external returns (uint256 tokenId);

    /// @notice The financier signs a discount offer: it pays the price to the endorser and receives the part,
    /// atomically. The price is computed now from value, rate and days to maturity (rounded up to whole days). The
    /// part the offer was taken from must not be frozen (`OfferSourceFrozen`).
    /// @param maxPrice The most the financier will pay, in token units.
    /// @param tokenId The discount offer.
    function signDiscount(uint256 tokenId, uint256 maxPrice) external;

    /// @notice Price in token units a discount offer would cost if signed now.
    /// @param tokenId The discount offer.
    /// @return price Token units.
    /// @return daysToMaturity Days charged.
    function discountPrice(uint256 tokenId) external view returns (uint256 price, uint256 daysToMaturity);

    /// @notice Offers a held part without pending offers as pledge (质押) to a financier, who signs with
    /// `signPledge`.
    /// @param tokenId The held part.
    /// @param pledgee An active financier.
    function pledge(uint256 tokenId, address pledgee) external;

    /// @notice The pledgee accepts a pledge offer of exactly `value` minimum units (what it saw offered): a pledgor
    /// who withdrew the offer and pledged the same part again with another value is refused (`PledgeValueChanged`).
    /// Pledgor and pledgee must be active.
    /// @param tokenId The part offered as pledge.
    /// @param value The part's value the pledgee accepts as collateral.
    function signPledge(uint256 tokenId, uint64 value) external;

    /// @notice The pledgee releases the pledge (pledgee and holder must be active).
    /// @param tokenId The pledged part.
    function release(uint256 tokenId) external;

    /// @notice The acceptor pays the face value into the contract (before or after maturity, also after dishonor).
    /// The acceptor must be active; exactly the face value must arrive.
    /// @param packageId The package.
    function fund(uint256 packageId) external;

    /// @notice Pays a part of a funded, matured package to its (active) beneficiary, the pledgee of a pledged part,
    /// and burns the part's ERC-3525 value. Caller: the owner or the pledgee. Offers pending on the part are withdrawn
    /// (or rejected) first (`PendingOffers`): their value is the holder's and comes back into the part.
    /// @param tokenId The part.
    function redeem(uint256 tokenId) external;

    /// @notice Dishonors an unfunded matured package: by the acceptor from maturity, by anyone once the payment
    /// window has passed.
    /// @param packageId The package.
    /// @param reason Hash of the reason.
    function dishonor(uint256 packageId, bytes32 reason) external;

    /// @notice The beneficiary of a part of a dishonoured package files a recourse claim (追索) against an
    /// earlier endorser or the drawer on the part's chain. A new claim replaces a pending one. Offers pending on the
    /// part are withdrawn first (`PendingOffers`).
    /// @param tokenId The part.
    /// @param target An earlier endorser or the drawer.
    function claimRecourse(uint256 tokenId, address target) external;

    /// @notice The claim's target pays the part's value to the claimant and takes the claim over. Payer and
    /// claimant must be active; exactly the value must reach the claimant.
    /// @param tokenId The part.
    function payRecourse(uint256 tokenId) external;

    /// @notice Regulator: freezes or unfreezes a part it is not party to (holder, owner, pledgee or endorser).
    /// @param tokenId The part.
    /// @param frozen The new state.
    /// @param reason Hash of the reason.
    function setPartFrozen(uint256 tokenId, bool frozen, bytes32 reason) external;

    /// @notice Terms and accounts of a package.
    /// @param packageId The package.
    /// @return The terms and accounts.
    function packageOf(uint256 packageId) external view returns (PackageView memory);

    /// @notice Full state of a part (also of redeemed, cancelled and burned ones).
    /// @param tokenId The part.
    /// @return The state.
    function partOf(uint256 tokenId) external view returns (PartView memory);

    /// @notice The part's endorsement chain, drawer first, current endorser last.
    /// @param tokenId The part.
    /// @return The endorsers.
    function endorsementChain(uint256 tokenId) external view returns (address[] memory);

    /// @notice The pending recourse claim's target (zero if none).
    /// @param tokenId The part.
    /// @return target Who is claimed against.
    /// @return claimant Who claims.
    function pendingClaim(uint256 tokenId) external view returns (address target, address claimant);
}
