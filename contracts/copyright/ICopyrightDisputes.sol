// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IChainproofErrors} from "../common/IChainproofErrors.sol";

/// @title ICopyrightDisputes
/// @notice Disputes against registered works. Anyone raises one citing an evidence id anchored in the evidence
/// registry; an arbitrator rules. An upheld ruling freezes the work in the copyright registry (no transfers, no new
/// licenses) and, where it says so, moves the work to its rightful owner (settling its priority for good). Arbitrators
/// never touch fee balances. Any anchored, unrevoked evidence may be cited, however recent: each dispute records when
/// the evidence was anchored beside the work's priority time, so the arbitrator sees which came first.
interface ICopyrightDisputes is IChainproofErrors {
    /// @notice Status of a dispute.
    enum Status {
        None,
        Open,
        Upheld,
        Rejected
    }

    /// @notice A dispute against a work.
    /// @param workId The disputed work.
    /// @param evidenceId The evidence record the claimant cites.
    /// @param claimant Who raised it.
    /// @param raisedAt When it was raised.
    /// @param status Its status.
    /// @param evidenceTime When the evidence was anchored (its record's time in the evidence registry).
    /// @param priorityTime The work's priority time when the dispute was raised (see `ICopyrightRegistry.getWork`).
    /// Evidence anchored before it predates the registration; evidence anchored after it proves nothing about priority.
    struct Dispute {
        uint256 workId;
        bytes32 evidenceId;
        address claimant;
        uint64 raisedAt;
        Status status;
        uint64 evidenceTime;
        uint64 priorityTime;
    }

    /// @notice A dispute was raised.
    /// @param disputeId The dispute.
    /// @param workId The disputed work.
    /// @param claimant Who raised it.
    /// @param evidenceId The evidence record cited.
    /// @param evidenceTime When the evidence was anchored.
    /// @param priorityTime The work's priority time.
    event DisputeRaised(
        uint256 indexed disputeId,
        uint256 indexed workId,
        address indexed claimant,
        bytes32 evidenceId,
        uint64 evidenceTime,
        uint64 priorityTime
    );

    /// @notice An arbitrator ruled on a dispute.
    /// @param disputeId The dispute.
    /// @param workId The disputed work.
    /// @param arbitrator Who ruled.
    /// @param upheld Whether the claim was upheld.
    /// @param rightfulOwner Who received the work by the ruling (zero if it stayed).
    event DisputeResolved(
        uint256 indexed disputeId,
        uint256 indexed workId,
        address indexed arbitrator,
        bool upheld,
        address rightfulOwner
    );

    /// @notice No work has this id in the copyright registry.
    /// @param workId The id given.
    error WorkNotFound(uint256 workId);
    /// @notice The evidence id is not anchored in the evidence registry (directly or as a batch root).
    /// @param evidenceId The id given.
    error EvidenceNotFound(bytes32 evidenceId);
    /// @notice The dispute is not open (or does not exist: status `None`).
    /// @param disputeId The dispute.
    /// @param status Its status.
    error DisputeNotOpen(uint256 disputeId, Status status);
    /// @notice A rejected dispute cannot move the work.
    /// @param disputeId The dispute.
    /// @param rightfulOwner The owner given.
    error InvalidRuling(uint256 disputeId, address rightfulOwner);

    /// @notice Raises a dispute against a work, citing an anchored, unrevoked evidence record; records the evidence's
    /// anchoring time and the work's priority time for the arbitrator.
    /// @param workId The work.
    /// @param evidenceId The evidence id (anchored in the evidence registry, not revoked).
    /// @return disputeId The dispute id (sequential from 1).
    function raiseDispute(uint256 workId, bytes32 evidenceId) external returns (uint256 disputeId);

    /// @notice Rules on an open dispute (arbitrator role). Upheld: the registry freezes the work, first moving it to
    /// `rightfulOwner` if non-zero (who becomes its sole payee, in a new epoch that voids the previous holder's
    /// licenses, locks, attached terms and royalty rate).
    /// @param disputeId The dispute.
    /// @param upheld Whether the claim is upheld.
    /// @param rightfulOwner Who receives the work (zero: it stays); must be zero for a rejection.
    function resolveDispute(uint256 disputeId, bool upheld, address rightfulOwner) external;

    /// @notice Unfreezes a work (arbitrator role), e.g. on appeal. Owners cannot.
    /// @param workId The work.
    function unfreeze(uint256 workId) external;

    /// @notice A dispute (all zero if none).
    /// @param disputeId The dispute.
    /// @return The dispute.
    function getDispute(uint256 disputeId) external view returns (Dispute memory);

    /// @notice Number of disputes raised (the last id).
    /// @return The count.
    function disputeCount() external view returns (uint256);

    /// @notice The copyright registry ruled on.
    /// @return Its address.
    function copyrightRegistry() external view returns (address);

    /// @notice The evidence registry disputes cite.
    /// @return Its address.
    function evidenceRegistry() external view returns (address);
}
