package io.shieldfab.layout.service;

import jakarta.ws.rs.core.StreamingOutput;

/**
 * A generated file ready to stream.
 *
 * @param mediaType content type
 * @param fileName  suggested file name
 * @param etag      strong entity tag (the file is a deterministic function of the stored design)
 * @param body      writes the file to the response
 */
public record LayoutFile(String mediaType, String fileName, String etag, StreamingOutput body) {
}
