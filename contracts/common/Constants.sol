// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @dev Basis points in one whole: rates (royalties, discounts) are written in hundredths of a percent.
uint256 constant BPS = 10_000;

/// @dev The largest hash-algorithm id a record can carry: ids are 7 bits wide, packed beside a flag in one byte.
uint8 constant MAX_ALGORITHM = 127;
