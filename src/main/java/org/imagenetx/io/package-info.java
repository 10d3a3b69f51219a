/**
 * File-level concerns shared by loaders and writers: {@link org.imagenetx.io.BadInputException} (a
 * user mistake, reported as {@code file:line: problem}) and {@link org.imagenetx.io.AtomicFiles}
 * (outputs appear complete or not at all).
 */
package org.imagenetx.io;
