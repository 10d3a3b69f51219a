/**
 * The local explorer: {@link org.imagenetx.serve.ExplorerServer} serves a static page (heatmap,
 * model, comparison and group views, inline SVG, no external resources) and a read-only JSON API
 * under {@code /api/} over one {@link org.imagenetx.query.QueryEngine}, on the JDK's built-in HTTP
 * server, bound to loopback by default.
 */
package org.imagenetx.serve;
