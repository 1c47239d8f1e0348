// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IEvidenceRegistry} from "../../evidence/IEvidenceRegistry.sol";

/// @notice A forger's registry: a few hundred bytes that answer `verify` and `verifyInBatch` with whatever record they
/// were told to show, and emit look-alike `Anchored` events, so receipts naming it can carry a real transaction. Tests
/// use it to prove that no verifier trusts the contract a receipt names.
contract LookalikeEvidenceRegistry {
    IEvidenceRegistry.Verification private _answer;
    IEvidenceRegistry.WitnessPolicy private _policy;

    event Anchored(bytes32 indexed id, address indexed submitter, uint8 algorithm, bytes32 metadata);

    function setAnswer(IEvidenceRegistry.Verification calldata answer) external {
        _answer = answer;
    }

    function anchor(bytes32 digest, uint8 algorithm, bytes32 metadata) external {
        emit Anchored(digest, _answer.submitter, algorithm, metadata);
    }

    function verify(bytes32) external view returns (IEvidenceRegistry.Verification memory) {
        return _answer;
    }

    function verifyInBatch(
        bytes32,
        bytes32,
        bytes32[] calldata
    ) external view returns (IEvidenceRegistry.Verification memory) {
        return _answer;
    }

    function getWitnessPolicy(bytes32) external view returns (IEvidenceRegistry.WitnessPolicy memory) {
        return _policy;
    }
}
