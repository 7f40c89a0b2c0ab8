#!/usr/bin/env python3
"""The figures auditor: reads published figures as a reader who may combine all of them would, and
reports every count published as "<t" whose value that reader can work out exactly.

The reader knows: a shown count exactly; "<t" is 0 to t - 1; "x" is any count; every count is a
sum of non-negative whole numbers, one per month and municipality; and the sums the figures state.
For each "<t" count the auditor asks an integer program (scipy's HiGHS) for tables that fit all of
that and differ in it; a count for which none exists, and which is not 0, is pinned.

Input (JSON on stdin), one of:
  {"mode": "grid", ...}     a FigureGrid as Schakel's core sees it (periods, areas, partitions) and
                            every published count: [layer, period node, area node, text].
  {"mode": "figures", ...}  what the store published for every period of a year and every area,
                            by breakdown; the relations between breakdowns are this script's own
                            reading of the report, not Schakel's.
  or a list of those.
Output: {"pinned": [...], "checked": n, "infeasible": bool}, or a list of those.
"""
import json
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix, vstack


class Model:
    def __init__(self, threshold):
        self.threshold = threshold
        self.variables = {}
        self.rows = []  # (coefficients {var: c}, low, high)
        self.small = []  # (name, variables)

    def var(self, key):
        if key not in self.variables:
            self.variables[key] = len(self.variables)
        return self.variables[key]

    def published(self, name, variables, text):
        coefficients = {v: 1 for v in variables}
        t = self.threshold
        if text == "x":
            self.rows.append((coefficients, 0, np.inf))
        elif text == "<%d" % t:
            self.rows.append((coefficients, 0, t - 1))
            self.small.append((name, variables))
        else:
            value = int(text)
            assert value == 0 or value >= t, "a count below the threshold is shown: %s = %s" % (name, text)
            self.rows.append((coefficients, value, value))

    def equal(self, plus, minus):
        coefficients = {}
        for v in plus:
            coefficients[v] = coefficients.get(v, 0) + 1
        for v in minus:
            coefficients[v] = coefficients.get(v, 0) - 1
        self.rows.append((coefficients, 0, 0))

    def matrix(self, rows):
        data, row_index, col_index = [], [], []
        for r, (coefficients, _, _) in enumerate(rows):
            for v, c in coefficients.items():
                if c:
                    data.append(c)
                    row_index.append(r)
                    col_index.append(v)
        return csr_matrix((data, (row_index, col_index)), shape=(len(rows), len(self.variables)))

    def components(self):
        """The model split where no sum joins two parts: each part is audited on its own."""
        parent = list(range(len(self.variables)))

        def find(v):
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        for coefficients, _, _ in self.rows:
            variables = list(coefficients)
            for v in variables[1:]:
                parent[find(v)] = find(variables[0])
        groups = {}
        for v in range(len(self.variables)):
            groups.setdefault(find(v), []).append(v)
        for variables in groups.values():
            index = {v: i for i, v in enumerate(variables)}
            part = Model(self.threshold)
            part.variables = {v: i for v, i in index.items()}
            part.rows = [({index[v]: c for v, c in coefficients.items()}, low, high)
                         for coefficients, low, high in self.rows if next(iter(coefficients), None) in index]
            part.small = [(name, [index[v] for v in variables]) for name, variables in self.small if variables and variables[0] in index]
            if part.small:
                yield part

    def audit(self):
        findings = [part.audit_one() for part in self.components()]
        return {"infeasible": any(f["infeasible"] for f in findings), "pinned": [p for f in findings for p in f["pinned"]],
                "checked": sum(f["checked"] for f in findings)}

    def audit_one(self):
        n = len(self.variables)
        base = LinearConstraint(self.matrix(self.rows), [r[1] for r in self.rows], [r[2] for r in self.rows])
        # A cap far above any count only narrows what fits: it can raise a false alarm, never hide a pin.
        bounds = Bounds(np.zeros(n), np.full(n, 100000))
        integrality = np.ones(n)

        def solve(objective, extra=None, whole_only_if_free=False):
            constraints = [base]
            if extra is not None:
                constraints.append(extra)
            # The linear relaxation first: where its answer is whole numbers, it is a table that fits.
            result = milp(objective, constraints=constraints, bounds=bounds, integrality=np.zeros(n))
            if not result.success:
                return None
            if np.allclose(result.x, np.round(result.x), atol=1e-9):
                return np.round(result.x).astype(int)
            if whole_only_if_free:
                return None
            # Else any table in whole numbers that fits (none: there is none).
            result = milp(np.zeros(n), constraints=constraints, bounds=bounds, integrality=integrality)
            return np.round(result.x).astype(int) if result.success else None

        seen = [set() for _ in self.small]

        def record(x):
            for i, (_, variables) in enumerate(self.small):
                seen[i].add(int(sum(x[v] for v in variables)))

        first = solve(np.zeros(n))
        if first is None:
            return {"infeasible": True, "pinned": [], "checked": len(self.small)}
        record(first)
        # A few tables pulled in random directions prove most counts open at once.
        random = np.random.default_rng(7)
        for _ in range(12):
            x = solve(random.uniform(-1, 1, n), whole_only_if_free=True)
            if x is not None:
                record(x)
        pinned = []
        for i, (name, variables) in enumerate(self.small):
            if len(seen[i]) > 1:
                continue
            value = next(iter(seen[i]))
            row = csr_matrix((np.ones(len(variables)), (np.zeros(len(variables), dtype=int), variables)), shape=(1, n))
            for low, high in ((-np.inf, value - 1), (value + 1, np.inf)):
                x = solve(random.uniform(-1, 1, n), LinearConstraint(row, [low], [high]))
                if x is not None:
                    record(x)
                    break
            if len(seen[i]) == 1 and value != 0:
                pinned.append({"count": name, "value": value})
        return {"infeasible": False, "pinned": pinned, "checked": len(self.small)}


