// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IParticipantRegistry
/// @notice Know-your-customer register of the parties allowed to do business (企业信息报备): each address is bound to
/// an organisation (the hash of its unified social credit code), a set of roles and a validity end. Only the KYC
/// role registers, updates, suspends and reinstates; nobody can register itself, and the register's staff (its admin
/// and KYC officers) are never participants, so they can neither hold nor move value. An active participant with the
/// `REGULATOR` role bit freezes and unfreezes others and can do nothing else here; the regulator role excludes every
/// business role, so a regulator never holds or moves value it could freeze. Other suites read `isActive`.
interface IParticipantRegistry {
    /// @notice A registered party. Everything but `orgId` shares one slot, so an `isActive` check costs a single
    /// storage read.
    /// @param orgId Hash of the organisation's unified social credit code.
    /// @param roles Bit set of `ParticipantRoles` values.
    /// @param validUntil Last moment the registration is valid, in the chain's time unit.
    /// @param registeredAt When the address was registered.
    /// @param suspended Whether the KYC role suspended it.
    /// @param frozen Whether a regulator froze it.
    struct Participant {
        bytes32 orgId;
        uint32 roles;
        uint64 validUntil;
        uint64 registeredAt;
        bool suspended;
        bool frozen;
    }

    /// @notice An address was registered.
    /// @param account The participant's address.
    /// @param orgId Hash of its unified social credit code.
    /// @param roles Its roles.
    /// @param validUntil End of validity.
    event ParticipantRegistered(address indexed account, bytes32 indexed orgId, uint32 roles, uint64 validUntil);

    /// @notice A participant's roles or validity changed.
    /// @param account The participant.
    /// @param roles New roles.
    /// @param validUntil New end of validity.
    event ParticipantUpdated(address indexed account, uint32 roles, uint64 validUntil);

    /// @notice A participant was suspended.
    /// @param account The participant.
    /// @param reason Hash of the reason (off-chain text), or zero.
    event ParticipantSuspended(address indexed account, bytes32 reason);

    /// @notice A suspended participant was reinstated.
    /// @param account The participant.
    event ParticipantReinstated(address indexed account);

    /// @notice A regulator froze or unfroze a participant.
    /// @param account The participant.
    /// @param regulator The regulator.
    /// @param frozen Whether it is now frozen.
    /// @param reason Hash of the reason (off-chain text), or zero.
    event ParticipantFrozen(address indexed account, address indexed regulator, bool frozen, bytes32 reason);

    /// @notice The caller is not an active participant with the `REGULATOR` role.
    error NotRegulator(address caller);
    /// @notice The participant is already in the requested freeze state.
    error FreezeUnchanged(address account, bool frozen);
    /// @notice The zero address cannot be registered.
    error ZeroAccount();
    /// @notice The organisation id must be the non-zero hash of a credit code.
    error ZeroOrgId();
    /// @notice A participant needs at least one role.
    error NoRoles();
    /// @notice The `REGULATOR` role cannot be combined with another role (separation of duties).
    error RegulatorRoleNotExclusive(uint32 roles);
    /// @notice The validity end is not in the future.
    error InvalidValidity(uint64 validUntil);
    /// @notice The KYC officer tried to register itself.
    error SelfRegistration(address account);
    /// @notice The KYC officer tried to update its own entry.
    error SelfUpdate(address account);
    /// @notice The KYC officer tried to lift its own suspension.
    error SelfReinstatement(address account);
    /// @notice An update tried to move an account between the business roles and the regulator role. Whether an
    /// account is a regulator is fixed at registration: a regulator is a fresh account, and an account that held a
    /// business role (and so may be party to bills) never becomes one, nor the other way round.
    /// @param account The participant.
    /// @param roles Its current roles.
    /// @param newRoles The roles refused.
    error RegulatorRoleChange(address account, uint32 roles, uint32 newRoles);
    /// @notice A regulator tried to freeze or unfreeze a regulator (itself included). Regulators answer to the KYC
    /// desk, which can suspend and reinstate them; they cannot stop one another.
    /// @param regulator The caller.
    /// @param account The regulator it targeted.
    error RegulatorCannotFreezeRegulator(address regulator, address account);
    /// @notice The address is already registered.
    error AlreadyRegistered(address account);
    /// @notice The address is not registered.
    error NotRegistered(address account);
    /// @notice The participant is already suspended.
    error AlreadySuspended(address account);
    /// @notice The participant is not suspended.
    error NotSuspended(address account);
    /// @notice The account runs the register (holds its admin or KYC role), so it cannot be a participant.
    /// @param account The account.
    /// @param role The role it holds (`DEFAULT_ADMIN_ROLE` or `KYC_ROLE`).
    error RegistryStaffCannotParticipate(address account, bytes32 role);
    /// @notice The account is a registered participant, so it cannot be given a role that runs the register.
    /// @param account The participant.
    /// @param role The role refused (`DEFAULT_ADMIN_ROLE` or `KYC_ROLE`).
    error ParticipantCannotBeStaff(address account, bytes32 role);

