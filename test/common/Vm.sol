// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Foundry's names (`Vm`, `vm`), so tests read like Foundry tests.
// solhint-disable interface-starts-with-i, const-name-snakecase

/// @title Vm
/// @notice The Foundry-compatible cheatcodes Hardhat's Solidity test runner (EDR) provides, declared here because the
/// project does not depend on forge-std. Add a cheatcode when a suite needs it, with Foundry's exact signature.
interface Vm {
    /// @notice One log captured by `recordLogs`.
    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }

    /// @notice Sets `block.timestamp`.
    function warp(uint256 timestamp) external;

    /// @notice The current block's timestamp, read through the VM: via IR, `block.timestamp` may be read once
    /// per call and not see a `warp` made later in the same test.
    function getBlockTimestamp() external view returns (uint256);

    /// @notice Sets `block.number`.
    function roll(uint256 blockNumber) external;

    /// @notice Sets `block.chainid`.
    function chainId(uint256 newChainId) external;

    /// @notice Makes the next call's `msg.sender` `sender`.
    function prank(address sender) external;

    /// @notice Makes every following call's `msg.sender` `sender`, until `stopPrank`.
    function startPrank(address sender) external;

    /// @notice Ends `startPrank`.
    function stopPrank() external;

    /// @notice Sets the ether balance of `account`.
    function deal(address account, uint256 balance) external;

    /// @notice Expects the next call to revert with exactly `revertData`.
    function expectRevert(bytes calldata revertData) external;

    /// @notice Expects the next call to revert with a custom error of this selector (any arguments).
    function expectRevert(bytes4 selector) external;

    /// @notice Expects the next call to revert, for any reason.
    function expectRevert() external;

    /// @notice Expects the next emitted event to match the one emitted next by the test, on the chosen topics/data.
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData, address emitter) external;

    /// @notice Starts capturing every emitted log.
    function recordLogs() external;

    /// @notice Returns the logs captured since `recordLogs` (or the previous call) and clears them.
    function getRecordedLogs() external returns (Log[] memory logs);

    /// @notice The address of private key `privateKey`.
    function addr(uint256 privateKey) external pure returns (address account);

    /// @notice Signs `digest` with `privateKey`.
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);

    /// @notice Discards the current fuzz input when `condition` is false.
    function assume(bool condition) external pure;

    /// @notice Names `account` in traces.
    function label(address account, string calldata name) external;

    /// @notice Snapshots the whole chain state; returns its id.
    function snapshotState() external returns (uint256 snapshotId);

    /// @notice Restores the chain state of snapshot `snapshotId`.
    function revertToState(uint256 snapshotId) external returns (bool success);
}

Vm constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
