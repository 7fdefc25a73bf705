#!/usr/bin/env python3
"""layers.py - the file-level dependency graph of the program, read from
the object files with nm: A -> B when A.o uses a symbol B.o defines (a
call or a datum).  Prints every import circle (a strongly connected set of
files, with one cycle through it) and every edge that goes against the
layers (README "Layout": base < model < store, export < cli, ui; cli and
ui do not use each other).  Exit 1 if there is either.  `make layers`.

The same rule is checked on the #include lines of src/*/*.[ch] (a header
included from a layer it should not be: cli including a ui header).

usage: layers.py SRCDIR OBJECT...   (object names as automake makes them:
src/model/libmodel_a-catalog.o, src/cli/iotscope-cli.o)
"""
import os
import subprocess
import sys

RANK = {"base": 0, "model": 1, "store": 2, "export": 2, "cli": 3, "ui": 3,
        "program": 4}


def file_of(obj):
    """src/model/libmodel_a-catalog.o -> ("model", "catalog.c")."""
    layer = os.path.basename(os.path.dirname(obj))
    name = os.path.basename(obj)[:-2]
    name = name.split("-", 1)[1] if "-" in name else name
    if name == "main":          # the program: above the CLI and the workbench
        layer = "program"
    return layer, name + ".c"


def symbols(obj):
    out = subprocess.run(["nm", "--defined-only", "-g", obj], capture_output=True,
                         text=True, check=True).stdout
    defined = {l.split()[-1] for l in out.splitlines() if len(l.split()) == 3}
    out = subprocess.run(["nm", "-u", obj], capture_output=True, text=True,
                         check=True).stdout
    used = {l.split()[-1] for l in out.splitlines() if l.strip()}
    return defined, used


def graph(objs):
    files, owner, uses = {}, {}, {}
    for o in objs:
        layer, f = file_of(o)
        if f in files:          # the same source in two programs
            continue
        files[f] = layer
        d, u = symbols(o)
        for s in d:
            owner[s] = f
        uses[f] = u
    edges = {f: set() for f in files}
    for f, u in uses.items():
        for s in u:
            g = owner.get(s)
            if g is not None and g != f:
                edges[f].add(g)
    return files, edges


def sccs(edges):
    """Tarjan's strongly connected components, iterative."""
    index, low, on, stack, out, n = {}, {}, set(), [], [], [0]
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = n[0]
        n[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        x = stack.pop()
                        on.discard(x)
                        comp.append(x)
                        if x == v:
                            break
                    out.append(sorted(comp))
            elif w not in index:
                index[w] = low[w] = n[0]
                n[0] += 1
                stack.append(w)
                on.add(w)
                work.append((w, iter(sorted(edges[w]))))
            elif w in on:
                low[v] = min(low[v], index[w])
    return out


def cycle_in(comp, edges):
    """One cycle through the component, from its first file."""
    start, seen = comp[0], {comp[0]: None}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(edges[v]):
            if w == start:
                path = [v]
                while seen[path[-1]] is not None:
                    path.append(seen[path[-1]])
                return list(reversed(path)) + [start]
            if w in comp and w not in seen:
                seen[w] = v
                queue.append(w)
    return comp


def against_rule(a, b):
    """Does layer A using layer B go against the layers?"""
    return RANK[b] > RANK[a] or (RANK[b] == RANK[a] and b != a)


def includes(srcdir):
    """(file, header) pairs whose #include goes against the layers."""
    home, out = {}, []
    for layer in os.listdir(os.path.join(srcdir, "src")):
        d = os.path.join(srcdir, "src", layer)
        if os.path.isdir(d):
            for f in os.listdir(d):
                home[f] = layer
    for f in sorted(home):
        layer = "program" if f == "main.c" else home[f]
        with open(os.path.join(srcdir, "src", home[f], f), errors="replace") as fh:
            for line in fh:
                if line.startswith('#include "'):
                    h = line.split('"')[1]
                    if h in home and against_rule(layer, home[h]):
                        out.append((home[f] + "/" + f, home[h] + "/" + h))
    return out


def main(srcdir, objs):
    files, edges = graph(objs)
    nedges = sum(len(e) for e in edges.values())
    circles = [c for c in sccs(edges) if len(c) > 1]
    against = sorted((f, g) for f in edges for g in edges[f]
                     if against_rule(files[f], files[g]))
    bad_includes = includes(srcdir)
    print("layers: %d files, %d file-to-file uses" % (len(files), nedges))
    for c in circles:
        print("circle (%d files: %s): %s" % (len(c), " ".join(c),
                                             " -> ".join(cycle_in(c, edges))))
    for f, g in against:
        print("against the layers: %s/%s uses %s/%s" % (files[f], f, files[g], g))
    for f, h in bad_includes:
        print("against the layers: %s includes %s" % (f, h))
    print("layers: %d circles, %d uses and %d includes against the layers"
          % (len(circles), len(against), len(bad_includes)))
    return 1 if circles or against or bad_includes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
