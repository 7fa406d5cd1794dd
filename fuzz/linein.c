/*
 * fuzz/linein.c - the line reader, the first code to touch hostile bytes.
 *
 * DESCRIPTION
 *	The input is served to linein in reads of varying size (taken from
 *	the input's first bytes, as a pipe or a gzip stream may deliver
 *	it), with a small line limit so that the over-long paths run often.
 *	Every line handed out must be within the limit, hold no newline,
 *	and be a piece of the input; the reader must reach EOF.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "linein.h"

#define FUZZ_MAX_LINE 64	/* small: over-long lines are common */

struct fuzz_source {
	const uint8_t *data;
	size_t size;
	size_t pos;
	const uint8_t *sizes;	/* read sizes, cycled */
	size_t n_sizes;
	size_t reads;
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_read - the next piece of the input, of the next read size */
static long fuzz_read(void *ctx, char *buf, size_t room)
{
	struct fuzz_source *src = ctx;
	size_t want = src->sizes[src->reads++ % src->n_sizes] + 1;

	if (want > room)
		want = room;
	if (want > src->size - src->pos)
		want = src->size - src->pos;
	memcpy(buf, src->data + src->pos, want);
	src->pos += want;
	return (long) want;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_source src = { 0 };
	struct linein *in;
	const char *line;
	size_t len;
	size_t lines = 0;

	if (size < 4)
		return 0;
	src.sizes = data;
	src.n_sizes = 4;
	src.data = data + 4;
	src.size = size - 4;
	in = linein_open_source(fuzz_read, &src, -1, FUZZ_MAX_LINE);
	if (in == NULL)
		abort();
	for (;;) {
		enum linein_status got = linein_next(in, &line, &len);

		if (got == LINEIN_EOF)
			break;
		if (got != LINEIN_LINE && got != LINEIN_TOO_LONG)
			abort();	/* the source never fails */
		if (got == LINEIN_LINE
		    && (len > FUZZ_MAX_LINE || memchr(line, '\n', len) != NULL
			|| (len > 0 && memmem(src.data, src.size, line, len)
				       == NULL)))
			abort();
		if (++lines > size + 1)
			abort();	/* more lines than bytes: a loop */
	}
	linein_close(in);
	return 0;
}
