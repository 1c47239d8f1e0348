// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// The Hardhat (Foundry-compatible) cheatcodes the copyright tests use.
interface ICopyrightVm {
    function prank(address sender) external;
    function warp(uint256 timestamp) external;
    function assume(bool condition) external;
}

ICopyrightVm constant vm = ICopyrightVm(address(uint160(uint256(keccak256("hevm cheat code")))));

/// A fuzzed property did not hold.
error PropertyViolated(string property);
