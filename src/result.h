/*
 * result - what one line's trip through the stages came to.
 *
 * DESCRIPTION
 *	Shared by every stage that can refuse a line (campaign, tracking)
 *	and by the pipeline and run loop that answer for it.  A line is
 *	done, refused for now (offer it again: the store is busy or the
 *	event output full), or the output or store is broken for good.
 */
#ifndef PHISHWATCH_RESULT_H
#define PHISHWATCH_RESULT_H

enum pipeline_result {
	PIPELINE_DONE,  /* processed, or skipped and counted */
	PIPELINE_RETRY, /* transient failure: offer the line again */
	PIPELINE_FATAL  /* output or store broken: stop */
};

#endif
