package io.shieldfab.recipe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A compiled process recipe: the aggregate root. Immutable once released. */
@Entity
@Table(name = "recipe")
public class Recipe {

    @Id
    public String id;

    @Column(name = "design_name", nullable = false)
    public String designName;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String status;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "recipe_json", nullable = false, columnDefinition = "TEXT")
    public String recipeJson;
}
