// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CopyrightRegistry} from "../../contracts/copyright/CopyrightRegistry.sol";
import {ICopyrightRegistry} from "../../contracts/copyright/ICopyrightRegistry.sol";

import {Test} from "../common/Test.sol";
import {vm} from "../common/Vm.sol";

/// The reveal window counts unpaused time only: under random pauses before and after a commit, a creator's reveal
/// takes the work back from a copier if and only if the registry ran unpaused for at most the window since the
/// commit, and a refusal names the window's end extended by the time paused since the commit. Finding 11: while the
/// reveal can still take the work, the copier can neither license nor transfer it (`WorkNotSettled`, naming
/// `settledAt`); once it can, and it is settled, licensing works and no reveal takes the work any more.
contract CopyrightRevealFuzzTest is Test {
    CopyrightRegistry private immutable REGISTRY;
    uint64 private constant WINDOW = 1 days;
    uint256 private constant PAUSES = 4;
    address private constant CREATOR = address(0xC0FFEE);
    address private constant COPIER = address(0xBAD);
    address private constant BUYER = address(0xB0B);

    // Deploying in the constructor keeps the registry's code out of this contract's runtime code (size limit).
    constructor() {
        REGISTRY = new CopyrightRegistry(address(this), address(this), WINDOW);
    }

    function testFuzzRevealWindowCountsUnpausedTimeOnly(uint256 seed) external {
        bytes32 digest = keccak256(abi.encode("work", seed));
        bytes32 salt = keccak256(abi.encode("salt", seed));
        bytes32 commitment = keccak256(abi.encode(digest, salt, CREATOR));
        // A pause that ended before the commit does not extend its window.
        if (seed % 2 == 1) _pauseFor((seed >> 8) % (3 * WINDOW));
        REGISTRY.commit(commitment);
        uint256 committedAt = vm.getBlockTimestamp();
        // The copier registers a moment after the commit (in the same instant it would not be displaced).
        vm.warp(vm.getBlockTimestamp() + 1);
        vm.prank(COPIER);
        REGISTRY.registerWork(digest, 2, "", _solo(COPIER));

        uint256 unpaused = 1;
        uint256 paused;
        for (uint256 i; i < PAUSES; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            // Up to half a window running, then maybe a pause of up to two windows, within the window or after it.
            uint256 running = r % (WINDOW / 2 + 1);
            vm.warp(vm.getBlockTimestamp() + running);
            unpaused += running;
            if ((r >> 64) % 3 == 0) continue;
            uint256 pauseFor = (r >> 128) % (2 * WINDOW + 1);
            _pauseFor(pauseFor);
            paused += pauseFor;
        }

        uint256 deadline = committedAt + WINDOW + paused;
        if (unpaused <= WINDOW) {
            assertTrue(vm.getBlockTimestamp() <= deadline, "model: a live commitment is before its deadline");
            _assertUnsettled(uint256(digest), deadline);
            vm.expectRevert(
                abi.encodeWithSelector(ICopyrightRegistry.CommitmentExists.selector, commitment, committedAt)
            );
            REGISTRY.commit(commitment);
            vm.prank(CREATOR);
            REGISTRY.revealWork(digest, 2, "", _solo(CREATOR), salt);
            assertEq(REGISTRY.ownerOf(uint256(digest)), CREATOR, "the creator did not take the work back");
            assertEq(REGISTRY.getWork(uint256(digest)).priorityTime, committedAt, "priority is not the commit time");
            assertEq(REGISTRY.commitmentTime(commitment), 0, "the commitment was not consumed");
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(ICopyrightRegistry.CommitmentExpired.selector, commitment, deadline)
            );
            vm.prank(CREATOR);
            REGISTRY.revealWork(digest, 2, "", _solo(CREATOR), salt);
            assertEq(REGISTRY.ownerOf(uint256(digest)), COPIER, "an expired reveal moved the work");
            _assertLicensableOnceSettled(digest, salt, commitment, committedAt);
        }
    }

    /// While the creator's reveal can land, the copier can neither license nor transfer the work.
    function _assertUnsettled(uint256 workId, uint256 deadline) private {
        bytes32 termsId = REGISTRY.registerTerms(_freeTerms());
        assertFalse(REGISTRY.isSettled(workId), "settled while a reveal can take the work");
        uint64 settlesAt = REGISTRY.settledAt(workId);
        assertTrue(settlesAt > deadline, "settles before the commitment's window ends");
        vm.expectRevert(abi.encodeWithSelector(ICopyrightRegistry.WorkNotSettled.selector, workId, settlesAt));
        vm.prank(COPIER);
        REGISTRY.grantLicense(workId, termsId, BUYER);
        vm.expectRevert(abi.encodeWithSelector(ICopyrightRegistry.WorkNotSettled.selector, workId, settlesAt));
        vm.prank(COPIER);
        REGISTRY.transferFrom(COPIER, BUYER, workId);
    }

    /// Once settled, the copier may license; expired, the commitment may be made again, with a fresh time, which no
    /// longer predates the registration: the license survives.
    function _assertLicensableOnceSettled(
        bytes32 digest,
        bytes32 salt,
        bytes32 commitment,
        uint256 committedAt
    ) private {
        uint256 workId = uint256(digest);
        bytes32 termsId = REGISTRY.registerTerms(_freeTerms());
        uint64 settlesAt = REGISTRY.settledAt(workId);
        if (vm.getBlockTimestamp() < settlesAt) vm.warp(settlesAt);
        vm.prank(COPIER);
        REGISTRY.grantLicense(workId, termsId, BUYER);
        REGISTRY.commit(commitment);
        assertEq(REGISTRY.commitmentTime(commitment), vm.getBlockTimestamp(), "an expired commitment was not remade");
        vm.expectRevert(
            abi.encodeWithSelector(ICopyrightRegistry.WorkAlreadyRegistered.selector, workId, COPIER, committedAt + 1)
        );
        vm.prank(CREATOR);
        REGISTRY.revealWork(digest, 2, "", _solo(CREATOR), salt);
        assertTrue(REGISTRY.isLicensed(workId, BUYER, termsId), "the license did not survive");
    }

    function _pauseFor(uint256 duration) private {
        REGISTRY.pause();
        vm.warp(vm.getBlockTimestamp() + duration);
        REGISTRY.unpause();
    }

    function _freeTerms() private pure returns (ICopyrightRegistry.Terms memory terms) {
        terms.commercialUse = true;
    }

    function _solo(address account) private pure returns (ICopyrightRegistry.Author[] memory authors) {
        authors = new ICopyrightRegistry.Author[](1);
        authors[0] = ICopyrightRegistry.Author({account: account, shares: 10_000});
    }
}
