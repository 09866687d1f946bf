package io.shieldfab.recipe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A compiled process recipe, one row per version: the aggregate root. Its procedure is stored as the
 * canonical JSON that {@link #contentHash} covers. Immutable once {@link #status} is {@code RELEASED}.
 */
@Entity
@Table(name = "recipe")
public class Recipe {

    /** Lifecycle states, DRAFT → APPROVED → RELEASED. */
    @Schema(name = "RecipeStatus", description = "DRAFT, then APPROVED, then RELEASED (immutable)")
    public enum Status { DRAFT, APPROVED, RELEASED }

    @Id
    public String id;

    @Column(name = "design_name", nullable = false)
    public String designName;

    @Column(name = "design_revision", nullable = false)
    public String designRevision;

    @Column(name = "layout_id")
    public String layoutId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    /** The client's comment on the approval, if any (never who approved: that is {@link #approvedBy}). */
    @Column(name = "approval_comment")
    public String approvalComment;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "released_by")
    public String releasedBy;

    /** The client's comment on the release, if any. */
    @Column(name = "release_comment")
    public String releaseComment;

    /** The version this one was derived from, when it was made by changing an earlier recipe. */
    @Column(name = "previous_id")
    public String previousId;

    @Column(name = "design_json", nullable = false, columnDefinition = "TEXT")
    public String designJson;

    @Column(name = "recipe_json", nullable = false, columnDefinition = "TEXT")
    public String recipeJson;
}
