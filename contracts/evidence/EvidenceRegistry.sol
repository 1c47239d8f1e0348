// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

import {MAX_ALGORITHM as MAX_ALGORITHM_ID} from "../common/Constants.sol";
import {UnorderedNonces} from "../common/UnorderedNonces.sol";
import {IEvidenceRegistry} from "./IEvidenceRegistry.sol";
import {EvidenceRecord, EvidenceRecordLibrary} from "./types/EvidenceRecord.sol";

/// @title EvidenceRegistry
/// @notice Evidence notarization: anchor digests and Merkle batches, delegated (gasless) anchoring, M-of-N witness
/// co-signing, revocation and supersession, and one-call verification. Permissionless and ownerless: no one can
/// alter or delete a record, so its priority proof depends on nothing but the chain. Signed requests carry unordered
/// nonces (`UnorderedNonces`): each is used once, in any order, and its signer can invalidate it.
contract EvidenceRegistry is IEvidenceRegistry, EIP712, UnorderedNonces {
    /// @inheritdoc IEvidenceRegistry
    uint8 public constant MAX_ALGORITHM = MAX_ALGORITHM_ID;
    /// @inheritdoc IEvidenceRegistry
    /// @dev Bounds the loop in `requireWitnesses`.
    uint256 public constant MAX_WITNESSES = 32;

    /// @inheritdoc IEvidenceRegistry
    /// @dev The request names its submitter: an ERC-1271 wallet may accept its owner's signature over the raw hash,
    /// so without it one signature would anchor for the owner or for any of its wallets, the relayer's choice.
    bytes32 public constant ANCHOR_TYPEHASH = keccak256(
        "Anchor(bytes32 digest,uint8 algorithm,bytes32 metadata,address submitter,uint256 nonce,uint256 deadline)"
    );
    /// @inheritdoc IEvidenceRegistry
    bytes32 public constant COSIGN_TYPEHASH = keccak256(
        "Cosign(bytes32 id,address witness,uint256 nonce,uint256 deadline)"
    );

    // A witness's state in the low byte of its slot in `_witnessSlots`.
    uint256 private constant NOT_NAMED = 0;
    uint256 private constant PENDING = 1;
    uint256 private constant SIGNED = 2;
    uint256 private constant STATE_MASK = 0xff;

    /// @dev Everything that can change after an anchor, in one slot: a co-signature reads all of it and writes the
    /// count, so witnessing costs one storage write. `witnessed` is derived (signatures >= threshold), not stored.
    struct Lifecycle {
        uint8 threshold;
        uint8 signatures;
        uint64 deadline;
        uint64 revokedAt;
    }

    /// @dev A `Record` packed into one slot (`EvidenceRecord`: submitter 160 | time 48 | blockNumber 40 | algorithm 7 |
    /// batch 1); one `sstore` keeps an anchor near the one-slot-plus-event floor.
    mapping(bytes32 id => EvidenceRecord) private _records;
    mapping(bytes32 id => Lifecycle) private _lifecycles;
    mapping(bytes32 id => address[]) private _witnesses;
    /// @dev Per named witness: its state (low byte) and the record's submitter (the 160 bits above), written with the
    /// state at no extra cost, so a co-signature names the submitter in its events without a cold read of the record.
    mapping(bytes32 id => mapping(address witness => uint256 packed)) private _witnessSlots;
    mapping(bytes32 id => bytes32) private _supersededBy;

    constructor() EIP712("EvidenceRegistry", "1") {}

    // ---------------------------------------------------------------- anchoring

    /// @inheritdoc IEvidenceRegistry
    function anchor(bytes32 digest, uint8 algorithm, bytes32 metadata) external {
        _anchor(digest, algorithm, metadata, msg.sender, false);
    }

    /// @inheritdoc IEvidenceRegistry
    function anchorWithURI(bytes32 digest, uint8 algorithm, string calldata uri) external {
        _anchor(digest, algorithm, keccak256(bytes(uri)), msg.sender, false);
        emit MetadataURI(digest, msg.sender, uri);
    }

    /// @inheritdoc IEvidenceRegistry
    function anchorBatch(bytes32 root, uint8 algorithm, uint256 size, bytes32 metadata) external {
        _anchor(root, algorithm, metadata, msg.sender, true);
        emit BatchAnchored(root, msg.sender, size);
    }

    /// @inheritdoc IEvidenceRegistry
    function anchorBySig(
        bytes32 digest,
        uint8 algorithm,
        bytes32 metadata,
        address submitter,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external {
        _useSignedRequest(
            submitter,
            nonce,
            deadline,
            keccak256(abi.encode(ANCHOR_TYPEHASH, digest, algorithm, metadata, submitter, nonce, deadline)),
            signature
        );
        _anchor(digest, algorithm, metadata, submitter, false);
    }

    // ---------------------------------------------------------------- witnesses

    /// @inheritdoc IEvidenceRegistry
    function requireWitnesses(bytes32 id, address[] calldata witnesses, uint8 threshold, uint64 deadline) external {
        address submitter = _requireSubmitter(id);
        Lifecycle storage lifecycle = _lifecycles[id];
        _requireNotRevoked(id, lifecycle.revokedAt);
        if (lifecycle.threshold != 0) revert WitnessesAlreadyRequired(id);
        uint256 count = witnesses.length;
        if (count > MAX_WITNESSES) revert TooManyWitnesses(count, MAX_WITNESSES);
        if (threshold == 0 || threshold > count) revert InvalidThreshold(threshold, count);
        if (deadline != 0 && deadline < block.timestamp) revert InvalidWitnessDeadline(deadline);

        mapping(address => uint256) storage slots = _witnessSlots[id];
        uint256 pending = (uint256(uint160(submitter)) << 8) | PENDING;
        for (uint256 i; i < count; ++i) {
            address witness = witnesses[i];
            if (witness == address(0) || witness == submitter) revert InvalidWitness(witness);
            if (slots[witness] != NOT_NAMED) revert DuplicateWitness(witness);
            slots[witness] = pending;
        }
        lifecycle.threshold = threshold;
        lifecycle.deadline = deadline;
        _witnesses[id] = witnesses;
        emit WitnessesRequired(id, submitter, witnesses, threshold, deadline);
    }

    /// @inheritdoc IEvidenceRegistry
    function cosign(bytes32 id) external {
        _cosign(id, msg.sender);
    }

    /// @inheritdoc IEvidenceRegistry
    function cosignBySig(
        bytes32 id,
        address witness,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external {
        _useSignedRequest(
            witness,
            nonce,
            deadline,
            keccak256(abi.encode(COSIGN_TYPEHASH, id, witness, nonce, deadline)),
            signature
        );
        _cosign(id, witness);
    }

    // ---------------------------------------------------------------- revocation and supersession

    /// @inheritdoc IEvidenceRegistry
    function revoke(bytes32 id, bytes32 reason) external {
        address submitter = _requireSubmitter(id);
        Lifecycle storage lifecycle = _lifecycles[id];
        _requireNotRevoked(id, lifecycle.revokedAt);
        lifecycle.revokedAt = uint64(block.timestamp);
        emit Revoked(id, submitter, reason);
    }

    /// @inheritdoc IEvidenceRegistry
    function supersede(bytes32 id, bytes32 newId) external {
        address submitter = _requireSubmitter(id);
        if (newId == id) revert SelfSupersession(id);
        bytes32 current = _supersededBy[id];
        if (current != bytes32(0)) revert AlreadySuperseded(id, current);
        address newSubmitter = _submitterOf(newId);
        if (newSubmitter == address(0)) revert EvidenceNotFound(newId);
        if (newSubmitter != submitter) revert NotSubmitter(newId, submitter, newSubmitter);
        // The successor must be current: a superseded successor could close a cycle (v1 -> v2 -> v1), leaving no
        // latest version. Every chain thus stays acyclic and ends at the one record not superseded.
        bytes32 successorOfNew = _supersededBy[newId];
        if (successorOfNew != bytes32(0)) revert AlreadySuperseded(newId, successorOfNew);
        _requireNotRevoked(newId, _lifecycles[newId].revokedAt);
        _supersededBy[id] = newId;
        emit Superseded(id, newId, submitter);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IEvidenceRegistry
    function exists(bytes32 id) external view returns (bool) {
        return !_records[id].isEmpty();
    }

    /// @inheritdoc IEvidenceRegistry
    function getRecord(bytes32 id) external view returns (Record memory) {
        return _unpack(_records[id]);
    }

    /// @inheritdoc IEvidenceRegistry
    function getWitnessPolicy(bytes32 id) external view returns (WitnessPolicy memory) {
        Lifecycle memory lifecycle = _lifecycles[id];
        return
            WitnessPolicy({
                threshold: lifecycle.threshold,
                signatures: lifecycle.signatures,
                deadline: lifecycle.deadline,
                witnesses: _witnesses[id]
            });
    }

    /// @inheritdoc IEvidenceRegistry
    function hasCosigned(bytes32 id, address witness) external view returns (bool) {
        return _witnessSlots[id][witness] & STATE_MASK == SIGNED;
    }

    /// @inheritdoc IEvidenceRegistry
    function verify(bytes32 digest) external view returns (Verification memory) {
        return _verification(digest, _unpack(_records[digest]));
    }

    /// @inheritdoc IEvidenceRegistry
    function verifyInBatch(
        bytes32 root,
        bytes32 digest,
        bytes32[] calldata proof
    ) external view returns (Verification memory result) {
        Record memory record = _unpack(_records[root]);
        if (!record.batch) return result;
        // The leaf format of @openzeppelin/merkle-tree's StandardMerkleTree for the leaf type `bytes32`.
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(digest))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) return result;
        return _verification(root, record);
    }

    // ---------------------------------------------------------------- internals

    function _anchor(bytes32 id, uint8 algorithm, bytes32 metadata, address submitter, bool batch) private {
        if (id == bytes32(0)) revert ZeroDigest();
        if (algorithm == 0 || algorithm > MAX_ALGORITHM) revert UnknownAlgorithm(algorithm);
        uint256 slot;
        EvidenceRecord existing;
        // Assembly saves ~160 gas of the compiler's mapping access: a third of the anchor's headroom.
        assembly ("memory-safe") {
            mstore(0x00, id)
            mstore(0x20, _records.slot)
            slot := keccak256(0x00, 0x40)
            existing := sload(slot)
        }
        if (!existing.isEmpty()) revert AlreadyAnchored(id, existing.submitter(), existing.time());
        EvidenceRecord record = EvidenceRecordLibrary.pack(submitter, block.timestamp, block.number, algorithm, batch);
        assembly ("memory-safe") {
            sstore(slot, record)
        }
        emit Anchored(id, submitter, algorithm, metadata);
    }

    function _cosign(bytes32 id, address witness) private {
        mapping(address => uint256) storage slots = _witnessSlots[id];
        uint256 packed = slots[witness];
        uint256 state = packed & STATE_MASK;
        // A named witness proves the record exists, so the record itself is read only to explain a refusal.
        if (state == NOT_NAMED) {
            if (_records[id].isEmpty()) revert EvidenceNotFound(id);
            revert NotAWitness(id, witness);
        }
        if (state == SIGNED) revert AlreadyCosigned(id, witness);
        Lifecycle memory lifecycle = _lifecycles[id];
        _requireNotRevoked(id, lifecycle.revokedAt);
        if (lifecycle.deadline != 0 && block.timestamp > lifecycle.deadline) {
            revert CosignDeadlinePassed(id, lifecycle.deadline);
        }

        slots[witness] = packed + (SIGNED - PENDING); // the submitter bits stay
        address submitter = address(uint160(packed >> 8));
        uint8 signatures = lifecycle.signatures + 1;
        _lifecycles[id].signatures = signatures;
        emit Cosigned(id, submitter, witness, signatures);
        if (signatures == lifecycle.threshold) emit Witnessed(id, submitter);
    }

    /// @dev Checks a signed request's deadline, uses its nonce (`NonceAlreadyUsed` if used or invalidated before) and
    /// checks its signature. A request whose action then reverts leaves its nonce unused, and blocks no other.
    function _useSignedRequest(
        address signer,
        uint256 nonce,
        uint256 deadline,
        bytes32 structHash,
        bytes calldata signature
    ) private {
        if (block.timestamp > deadline) revert ExpiredSignature(deadline);
        _useUnorderedNonce(signer, nonce);
        if (!SignatureChecker.isValidSignatureNow(signer, _hashTypedDataV4(structHash), signature)) {
            revert InvalidSignature(signer);
        }
    }

    function _requireSubmitter(bytes32 id) private view returns (address submitter) {
        submitter = _submitterOf(id);
        if (submitter == address(0)) revert EvidenceNotFound(id);
        if (submitter != msg.sender) revert NotSubmitter(id, msg.sender, submitter);
    }

    function _requireNotRevoked(bytes32 id, uint64 revokedAt) private pure {
        if (revokedAt != 0) revert EvidenceRevoked(id, revokedAt);
    }

    function _submitterOf(bytes32 id) private view returns (address) {
        return _records[id].submitter();
    }

    function _unpack(EvidenceRecord record) private pure returns (Record memory) {
        return
            Record({
                submitter: record.submitter(),
                time: record.time(),
                blockNumber: record.blockNumber(),
                algorithm: record.algorithm(),
                batch: record.isBatch()
            });
    }

    function _verification(bytes32 id, Record memory record) private view returns (Verification memory result) {
        if (record.submitter == address(0)) return result;
        Lifecycle memory lifecycle = _lifecycles[id];
        result = Verification({
            exists: true,
            batched: record.batch,
            algorithm: record.algorithm,
            submitter: record.submitter,
            time: record.time,
            blockNumber: record.blockNumber,
            witnessThreshold: lifecycle.threshold,
            witnessSignatures: lifecycle.signatures,
            witnessed: lifecycle.threshold != 0 && lifecycle.signatures >= lifecycle.threshold,
            revoked: lifecycle.revokedAt != 0,
            revokedAt: lifecycle.revokedAt,
            supersededBy: _supersededBy[id]
        });
    }
}
