package io.shieldfab.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One page of handoffs, newest first.
 *
 * @param items      the handoffs on this page
 * @param nextCursor pass as {@code cursor} to get the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffPage(List<HandoffView> items, String nextCursor) {
}
