#!/usr/bin/env python3
"""Writes a catalogue of a pathological shape as JSON, for bench/compare.sh's scale benchmarks.

    python3 bench/shapes.py SHAPE N OUT.json

Shapes (every role on one track, tenure 1-2 years unless said):
  dense         N roles on up to 100 levels; every role promotes to every higher role and
                switches to every other role of its level
  clique        N roles on level 1, each switching to every other
  chain         N roles on level 1, a chain of one-way switches r0 -> r1 -> ... -> r(N-1)
  fan           r0 promotes to N-2 roles on level 2, each promoting to r(N-1) on level 3
  reports       a reporting chain N deep: r_i reports to r_(i+1)

Routes to ask: `path r0 r(N-1)` on every shape; `--via r1` exercises the via search.
"""
import json
import sys


def role(i, level, promotions=(), switches=(), reports_to=(), tenure=(1, 2)):
    entry = {
        "id": f"r{i}",
        "title": f"Role {i}",
        "track": "t",
        "level": level,
        "summary": "A generated role.",
        "responsibilities": ["Does generated things."],
        "tenure": {"min": tenure[0], "max": tenure[1], "estimate": True},
    }
    if promotions:
        entry["next"] = [f"r{j}" for j in promotions]
    if switches:
        entry["lateral"] = [f"r{j}" for j in switches]
    if reports_to:
        entry["reports_to"] = [f"r{j}" for j in reports_to]
    return entry


def dense(n):
    levels = min(n, 100)
    level = [1 + (i * levels) // n for i in range(n)]
    return [
        role(
            i,
            level[i],
            [j for j in range(n) if level[j] > level[i]],
            [j for j in range(n) if level[j] == level[i] and j != i],
            tenure=(1 + i % 3, 3 + i % 5),
        )
        for i in range(n)
    ]


def clique(n):
    return [role(i, 1, switches=[j for j in range(n) if j != i]) for i in range(n)]


def chain(n):
    return [role(i, 1, switches=[i + 1] if i + 1 < n else []) for i in range(n)]


def rungs(n):
    # rung r(2k) switches to the next rung and to its side role r(2k+1), which switches two rungs
    # on: every side role is as quick as the direct steps (n odd, so that r(n-1) is a rung)
    last = n - 1 if n % 2 else n - 2
    roles = []
    for i in range(0, last + 1, 2):
        if i < last:
            roles.append(role(i, 1, switches=[i + 2, i + 1], tenure=(1, 1)))
            roles.append(role(i + 1, 1, switches=[min(i + 4, last)], tenure=(1, 1)))
        else:
            roles.append(role(i, 1, tenure=(1, 1)))
    return roles


def fan(n):
    roles = [role(0, 1, promotions=range(1, n - 1))]
    roles += [role(i, 2, promotions=[n - 1], tenure=(1 + i % 7, 2 + i % 7 + i % 11)) for i in range(1, n - 1)]
    roles.append(role(n - 1, 3))
    return roles


def reports(n):
    return [role(i, 1, reports_to=[i + 1] if i + 1 < n else []) for i in range(n)]


SHAPES = {"dense": dense, "clique": clique, "chain": chain, "fan": fan, "rungs": rungs, "reports": reports}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in SHAPES:
        sys.exit(f"usage: shapes.py {{{'|'.join(SHAPES)}}} N OUT.json")
    shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    catalogue = {
        "version": 1,
        "name": f"{shape} {n}",
        "tracks": [{"id": "t", "name": "Generated"}],
        "roles": SHAPES[shape](n),
    }
    with open(out, "w") as f:
        json.dump(catalogue, f)
