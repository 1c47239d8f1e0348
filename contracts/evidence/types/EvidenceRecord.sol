// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @dev An anchored evidence record in one storage word, low bits first:
/// submitter 160 | time 48 | blockNumber 40 | algorithm 7 | batch 1.
/// 48 bits hold millisecond timestamps (FISCO BCOS stamps blocks in ms) for 8,900 years and 40 bits a block a
/// millisecond for 34 years. A record is never all zero (its submitter is never the zero address), so the zero word
/// means "not anchored".
type EvidenceRecord is bytes32;

using EvidenceRecordLibrary for EvidenceRecord global;

/// @title EvidenceRecordLibrary
/// @notice Packs and reads an `EvidenceRecord`, as v4-core's `Slot0Library` does for its pool state.
library EvidenceRecordLibrary {
    uint256 internal constant MASK_160_BITS = 0x00ffffffffffffffffffffffffffffffffffffffff;
    uint256 internal constant MASK_48_BITS = 0xffffffffffff;
    uint256 internal constant MASK_40_BITS = 0xffffffffff;
    uint256 internal constant MASK_7_BITS = 0x7f;

    uint256 internal constant TIME_OFFSET = 160;
    uint256 internal constant BLOCK_NUMBER_OFFSET = 208;
    uint256 internal constant ALGORITHM_OFFSET = 248;
    uint256 internal constant BATCH_OFFSET = 255;

    /// @notice The record of an anchor by `submitter_` at `time_` in block `blockNumber_`. `time_` and `blockNumber_`
    /// are taken modulo 2^48 and 2^40 and `algorithm_` modulo 2^7, so that past those horizons (or for an id the caller
    /// failed to check) a field wraps rather than spilling into its neighbour.
    function pack(
        address submitter_,
        uint256 time_,
        uint256 blockNumber_,
        uint8 algorithm_,
        bool batch_
    ) internal pure returns (EvidenceRecord record) {
        assembly ("memory-safe") {
            record := or(
                or(and(submitter_, MASK_160_BITS), shl(TIME_OFFSET, and(time_, MASK_48_BITS))),
                or(
                    or(
                        shl(BLOCK_NUMBER_OFFSET, and(blockNumber_, MASK_40_BITS)),
                        shl(ALGORITHM_OFFSET, and(algorithm_, MASK_7_BITS))
                    ),
                    shl(BATCH_OFFSET, iszero(iszero(batch_)))
                )
            )
        }
    }

    /// @notice Whether no record is stored (the id was never anchored).
    function isEmpty(EvidenceRecord record) internal pure returns (bool empty) {
        return EvidenceRecord.unwrap(record) == bytes32(0);
    }

    /// @notice Who anchored the record (the zero address if none).
    function submitter(EvidenceRecord record) internal pure returns (address value) {
        assembly ("memory-safe") {
            value := and(record, MASK_160_BITS)
        }
    }

    /// @notice The anchor's block timestamp, in the chain's unit.
    function time(EvidenceRecord record) internal pure returns (uint48 value) {
        assembly ("memory-safe") {
            value := and(shr(TIME_OFFSET, record), MASK_48_BITS)
        }
    }

    /// @notice The anchor's block number.
    function blockNumber(EvidenceRecord record) internal pure returns (uint40 value) {
        assembly ("memory-safe") {
            value := and(shr(BLOCK_NUMBER_OFFSET, record), MASK_40_BITS)
        }
    }

    /// @notice The hash algorithm id, 1 to 127 (0 if none).
    function algorithm(EvidenceRecord record) internal pure returns (uint8 value) {
        assembly ("memory-safe") {
            value := and(shr(ALGORITHM_OFFSET, record), MASK_7_BITS)
        }
    }

    /// @notice Whether the record's id is a batch's Merkle root.
    function isBatch(EvidenceRecord record) internal pure returns (bool value) {
        assembly ("memory-safe") {
            value := shr(BATCH_OFFSET, record)
        }
    }
}
