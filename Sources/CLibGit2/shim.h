#ifndef REGRESS_CLIBGIT2_SHIM_H
#define REGRESS_CLIBGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one fixed-argument wrapper per option used. */

/* Trees up to `limit` bytes stay in libgit2's object cache (its default keeps only trees under 4 KiB),
   so a folder that a walk over history compares commit after commit is parsed once. */
static inline int regress_set_tree_cache_limit(size_t limit) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, limit);
}

/* Objects read from the object database are not hashed again to check their ids (libgit2's default
   does, git itself does not): reading history would otherwise spend most of its time in SHA-1. */
static inline int regress_disable_read_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}
/* Whether libgit2 keeps the objects it reads in its cache (on by default). A walk that reads each
   commit once gains nothing from it, and the cache's budget counts raw bytes, not what a parsed
   commit takes: walking 30,000 commits kept 40 MB. */
static inline int regress_enable_object_cache(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}
#endif
