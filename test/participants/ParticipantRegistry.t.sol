// SPDX-License-Identifier: MIT
// Tests: a handler and its invariant test; try/catch on calls that may legitimately revert under random input.
// solhint-disable one-contract-per-file, func-name-mixedcase, no-empty-blocks
pragma solidity ^0.8.24;

import {IParticipantRegistry} from "../../contracts/participants/IParticipantRegistry.sol";
import {ParticipantRegistry} from "../../contracts/participants/ParticipantRegistry.sol";
import {ParticipantRoles} from "../../contracts/participants/ParticipantRoles.sol";
import {Test} from "../common/Test.sol";
import {vm} from "../common/Vm.sol";

/// @notice Random registrations, updates (regulator role included), freezes, role grants, revocations and
/// renunciations among a few accounts, by whoever holds the roles at the time (the handler starts as admin and KYC
/// officer). It records whether each account was registered as a regulator.
contract RegistryHandler {
    uint256 public constant ACTORS = 4;

    ParticipantRegistry public immutable REGISTRY;
    mapping(address account => bool) public registeredAsRegulator;
    bytes32 private immutable KYC;
    bytes32 private immutable ADMIN;

    constructor() {
        REGISTRY = new ParticipantRegistry(address(this), address(this));
        KYC = REGISTRY.KYC_ROLE();
        ADMIN = REGISTRY.DEFAULT_ADMIN_ROLE();
    }

    /// The handler, then accounts 1..ACTORS-1.
    function actorAt(uint256 i) public view returns (address) {
        return i == 0 ? address(this) : vm.addr(i);
    }

    function _actor(uint256 seed) private view returns (address) {
        return actorAt(seed % ACTORS);
    }

    function _role(bool admin) private view returns (bytes32) {
        return admin ? ADMIN : KYC;
    }

    // enterprise, financier, both, or regulator
    function _roles(uint8 seed) private pure returns (uint32) {
        return seed % 4 == 3 ? ParticipantRoles.REGULATOR : 1 + (seed % 4);
    }

    function register(uint256 bySeed, uint256 accountSeed, uint8 roles) external {
        address account = _actor(accountSeed);
        vm.prank(_actor(bySeed));
        try
            REGISTRY.register(account, keccak256(abi.encode(account)), _roles(roles), uint64(block.timestamp + 1 days))
        {
            registeredAsRegulator[account] = _roles(roles) == ParticipantRoles.REGULATOR;
        } catch {}
    }

    function update(uint256 bySeed, uint256 accountSeed, uint8 roles) external {
        vm.prank(_actor(bySeed));
        try REGISTRY.update(_actor(accountSeed), _roles(roles), uint64(block.timestamp + 2 days)) {} catch {}
    }

    function setFrozen(uint256 bySeed, uint256 accountSeed, bool frozen) external {
        vm.prank(_actor(bySeed));
        try REGISTRY.setFrozen(_actor(accountSeed), frozen, bytes32(0)) {} catch {}
    }

    function grant(uint256 bySeed, uint256 accountSeed, bool admin) external {
        vm.prank(_actor(bySeed));
        try REGISTRY.grantRole(_role(admin), _actor(accountSeed)) {} catch {}
    }

    function revoke(uint256 bySeed, uint256 accountSeed, bool admin) external {
        vm.prank(_actor(bySeed));
        try REGISTRY.revokeRole(_role(admin), _actor(accountSeed)) {} catch {}
    }

    function renounce(uint256 accountSeed, bool admin) external {
        address account = _actor(accountSeed);
        vm.prank(account);
        try REGISTRY.renounceRole(_role(admin), account) {} catch {}
    }
}

/// @notice Whatever happens, no registered participant holds the register's admin or KYC role, an account is a
/// regulator exactly when it was registered as one, and no regulator is frozen.
contract ParticipantRegistryInvariantTest is Test {
    RegistryHandler internal handler;
    ParticipantRegistry internal registry;

    function setUp() public {
        handler = new RegistryHandler();
        registry = handler.REGISTRY();
    }

    /// @notice Fuzz only the handler.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// hardhat-config: invariant.runs = 32
    /// hardhat-config: invariant.depth = 30
    function invariant_staffAreNeverParticipants() public view {
        bytes32 kyc = registry.KYC_ROLE();
        bytes32 admin = registry.DEFAULT_ADMIN_ROLE();
        for (uint256 i = 0; i < handler.ACTORS(); ++i) {
            address account = handler.actorAt(i);
            if (registry.participant(account).registeredAt == 0) continue;
            assertFalse(registry.hasRole(kyc, account), "a participant holds the KYC role");
            assertFalse(registry.hasRole(admin, account), "a participant holds the admin role");
        }
    }

    /// hardhat-config: invariant.runs = 32
    /// hardhat-config: invariant.depth = 30
    function invariant_regulatorSideIsFixedAndNeverFrozen() public view {
        for (uint256 i = 0; i < handler.ACTORS(); ++i) {
            address account = handler.actorAt(i);
            IParticipantRegistry.Participant memory p = registry.participant(account);
            if (p.registeredAt == 0) continue;
            bool regulator = p.roles & ParticipantRoles.REGULATOR != 0;
            assertEq(regulator, handler.registeredAsRegulator(account), "an account crossed the regulator line");
            if (regulator) assertFalse(p.frozen, "a regulator is frozen");
        }
    }
}
