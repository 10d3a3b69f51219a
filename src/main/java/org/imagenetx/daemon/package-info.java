/**
 * The resident server: a JVM that stays up between commands so that a command pays only a small
 * client's start, not picocli's model, the release's decoding and a cold JIT.
 *
 * <p>{@code java -jar imagenetx.jar <command>} with no JVM options looks for a server of its own
 * {@link org.imagenetx.daemon.DaemonKey} (same jar file, JVM, working directory and the environment
 * the tool reads) on a Unix-domain socket in the cache directory. Found, it sends the arguments and
 * copies the server's standard output, standard error and exit code; absent, the command runs in
 * its own JVM and then starts a server for the next one. The server serves one command at a time (a
 * second client meanwhile runs in-process), exits when its client goes away mid-command (as a
 * Ctrl-C would end an in-process run), when idle, when its jar or socket changes, and never serves
 * another user. {@code IMAGENETX_DAEMON=off} disables it.
 */
package org.imagenetx.daemon;
