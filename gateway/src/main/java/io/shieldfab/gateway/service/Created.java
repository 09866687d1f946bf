package io.shieldfab.gateway.service;

/**
 * An artefact a step of this attempt created: what the gateway reads of it, its document in the work folder as the
 * service answered the creating call (byte for byte the document a later GET returns, so it is the bundle's file and
 * is not fetched again), and the API version the service named in that answer (null when it named none; the bundle
 * then asks for it).
 */
record Created<T>(T result, BundleBuilder.Entry file, String apiVersion) {
}
