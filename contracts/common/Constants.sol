// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Constants
/// @notice Numbers more than one suite depends on. A library rather than file-level constants: a source file with no
/// contract gives a compiler output without `contracts`, which `hardhat node` (EDR 0.22) refuses to load.
library Constants {
    /// @dev Basis points in one whole: rates (royalties, discounts) are written in hundredths of a percent.
    uint256 internal constant BPS = 10_000;

    /// @dev The largest hash-algorithm id a record can carry: ids are 7 bits wide, packed beside a flag in one byte.
    uint8 internal constant MAX_ALGORITHM = 127;
}
