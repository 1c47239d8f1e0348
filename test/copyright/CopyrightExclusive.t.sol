// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CopyrightRegistry} from "../../contracts/copyright/CopyrightRegistry.sol";
import {ICopyrightRegistry} from "../../contracts/copyright/ICopyrightRegistry.sol";

import {Test} from "../common/Test.sol";
import {vm} from "../common/Vm.sol";

/// Exclusivity under random sequences of purchases, grants, sublicenses, takeovers (rulings moving the work),
/// voluntary transfers and time passing. A reference model of the licensing rules predicts each call's outcome,
/// down to the error selector, and the registry must agree on every license. Independently of the model, after
/// every step: a running exclusive license has one holder besides its sublicensees, and no license on other terms
/// overlaps its territory; licenses of an earlier epoch are gone.
contract CopyrightExclusiveFuzzTest is Test {
    CopyrightRegistry private immutable REGISTRY;
    uint64 private constant DURATION = 10 days;
    uint256 private constant STEPS = 24;
    uint256 private constant LICENSEES = 3;
    uint256 private constant TERMS = 6;
    uint256 private constant OWNERS = 3;
    bytes32 private constant TERRITORY_A = keccak256("territory:A");
    bytes32 private constant TERRITORY_B = keccak256("territory:B");

    uint256 private _workId;
    address private _owner;
    bytes32[TERMS] private _ids;
    bytes32[TERMS] private _territory;
    bool[TERMS] private _exclusive;
    bool[TERMS] private _sublicensable;
    // The model, for the work's current epoch.
    uint64[TERMS][LICENSEES] private _end;
    bool[TERMS][LICENSEES] private _sub;
    uint8[TERMS] private _state; // 0 untracked, 1 on sale, 2 tracked but not on sale
    uint256[] private _tracked; // terms indexes in order of first use

    constructor() {
        REGISTRY = new CopyrightRegistry(address(this), address(this), 1 days);
        REGISTRY.grantRole(REGISTRY.RULING_ROLE(), address(this));
        _define(0, bytes32(0), true, true);
        _define(1, TERRITORY_A, true, true);
        _define(2, TERRITORY_A, false, false);
        _define(3, TERRITORY_B, false, true);
        _define(4, bytes32(0), false, false);
        _define(5, TERRITORY_B, true, false);
    }

    function testFuzzExclusivityHoldsAcrossSequences(uint256 seed) external {
        _reset();
        _owner = _ownerAt(0);
        vm.prank(_owner);
        _workId = REGISTRY.registerWork(keccak256(abi.encode("work", seed)), 2, "", _payees());
        // Licensing and transfers wait for settlement (finding 11).
        vm.warp(REGISTRY.settledAt(_workId));
        for (uint256 step; step < STEPS; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            uint256 op = r % 16;
            uint256 licensee = (r >> 8) % LICENSEES;
            uint256 terms = (r >> 16) % TERMS;
            if (op < 5) _purchase(licensee, terms);
            else if (op < 8) _grant(licensee, terms);
            else if (op < 11) _sublicense(licensee, (r >> 24) % LICENSEES, terms);
            else if (op < 12) _takeOver(_ownerAt((r >> 32) % OWNERS));
            else if (op < 13) _transfer(_ownerAt((r >> 32) % OWNERS));
            else vm.warp(vm.getBlockTimestamp() + ((r >> 40) % (DURATION + 1)));
            _assertRegistryMatchesModel();
            _assertExclusivity();
        }
    }

    // ---------------------------------------------------------------- operations, each checked against the model

    function _purchase(uint256 licensee, uint256 terms) private {
        if (_state[terms] != 1) {
            vm.prank(_owner);
            REGISTRY.attachTerms(_workId, _ids[terms]);
            if (_state[terms] == 0) _tracked.push(terms);
            _state[terms] = 1;
        }
        bytes4 expected = _expectedIssue(licensee, terms);
        vm.prank(_licensee(licensee));
        try REGISTRY.purchaseLicense(_workId, _ids[terms], 0, _payees()) {
            _assertOutcome(bytes4(0), expected, "purchase");
            _issue(licensee, terms);
        } catch (bytes memory reason) {
            _assertOutcome(bytes4(reason), expected, "purchase");
        }
    }

    function _grant(uint256 licensee, uint256 terms) private {
        bytes4 expected = _expectedIssue(licensee, terms);
        vm.prank(_owner);
        try REGISTRY.grantLicense(_workId, _ids[terms], _licensee(licensee)) {
            _assertOutcome(bytes4(0), expected, "grant");
            // A grant on terms not yet used tracks them, not on sale.
            if (_state[terms] == 0) {
                _state[terms] = 2;
                _tracked.push(terms);
            }
            _issue(licensee, terms);
        } catch (bytes memory reason) {
            _assertOutcome(bytes4(reason), expected, "grant");
        }
    }

    function _sublicense(uint256 from, uint256 to, uint256 terms) private {
        bytes4 expected;
        if (from == to) expected = ICopyrightRegistry.InvalidLicensee.selector;
        else if (!_sublicensable[terms]) expected = ICopyrightRegistry.NotSublicensable.selector;
        else if (!_running(from, terms)) expected = ICopyrightRegistry.NotLicensed.selector;
        else if (_sub[from][terms]) expected = ICopyrightRegistry.SublicenseeCannotSublicense.selector;
        else if (_running(to, terms)) expected = ICopyrightRegistry.AlreadyLicensed.selector;
        vm.prank(_licensee(from));
        try REGISTRY.sublicense(_workId, _ids[terms], _licensee(to)) {
            _assertOutcome(bytes4(0), expected, "sublicense");
            _end[to][terms] = _end[from][terms];
            _sub[to][terms] = true;
        } catch (bytes memory reason) {
            _assertOutcome(bytes4(reason), expected, "sublicense");
        }
    }

    /// A ruling moves the work (then an appeal unfreezes it): a new epoch, where nothing of the old one counts.
    function _takeOver(address rightfulOwner) private {
        REGISTRY.enforceRuling(_workId, 1, rightfulOwner);
        REGISTRY.unfreeze(_workId);
        _owner = rightfulOwner;
        _reset();
    }

    /// A voluntary transfer: the payee changes, the licenses and offers stay.
    function _transfer(address to) private {
        vm.prank(_owner);
        REGISTRY.transferFrom(_owner, to, _workId);
        _owner = to;
    }

    // ---------------------------------------------------------------- the model

    /// The error the registry must raise when issuing `licensee` a license on `terms` (0: it must succeed).
    function _expectedIssue(uint256 licensee, uint256 terms) private view returns (bytes4) {
        bool running = _running(licensee, terms);
        // The running exclusive licensee renews without checks.
        if (_exclusive[terms] && running && !_sub[licensee][terms]) return 0;
        bytes32 territory = _territory[terms];
        bool anyExclusive;
        bool blocking;
        for (uint256 t; t < TERMS; ++t) {
            if (!_exclusive[t] || !_anyRunning(t)) continue;
            anyExclusive = true;
            if (_territory[t] == bytes32(0) || _territory[t] == territory) blocking = true;
        }
        if (anyExclusive && (territory == bytes32(0) || blocking)) {
            return ICopyrightRegistry.ExclusiveLicenseActive.selector;
        }
        if (_exclusive[terms]) {
            for (uint256 i; i < _tracked.length; ++i) {
                uint256 other = _tracked[i];
                if (_anyRunning(other) && _overlap(territory, _territory[other])) {
                    return ICopyrightRegistry.LicenseOverlap.selector;
                }
            }
        }
        return 0;
    }

    function _issue(uint256 licensee, uint256 terms) private {
        uint64 from = _running(licensee, terms) ? _end[licensee][terms] : uint64(vm.getBlockTimestamp());
        _end[licensee][terms] = from + DURATION;
        _sub[licensee][terms] = false;
    }

    function _reset() private {
        delete _end;
        delete _sub;
        delete _state;
        delete _tracked;
    }

    // ---------------------------------------------------------------- the properties

    function _assertRegistryMatchesModel() private view {
        for (uint256 who; who < LICENSEES; ++who) {
            for (uint256 t; t < TERMS; ++t) {
                ICopyrightRegistry.License memory license = REGISTRY.getLicense(_workId, _licensee(who), _ids[t]);
                assertEq(license.end, _end[who][t], "license end differs from the model");
                if (license.end != 0) assertEq(license.sublicensed, _sub[who][t], "sublicensed flag differs");
                assertEq(
                    REGISTRY.isLicensed(_workId, _licensee(who), _ids[t]),
                    _running(who, t),
                    "isLicensed differs from the model"
                );
            }
        }
        (bytes32[] memory ids, ) = REGISTRY.getWorkTerms(_workId);
        assertEq(ids.length, _tracked.length, "tracked terms differ from the model");
        assertEq(REGISTRY.ownerOf(_workId), _owner, "owner");
    }

    /// Read from the registry alone: no bypass, whatever the model says.
    function _assertExclusivity() private view {
        for (uint256 t; t < TERMS; ++t) {
            if (!_exclusive[t]) continue;
            uint256 holders;
            bool running;
            for (uint256 who; who < LICENSEES; ++who) {
                ICopyrightRegistry.License memory license = REGISTRY.getLicense(_workId, _licensee(who), _ids[t]);
                if (license.end <= vm.getBlockTimestamp()) continue;
                running = true;
                if (!license.sublicensed) ++holders;
            }
            assertTrue(holders <= 1, "two holders of one exclusive license");
            if (!running) continue;
            for (uint256 other; other < TERMS; ++other) {
                if (other == t || !_overlap(_territory[t], _territory[other])) continue;
                for (uint256 who; who < LICENSEES; ++who) {
                    assertFalse(
                        REGISTRY.isLicensed(_workId, _licensee(who), _ids[other]),
                        "an overlapping license runs beside an exclusive one"
                    );
                }
            }
        }
    }

    function _assertOutcome(bytes4 actual, bytes4 expected, string memory what) private pure {
        assertEq(bytes32(actual), bytes32(expected), what);
    }

    // ---------------------------------------------------------------- helpers

    function _define(uint256 i, bytes32 territory, bool exclusive, bool sublicensable) private {
        ICopyrightRegistry.Terms memory terms;
        terms.territory = territory;
        terms.exclusive = exclusive;
        terms.sublicensable = sublicensable;
        terms.duration = DURATION;
        _ids[i] = REGISTRY.registerTerms(terms);
        _territory[i] = territory;
        _exclusive[i] = exclusive;
        _sublicensable[i] = sublicensable;
    }

    function _running(uint256 licensee, uint256 terms) private view returns (bool) {
        return _end[licensee][terms] > vm.getBlockTimestamp();
    }

    function _anyRunning(uint256 terms) private view returns (bool) {
        for (uint256 who; who < LICENSEES; ++who) if (_running(who, terms)) return true;
        return false;
    }

    function _overlap(bytes32 a, bytes32 b) private pure returns (bool) {
        return a == bytes32(0) || b == bytes32(0) || a == b;
    }

    function _payees() private view returns (ICopyrightRegistry.Author[] memory payees) {
        payees = new ICopyrightRegistry.Author[](1);
        payees[0] = ICopyrightRegistry.Author({account: _owner, shares: 10_000});
    }

    function _licensee(uint256 i) private pure returns (address) {
        return address(uint160(0x1000 + i));
    }

    function _ownerAt(uint256 i) private pure returns (address) {
        return address(uint160(0x2000 + i));
    }
}
