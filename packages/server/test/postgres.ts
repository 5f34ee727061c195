// The tests' throwaway PostgreSQL lives in scripts/, shared with the scale-out test.
export { postgresBinDir, startPostgres, type Postgres } from '../../../scripts/postgres.mjs';

/** The one line a missing PostgreSQL fails with (not a skip: that would hide the whole store). */
export const NO_POSTGRES = 'PostgreSQL not found in /usr/lib/postgresql/<n>/bin or PATH. On Debian or Ubuntu: sudo apt-get install postgresql';
