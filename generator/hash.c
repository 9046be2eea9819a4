/*
 * hash.c: a fast 128-bit hash for telling changed bytes from unchanged
 * ones: the content of an output file (output.c) and what a file was made
 * from (an employee's records, the project's files; packets.c).  Two
 * multiply-rotate lanes over 16-byte blocks, fed in pieces, so bytes fed
 * in parts hash like the same bytes fed at once.  Not cryptographic: no
 * one gains by forging a collision (the worst is a file not rewritten),
 * and a build hashes every byte it writes, so it has to be fast.
 */
#include <string.h>

#include "core.h"

static uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* MurmurHash3's finaliser: every input bit reaches every output bit. */
static uint64_t
fmix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

void
hash_init(struct hash *h)
{
	h->a = 0x9e3779b97f4a7c15ULL;
	h->b = 0x6a09e667f3bcc908ULL;
	h->n = 0;
	h->t = 0;
}

static void
hash_block(struct hash *h, const unsigned char *p)
{
	const uint64_t m1 = 0x87c37b91114253d5ULL, m2 = 0x4cf5ad432745937fULL;
	uint64_t w1, w2;

	memcpy(&w1, p, 8);
	memcpy(&w2, p + 8, 8);
	h->a = rotl(h->a ^ (w1 * m1), 31) * m2 + h->b;
	h->b = rotl(h->b ^ (w2 * m2), 33) * m1 + h->a;
}

void
hash_put(struct hash *h, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t k;

	if (n == 0)		/* data may be NULL (an empty blob) */
		return;
	h->n += n;
	if (h->t > 0) {
		k = 16 - h->t < n ? 16 - h->t : n;
		memcpy(h->tail + h->t, p, k);
		h->t += k, p += k, n -= k;
		if (h->t < 16)
			return;
		hash_block(h, h->tail);
		h->t = 0;
	}
	for (; n >= 16; p += 16, n -= 16)
		hash_block(h, p);
	memcpy(h->tail, p, n);
	h->t = n;
}

/* With its terminator, so "ab" then "c" differs from "a" then "bc". */
void
hash_str(struct hash *h, const char *s)
{
	hash_put(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

void
hash_u64(struct hash *h, uint64_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)	/* the same bytes on every machine */
		b[i] = (unsigned char)(v >> (8 * i));
	hash_put(h, b, sizeof(b));
}

void
hash_digest(struct hash *h, const struct digest *d)
{
	hash_u64(h, d->w[0]);
	hash_u64(h, d->w[1]);
}

void
hash_end(struct hash *h, struct digest *out)
{
	memset(h->tail + h->t, 0, 16 - h->t);
	hash_block(h, h->tail);
	/* The length last: bytes and the same bytes with zeros added
	 * differ. */
	out->w[0] = fmix(h->a + h->b + h->n);
	out->w[1] = fmix(h->b + out->w[0]);
}

void
hash_bytes(const void *p, size_t n, struct digest *out)
{
	struct hash h;

	hash_init(&h);
	hash_put(&h, p, n);
	hash_end(&h, out);
}

int
digest_eq(const struct digest *x, const struct digest *y)
{
	return x->w[0] == y->w[0] && x->w[1] == y->w[1];
}

void
digest_add(struct digest *sum, const struct digest *x)
{
	sum->w[0] += x->w[0];
	sum->w[1] += x->w[1];
}
