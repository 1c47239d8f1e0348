// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Test
/// @notice Minimal assertions and input shaping for Solidity tests (no forge-std). Failures revert with a custom
/// error carrying the label and both values, so the runner's decoded revert says what differed.
abstract contract Test {
    /// @notice `what` should have held.
    error AssertionFailed(string what);
    /// @notice `what` was `actual`, `expected` was expected.
    error UintMismatch(string what, uint256 actual, uint256 expected);
    /// @notice `what` was `actual`, `expected` was expected.
    error AddressMismatch(string what, address actual, address expected);
    /// @notice `what` was `actual`, `expected` was expected.
    error Bytes32Mismatch(string what, bytes32 actual, bytes32 expected);
    /// @notice `what` was `actual`, `expected` was expected.
    error BoolMismatch(string what, bool actual, bool expected);
    /// @notice `bound` was called with `min > max`.
    error InvalidBounds(uint256 min, uint256 max);

    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert AssertionFailed(what);
    }

    function assertFalse(bool condition, string memory what) internal pure {
        if (condition) revert AssertionFailed(what);
    }

    function assertEq(uint256 actual, uint256 expected, string memory what) internal pure {
        if (actual != expected) revert UintMismatch(what, actual, expected);
    }

    function assertEq(address actual, address expected, string memory what) internal pure {
        if (actual != expected) revert AddressMismatch(what, actual, expected);
    }

    function assertEq(bytes32 actual, bytes32 expected, string memory what) internal pure {
        if (actual != expected) revert Bytes32Mismatch(what, actual, expected);
    }

    function assertEq(bool actual, bool expected, string memory what) internal pure {
        if (actual != expected) revert BoolMismatch(what, actual, expected);
    }

    /// @notice Maps any fuzzed `x` into `[min, max]`, uniformly enough for tests and without discarding runs.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        if (min > max) revert InvalidBounds(min, max);
        uint256 size = max - min;
        if (size == type(uint256).max) return x;
        return min + (x % (size + 1));
    }
}
