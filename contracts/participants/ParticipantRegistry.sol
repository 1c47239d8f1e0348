// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

import {IParticipantRegistry} from "./IParticipantRegistry.sol";
import {ParticipantRoles} from "./ParticipantRoles.sol";

/// @title ParticipantRegistry
/// @notice KYC register of participants. The admin grants `KYC_ROLE`; KYC officers register, update, suspend and
/// reinstate others; registered regulators freeze business participants. There is no initializer: roles are fixed in
/// the constructor.
/// @dev The admin and KYC officers are never participants: `register` refuses an account holding either role and
/// `_grantRole` refuses either role to a registered account. No registered account can hold one, so `update` and the
/// other steps on registered accounts need no check of their own. An account registers once and is never deleted, and
/// `update` keeps the `REGULATOR` bit as registered, so whether an account is a regulator never changes; `setFrozen`
/// refuses regulators as targets, so no regulator is ever frozen.
contract ParticipantRegistry is IParticipantRegistry, AccessControl {
    /// @notice The role that registers and suspends participants.
    bytes32 public constant KYC_ROLE = keccak256("KYC_ROLE");

    mapping(address account => Participant) private _participants;

    /// @param admin Holder of `DEFAULT_ADMIN_ROLE` (grants and revokes `KYC_ROLE`).
    /// @param kycOfficer First holder of `KYC_ROLE` (may be zero to grant later).
    constructor(address admin, address kycOfficer) {
        if (admin == address(0)) revert ZeroAccount();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        if (kycOfficer != address(0)) _grantRole(KYC_ROLE, kycOfficer);
    }

    /// @inheritdoc IParticipantRegistry
    function register(address account, bytes32 orgId, uint32 roles, uint64 validUntil) external onlyRole(KYC_ROLE) {
        if (account == address(0)) revert ZeroAccount();
        if (account == msg.sender) revert SelfRegistration(account);
        if (hasRole(DEFAULT_ADMIN_ROLE, account)) revert RegistryStaffCannotParticipate(account, DEFAULT_ADMIN_ROLE);
        if (hasRole(KYC_ROLE, account)) revert RegistryStaffCannotParticipate(account, KYC_ROLE);
        if (orgId == bytes32(0)) revert ZeroOrgId();
        _checkTerms(roles, validUntil);
        Participant storage p = _participants[account];
        if (p.registeredAt != 0) revert AlreadyRegistered(account);
        p.orgId = orgId;
        p.roles = roles;
        p.validUntil = validUntil;
        p.registeredAt = uint64(block.timestamp);
        emit ParticipantRegistered(account, orgId, roles, validUntil);
    }

    /// @inheritdoc IParticipantRegistry
    function update(address account, uint32 roles, uint64 validUntil) external onlyRole(KYC_ROLE) {
        if (account == msg.sender) revert SelfUpdate(account);
        _checkTerms(roles, validUntil);
        Participant storage p = _registered(account);
        if ((p.roles ^ roles) & ParticipantRoles.REGULATOR != 0) revert RegulatorRoleChange(account, p.roles, roles);
        p.roles = roles;
        p.validUntil = validUntil;
        emit ParticipantUpdated(account, roles, validUntil);
    }

    /// @inheritdoc IParticipantRegistry
    function suspend(address account, bytes32 reason) external onlyRole(KYC_ROLE) {
        Participant storage p = _registered(account);
        if (p.suspended) revert AlreadySuspended(account);
        p.suspended = true;
        emit ParticipantSuspended(account, reason);
    }

    /// @inheritdoc IParticipantRegistry
    function reinstate(address account) external onlyRole(KYC_ROLE) {
        if (account == msg.sender) revert SelfReinstatement(account);
        Participant storage p = _registered(account);
        if (!p.suspended) revert NotSuspended(account);
        p.suspended = false;
        emit ParticipantReinstated(account);
    }

    /// @inheritdoc IParticipantRegistry
    function setFrozen(address account, bool frozen, bytes32 reason) external {
        if (!isActive(msg.sender, ParticipantRoles.REGULATOR)) revert NotRegulator(msg.sender);
        Participant storage p = _registered(account);
        // The caller is a regulator, so this also refuses freezing itself.
        if (p.roles & ParticipantRoles.REGULATOR != 0) revert RegulatorCannotFreezeRegulator(msg.sender, account);
        if (p.frozen == frozen) revert FreezeUnchanged(account, frozen);
        p.frozen = frozen;
        emit ParticipantFrozen(account, msg.sender, frozen, reason);
    }

    /// @inheritdoc IParticipantRegistry
    function isFrozen(address account) external view returns (bool) {
        return _participants[account].frozen;
    }

    /// @inheritdoc IParticipantRegistry
    function participant(address account) external view returns (Participant memory) {
        return _participants[account];
    }

    /// @inheritdoc IParticipantRegistry
    function isActive(address account, uint32 anyOfRoles) public view returns (bool) {
        Participant storage p = _participants[account];
        return p.roles & anyOfRoles != 0 && !p.suspended && !p.frozen && block.timestamp < uint256(p.validUntil) + 1;
    }

    /// @dev Refuses the admin and KYC roles to a registered participant (every grant, `grantRole` included, comes
    /// here): the register's staff never hold or move value.
    function _grantRole(bytes32 role, address account) internal override returns (bool) {
        if ((role == DEFAULT_ADMIN_ROLE || role == KYC_ROLE) && _participants[account].registeredAt != 0) {
            revert ParticipantCannotBeStaff(account, role);
        }
        return super._grantRole(role, account);
    }

    function _registered(address account) private view returns (Participant storage p) {
        p = _participants[account];
        if (p.registeredAt == 0) revert NotRegistered(account);
    }

    function _checkTerms(uint32 roles, uint64 validUntil) private view {
        if (roles == 0) revert NoRoles();
        if (roles & ParticipantRoles.REGULATOR != 0 && roles != ParticipantRoles.REGULATOR) {
            revert RegulatorRoleNotExclusive(roles);
        }
        if (validUntil < block.timestamp + 1) revert InvalidValidity(validUntil);
    }
}
