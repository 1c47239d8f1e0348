// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title EmptyFallbackMock
/// @notice A contract whose fallback accepts every call and returns no data, so a `supportsInterface` call to it
/// "succeeds" with an empty answer that cannot be decoded as a bool.
contract EmptyFallbackMock {
    // solhint-disable-next-line no-complex-fallback, payable-fallback
    fallback() external {}
}