def grid_model(data):
    model = Model(data["threshold"])
    period_leaves, area_leaves = data["periodLeaves"], data["areaLeaves"]

    def leaves(layer, period, area):
        return [model.var((layer, p, a)) for p in data["periods"][period] for a in data["areas"][area]]

    for layer in range(data["layers"]):
        for p in range(period_leaves):
            for a in range(area_leaves):
                model.var((layer, p, a))
    for partition in data["partitions"]:
        for p in range(period_leaves):
            for a in range(area_leaves):
                model.equal([model.var((partition["total"], p, a))], [model.var((part, p, a)) for part in partition["parts"]])
    for layer, period, area, text in data["published"]:
        model.published("%d/%d/%d" % (layer, period, area), leaves(layer, period, area), text)
    return model


# The report as a reader reads it: which totals count the same signals, which lists add up.
SIGNAL_TOTALS = {"vorm", "bron", "melder", "acuut", "minderjarig", "stand", "termijn"}
PARTITIONED = {"bron", "melder", "acuut", "minderjarig", "stand", "termijn", "reden", "casus", "verwijzing"}
NO_NEXT_STEP = "geen vervolg"
# The activities: a grid of their own, whose region is its municipalities and the region's own
# activities (one more area); each list counts the activities held, each in one row, and the
# people reached add up by kind.
ACTIVITY_TOTALS = {"activiteit-soort", "activiteit-thema", "activiteit-doelgroep", "activiteit-gever"}
ACTIVITY_PARTITIONED = ACTIVITY_TOTALS | {"bereik"}
ACTIVITY_AREAS = "activiteit-gemeente"
ACTIVITIES = ACTIVITY_PARTITIONED | {ACTIVITY_AREAS}
# The consults: a grid of their own over the municipalities, whose root is the consults asked;
# each list counts them, by asker and by outcome each in one row (a consult may concern more forms).
CONSULT_TOTALS = {"consult-vrager", "consult-vorm", "consult-uitkomst"}
CONSULT_PARTITIONED = {"consult-vrager", "consult-uitkomst"}
CONSULT_AREAS = "consult-gemeente"
# Every breakdown this reading knows; a new one must be read here before it can be audited.
KNOWN = SIGNAL_TOTALS | PARTITIONED | {"maand", "gemeente", "besluit", "tafel"} | ACTIVITIES | CONSULT_TOTALS | {CONSULT_AREAS}


