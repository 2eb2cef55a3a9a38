/**
 * The TalentLMS emulator's contract suite (reference §7 shapes and §8 checklist), one process for all
 * suites: each starts its own emulator, so they stay independent, and ts-node compiles the code once.
 * The rate-limit suite runs in its own file, in parallel.
 */
import './suites/shapes';
import './suites/routing';
import './suites/auth';
import './suites/users';
import './suites/groupsBranches';
import './suites/courses';
import './suites/timeline';
import './suites/portal';
import './suites/simulator';
import './suites/faults';
import './suites/quirks';
