package io.shieldfab.gateway.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shieldfab.gateway.portal.PortalViews.FullWave;
import io.shieldfab.gateway.portal.PortalViews.HandoffDetail;
import io.shieldfab.gateway.portal.PortalViews.HandoffList;

/**
 * The portal's pages ({@code src/main/resources/templates/portal/*.html}), checked at build time.
 * {@code session} is null on pages shown before sign-in. Methods with {@code $} render one fragment
 * of a page: what htmx fetches to refresh that part.
 */
@CheckedTemplate(basePath = "portal")
public final class Templates {

    private Templates() {
    }

    public static native TemplateInstance signIn(PortalSession session, String message, boolean signInPossible);

    public static native TemplateInstance handoffs(PortalSession session, HandoffList list);

    public static native TemplateInstance handoffs$rows(HandoffList list);

    public static native TemplateInstance handoff(PortalSession session, HandoffDetail detail, FullWave fullWave);

    public static native TemplateInstance handoff$body(PortalSession session, HandoffDetail detail, FullWave fullWave);

    public static native TemplateInstance handoff$fullWave(PortalSession session, FullWave fullWave);

    public static native TemplateInstance newDesign(PortalSession session, ExampleDesigns.Form form, DocumentOutline outline,
                                                    String uploadMessage, String fileName, String submissionId,
                                                    String maxDesignKib);

    public static native TemplateInstance newDesign$exampleFields(PortalSession session, ExampleDesigns.Form form, String submissionId);

    public static native TemplateInstance error(PortalSession session, String title, String message, int status);
}
