// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title RolesRegistryMock
/// @notice A participant register whose roles anyone sets at any time, with nothing else (no validity, suspension or
/// freeze): it lets a test make a bill's party a regulator, which the real register refuses (`RegulatorRoleChange`),
/// to show that the bills contract's own check (`RegulatorIsParty`) holds against such a register too.
contract RolesRegistryMock {
    mapping(address account => uint32) public rolesOf;

    function setRoles(address account, uint32 roles) external {
        rolesOf[account] = roles;
    }

    function isActive(address account, uint32 anyOfRoles) external view returns (bool) {
        return rolesOf[account] & anyOfRoles != 0;
    }
}
