// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CopyrightRegistry} from "../../contracts/copyright/CopyrightRegistry.sol";
import {ICopyrightRegistry} from "../../contracts/copyright/ICopyrightRegistry.sol";

import {Test} from "../common/Test.sol";
import {vm} from "../common/Vm.sol";

/// Exclusivity: no second license can overlap a running exclusive one (and no exclusive one can start over a
/// running license), whether bought or granted, in any territory combination; otherwise licensing succeeds.
contract CopyrightExclusiveFuzzTest is Test {
    CopyrightRegistry private immutable REGISTRY;
    address private constant FIRST = address(0xA11CE);
    address private constant SECOND = address(0xB0B);
    uint64 private constant DURATION = 10 days;

    constructor() {
        REGISTRY = new CopyrightRegistry(address(this), address(this), 1 days);
    }

    function testFuzzExclusiveRuleCannotBeBypassed(
        uint8 territoryA,
        uint8 territoryB,
        bool exclusiveA,
        bool exclusiveB,
        bool sameLicensee,
        bool granted,
        uint32 delay
    ) external {
        vm.assume(exclusiveA || exclusiveB);
        ICopyrightRegistry.Author[] memory authors = new ICopyrightRegistry.Author[](1);
        authors[0] = ICopyrightRegistry.Author({account: address(this), shares: 10_000});
        uint256 workId = REGISTRY.registerWork(keccak256("work"), 2, "", authors);
        bytes32 a = _offer(workId, _territory(territoryA), exclusiveA);
        bytes32 b = _offer(workId, _territory(territoryB), exclusiveB);

        vm.prank(FIRST);
        REGISTRY.purchaseLicense(workId, a, 0, authors);
        uint256 elapsed = delay % (2 * DURATION);
        vm.warp(block.timestamp + elapsed);

        address licensee = sameLicensee ? FIRST : SECOND;
        bool ok;
        if (granted) {
            try REGISTRY.grantLicense(workId, b, licensee) {
                ok = true;
            } catch {
                ok = false;
            }
        } else {
            vm.prank(licensee);
            try REGISTRY.purchaseLicense(workId, b, 0, authors) {
                ok = true;
            } catch {
                ok = false;
            }
        }

        bytes32 tA = _territory(territoryA);
        bytes32 tB = _territory(territoryB);
        bool running = elapsed < DURATION;
        bool overlap = tA == bytes32(0) || tB == bytes32(0) || tA == tB;
        // The one exception: the running exclusive licensee renewing the very same terms.
        bool renewal = sameLicensee && a == b;
        bool blocked = running && overlap && !renewal;
        // Blocked exactly when the rule says so: never a bypass, never a needless refusal.
        assertEq(ok, !blocked, blocked ? "exclusivity bypassed" : "non-overlapping license refused");
        if (ok && running && overlap) {
            assertTrue(REGISTRY.isLicensed(workId, FIRST, a), "first license lost");
        }
    }

    function _territory(uint8 seed) private pure returns (bytes32) {
        uint8 t = seed % 3;
        return t == 0 ? bytes32(0) : keccak256(abi.encode("territory", t));
    }

    function _offer(uint256 workId, bytes32 territory, bool exclusive) private returns (bytes32 id) {
        ICopyrightRegistry.Terms memory terms;
        terms.territory = territory;
        terms.exclusive = exclusive;
        terms.duration = DURATION;
        id = REGISTRY.registerTerms(terms);
        (bytes32[] memory ids, bool[] memory enabled) = REGISTRY.getWorkTerms(workId);
        for (uint256 i; i < ids.length; ++i) if (ids[i] == id && enabled[i]) return id;
        REGISTRY.attachTerms(workId, id);
    }
}
