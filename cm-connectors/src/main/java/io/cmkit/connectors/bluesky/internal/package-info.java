/**
 * The Bluesky connector's implementation: XRPC endpoints, JSON mapping, facets, record keys and
 * sessions. Not API.
 */
package io.cmkit.connectors.bluesky.internal;