    /// @notice Registers `account`. KYC role only, never for the caller itself (`SelfRegistration`) nor for an account
    /// holding the register's admin or KYC role (`RegistryStaffCannotParticipate`). Registering with `REGULATOR`
    /// makes the account a regulator for good; registering with business roles rules that out for good.
    /// @param account The participant's address.
    /// @param orgId Hash of its unified social credit code (non-zero).
    /// @param roles Bit set of `ParticipantRoles` values (non-zero; `REGULATOR` only alone).
    /// @param validUntil Last moment of validity, in the chain's time unit (in the future).
    function register(address account, bytes32 orgId, uint32 roles, uint64 validUntil) external;

    /// @notice Changes a participant's roles and validity. KYC role only, never for the caller itself (`SelfUpdate`).
    /// Business roles change freely among themselves; a regulator stays a regulator and a business participant never
    /// becomes one (`RegulatorRoleChange`).
    /// @param account The participant.
    /// @param roles New roles (non-zero; `REGULATOR` only alone, and only for a regulator).
    /// @param validUntil New end of validity, in the chain's time unit (in the future).
    function update(address account, uint32 roles, uint64 validUntil) external;

    /// @notice Suspends a participant: it stops being active until reinstated. KYC role only.
    /// @param account The participant.
    /// @param reason Hash of the reason, or zero.
    function suspend(address account, bytes32 reason) external;

    /// @notice Lifts a suspension. KYC role only, never for the caller itself (`SelfReinstatement`).
    /// @param account The participant.
    function reinstate(address account) external;

    /// @notice Freezes or unfreezes a business participant (frozen: not active, nothing moves to or from it).
    /// Callable by an active participant holding the `REGULATOR` role, never on a regulator, itself included
    /// (`RegulatorCannotFreezeRegulator`): so no regulator is ever frozen, and a misbehaving regulator is stopped by
    /// the KYC desk's `suspend` instead. Any active regulator may lift another's freeze.
    /// @param account The participant.
    /// @param frozen The new state.
    /// @param reason Hash of the reason, or zero.
    function setFrozen(address account, bool frozen, bytes32 reason) external;

    /// @notice Whether a regulator froze `account`.
    /// @param account The address.
    /// @return Whether it is frozen.
    function isFrozen(address account) external view returns (bool);

    /// @notice A participant's entry (all zero if unregistered).
    /// @param account The address.
    /// @return The entry.
    function participant(address account) external view returns (Participant memory);

    /// @notice Whether `account` is registered, neither suspended nor frozen, within its validity and holds any of
    /// `anyOfRoles`.
    /// @param account The address.
    /// @param anyOfRoles Bit set of acceptable roles.
    /// @return Whether it may act in one of those roles now.
    function isActive(address account, uint32 anyOfRoles) external view returns (bool);
}
