/*
 * confload - a config set loaded on a thread of its own (see confload.h).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "confload.h"

enum confload_state {
	CONFLOAD_LOADING, /* the thread makes the set */
	CONFLOAD_LOADED,  /* made or failed: confload_take() */
	CONFLOAD_DONE     /* the old set freed, the thread ended */
};

struct confload {
	pthread_t thread;
	const struct config_options *opts;
	struct config_names names; /* the store's, to learn */
	struct config_set set;     /* the new set; then the old one */
	int status;                /* config_load()'s */
	char err[CONFIG_ERR_MAX];
	atomic_int state;     /* enum confload_state */
	pthread_mutex_t lock; /* over retired */
	pthread_cond_t wake;  /* loaded, or retired was set */
	int retired;          /* set holds what to free */
	int orphan;           /* left: the thread releases cl itself */
};

/* confload_make - the new set: loaded, then the store's brands */
static void confload_make(struct confload *cl)
{
	cl->status = config_load(cl->opts, &cl->set, cl->err);
	if (cl->status == 0)
		cl->status = config_learn_names(&cl->set, &cl->names, cl->err);
	if (cl->status != 0)
		config_free(&cl->set);
	config_names_free(&cl->names);
}

/* confload_release - the lock, the condition and cl itself */
static void confload_release(struct confload *cl)
{
	pthread_cond_destroy(&cl->wake);
	pthread_mutex_destroy(&cl->lock);
	free(cl);
}

/* confload_run - the thread: make the set, wait to be given the old
 * one, free it; a thread that was left releases cl too */
static void *confload_run(void *arg)
{
	struct confload *cl = arg;
	int orphan;

	confload_make(cl);
	pthread_mutex_lock(&cl->lock);
	atomic_store(&cl->state, CONFLOAD_LOADED);
	pthread_cond_broadcast(&cl->wake);
	while (!cl->retired)
		pthread_cond_wait(&cl->wake, &cl->lock);
	pthread_mutex_unlock(&cl->lock);
	config_free(&cl->set);
	pthread_mutex_lock(&cl->lock);
	atomic_store(&cl->state, CONFLOAD_DONE);
	orphan = cl->orphan;
	pthread_mutex_unlock(&cl->lock);
	if (orphan)
		confload_release(cl);
	return NULL;
}

/*
 * The loader's stack.  The default (RLIMIT_STACK, 8 MiB) is address
 * space taken from a process that may run under a tight ulimit -v, and
 * liblognorm and libfastjson crash, rather than fail, when an
 * allocation fails while they load a rulebase; what loads here (a
 * rulebase, maps and brand files, read line by line) needs little.
 */
#define CONFLOAD_STACK (1024L * 1024)

/* confload_spawn - the thread, with every signal blocked in it */
static int confload_spawn(struct confload *cl)
{
	pthread_attr_t attr;
	sigset_t all, before;
	int rc = pthread_attr_init(&attr);

	if (rc != 0)
		return rc;
	rc = pthread_attr_setstacksize(&attr, CONFLOAD_STACK);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &before);
	if (rc == 0)
		rc = pthread_create(&cl->thread, &attr, confload_run, cl);
	pthread_sigmask(SIG_SETMASK, &before, NULL);
	pthread_attr_destroy(&attr);
	return rc;
}

/* confload_start - the thread, given the options and names */
struct confload *confload_start(const struct config_options *opts,
				struct config_names *names)
{
	struct confload *cl = calloc(1, sizeof(*cl));
	int rc;

	if (cl == NULL)
		return NULL;
	cl->opts = opts;
	cl->names = *names;
	memset(names, 0, sizeof(*names));
	atomic_init(&cl->state, CONFLOAD_LOADING);
	pthread_mutex_init(&cl->lock, NULL);
	pthread_cond_init(&cl->wake, NULL);
	rc = confload_spawn(cl);
	if (rc != 0) {
		config_names_free(&cl->names);
		confload_release(cl);
		errno = rc;
		return NULL;
	}
	return cl;
}

/* confload_loaded - the thread got past the load */
int confload_loaded(const struct confload *cl)
{
	return atomic_load(&cl->state) != CONFLOAD_LOADING;
}

/* confload_wait - until the thread got past the load */
void confload_wait(struct confload *cl)
{
	pthread_mutex_lock(&cl->lock);
	while (atomic_load(&cl->state) == CONFLOAD_LOADING)
		pthread_cond_wait(&cl->wake, &cl->lock);
	pthread_mutex_unlock(&cl->lock);
}

/* confload_take - the set out of cl, or why it did not load */
int confload_take(struct confload *cl, struct config_set *set,
		  char err[CONFIG_ERR_MAX])
{
	err[0] = '\0';
	if (cl->status != 0) {
		memcpy(err, cl->err, CONFIG_ERR_MAX);
		return cl->status;
	}
	*set = cl->set;
	memset(&cl->set, 0, sizeof(cl->set));
	return 0;
}

/* confload_retire - hand old to the thread, which frees it */
void confload_retire(struct confload *cl, const struct config_set *old)
{
	pthread_mutex_lock(&cl->lock);
	if (!cl->retired) {
		if (old != NULL)
			cl->set = *old;
		cl->retired = 1;
		pthread_cond_broadcast(&cl->wake);
	}
	pthread_mutex_unlock(&cl->lock);
}

/* confload_idle - the thread ended */
int confload_idle(const struct confload *cl)
{
	return atomic_load(&cl->state) == CONFLOAD_DONE;
}

/* confload_join - the thread ended, and everything released; what was
 * never taken is freed by the thread itself */
void confload_join(struct confload *cl)
{
	if (cl == NULL)
		return;
	confload_retire(cl, NULL);
	pthread_join(cl->thread, NULL);
	confload_release(cl);
}

/* confload_leave - see confload.h: the decision is taken under the lock
 * the thread takes to end, so exactly one of the two releases cl */
void confload_leave(struct confload *cl)
{
	pthread_t thread;

	if (cl == NULL)
		return;
	pthread_mutex_lock(&cl->lock);
	if (atomic_load(&cl->state) == CONFLOAD_DONE) {
		pthread_mutex_unlock(&cl->lock);
		confload_join(cl);
		return;
	}
	cl->orphan = 1;
	cl->retired = 1;
	pthread_cond_broadcast(&cl->wake);
	thread = cl->thread;
	pthread_mutex_unlock(&cl->lock);
	pthread_detach(thread);
}
