#ifndef REGRESS_CLIBGIT2_SHIM_H
#define REGRESS_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
