#!/usr/bin/env python3
"""Where a sign-up storm's server CPU goes, by category, from a perf profile.

    perf record --call-graph dwarf -F 499 -p PID -- sleep 6      (during the storm)
    perf script -F comm,tid,ip,sym,dso > storm.txt
    bench/perf_categories.py storm.txt [REGEX …]

Each sample goes to the first category (in the order below) whose pattern matches a frame of its
stack, so a COMMIT's WAL writes count once even though they run inside the group commit's leader.
Extra REGEX arguments print the share of samples with a frame matching each (inclusive shares).
Used for bench/results/2026-12-01-sqlite-signups.md.
"""
import collections
import re
import sys

CATEGORIES = [
    ("checkpoint", r"sqlite3WalCheckpoint|walCheckpoint|sqlite3PagerCheckpoint|sqlite3_wal_checkpoint"),
    ("COMMIT: WAL frames (pwrite)", r"sqlite3WalFrames|sqlite3PagerCommitPhaseOne"),
    ("member: idempotency claim", r"ClaimIdempotency"),
    ("member: idempotency complete", r"CompleteIdempotency"),
    ("member: own person", r"OwnPerson|FindPersonFor|FindVisiblePerson"),
    ("member: lock volunteer", r"LockVolunteer"),
    ("member: load shift/project/org", r"LoadShift|LoadProject|FindShift"),
    ("member: sign-ups around", r"FindSignUpsAround"),
    ("member: seat+save", r"SeatAndSaveSignUp|TakeSeat|JoinWaitlist|AppendToWaitlist|FindOpenSeats|SaveSignUp"),
    ("member: audit", r"AuditLog::Record|SignUpAuditJson"),
    ("member: savepoint/release", None),  # RunMember outside the member's own function
    ("session read", r"SessionStore::Resolve"),
    ("group commit begin", r"GroupCommitter::Begin"),
    ("group commit wait/hand-over", r"GroupCommitter::Run|GroupCommitter::Lead"),
    ("handler: parse, JSON", r"RegisterSignUpRoutes|ParseSignUp|WriteSignUp"),
    ("worker pool", r"WorkerPool"),
    ("HTTP I/O threads (asio/RESTinio)", r"asio::|restinio"),
]
MEMBER_FUNCTION = re.compile(r"_Function_handler<tianshan::Status \(tianshan::storage::Transaction&\)")


def samples(path):
    """Yields each sample's frames (leaf first) from `perf script` output."""
    frames = None
    for line in open(path, errors="replace"):
        if not line.strip():
            if frames is not None:
                yield frames
            frames = None
        elif not line[0].isspace():
            frames = []
        elif frames is not None:
            parts = line.strip().split(None, 1)
            if len(parts) == 2:
                frames.append(parts[1])
    if frames is not None:
        yield frames


def category(stack):
    for name, pattern in CATEGORIES:
        if pattern is None:
            if "RunMember" in stack and not MEMBER_FUNCTION.search(stack):
                return name
        elif re.search(pattern, stack):
            return name
    return "other"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    stacks = ["\n".join(frames) for frames in samples(sys.argv[1])]
    counts = collections.Counter(category(s) for s in stacks)
    print(f"{len(stacks)} samples")
    for name, n in counts.most_common():
        print(f"{100 * n / len(stacks):6.1f}%  {name}")
    for pattern in sys.argv[2:]:
        n = sum(1 for s in stacks if re.search(pattern, s))
        print(f"{100 * n / len(stacks):6.1f}%  (inclusive) {pattern}")


if __name__ == "__main__":
    main()
