/**
 * The document kernel, shared by every module that keeps JSON documents (stories today;
 * collections, sessions and preferences next): the one bounded JSON reader, JSON Merge Patch, ETag
 * / If-Match / 412, opaque cursors, SQL conditions with bound values, and the version-history
 * pattern. Owns no tables.
 */
@ApplicationModule(allowedDependencies = {"platform"})
package dev.storyvault.document;

import org.springframework.modulith.ApplicationModule;
