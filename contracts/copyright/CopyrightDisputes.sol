// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

import {IEvidenceRegistry} from "../evidence/IEvidenceRegistry.sol";
import {ICopyrightDisputes} from "./ICopyrightDisputes.sol";
import {ICopyrightRegistry} from "./ICopyrightRegistry.sol";

/// @title CopyrightDisputes
/// @notice Evidence-backed disputes and arbitration for a `CopyrightRegistry`, which grants this contract its
/// `RULING_ROLE`. A separate contract keeps the registry under the 24,576-byte code-size limit. Storage: a dispute is
/// four slots (work id; evidence id; claimant, raise time and status; evidence time and priority time).
contract CopyrightDisputes is ICopyrightDisputes, AccessControl {
    /// @notice Role that rules on disputes and unfreezes works.
    bytes32 public constant ARBITRATOR_ROLE = keccak256("ARBITRATOR_ROLE");

    ICopyrightRegistry private immutable REGISTRY;
    IEvidenceRegistry private immutable EVIDENCE;

    mapping(uint256 disputeId => Dispute) private _disputes;
    uint256 private _disputeCount;

    /// @param admin Holder of the admin role (it grants and revokes the arbitrator role).
    /// @param arbitrator Holder of the arbitrator role.
    /// @param registry The copyright registry.
    /// @param evidence The evidence registry.
    constructor(address admin, address arbitrator, ICopyrightRegistry registry, IEvidenceRegistry evidence) {
        REGISTRY = registry;
        EVIDENCE = evidence;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ARBITRATOR_ROLE, arbitrator);
    }

    /// @inheritdoc ICopyrightDisputes
    function raiseDispute(uint256 workId, bytes32 evidenceId) external returns (uint256 disputeId) {
        if (!REGISTRY.exists(workId)) revert WorkNotFound(workId);
        uint64 priorityTime = REGISTRY.getWork(workId).priorityTime;
        IEvidenceRegistry.Verification memory evidence = EVIDENCE.verify(evidenceId);
        if (!evidence.exists) revert EvidenceNotFound(evidenceId);
        if (evidence.revoked) revert EvidenceRevoked(evidenceId, evidence.revokedAt);
        disputeId = ++_disputeCount;
        _disputes[disputeId] = Dispute({
            workId: workId,
            evidenceId: evidenceId,
            claimant: msg.sender,
            raisedAt: uint64(block.timestamp),
            status: Status.Open,
            evidenceTime: evidence.time,
            priorityTime: priorityTime
        });
        emit DisputeRaised(disputeId, workId, msg.sender, evidenceId, evidence.time, priorityTime);
    }

    /// @inheritdoc ICopyrightDisputes
    function resolveDispute(uint256 disputeId, bool upheld, address rightfulOwner) external onlyRole(ARBITRATOR_ROLE) {
        Dispute storage dispute = _disputes[disputeId];
        Status status = dispute.status;
        if (status != Status.Open) revert DisputeNotOpen(disputeId, status);
        if (!upheld && rightfulOwner != address(0)) revert InvalidRuling(disputeId, rightfulOwner);
        uint256 workId = dispute.workId;
        dispute.status = upheld ? Status.Upheld : Status.Rejected;
        emit DisputeResolved(disputeId, workId, msg.sender, upheld, rightfulOwner);
        if (upheld) REGISTRY.enforceRuling(workId, disputeId, rightfulOwner);
    }

    /// @inheritdoc ICopyrightDisputes
    function unfreeze(uint256 workId) external onlyRole(ARBITRATOR_ROLE) {
        REGISTRY.unfreeze(workId);
    }

    /// @inheritdoc ICopyrightDisputes
    function getDispute(uint256 disputeId) external view returns (Dispute memory) {
        return _disputes[disputeId];
    }

    /// @inheritdoc ICopyrightDisputes
    function disputeCount() external view returns (uint256) {
        return _disputeCount;
    }

    /// @inheritdoc ICopyrightDisputes
    function copyrightRegistry() external view returns (address) {
        return address(REGISTRY);
    }

    /// @inheritdoc ICopyrightDisputes
    function evidenceRegistry() external view returns (address) {
        return address(EVIDENCE);
    }
}
