package io.shieldfab.recipe.rest.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.shieldfab.design.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Optional JSON body of approve/release; the request may also have no body at all. Who approves or releases is not
 * in it: that is the caller's identity, the {@code X-User} header the gateway sets (docs/recipe.md §6). A name a
 * client writes here is only part of the comment.
 *
 * @param user    deprecated alias of {@code comment}, recorded as the comment and never as who approved or released
 *                (docs/api-guide.md, "Migration note (approve/release)")
 * @param comment free text recorded with the transition, at most {@link #MAX_COMMENT_LENGTH} characters
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LifecycleRequest(
        @Schema(description = "Deprecated alias of comment, recorded as the comment. It used to name who approves or"
                + " releases; that is now the caller's identity (X-User, set by the gateway).",
                examples = "qa.manager@fab", maxLength = MAX_COMMENT_LENGTH, deprecated = true) String user,
        @Schema(description = "Recorded with the transition and returned as lifecycle.approvalComment or"
                + " lifecycle.releaseComment", examples = "Bath log of lot 4711 checked",
                maxLength = MAX_COMMENT_LENGTH) String comment) {

    /** Longest comment recorded with a transition: the {@code approval_comment}/{@code release_comment} columns (V2). */
    public static final int MAX_COMMENT_LENGTH = 500;

    /** No body: nothing to record. */
    public static final LifecycleRequest EMPTY = new LifecycleRequest(null, null);

    /** The fields that break the rules, each with its message; empty when the body can be recorded. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            violations.add(new Violation("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters"));
        }
        if (user != null && user.length() > MAX_COMMENT_LENGTH) {
            violations.add(new Violation("user", "must be at most " + MAX_COMMENT_LENGTH
                    + " characters (user is a deprecated alias of comment)"));
        } else if (given(user) && given(comment) && !user.trim().equals(comment.trim())) {
            violations.add(new Violation("user", "is a deprecated alias of comment; send comment only"));
        }
        return violations;
    }

    /** The comment to record, trimmed: {@code comment}, else the deprecated {@code user}; null for none. */
    public String recordedComment() {
        return given(comment) ? comment.trim() : given(user) ? user.trim() : null;
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
