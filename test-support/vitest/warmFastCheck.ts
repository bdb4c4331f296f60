// Runs before each test file (vitest.config.ts). fast-check builds a reverse map of every Unicode
// code point (1.1 million entries) the first time a string arbitrary over full Unicode is made
// (`fc.string({ unit: 'binary' })` and the like): about a second on an idle 2-core machine, many
// more under load. Made inside a test, that counted against the test's timeout, so property tests
// failed on a busy machine. Made here, it is paid once per worker (vitest.config.ts shares the
// module graph between the files of a worker) and outside any test.
import fc from 'fast-check';

fc.string({ unit: 'binary' });
fc.string({ unit: 'grapheme' });
