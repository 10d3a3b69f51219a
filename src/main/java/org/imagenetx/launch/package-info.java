/**
 * What {@code java -jar target/imagenetx.jar} starts: a launcher of a few classes around the tool's
 * own jar, which it carries uncompressed inside. The JVM reads a jar's whole central directory
 * before {@code main}, ~20 ms for the tool's 5,941 entries against ~2 ms for a jar of a few: a
 * command that a resident server answers loads only the launcher and the client ({@code daemon}); a
 * command this JVM runs unpacks the tool's jar once into the cache directory (checked by size and
 * CRC-32 on every use) and loads it in a class loader of its own.
 */
package org.imagenetx.launch;
