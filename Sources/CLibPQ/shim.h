// libpq, the PostgreSQL client library of the operating system (Debian: libpq-dev), for the team
// build only (`swift build --traits PostgreSQL`).
#include <libpq-fe.h>
