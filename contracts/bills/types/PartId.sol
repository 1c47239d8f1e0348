// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @dev A part's token id: its package id (the ERC-3525 slot) above `SEQ_BITS` bits of sequence number within the
/// package (1 for the root part, counting up as parts are minted).
type PartId is uint256;

using PartIdLibrary for PartId global;

/// @title PartIdLibrary
/// @notice Packing of a bills part's token id: `packageId << SEQ_BITS | seq`, so `slotOf(id) == id >> SEQ_BITS`.
library PartIdLibrary {
    /// @dev Bits of the sequence number: a package has at most 2**24 - 1 parts.
    uint256 internal constant SEQ_BITS = 24;

    /// @dev The token id of part `seq` of package `packageId`.
    function toTokenId(uint256 pkg, uint24 sequence) internal pure returns (uint256) {
        return (pkg << SEQ_BITS) | sequence;
    }

    /// @dev The part's package (its ERC-3525 slot).
    function packageId(PartId id) internal pure returns (uint256) {
        return PartId.unwrap(id) >> SEQ_BITS;
    }

    /// @dev The part's sequence number within its package.
    function seq(PartId id) internal pure returns (uint24) {
        return uint24(PartId.unwrap(id));
    }

    /// @dev The token id of part `otherSeq` of the same package (for example the part's parent).
    function sibling(PartId id, uint24 otherSeq) internal pure returns (uint256) {
        return ((PartId.unwrap(id) >> SEQ_BITS) << SEQ_BITS) | otherSeq;
    }
}
