/**
 * The picocli command line. Commands are thin: they parse and validate options (shared ones in
 * {@link org.imagenetx.cli.DataOptions}), call the engine and render with {@code report}; they
 * return exit codes (0 ok, 1 bad input, 2 usage) and contain no statistics.
 */
package org.imagenetx.cli;