def figures_model(data):
    model = Model(data["threshold"])
    municipalities = len(data["municipalities"])

    def months(period):
        if period == "Y":
            return list(range(12))
        if period.startswith("Q"):
            q = int(period[1:])
            return list(range(3 * q - 3, 3 * q))
        return [int(period[1:]) - 1]

    def areas(area, kind=None):
        if area != "R":
            return [int(area)]
        return list(range(municipalities + (1 if kind in ACTIVITIES else 0)))

    def total_layer(breakdown):
        if breakdown in SIGNAL_TOTALS:
            return "signalen"
        if breakdown in ACTIVITY_TOTALS or breakdown == ACTIVITY_AREAS:
            return "activiteiten"
        if breakdown in CONSULT_TOTALS or breakdown == CONSULT_AREAS:
            return "consulten"
        if breakdown == "reden":
            return "besluit/" + NO_NEXT_STEP
        return breakdown

    def cell(layer, month_list, area_list):
        return [model.var((layer, m, a)) for m in month_list for a in area_list]

    parts = {}
    for figure in data["figures"]:
        for breakdown in figure["breakdowns"]:
            if breakdown["id"] in PARTITIONED | ACTIVITY_PARTITIONED | CONSULT_PARTITIONED:
                parts.setdefault(breakdown["id"], set()).update(label for label, _ in breakdown["rows"])
    for breakdown, labels in parts.items():
        for m in range(12):
            for a in areas("R", breakdown):
                model.equal(cell(total_layer(breakdown), [m], [a]), [v for label in labels for v in cell(breakdown + "/" + label, [m], [a])])
    for figure in data["figures"]:
        period, area = figure["period"], figure["area"]
        where = "%s %s" % (period, area)
        model.published("signalen " + where, cell("signalen", months(period), areas(area)), figure["signals"])
        for breakdown in figure["breakdowns"]:
            kind = breakdown["id"]
            if kind not in KNOWN:
                raise SystemExit("unknown breakdown %r: say in the auditor how it adds up" % kind)
            if kind == "maand":
                for month, (label, text) in zip(months(period), breakdown["rows"]):
                    model.published("maand %s %s" % (label, where), cell("signalen", [month], areas(area)), text)
                continue
            if kind in ("gemeente", ACTIVITY_AREAS, CONSULT_AREAS):
                layer = {"gemeente": "signalen", ACTIVITY_AREAS: "activiteiten", CONSULT_AREAS: "consulten"}[kind]
                for index, (label, text) in enumerate(breakdown["rows"]):
                    model.published("%s %s %s" % (kind, label, where), cell(layer, months(period), [index]), text)
                if kind == "gemeente":
                    continue
            total = total_layer(kind)
            model.published("%s totaal %s" % (kind, where), cell(total, months(period), areas(area, kind)), breakdown["total"])
            if kind in (ACTIVITY_AREAS, CONSULT_AREAS):
                continue
            listed = set()
            for label, text in breakdown["rows"]:
                layer = kind + "/" + label
                listed.add(label)
                model.published("%s %s %s" % (kind, label, where), cell(layer, months(period), areas(area, kind)), text)
            # A list that adds up and leaves a row out says that row is 0.
            for label in parts.get(kind, set()) - listed:
                model.published("%s %s %s" % (kind, label, where), cell(kind + "/" + label, months(period), areas(area, kind)), "0")
    return model


def audit(data):
    return (grid_model(data) if data["mode"] == "grid" else figures_model(data)).audit()


def main():
    data = json.load(sys.stdin)
    json.dump([audit(item) for item in data] if isinstance(data, list) else audit(data), sys.stdout)


if __name__ == "__main__":
    main()
