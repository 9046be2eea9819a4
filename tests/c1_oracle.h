/*
 * c1_oracle.h: rules.md C1's fewest groups, the slow way: every
 * partition of up to 8 short courses tried, each part checked against
 * C1's words (no two of a group run at the same time, one's ends_on
 * before the other's starts_on; at most three 1-credit courses, or at
 * most two otherwise).  The test's own reading, to check rules.c's
 * dynamic program against; shared by tests/unit/test_rules.c and
 * tests/fuzz/fuzz_rules.c.
 */
#ifndef UMPRESS_C1_ORACLE_H
#define UMPRESS_C1_ORACLE_H

#define C1_ORACLE_MAX 8

/* The k courses of g may form one group. */
static int
c1_oracle_group(const struct course *const *g, int k)
{
	int i, j, ones = 1;

	for (i = 0; i < k; i++) {
		ones &= g[i]->credit_hours <= 1;
		for (j = 0; j < i; j++)
			if (!(g[i]->ends_on < g[j]->starts_on ||
			    g[j]->ends_on < g[i]->starts_on))
				return 0;
	}
	return k <= 2 || (k == 3 && ones);
}

/* The fewest groups of the partitions that put v[i..] in groups 0..,
 * given grp[0..i-1] in ngrp groups; best: the fewest found so far. */
static int
c1_oracle_from(const struct course *const *v, int n, int i, int *grp,
    int ngrp, int best)
{
	const struct course *g[C1_ORACLE_MAX];
	int k, m, j;

	if (ngrp >= best)
		return best;
	if (i == n) {
		for (k = 0; k < ngrp; k++) {
			for (m = 0, j = 0; j < n; j++)
				if (grp[j] == k && m < C1_ORACLE_MAX)
					g[m++] = v[j];
			if (m > 3 || !c1_oracle_group(g, m))
				return best;
		}
		return ngrp;
	}
	for (k = 0; k <= ngrp; k++) {
		grp[i] = k;
		best = c1_oracle_from(v, n, i + 1, grp, ngrp + (k == ngrp),
		    best);
	}
	return best;
}

/* The fewest groups of the n <= C1_ORACLE_MAX short courses of v. */
static int
c1_oracle(const struct course *const *v, int n)
{
	int grp[C1_ORACLE_MAX];

	return c1_oracle_from(v, n, 0, grp, 0, C1_ORACLE_MAX + 1);
}

#endif /* UMPRESS_C1_ORACLE_H */
